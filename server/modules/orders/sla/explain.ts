import {
  DEFAULT_THRESHOLDS,
  SLA_STEP_LABELS,
  type SlaLimit,
  type SlaStatus,
  type SlaStep,
  type SlaThresholds,
} from '../../../../common/orders/sla.js';
import { chinaDate, type WorkingCalendar } from '../../calendar/index.js';
import { nextDate, readSettled, settleClock, type ClockInput } from './clock.js';

/**
 * The account of one clock behind GET /api/orders/{id}/sla: which rule gave the limit, how the
 * due was counted day by day, what each suspension added, and where the clock stands.
 */

type Text = { zh: string; en: string };

/** A non-working date between the start and the due, and why it was skipped. */
export interface SkippedDay {
  date: string;
  reason: 'weekend' | 'holiday';
  /** The holiday's name (e.g. 春节), null on a plain weekend. */
  name: string | null;
}

/** A structured, human-explainable account of one clock. */
export interface SlaExplanation {
  step: SlaStep;
  stepLabel: Text;
  limit: SlaLimit;
  limitText: Text;
  /** Where the limit came from (e.g. a policy version) and the 0-based clause index, if any. */
  rule: { source: string; clause: number | null };
  startedAt: Date;
  /** The suspensions in time order, each with what it added to the clock. */
  pauses: { from: Date; to: Date | null; extends: { ms: number } | { workingDays: number } }[];
  dueAt: Date;
  warningAt: Date;
  criticalAt: Date;
  stoppedAt: Date | null;
  status: SlaStatus;
  fraction: number;
  remainingMs: number;
  pausedMs: number;
  extendedWorkingDays: number;
  /** Working-day clocks: the non-working dates after the start day up to the due date. */
  skippedDays: SkippedDay[];
  /** Working-day clocks: the working dates that counted towards the limit. */
  countedDays: string[];
  /** Working-day clocks: the working dates lost to suspensions (they moved the due). */
  pausedDays: string[];
  /** The counting rules applied, in words. */
  notes: Text[];
}

/** A limit in words: '4个工作日' / '4 working days', '45分钟' / '45 minutes', '3小时' / '3 hours'. */
export function limitText(limit: SlaLimit): Text {
  const n = limit.amount;
  const plural = (word: string, k: number) => `${k} ${word}${k === 1 ? '' : 's'}`;
  if (limit.unit === 'working_days') return { zh: `${n}个工作日`, en: plural('working day', n) };
  // Whole hours read better as hours (24 h for a first contact), anything else in minutes.
  if (n % 60 === 0) return { zh: `${n / 60}小时`, en: plural('hour', n / 60) };
  return { zh: `${n}分钟`, en: plural('minute', n) };
}

const NOTES = {
  workingDays: {
    zh: '自开始次日起算（《民法典》第二百零一条，开始当日不计入），周末和法定节假日不计，调休上班日计入；截止于最后一个工作日24:00（北京时间）。',
    en: 'Counted from the day after the start (Civil Code art. 201: the first day is not counted); weekends and statutory holidays are skipped, make-up working days count; due at 24:00 China time of the last working day.',
  },
  minutes: {
    zh: '按自然时间计算，夜间、周末和节假日照常计时。',
    en: 'Natural time: the clock runs through nights, weekends and holidays.',
  },
  pauseWorkingDays: {
    zh: '挂起期间停止计时：挂起开始日之后至挂起结束日（含）的工作日顺延；同一天内开始并结束的挂起不顺延。',
    en: 'A suspension stops the clock: the working days after the day it began, up to and including the day it ended, are added; a suspension that begins and ends on the same day adds nothing.',
  },
  pauseMinutes: {
    zh: '挂起期间停止计时，截止时间按挂起时长顺延。',
    en: 'A suspension stops the clock: the due moves later by the time suspended.',
  },
  afterDue: {
    zh: '时限届满后才开始的挂起不顺延。',
    en: 'A suspension that began after the clock had run out adds nothing.',
  },
  open: {
    zh: '当前仍在挂起中，按挂起至今计算。',
    en: 'The order is still suspended; the suspension is counted up to now.',
  },
} satisfies Record<string, Text>;

/** A structured, human-explainable account of one clock for GET /api/orders/{id}/sla. */
export function explainClock(
  cal: WorkingCalendar,
  clock: ClockInput & { step: SlaStep; rule: { source: string; clause: number | null } },
  now: Date,
  thresholds: SlaThresholds = DEFAULT_THRESHOLDS,
): SlaExplanation {
  const settled = settleClock(cal, clock, now);
  const reading = readSettled(clock, settled, now, thresholds);
  const byDays = clock.limit.unit === 'working_days';

  const skippedDays: SkippedDay[] = [];
  const countedDays: string[] = [];
  const pausedDays: string[] = [];
  if (byDays) {
    const lost = new Set(settled.pauses.flatMap((p) => p.lostDays));
    // The due is 24:00 of its date, i.e. the first instant of the next one.
    const dueDate = chinaDate(new Date(settled.dueAt.getTime() - 1));
    for (let d = nextDate(chinaDate(clock.startedAt)); d <= dueDate; d = nextDate(d)) {
      if (!cal.isWorkingDay(d)) {
        const name = cal.nameOf(d) ?? null;
        skippedDays.push({ date: d, reason: name === null ? 'weekend' : 'holiday', name });
      } else if (lost.has(d)) {
        pausedDays.push(d);
      } else {
        countedDays.push(d);
      }
    }
  }

  const notes: Text[] = [byDays ? NOTES.workingDays : NOTES.minutes];
  if (settled.pauses.length > 0) notes.push(byDays ? NOTES.pauseWorkingDays : NOTES.pauseMinutes);
  if (settled.pauses.some((p) => p.afterDue)) notes.push(NOTES.afterDue);
  if (!clock.stoppedAt && clock.pauses.some((p) => p.to === null)) notes.push(NOTES.open);

  return {
    step: clock.step,
    stepLabel: SLA_STEP_LABELS[clock.step],
    limit: clock.limit,
    limitText: limitText(clock.limit),
    rule: clock.rule,
    startedAt: clock.startedAt,
    pauses: settled.pauses.map((p) => ({
      from: p.from,
      to: p.to,
      extends: byDays ? { workingDays: p.workingDays } : { ms: p.ms },
    })),
    dueAt: reading.dueAt,
    warningAt: reading.warningAt,
    criticalAt: reading.criticalAt,
    stoppedAt: clock.stoppedAt,
    status: reading.status,
    fraction: reading.fraction,
    remainingMs: reading.remainingMs,
    pausedMs: reading.pausedMs,
    extendedWorkingDays: reading.extendedWorkingDays,
    skippedDays,
    countedDays,
    pausedDays,
    notes,
  };
}
