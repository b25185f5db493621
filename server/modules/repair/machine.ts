/**
 * The repair job's state machine and the crew suggestion, pure (rules.md §2–§3): what a crew
 * member may do with a job in its state, what it needs, what it does to the crew's state and
 * which order action it drives; and which crew to send to a fault order.
 */
import type { CrewState, JobAction, JobState } from '../../../common/schemas/repair.js';
import type { OrderAction, OrderState } from '../../../common/orders/states.js';

interface JobRule {
  from: readonly JobState[];
  to: JobState;
  /** Inputs the action cannot do without. */
  needs: readonly ('reason' | 'result')[];
  /** The crew's state after the action; null: unchanged (or back to duty, see crewAfter). */
  crew: CrewState | 'free' | null;
}

const RULES: Record<JobAction, JobRule> = {
  accept: { from: ['offered'], to: 'accepted', needs: [], crew: null },
  send_back: { from: ['offered', 'accepted'], to: 'sent_back', needs: ['reason'], crew: 'free' },
  depart: { from: ['accepted'], to: 'en_route', needs: [], crew: 'en_route' },
  // Arriving straight from accepted is allowed: a crew next door does not press 出发 first.
  arrive: { from: ['accepted', 'en_route'], to: 'on_site', needs: [], crew: 'on_site' },
  complete: { from: ['on_site'], to: 'done', needs: ['result'], crew: 'free' },
};

/** Whether the action fits the job's state. */
export function jobActionFits(state: JobState, action: JobAction): boolean {
  return RULES[action].from.includes(state);
}

/** The actions possible in a state. */
export function jobActionsIn(state: JobState): JobAction[] {
  return (Object.keys(RULES) as JobAction[]).filter((a) => jobActionFits(state, a));
}

export function jobTarget(action: JobAction): JobState {
  return RULES[action].to;
}

export function jobNeeds(action: JobAction): readonly ('reason' | 'result')[] {
  return RULES[action].needs;
}

/**
 * The crew's state after an action. A crew that is free again goes back on duty, unless it still
 * holds other live jobs, when it stays as it was; otherwise the action sets it.
 */
export function crewAfter(action: JobAction, current: CrewState, otherLiveJobs: number): CrewState {
  const rule = RULES[action].crew;
  if (rule === null) return current;
  if (rule === 'free') return otherLiveJobs > 0 || current === 'off_duty' ? current : 'on_duty';
  return rule;
}

/**
 * The order actions a job action drives, given the order's state: the order's timeline, clocks
 * and audit stay the orders module's. Accepting acknowledges an order still waiting for its unit
 * (接单); arriving stops the arrival clock (到达现场); completing stamps 抢修完成 and returns it (回单).
 */
export function orderActionsFor(action: JobAction, orderState: OrderState): OrderAction[] {
  const steps: OrderAction[] = [];
  let state = orderState;
  const push = (a: OrderAction, from: OrderState, to: OrderState) => {
    if (state === from) {
      steps.push(a);
      state = to;
    }
  };
  switch (action) {
    case 'accept':
    case 'depart':
      push('acknowledge', 'dispatched', 'handling');
      break;
    case 'arrive':
      push('acknowledge', 'dispatched', 'handling');
      push('arrive', 'handling', 'on_site');
      break;
    case 'complete':
      push('acknowledge', 'dispatched', 'handling');
      push('arrive', 'handling', 'on_site');
      push('repaired', 'on_site', 'repaired');
      push('return', 'repaired', 'returned');
      break;
    case 'send_back':
      break;
  }
  return steps;
}

/** A crew as the suggestion sees it. */
export interface CandidateCrew {
  id: string;
  name: string;
  state: CrewState;
  busy: boolean;
  unitPath: string;
  /** The part of the tree the crew serves: its unit, or the parent of a department. */
  areaPath: string;
  feederIds: readonly string[];
  transformerIds: readonly string[];
}

export interface SuggestOrder {
  transformerId: string | null;
  feederId: string | null;
  unitPath: string;
}

export interface Ranked {
  crew: CandidateCrew;
  match: 'transformer' | 'feeder' | 'unit';
  suggested: boolean;
}

const MATCH_RANK = { transformer: 0, feeder: 1, unit: 2 } as const;
const STATE_RANK: Record<CrewState, number> = { on_duty: 0, en_route: 1, on_site: 2, off_duty: 3 };

function matchOf(c: CandidateCrew, o: SuggestOrder): Ranked['match'] | null {
  if (o.transformerId && c.transformerIds.includes(o.transformerId)) return 'transformer';
  if (o.feederId && c.feederIds.includes(o.feederId)) return 'feeder';
  if (c.unitPath.startsWith(o.unitPath) || o.unitPath.startsWith(c.areaPath)) return 'unit';
  return null;
}

/**
 * Crews that may go to an order, best first: those whose service area holds the order's
 * transformer, then its feeder, then the other crews of the order's unit; free before busy, and
 * on duty before en route before on site. The suggestion is the first free crew on duty. Crews
 * off duty are left out.
 */
export function rankCrews(order: SuggestOrder, crews: readonly CandidateCrew[]): Ranked[] {
  const ranked = crews
    .filter((c) => c.state !== 'off_duty')
    .flatMap((c) => {
      const match = matchOf(c, order);
      return match ? [{ crew: c, match, suggested: false }] : [];
    })
    .sort(
      (a, b) =>
        MATCH_RANK[a.match] - MATCH_RANK[b.match] ||
        Number(a.crew.busy) - Number(b.crew.busy) ||
        STATE_RANK[a.crew.state] - STATE_RANK[b.crew.state] ||
        a.crew.name.localeCompare(b.crew.name, 'zh'),
    );
  const pick = ranked.find((r) => r.crew.state === 'on_duty' && !r.crew.busy);
  if (pick) pick.suggested = true;
  return ranked;
}
