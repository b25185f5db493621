/**
 * Pure rules of the calendar: what makes an entered schedule acceptable, what each date of a
 * year is, and how a working-day deadline was reached (for the calculator's explanation).
 */
import {
  HOLIDAY_MAX_SPAN_DAYS,
  type CalendarDay,
  type CalendarIssue,
  type DueDateAnswer,
  type SaveCalendarYearInput,
} from '../../../common/schemas/calendar.js';
import { addWorkingDays, chinaDate, nextDate, type WorkingCalendar } from './working-days.js';

const DAY_MS = 86_400_000;

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

const isWeekend = (date: string): boolean => {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
};

/**
 * The problems of a year's schedule, each pointing at the bad field. A holiday starts inside the
 * year and may run a few days into the next (a New Year's Eve break); it lasts at most 16 days.
 * Make-up days fall on a Saturday or Sunday inside the year and outside every holiday.
 */
export function checkSchedule(
  year: number,
  input: Pick<SaveCalendarYearInput, 'holidays' | 'workdays'>,
): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  const inYear = (date: string) => date.startsWith(`${year}-`);
  input.holidays.forEach((h, i) => {
    if (!inYear(h.from)) {
      issues.push({
        path: `holidays.${i}.from`,
        reason: 'outside_year',
        message: `${h.from} is not in ${year}`,
      });
    }
    if (h.to < h.from) {
      issues.push({
        path: `holidays.${i}.to`,
        reason: 'ends_before_start',
        message: `${h.name} ends (${h.to}) before it starts (${h.from})`,
      });
    } else if (daysBetween(h.from, h.to) > HOLIDAY_MAX_SPAN_DAYS) {
      issues.push({
        path: `holidays.${i}.to`,
        reason: 'too_long',
        message: `${h.name} lasts more than ${HOLIDAY_MAX_SPAN_DAYS + 1} days`,
      });
    }
  });
  const ordered = input.holidays
    .map((h, i) => ({ ...h, i }))
    .filter((h) => h.from <= h.to)
    .sort((a, b) => a.from.localeCompare(b.from) || a.i - b.i);
  for (let k = 1; k < ordered.length; k++) {
    const prev = ordered[k - 1]!;
    const h = ordered[k]!;
    if (h.from <= prev.to) {
      issues.push({
        path: `holidays.${h.i}.from`,
        reason: 'overlaps',
        message: `${h.name} (${h.from}–${h.to}) overlaps ${prev.name} (${prev.from}–${prev.to})`,
      });
    }
  }
  const seen = new Set<string>();
  input.workdays.forEach((w, i) => {
    const path = `workdays.${i}.date`;
    if (!inYear(w.date)) {
      issues.push({ path, reason: 'outside_year', message: `${w.date} is not in ${year}` });
    } else if (!isWeekend(w.date)) {
      issues.push({
        path,
        reason: 'not_weekend',
        message: `${w.date} is not a Saturday or Sunday`,
      });
    }
    const holiday = input.holidays.find((h) => h.from <= w.date && w.date <= h.to);
    if (holiday) {
      issues.push({
        path,
        reason: 'inside_holiday',
        message: `${w.date} is inside ${holiday.name} (${holiday.from}–${holiday.to})`,
      });
    }
    if (seen.has(w.date)) {
      issues.push({ path, reason: 'duplicate', message: `${w.date} is entered twice` });
    }
    seen.add(w.date);
  });
  return issues;
}

/** Every date of a year with what it is; the calendar must know the year. */
export function yearDays(cal: WorkingCalendar, year: number): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let date = `${year}-01-01`; date.startsWith(`${year}-`); date = nextDate(date)) {
    const kind = cal.kindOf(date);
    const name = kind === 'holiday' || kind === 'makeup' ? cal.nameOf(date) : undefined;
    days.push({
      date,
      working: kind === 'workday' || kind === 'makeup',
      kind,
      ...(name === undefined ? {} : { name }),
    });
  }
  return days;
}

type Explanation = DueDateAnswer['explanation'];

/**
 * The deadline of N working days after an event, with the days that were counted and the days
 * passed over. The deadline itself comes from addWorkingDays, the function the SLA clock uses,
 * so the explanation can never disagree with it. Throws CalendarYearMissing as it does.
 */
export function explainWorkingDays(
  cal: WorkingCalendar,
  from: Date,
  days: number,
): { due: Date; explanation: Explanation } {
  const due = addWorkingDays(cal, from, days);
  const startDate = chinaDate(from);
  const lastDate = chinaDate(new Date(due.getTime() - 1));
  const explanation: Explanation = { startDate, countedDays: [], skipped: [] };
  for (let date = nextDate(startDate); date <= lastDate; date = nextDate(date)) {
    const kind = cal.kindOf(date);
    const name = kind === 'holiday' || kind === 'makeup' ? cal.nameOf(date) : undefined;
    const named = name === undefined ? {} : { name };
    if (kind === 'workday' || kind === 'makeup') {
      explanation.countedDays.push({ date, ...named });
    } else {
      explanation.skipped.push({ date, reason: kind, ...named });
    }
  }
  return { due, explanation };
}
