/**
 * The life of an outage (rules.md §5) and the publishing rules of rules.md §3, as pure functions:
 * which action is allowed in which state, where it leads, and which rules an outage breaks when
 * it is published, re-estimated or restored. Breaking a publishing rule does not stop the work
 * (power is off either way); the outage is flagged so that the center's assessment sees it.
 */
import {
  OUTAGE_CLASS,
  type OutageAction,
  type OutageCategory,
  type OutageFlag,
  type OutageState,
} from '../../../common/outages/categories.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Faults are entered after the power went off; the others are announced before. */
export const isFault = (c: OutageCategory) => c === 'grid_fault' || c === 'over_capacity';

const FROM: Record<OutageAction, readonly OutageState[]> = {
  publish: ['draft'],
  start: ['published', 'postponed'],
  estimate: ['published', 'in_progress', 'postponed'],
  postpone: ['published', 'postponed'],
  restore: ['in_progress'],
  cancel: ['draft', 'published', 'postponed'],
};

export function mayAct(state: OutageState, action: OutageAction): boolean {
  return FROM[action].includes(state);
}

export function allowedOutageActions(state: OutageState): OutageAction[] {
  return (Object.keys(FROM) as OutageAction[]).filter((a) => mayAct(state, a));
}

/**
 * Where an action leads. Publishing a fault outage (or one whose power is already off) puts it
 * in progress at once; an estimate changes no state.
 */
export function nextState(
  o: { state: OutageState; category: OutageCategory; startedAt: Date | null },
  action: OutageAction,
): OutageState {
  switch (action) {
    case 'publish':
      return isFault(o.category) || o.startedAt ? 'in_progress' : 'published';
    case 'start':
      return 'in_progress';
    case 'estimate':
      return o.state;
    case 'postpone':
      return 'postponed';
    case 'restore':
      return 'restored';
    case 'cancel':
      return 'cancelled';
  }
}

export interface PublishFacts {
  category: OutageCategory;
  plannedStart: Date | null;
  startedAt: Date | null;
  /** When the outage was entered: a fault's information must follow within 5 minutes. */
  createdAt: Date;
  importantCustomers: number;
}

/**
 * The publishing rules an outage breaks when published at `now`: planned outages are announced
 * at least 7 days ahead, temporary ones at least 24 h ahead when important customers are in the
 * scope, and fault information is entered within 5 minutes of the power going off (or of the
 * outage being confirmed, when that time is unknown).
 */
export function publishFlags(o: PublishFacts, now: Date): OutageFlag[] {
  const flags: OutageFlag[] = [];
  if (o.category === 'planned' && o.plannedStart) {
    if (o.plannedStart.getTime() - now.getTime() < 7 * DAY) flags.push('late_notice');
  }
  if (o.category === 'temporary' && o.plannedStart && o.importantCustomers > 0) {
    if (o.plannedStart.getTime() - now.getTime() < DAY) flags.push('late_important_notice');
  }
  if (isFault(o.category)) {
    const since = o.startedAt ?? o.createdAt;
    if (now.getTime() - since.getTime() > 5 * MINUTE) flags.push('late_entry');
  }
  return flags;
}

/** A restoration estimate is entered within 5 minutes of becoming known. */
export function estimateFlags(knownAt: Date, now: Date): OutageFlag[] {
  return now.getTime() - knownAt.getTime() > 5 * MINUTE ? ['late_estimate'] : [];
}

/** Restored after the planned end (planned and temporary outages). */
export function restoreFlags(plannedEnd: Date | null, restoredAt: Date): OutageFlag[] {
  return plannedEnd && restoredAt.getTime() > plannedEnd.getTime() ? ['overrun'] : [];
}

/** Announced outages need a planned window, start before end; marketing ones too. */
export function windowProblem(o: {
  category: OutageCategory;
  plannedStart: Date | null;
  plannedEnd: Date | null;
}): string | null {
  if (isFault(o.category)) {
    if (o.plannedStart && o.plannedEnd && o.plannedEnd <= o.plannedStart)
      return 'plannedEnd must be after plannedStart';
    return null;
  }
  if (!o.plannedStart || !o.plannedEnd)
    return `A ${OUTAGE_CLASS[o.category]} outage of this category needs plannedStart and plannedEnd`;
  if (o.plannedEnd <= o.plannedStart) return 'plannedEnd must be after plannedStart';
  return null;
}

/** Merges new flags into old ones, keeping the order of first appearance. */
export function withFlags(old: readonly string[], add: readonly OutageFlag[]): string[] {
  return [...new Set([...old, ...add])];
}
