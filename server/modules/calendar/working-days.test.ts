import { describe, expect, it } from 'vitest';
import {
  CalendarYearMissing,
  addMinutes,
  addWorkingDays,
  chinaDate,
  workingCalendar,
} from './working-days.js';
import { SEED_YEARS } from './years.js';

const cal = workingCalendar(SEED_YEARS);
/** An instant given in China time. */
const cn = (s: string) => new Date(`${s}+08:00`);
/** 24:00 (China) at the end of a date. */
const endOf = (date: string) => new Date(Date.parse(`${date}T24:00:00+08:00`));

describe('working days', () => {
  it('knows weekends, holidays and make-up working days', () => {
    expect(cal.isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(cal.isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(cal.isWorkingDay('2026-10-01')).toBe(false); // 国庆
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休
    expect(cal.isWorkingDay('2026-01-04')).toBe(true); // Sunday, 调休
    expect(cal.isWorkingDay('2025-01-28')).toBe(false); // 春节
    expect(cal.nameOf('2026-02-15')).toBe('春节');
  });

  it.each([
    // Accepted on a Monday: the 4 working days after it end on Friday at 24:00.
    ['2026-11-23T10:00:00', 4, '2026-11-27'],
    // Before 国庆: the holiday week does not count; 10 Oct (Saturday) is a working day.
    ['2026-09-30T16:00:00', 1, '2026-10-08'],
    ['2026-10-09T09:00:00', 1, '2026-10-10'],
    ['2026-10-09T09:00:00', 2, '2026-10-12'],
    // Across the new year: 1–3 Jan off, Sunday 4 Jan worked.
    ['2025-12-31T23:30:00', 1, '2026-01-04'],
    // 春节 2026: Saturday 14 Feb worked, 15–23 off.
    ['2026-02-13T12:00:00', 1, '2026-02-14'],
    ['2026-02-13T12:00:00', 2, '2026-02-24'],
    // A Friday event: the weekend does not count.
    ['2026-11-27T17:00:00', 1, '2026-11-30'],
  ] as const)('%s + %i working days → end of %s', (from, days, due) => {
    expect(addWorkingDays(cal, cn(from), days)).toEqual(endOf(due));
  });

  it('counts from the date in China, not in UTC', () => {
    // 00:30 on Saturday in China is still Friday in UTC.
    expect(chinaDate(cn('2026-11-28T00:30:00'))).toBe('2026-11-28');
    expect(addWorkingDays(cal, cn('2026-11-28T00:30:00'), 1)).toEqual(endOf('2026-11-30'));
  });

  it('runs natural time through holidays', () => {
    expect(addMinutes(cn('2026-10-01T23:30:00'), 45)).toEqual(cn('2026-10-02T00:15:00'));
  });

  it('refuses a year without a schedule and a period that is not a positive whole number', () => {
    expect(() => addWorkingDays(cal, cn('2026-12-31T10:00:00'), 2)).toThrow(CalendarYearMissing);
    expect(() => addWorkingDays(cal, cn('2026-11-23T10:00:00'), 0)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, cn('2026-11-23T10:00:00'), 1.5)).toThrow(RangeError);
  });
});
