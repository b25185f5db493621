/**
 * The wall board's (大屏) call figures, pure. The server computes the hour buckets in SQL (a day
 * of 100,000 calls is not read row by row) by the same rules as `classifyCall`; the module test
 * holds the two together.
 *
 * Definitions (the usual call-center ones, as 95598 centers report them):
 * - A call belongs to the day and hour (China time) it arrived: when it was first seen, which is
 *   its ring (newCall). A call that rang at 23:59:50 and was answered after midnight is
 *   yesterday's. Outbound calls and calls the block list rejected are not offered calls.
 * - Answered: an answer came (talking now, or ended after an answer). Its wait (speed of answer)
 *   runs from the arrival to the answer.
 * - Short abandon: the caller hung up (cause cancel) within SHORT_ABANDON_SECONDS — a misdial or
 *   a change of mind before anyone could answer. Not counted for or against the center.
 * - Abandoned: any other call that ended unanswered, the caller hanging up later or the PBX
 *   giving up (noAnswer, busy, congestion …): the customer was not served.
 * - Waiting: still ringing. Once it has waited longer than SERVICE_LEVEL_SECONDS it has missed
 *   the service level whatever happens next, so the service level counts it at once (a stuck
 *   queue shows on the board now, not when its callers give up). A call ringing for longer than
 *   STALE_RING_SECONDS lost its hangup somewhere and is left out of every figure.
 * - Service level (20 秒服务水平) = answered within SERVICE_LEVEL_SECONDS / (answered + abandoned +
 *   waiting beyond SERVICE_LEVEL_SECONDS). Abandons after 5 s count against it, also those within
 *   20 s.
 * - Average speed of answer (平均应答时长) = total wait of answered calls / answered.
 * - Abandonment rate (呼损率) = abandoned / (answered + abandoned): calls whose end is known.
 */
import type { CallOutcome, CallState } from '../schemas/contact.js';

/** The service-level threshold: answered within 20 s (95598's 20 秒服务水平). */
export const SERVICE_LEVEL_SECONDS = 20;
/** A caller who hangs up within 5 s is a short abandon (not counted against the center). */
export const SHORT_ABANDON_SECONDS = 5;
/** A call still ringing after 2 h lost its hangup: no real caller waits that long. */
export const STALE_RING_SECONDS = 2 * 3600;
/** The board shows the service level green from 80 % (the 80/20 standard), amber from 60 %. */
export const SERVICE_LEVEL_TARGET = 0.8;
export const SERVICE_LEVEL_WARNING = 0.6;
/**
 * Boards are nudged to refetch on whole seconds after a change (server/http/live-events.ts), and
 * the server counts an area's figures at most once per such second for all its boards.
 */
export const WALLBOARD_REFRESH_MS = 1000;

const CHINA_OFFSET_MS = 8 * 3_600_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Today in China (no daylight saving): its first instant, the next day's, and its date. */
export function chinaDay(now: Date): { start: Date; end: Date; date: string } {
  const local = now.getTime() + CHINA_OFFSET_MS;
  const startLocal = Math.floor(local / DAY_MS) * DAY_MS;
  return {
    start: new Date(startLocal - CHINA_OFFSET_MS),
    end: new Date(startLocal - CHINA_OFFSET_MS + DAY_MS),
    date: new Date(startLocal).toISOString().slice(0, 10),
  };
}

/** The times and outcome of a call, as contact_calls keeps them. */
export interface CallTimes {
  direction: 'in' | 'out' | null;
  state: CallState;
  outcome: CallOutcome | null;
  /** When the call was first seen (its ring). */
  arrivedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
}

export type CallClass =
  'not_offered' | 'answered' | 'abandoned' | 'short_abandon' | 'waiting' | 'stale';

export interface ClassifiedCall {
  kind: CallClass;
  /** Seconds from arrival to the answer (answered), to the end (unanswered) or to now (waiting). */
  waitSeconds: number;
  /** Answered within the threshold (answered), or already beyond it (waiting). */
  withinServiceLevel: boolean;
}

const seconds = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 1000);

/** What a call counts as on the board at `now`. */
export function classifyCall(c: CallTimes, now: Date): ClassifiedCall {
  if (c.direction === 'out' || c.outcome === 'blocked') {
    return { kind: 'not_offered', waitSeconds: 0, withinServiceLevel: false };
  }
  if (c.answeredAt) {
    const wait = seconds(c.arrivedAt, c.answeredAt);
    return {
      kind: 'answered',
      waitSeconds: wait,
      withinServiceLevel: wait <= SERVICE_LEVEL_SECONDS,
    };
  }
  if (c.state === 'ended') {
    const wait = seconds(c.arrivedAt, c.endedAt ?? c.arrivedAt);
    const short = c.outcome === 'abandoned' && wait < SHORT_ABANDON_SECONDS;
    return {
      kind: short ? 'short_abandon' : 'abandoned',
      waitSeconds: wait,
      withinServiceLevel: false,
    };
  }
  const wait = seconds(c.arrivedAt, now);
  if (wait > STALE_RING_SECONDS)
    return { kind: 'stale', waitSeconds: wait, withinServiceLevel: false };
  return { kind: 'waiting', waitSeconds: wait, withinServiceLevel: wait <= SERVICE_LEVEL_SECONDS };
}

/** The counts of one hour of the day (China time), as the server's SQL returns them. */
export interface HourCounts {
  hour: number;
  /** Offered calls that arrived (every inbound call but the blocked and the stale ones). */
  calls: number;
  answered: number;
  answeredInSl: number;
  /** Total seconds answered calls waited. */
  answerWaitSeconds: number;
  abandoned: number;
  shortAbandoned: number;
  /** Still ringing and already beyond the service-level threshold. */
  waitingOverSl: number;
}

export const emptyHour = (hour: number): HourCounts => ({
  hour,
  calls: 0,
  answered: 0,
  answeredInSl: 0,
  answerWaitSeconds: 0,
  abandoned: 0,
  shortAbandoned: 0,
  waitingOverSl: 0,
});

/** The 24 hours of the day, from whatever hours have counts (others are empty). */
export function fullDay(hours: readonly HourCounts[]): HourCounts[] {
  const out = Array.from({ length: 24 }, (_, h) => emptyHour(h));
  for (const h of hours) {
    if (h.hour >= 0 && h.hour < 24) out[h.hour] = { ...h };
  }
  return out;
}

/** The hour buckets of the calls that arrived on the day (China time) that `now` falls in. */
export function bucketCalls(calls: readonly CallTimes[], now: Date): HourCounts[] {
  const day = chinaDay(now);
  const out = fullDay([]);
  for (const c of calls) {
    const t = c.arrivedAt.getTime();
    if (t < day.start.getTime() || t >= day.end.getTime()) continue;
    const k = classifyCall(c, now);
    if (k.kind === 'not_offered' || k.kind === 'stale') continue;
    const h = out[Math.floor((t - day.start.getTime()) / HOUR_MS)]!;
    h.calls++;
    if (k.kind === 'answered') {
      h.answered++;
      h.answerWaitSeconds += k.waitSeconds;
      if (k.withinServiceLevel) h.answeredInSl++;
    } else if (k.kind === 'abandoned') h.abandoned++;
    else if (k.kind === 'short_abandon') h.shortAbandoned++;
    else if (!k.withinServiceLevel) h.waitingOverSl++;
  }
  return out;
}

export interface CallFigures {
  calls: number;
  answered: number;
  answeredInSl: number;
  abandoned: number;
  shortAbandoned: number;
  waitingOverSl: number;
  /** 0..1; null when nothing was offered yet. */
  serviceLevel: number | null;
  /** Seconds; null when nothing was answered. */
  averageSpeedOfAnswer: number | null;
  /** 0..1; null when no call has ended or been answered. */
  abandonRate: number | null;
}

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

/** Service level, average speed of answer and abandonment over some hours (a day or one hour). */
export function callFigures(hours: readonly HourCounts[]): CallFigures {
  const sum = (f: (h: HourCounts) => number) => hours.reduce((n, h) => n + f(h), 0);
  const answered = sum((h) => h.answered);
  const answeredInSl = sum((h) => h.answeredInSl);
  const abandoned = sum((h) => h.abandoned);
  const waitingOverSl = sum((h) => h.waitingOverSl);
  const wait = sum((h) => h.answerWaitSeconds);
  return {
    calls: sum((h) => h.calls),
    answered,
    answeredInSl,
    abandoned,
    shortAbandoned: sum((h) => h.shortAbandoned),
    waitingOverSl,
    serviceLevel: ratio(answeredInSl, answered + abandoned + waitingOverSl),
    averageSpeedOfAnswer: ratio(wait, answered),
    abandonRate: ratio(abandoned, answered + abandoned),
  };
}

/** The hour of the day (0–23, China time) of an instant on that day. */
export function hourOfDay(at: Date, dayStart: Date): number {
  return Math.floor((at.getTime() - dayStart.getTime()) / HOUR_MS);
}
