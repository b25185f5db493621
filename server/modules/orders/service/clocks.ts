/**
 * The SLA clocks of one order as plain data, and what the machine's directives do to them:
 * start (or restart with a new epoch), stop, pause, resume. Pure apart from the calendar given.
 */
import {
  DEFAULT_THRESHOLDS,
  type SlaLimit,
  type SlaStatus,
  type SlaStep,
  type SlaThresholds,
} from '../../../../common/orders/sla.js';
import type { WorkingCalendar } from '../../calendar/index.js';
import { clockDue, readClock, timerPlan, type Pause } from '../sla/index.js';
import type { StepLimit } from './sla-policy.js';

export interface Clock {
  step: SlaStep;
  limit: SlaLimit;
  rule: StepLimit['rule'];
  startedAt: Date;
  dueAt: Date;
  stoppedAt: Date | null;
  pauses: Pause[];
  status: SlaStatus;
  epoch: number;
}

export interface PlannedTimer {
  step: SlaStep;
  epoch: number;
  kind: 'warning' | 'critical' | 'overdue';
  at: Date;
}

/** What changed: the clocks to write, and for which steps timers are replaced. */
export interface ClockChanges {
  clocks: Clock[];
  /** Steps whose unfired timers must go (stopped, paused or re-planned). */
  cancelTimers: SlaStep[];
  timers: PlannedTimer[];
}

/** The warning levels a clock started with (the taxonomy's then), else the defaults. */
export const thresholdsOf = (c: Pick<Clock, 'rule'>): SlaThresholds =>
  c.rule.thresholds ?? DEFAULT_THRESHOLDS;

const running = (c: Clock) => c.stoppedAt === null && !c.pauses.some((p) => p.to === null);

function planTimers(cal: WorkingCalendar, c: Clock, now: Date): PlannedTimer[] {
  return timerPlan(cal, c, now, thresholdsOf(c)).map((t) => ({
    step: c.step,
    epoch: c.epoch,
    kind: t.kind,
    at: t.at,
  }));
}

/** A clock started at `at` (a restart takes the next epoch so old timers never fire). */
export function startClock(
  cal: WorkingCalendar,
  step: SlaStep,
  limit: StepLimit,
  at: Date,
  previous: Clock | undefined,
): { clock: Clock; timers: PlannedTimer[] } {
  const base = { limit: limit.limit, startedAt: at, pauses: [], stoppedAt: null };
  const clock: Clock = {
    step,
    limit: limit.limit,
    rule: limit.rule,
    startedAt: at,
    dueAt: clockDue(cal, base, at),
    stoppedAt: null,
    pauses: [],
    status: 'ok',
    epoch: (previous?.epoch ?? 0) + 1,
  };
  return { clock, timers: planTimers(cal, clock, at) };
}

export function stopClock(c: Clock, at: Date): Clock {
  const pauses = c.pauses.map((p) => (p.to === null ? { ...p, to: at } : p));
  return {
    ...c,
    pauses,
    stoppedAt: at,
    status: at.getTime() <= c.dueAt.getTime() ? 'met' : 'missed',
  };
}

export function pauseClock(c: Clock, at: Date): Clock {
  return { ...c, pauses: [...c.pauses, { from: at, to: null }], status: 'paused' };
}

export function resumeClock(
  cal: WorkingCalendar,
  c: Clock,
  at: Date,
): { clock: Clock; timers: PlannedTimer[] } {
  const pauses = c.pauses.map((p) => (p.to === null ? { ...p, to: at } : p));
  const resumed = { ...c, pauses, epoch: c.epoch + 1 };
  const reading = readClock(cal, resumed, at, thresholdsOf(resumed));
  const clock: Clock = { ...resumed, dueAt: reading.dueAt, status: reading.status };
  return { clock, timers: planTimers(cal, clock, at) };
}

/**
 * Applies the machine's directives at `at`. `limits` gives the limit of each step that may start;
 * a step without a limit has no clock.
 */
export function applyDirectives(
  cal: WorkingCalendar,
  existing: readonly Clock[],
  d: {
    stop: readonly SlaStep[] | 'all';
    start: readonly SlaStep[];
    pause?: boolean;
    resume?: boolean;
  },
  limits: Partial<Record<SlaStep, StepLimit>>,
  at: Date,
): ClockChanges {
  const byStep = new Map(existing.map((c) => [c.step, c]));
  const changed = new Map<SlaStep, Clock>();
  const cancel = new Set<SlaStep>();
  const timers: PlannedTimer[] = [];
  const current = (s: SlaStep) => changed.get(s) ?? byStep.get(s);

  const stops = d.stop === 'all' ? [...byStep.keys()] : d.stop;
  for (const step of stops) {
    const c = current(step);
    if (c && c.stoppedAt === null) {
      changed.set(step, stopClock(c, at));
      cancel.add(step);
    }
  }
  if (d.pause) {
    for (const c of [...byStep.values()].filter(running)) {
      changed.set(c.step, pauseClock(c, at));
      cancel.add(c.step);
    }
  }
  if (d.resume) {
    for (const c of byStep.values()) {
      if (c.stoppedAt === null && c.pauses.some((p) => p.to === null)) {
        const r = resumeClock(cal, c, at);
        changed.set(c.step, r.clock);
        cancel.add(c.step);
        timers.push(...r.timers);
      }
    }
  }
  for (const step of d.start) {
    const limit = limits[step];
    if (!limit) continue;
    const r = startClock(cal, step, limit, at, current(step));
    changed.set(step, r.clock);
    cancel.add(step);
    timers.push(...r.timers);
  }
  return { clocks: [...changed.values()], cancelTimers: [...cancel], timers };
}

const RANK: Record<SlaStatus, number> = {
  met: 0,
  missed: 0,
  paused: 1,
  ok: 2,
  warning: 3,
  critical: 4,
  overdue: 5,
};

/** The order's SLA summary: the worst status and earliest due among running clocks. */
export function orderSla(
  cal: WorkingCalendar,
  clocks: readonly Clock[],
  now: Date,
): { status: SlaStatus; dueAt: Date | null; missed: boolean } {
  let status: SlaStatus = 'ok';
  let dueAt: Date | null = null;
  let anyOpen = false;
  let allPaused = true;
  for (const c of clocks) {
    if (c.stoppedAt !== null) continue;
    anyOpen = true;
    const r = readClock(cal, c, now, thresholdsOf(c));
    if (r.status !== 'paused') {
      allPaused = false;
      if (RANK[r.status] > RANK[status]) status = r.status;
      if (!dueAt || r.dueAt < dueAt) dueAt = r.dueAt;
    }
  }
  const missed = clocks.some(
    (c) => c.status === 'missed' || (c.stoppedAt !== null && c.stoppedAt > c.dueAt),
  );
  if (!anyOpen) return { status: missed ? 'missed' : 'met', dueAt: null, missed };
  if (allPaused) return { status: 'paused', dueAt: null, missed };
  return { status, dueAt, missed };
}
