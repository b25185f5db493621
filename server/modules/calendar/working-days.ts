import type { YearSchedule } from './years.js';

/**
 * Working-day arithmetic for deadlines (rules.md §4), pure. Days are calendar dates in China
 * (UTC+8 all year, no daylight saving). A period of N working days starts on the day after the
 * event (Civil Code art. 201) and ends at 24:00 of the Nth working day that follows.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export class CalendarYearMissing extends Error {
  constructor(readonly year: number) {
    super(`No holiday schedule for ${year}`);
  }
}

/** What a date is: a plain weekday or weekend, a statutory holiday, or a make-up working day. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface WorkingCalendar {
  /** Whether a date (YYYY-MM-DD, China) is a working day. */
  isWorkingDay(date: string): boolean;
  /** What the date is; a holiday that falls on a weekend is a holiday. */
  kindOf(date: string): DayKind;
  /** The holiday's or make-up day's name, if the date has one. */
  nameOf(date: string): string | undefined;
}

/** The date in China of an instant, as YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The date after a date (YYYY-MM-DD). */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Builds the calendar of the given years; a date in another year throws CalendarYearMissing. */
export function workingCalendar(years: readonly YearSchedule[]): WorkingCalendar {
  const known = new Set(years.map((y) => y.year));
  const off = new Map<string, string>();
  const on = new Map<string, string>();
  for (const y of years) {
    for (const h of y.holidays) {
      for (let d = h.from; d <= h.to; d = nextDate(d)) off.set(d, h.name);
    }
    for (const w of y.workdays) on.set(w.date, w.name);
  }
  const check = (date: string) => {
    const year = Number(date.slice(0, 4));
    if (!known.has(year)) throw new CalendarYearMissing(year);
  };
  const kindOf = (date: string): DayKind => {
    check(date);
    if (on.has(date)) return 'makeup';
    if (off.has(date)) return 'holiday';
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow === 0 || dow === 6 ? 'weekend' : 'workday';
  };
  return {
    isWorkingDay(date) {
      const kind = kindOf(date);
      return kind === 'workday' || kind === 'makeup';
    },
    kindOf,
    nameOf(date) {
      return off.get(date) ?? on.get(date);
    },
  };
}

/** The deadline of "within N working days" of an event: 24:00 (China) of the Nth working day after it. */
export function addWorkingDays(cal: WorkingCalendar, from: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError('days must be a positive integer');
  let date = chinaDate(from);
  let left = days;
  while (left > 0) {
    date = nextDate(date);
    if (cal.isWorkingDay(date)) left--;
  }
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - CHINA_OFFSET_MS);
}

/** Natural time runs through nights and holidays. */
export function addMinutes(from: Date, minutes: number): Date {
  return new Date(from.getTime() + minutes * 60_000);
}
