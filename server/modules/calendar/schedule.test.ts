import { describe, expect, it } from 'vitest';
import { checkSchedule, explainWorkingDays, yearDays } from './schedule.js';
import { CalendarYearMissing, addWorkingDays, workingCalendar } from './working-days.js';
import { SEED_YEARS } from './years.js';

const cal = workingCalendar(SEED_YEARS);
const cn = (s: string) => new Date(`${s}+08:00`);

describe('checkSchedule', () => {
  it('accepts the published schedules', () => {
    for (const y of SEED_YEARS) expect(checkSchedule(y.year, y)).toEqual([]);
  });

  it('accepts a holiday that runs into the next year and an empty year', () => {
    expect(
      checkSchedule(2098, {
        holidays: [{ name: '跨年', from: '2098-12-31', to: '2099-01-02' }],
        workdays: [],
      }),
    ).toEqual([]);
    expect(checkSchedule(2098, { holidays: [], workdays: [] })).toEqual([]);
  });

  it.each([
    [
      'a holiday starting in another year',
      { holidays: [{ name: '元旦', from: '2025-12-31', to: '2026-01-01' }], workdays: [] },
      [{ path: 'holidays.0.from', reason: 'outside_year' }],
    ],
    [
      'a holiday ending before it starts',
      { holidays: [{ name: '清明节', from: '2026-04-06', to: '2026-04-04' }], workdays: [] },
      [{ path: 'holidays.0.to', reason: 'ends_before_start' }],
    ],
    [
      'a holiday of 17 days',
      { holidays: [{ name: '春节', from: '2026-02-01', to: '2026-02-17' }], workdays: [] },
      [{ path: 'holidays.0.to', reason: 'too_long' }],
    ],
    [
      'overlapping holidays (the later one is named)',
      {
        holidays: [
          { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
          { name: '中秋节', from: '2026-09-25', to: '2026-10-01' },
        ],
        workdays: [],
      },
      [{ path: 'holidays.0.from', reason: 'overlaps' }],
    ],
    [
      'a make-up day on a weekday',
      { holidays: [], workdays: [{ name: '调休', date: '2026-02-13' }] },
      [{ path: 'workdays.0.date', reason: 'not_weekend' }],
    ],
    [
      'a make-up day in another year',
      { holidays: [], workdays: [{ name: '调休', date: '2027-01-02' }] },
      [{ path: 'workdays.0.date', reason: 'outside_year' }],
    ],
    [
      'a make-up day inside a holiday',
      {
        holidays: [{ name: '春节', from: '2026-02-15', to: '2026-02-23' }],
        workdays: [{ name: '调休', date: '2026-02-21' }],
      },
      [{ path: 'workdays.0.date', reason: 'inside_holiday' }],
    ],
    [
      'the same make-up day twice',
      {
        holidays: [],
        workdays: [
          { name: '调休', date: '2026-02-14' },
          { name: '调休', date: '2026-02-14' },
        ],
      },
      [{ path: 'workdays.1.date', reason: 'duplicate' }],
    ],
  ])('refuses %s', (_label, input, issues) => {
    expect(checkSchedule(2026, input)).toEqual(
      issues.map((i) => ({ ...i, message: expect.any(String) as string })),
    );
  });
});

describe('yearDays', () => {
  const days = yearDays(cal, 2026);
  const on = (date: string) => days.find((d) => d.date === date);

  it('lists every date of the year with what it is', () => {
    expect(days).toHaveLength(365);
    expect(days[0]).toEqual({ date: '2026-01-01', working: false, kind: 'holiday', name: '元旦' });
    expect(days.at(-1)?.date).toBe('2026-12-31');
    expect(on('2026-01-04')).toEqual({
      date: '2026-01-04',
      working: true,
      kind: 'makeup',
      name: '元旦调休',
    });
    expect(on('2026-02-15')).toMatchObject({ working: false, kind: 'holiday', name: '春节' });
    expect(on('2026-02-28')).toMatchObject({ working: true, kind: 'makeup' });
    expect(on('2026-03-07')).toEqual({ date: '2026-03-07', working: false, kind: 'weekend' });
    expect(on('2026-03-09')).toEqual({ date: '2026-03-09', working: true, kind: 'workday' });
  });

  it('counts the working days of the year', () => {
    // 2026: 261 weekdays, 19 of them inside holidays, 6 make-up Saturdays and Sundays.
    expect(days.filter((d) => d.working)).toHaveLength(261 - 19 + 6);
    const leap = workingCalendar([{ year: 2028, holidays: [], workdays: [] }]);
    expect(yearDays(leap, 2028)).toHaveLength(366);
  });
});

describe('explainWorkingDays', () => {
  it('agrees with addWorkingDays and lists counted and skipped days', () => {
    const from = cn('2026-02-13T12:00:00');
    const { due, explanation } = explainWorkingDays(cal, from, 2);
    expect(due).toEqual(addWorkingDays(cal, from, 2));
    expect(due.toISOString()).toBe('2026-02-24T16:00:00.000Z');
    expect(explanation.startDate).toBe('2026-02-13');
    expect(explanation.countedDays).toEqual([
      { date: '2026-02-14', name: '春节调休' },
      { date: '2026-02-24' },
    ]);
    expect(explanation.skipped.map((s) => [s.date, s.reason])).toEqual(
      ['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => [
        `2026-02-${d}`,
        'holiday',
      ]),
    );
  });

  it('names weekends as weekends', () => {
    const { explanation } = explainWorkingDays(cal, cn('2026-11-27T17:00:00'), 1);
    expect(explanation).toEqual({
      startDate: '2026-11-27',
      countedDays: [{ date: '2026-11-30' }],
      skipped: [
        { date: '2026-11-28', reason: 'weekend' },
        { date: '2026-11-29', reason: 'weekend' },
      ],
    });
  });

  it('throws CalendarYearMissing past the last year entered', () => {
    expect(() => explainWorkingDays(cal, cn('2026-12-30T10:00:00'), 3)).toThrow(
      CalendarYearMissing,
    );
  });

  it('holds for every start in 2025–2026 and 1–20 days, when it ends inside the calendar', () => {
    let checked = 0;
    for (const y of [2025, 2026]) {
      for (let m = 0; m < 12; m++) {
        const from = new Date(Date.UTC(y, m, 10, 2));
        for (let n = 1; n <= 20; n++) {
          try {
            const { due, explanation } = explainWorkingDays(cal, from, n);
            expect(due).toEqual(addWorkingDays(cal, from, n));
            expect(explanation.countedDays).toHaveLength(n);
            checked++;
          } catch (e) {
            expect(e).toBeInstanceOf(CalendarYearMissing);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(400);
  });
});
