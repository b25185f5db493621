import { z } from 'zod';
import { Version, text } from './primitives.js';

/** The years a schedule may be entered for. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;
/** The longest holiday: `to` at most this many days after `from`. */
export const HOLIDAY_MAX_SPAN_DAYS = 15;
/** The longest due-date periods the calculator takes: 10 years of working days, 10 of minutes. */
export const DUE_MAX_WORKING_DAYS = 3650;
export const DUE_MAX_MINUTES = 5_256_000;

/** A calendar date in China, YYYY-MM-DD (a real date: 2026-02-30 is refused). */
export const CalendarDate = z.iso.date();

export const CalendarHoliday = z.strictObject({
  name: text(40),
  from: CalendarDate,
  to: CalendarDate,
});
export type CalendarHoliday = z.infer<typeof CalendarHoliday>;

/** A make-up working day (调休) on a Saturday or Sunday. */
export const CalendarWorkday = z.strictObject({
  name: text(40),
  date: CalendarDate,
});
export type CalendarWorkday = z.infer<typeof CalendarWorkday>;

export const CalendarYearParams = z.strictObject({
  year: z.coerce.number().int().min(CALENDAR_MIN_YEAR).max(CALENDAR_MAX_YEAR),
});

/**
 * A year's schedule as the State Council publishes it. `version` is required to change a year
 * that exists (optimistic locking) and left out to enter a new one.
 */
export const SaveCalendarYearInput = z.strictObject({
  version: Version.optional(),
  holidays: z.array(CalendarHoliday).max(40),
  workdays: z.array(CalendarWorkday).max(40),
});
export type SaveCalendarYearInput = z.infer<typeof SaveCalendarYearInput>;

/** Why a schedule was refused (CALENDAR_YEAR_INVALID), one entry per bad field. */
export const CALENDAR_ISSUES = [
  'outside_year',
  'ends_before_start',
  'too_long',
  'overlaps',
  'not_weekend',
  'inside_holiday',
  'duplicate',
] as const;
export type CalendarIssueReason = (typeof CALENDAR_ISSUES)[number];
export interface CalendarIssue {
  /** The bad field, e.g. `holidays.2.to` or `workdays.0.date`. */
  path: string;
  reason: CalendarIssueReason;
  message: string;
}

export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'makeup'] as const;

export const CalendarDay = z.object({
  date: z.string(),
  working: z.boolean(),
  kind: z.enum(DAY_KINDS),
  name: z.string().optional(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

export const CalendarYearSummary = z.object({
  year: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** Holiday periods entered, and the days off they give inside the year. */
  holidayCount: z.number().int(),
  holidayDays: z.number().int(),
  makeupDays: z.number().int(),
  workingDayCount: z.number().int(),
});
export type CalendarYearSummary = z.infer<typeof CalendarYearSummary>;

export const CalendarYearList = z.object({
  items: z.array(CalendarYearSummary),
  total: z.number().int(),
});
export type CalendarYearList = z.infer<typeof CalendarYearList>;

export const CalendarYearDetail = z.object({
  year: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  holidays: z.array(CalendarHoliday),
  workdays: z.array(CalendarWorkday),
  workingDayCount: z.number().int(),
  /** Every date of the year, 1 January first. */
  days: z.array(CalendarDay),
});
export type CalendarYearDetail = z.infer<typeof CalendarYearDetail>;

/** Exactly one of `workingDays` and `minutes`. */
export const DueDateQuery = z
  .strictObject({
    /** The event, e.g. `2026-02-13T12:00:00+08:00`. */
    from: z.iso.datetime({ offset: true }),
    workingDays: z.coerce.number().int().min(1).max(DUE_MAX_WORKING_DAYS).optional(),
    minutes: z.coerce.number().int().min(1).max(DUE_MAX_MINUTES).optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.workingDays === undefined) === (q.minutes === undefined)) {
      for (const key of ['workingDays', 'minutes']) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'Give exactly one of workingDays and minutes',
        });
      }
    }
  });
export type DueDateQuery = z.infer<typeof DueDateQuery>;

export const DueDateAnswer = z.object({
  from: z.string(),
  due: z.string(),
  basis: z.enum(['working_days', 'minutes']),
  amount: z.number().int(),
  explanation: z.object({
    /** The event's date in China; it is not counted (Civil Code art. 201). */
    startDate: z.string(),
    /** Each working day counted, in order (none for minutes: natural time). */
    countedDays: z.array(z.object({ date: z.string(), name: z.string().optional() })),
    /** The days passed over between the start and the due date. */
    skipped: z.array(
      z.object({
        date: z.string(),
        reason: z.enum(['weekend', 'holiday']),
        name: z.string().optional(),
      }),
    ),
  }),
});
export type DueDateAnswer = z.infer<typeof DueDateAnswer>;
