import {
  DEFAULT_THRESHOLDS,
  type SlaLimit,
  type SlaStatus,
  type SlaThresholds,
} from '../../../../common/orders/sla.js';
import {
  addMinutes,
  addWorkingDays,
  chinaDate,
  type WorkingCalendar,
} from '../../calendar/index.js';

/**
 * The SLA clock (rules.md §3–§4), pure: when a clock falls due, where it stands at a given
 * instant and when its timers fire. Time is always passed in; nothing here reads the clock.
 *
 * Suspension (挂起) stops the clock, and the due moves later:
 * - minutes: by the time the clock stood still;
 * - working days: by the working days lost, i.e. the working days d with
 *   date(pause.from) < d ≤ date(pause.to) (China dates). The day the pause begins was already
 *   running, the day it ends is lost whole; a pause that begins and ends on the same day
 *   extends nothing.
 * A pause that begins once the clock has run out extends nothing: an overdue order cannot be
 * cured by suspending it. Time before the start, after the stop, or already covered by an earlier
 * pause is not counted twice.
 */

/** A suspension of the clock; `to` null while the order is still suspended. */
export interface Pause {
  from: Date;
  to: Date | null;
}

/** One clock: its limit, when it started, its suspensions, and when it stopped (null: running). */
export interface ClockInput {
  limit: SlaLimit;
  startedAt: Date;
  pauses: readonly Pause[];
  stoppedAt: Date | null;
}

/** Where a clock stands at an instant. */
export interface ClockReading {
  dueAt: Date;
  status: SlaStatus;
  /** Elapsed share of the limit in natural time, (at − start) / (due − start); 0..∞. */
  fraction: number;
  /** due − (stoppedAt ?? now); negative when overdue or met late. */
  remainingMs: number;
  /** Natural time the clock stood still (pauses that extended the clock). */
  pausedMs: number;
  /** Working days added by pauses (0 for a minutes clock). */
  extendedWorkingDays: number;
  warningAt: Date;
  criticalAt: Date;
}

/** One pause as the engine counted it. */
export interface CountedPause {
  from: Date;
  to: Date | null;
  /** Natural time this pause stopped the clock, after clipping. */
  ms: number;
  /** Working days this pause added (working-day clocks only). */
  workingDays: number;
  /** The working dates (YYYY-MM-DD) lost to this pause (working-day clocks only). */
  lostDays: string[];
  /** Whether the pause began after the clock had run out, so it extended nothing. */
  afterDue: boolean;
}

/** A clock with its pauses settled: the due and how the pauses moved it. */
export interface SettledClock {
  dueAt: Date;
  /** The due without any pause. */
  baseDueAt: Date;
  /** The pauses in time order. */
  pauses: CountedPause[];
  pausedMs: number;
  extendedWorkingDays: number;
}

const DAY_MS = 86_400_000;

/** Rejects a limit the engine cannot count: working days must be whole, both must be positive. */
export function checkLimit(limit: SlaLimit): void {
  const { unit, amount } = limit;
  if (!Number.isFinite(amount) || amount <= 0) {
    throw new RangeError(`An SLA limit must be positive, got ${amount} ${unit}`);
  }
  if (unit === 'working_days' && !Number.isInteger(amount)) {
    throw new RangeError(`A working-day limit must be a whole number, got ${amount}`);
  }
}

/** Rejects thresholds outside 0 < warning ≤ critical ≤ 1. */
export function checkThresholds(t: SlaThresholds): void {
  if (!(t.warning > 0 && t.warning <= t.critical && t.critical <= 1)) {
    throw new RangeError(
      `SLA thresholds need 0 < warning ≤ critical ≤ 1, got ${t.warning} / ${t.critical}`,
    );
  }
}

/** The date after a YYYY-MM-DD date. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The working dates d with after < d ≤ until. */
export function workingDatesBetween(cal: WorkingCalendar, after: string, until: string): string[] {
  const out: string[] = [];
  for (let d = nextDate(after); d <= until; d = nextDate(d)) {
    if (cal.isWorkingDay(d)) out.push(d);
  }
  return out;
}

function dueWith(cal: WorkingCalendar, clock: ClockInput, extraMs: number, extraDays: number) {
  const { limit, startedAt } = clock;
  return limit.unit === 'minutes'
    ? new Date(addMinutes(startedAt, limit.amount).getTime() + extraMs)
    : addWorkingDays(cal, startedAt, limit.amount + extraDays);
}

/** Works out the due of a clock and what each pause added; an open pause counts until `now`. */
export function settleClock(cal: WorkingCalendar, clock: ClockInput, now: Date): SettledClock {
  checkLimit(clock.limit);
  const baseDueAt = dueWith(cal, clock, 0, 0);
  const stop = clock.stoppedAt?.getTime() ?? Infinity;
  const sorted = [...clock.pauses].sort((a, b) => a.from.getTime() - b.from.getTime());
  let due = baseDueAt;
  let extraMs = 0;
  let extraDays = 0;
  let pausedMs = 0;
  // Everything before the cursor has been counted (or was before the start).
  let cursor = clock.startedAt.getTime();
  const pauses = sorted.map((p): CountedPause => {
    const from = Math.max(p.from.getTime(), cursor);
    const end = Math.min((p.to ?? now).getTime(), stop);
    const counted: CountedPause = {
      from: p.from,
      to: p.to,
      ms: 0,
      workingDays: 0,
      lostDays: [],
      afterDue: from >= due.getTime(),
    };
    if (counted.afterDue || end <= from) return counted;
    counted.ms = end - from;
    pausedMs += counted.ms;
    if (clock.limit.unit === 'minutes') {
      extraMs += counted.ms;
    } else {
      counted.lostDays = workingDatesBetween(
        cal,
        chinaDate(new Date(from)),
        chinaDate(new Date(end)),
      );
      counted.workingDays = counted.lostDays.length;
      extraDays += counted.workingDays;
    }
    due = dueWith(cal, clock, extraMs, extraDays);
    cursor = end;
    return counted;
  });
  return { dueAt: due, baseDueAt, pauses, pausedMs, extendedWorkingDays: extraDays };
}

/** When the clock falls due, pauses included. With an open pause, as if it ended at `now`. */
export function clockDue(cal: WorkingCalendar, clock: ClockInput, now: Date): Date {
  return settleClock(cal, clock, now).dueAt;
}

/** Reads a settled clock at `now`. */
export function readSettled(
  clock: ClockInput,
  settled: SettledClock,
  now: Date,
  thresholds: SlaThresholds,
): ClockReading {
  checkThresholds(thresholds);
  const start = clock.startedAt.getTime();
  const due = settled.dueAt.getTime();
  const span = due - start;
  const at = (clock.stoppedAt ?? now).getTime();
  const fraction = Math.max(0, (at - start) / span);
  const warningAt = start + Math.round(thresholds.warning * span);
  const criticalAt = start + Math.round(thresholds.critical * span);
  return {
    dueAt: settled.dueAt,
    status: statusOf(clock, at, { warningAt, criticalAt, due }),
    fraction,
    remainingMs: due - at,
    pausedMs: settled.pausedMs,
    extendedWorkingDays: settled.extendedWorkingDays,
    warningAt: new Date(warningAt),
    criticalAt: new Date(criticalAt),
  };
}

/**
 * A stopped clock is met when it stopped at or before the due. A running clock is compared with
 * the timer instants rather than the fraction, so that a timer firing at its instant always sees
 * the status it announces (no float rounding in between); it reads overdue from the due instant.
 */
function statusOf(
  clock: ClockInput,
  at: number,
  marks: { warningAt: number; criticalAt: number; due: number },
): SlaStatus {
  if (clock.stoppedAt) return at <= marks.due ? 'met' : 'missed';
  if (clock.pauses.some((p) => p.to === null)) return 'paused';
  if (at >= marks.due) return 'overdue';
  if (at >= marks.criticalAt) return 'critical';
  if (at >= marks.warningAt) return 'warning';
  return 'ok';
}

/** Where a clock stands at `now`: due, status, elapsed share and the warning instants. */
export function readClock(
  cal: WorkingCalendar,
  clock: ClockInput,
  now: Date,
  thresholds: SlaThresholds = DEFAULT_THRESHOLDS,
): ClockReading {
  return readSettled(clock, settleClock(cal, clock, now), now, thresholds);
}

/** The instants at which the timers of a running clock fire: warning, critical, overdue (= dueAt). */
export function timerPlan(
  cal: WorkingCalendar,
  clock: ClockInput,
  now: Date,
  thresholds: SlaThresholds = DEFAULT_THRESHOLDS,
): { kind: 'warning' | 'critical' | 'overdue'; at: Date }[] {
  // A stopped clock fires nothing; a paused one is re-planned when the pause ends.
  if (clock.stoppedAt || clock.pauses.some((p) => p.to === null)) return [];
  const r = readClock(cal, clock, now, thresholds);
  return [
    { kind: 'warning', at: r.warningAt },
    { kind: 'critical', at: r.criticalAt },
    { kind: 'overdue', at: r.dueAt },
  ];
}
