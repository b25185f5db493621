import { describe, expect, it } from 'vitest';
import type { SlaLimit } from '../../../../common/orders/sla.js';
import { CalendarYearMissing, SEED_YEARS, workingCalendar } from '../../calendar/index.js';
import { explainClock, limitText, type ClockInput } from './index.js';

// The explanation of a clock, day by day. Expected dates counted by hand from rules.md §4.

const cal = workingCalendar(SEED_YEARS);
const cn = (s: string) => new Date(`${s}+08:00`);
const wd = (amount: number): SlaLimit => ({ unit: 'working_days', amount });
const min = (amount: number): SlaLimit => ({ unit: 'minutes', amount });
const rule = { source: 'complaint@v1', clause: 3 };
const explain = (c: Partial<ClockInput> & { limit: SlaLimit; startedAt: Date }, now: string) =>
  explainClock(cal, { pauses: [], stoppedAt: null, step: 'total', rule, ...c }, cn(now));
const holiday = (name: string, ...dates: string[]) =>
  dates.map((date) => ({ date, reason: 'holiday', name }));
const weekend = (...dates: string[]) =>
  dates.map((date) => ({ date, reason: 'weekend', name: null }));

describe('explainClock for working-day clocks', () => {
  it('accounts for 春节 2026: accepted Fri 13 Feb 10:00, 4 working days', () => {
    const e = explain(
      { limit: wd(4), startedAt: cn('2026-02-13T10:00:00') },
      '2026-02-24T10:00:00',
    );
    expect(e.step).toBe('total');
    expect(e.stepLabel).toEqual({ zh: '办结时限', en: 'Resolution' });
    expect(e.limitText).toEqual({ zh: '4个工作日', en: '4 working days' });
    expect(e.rule).toEqual(rule);
    // Sat 14 (调休) #1, 15–23 春节, Tue 24 #2, Wed 25 #3, Thu 26 #4 → 26 Feb 24:00.
    expect(e.dueAt.toISOString()).toBe('2026-02-26T16:00:00.000Z');
    expect(e.countedDays).toEqual(['2026-02-14', '2026-02-24', '2026-02-25', '2026-02-26']);
    expect(e.skippedDays).toEqual(
      holiday(
        '春节',
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-02-21',
        '2026-02-22',
        '2026-02-23',
      ),
    );
    expect(e.pausedDays).toEqual([]);
    // Span 13 d 14 h = 326 h; at Tue 24 10:00, 264 h elapsed (0.81): past warning at 260.8 h
    // (13 Feb 10:00 + 10 d 20.8 h = Tue 24 06:48 China), before critical at 309.7 h
    // (+ 12 d 21.7 h = Thu 26 07:42 China).
    expect(e.status).toBe('warning');
    expect(e.fraction).toBeCloseTo(264 / 326, 10);
    expect(e.warningAt.toISOString()).toBe('2026-02-23T22:48:00.000Z');
    expect(e.criticalAt.toISOString()).toBe('2026-02-25T23:42:00.000Z');
    expect(e.stoppedAt).toBeNull();
    expect(e.pauses).toEqual([]);
    expect(e.notes).toHaveLength(1);
    expect(e.notes[0]?.en).toMatch(/day after the start.*Civil Code art\. 201/);
    expect(e.notes[0]?.zh).toContain('民法典');
  });

  it('marks plain weekends with no name', () => {
    // Fri 27 Nov 2026 17:00 + 1: Sat 28, Sun 29 skipped, Mon 30 #1.
    const e = explain(
      { limit: wd(1), startedAt: cn('2026-11-27T17:00:00') },
      '2026-11-27T18:00:00',
    );
    expect(e.limitText).toEqual({ zh: '1个工作日', en: '1 working day' });
    expect(e.skippedDays).toEqual(weekend('2026-11-28', '2026-11-29'));
    expect(e.countedDays).toEqual(['2026-11-30']);
  });

  it('accounts for 国庆 2025 and the make-up Saturday 11 Oct', () => {
    // Tue 30 Sep 2025 + 4: 1–8 Oct holiday, Thu 9 #1, Fri 10 #2, Sat 11 (调休) #3, Sun 12, Mon 13 #4.
    const e = explain(
      { limit: wd(4), startedAt: cn('2025-09-30T10:00:00') },
      '2025-10-09T09:00:00',
    );
    expect(e.dueAt.toISOString()).toBe('2025-10-13T16:00:00.000Z');
    expect(e.countedDays).toEqual(['2025-10-09', '2025-10-10', '2025-10-11', '2025-10-13']);
    expect(e.skippedDays).toEqual([
      ...holiday(
        '国庆节、中秋节',
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-04',
        '2025-10-05',
        '2025-10-06',
        '2025-10-07',
        '2025-10-08',
      ),
      ...weekend('2025-10-12'),
    ]);
  });

  it('accounts for the year end: 元旦 2026 and the make-up Sunday 4 Jan', () => {
    // Tue 30 Dec 2025 + 4: Wed 31 #1, 1–3 Jan 元旦 (3 Jan a Saturday), Sun 4 #2, Mon 5 #3, Tue 6 #4.
    const e = explain(
      { limit: wd(4), startedAt: cn('2025-12-30T10:00:00') },
      '2025-12-30T11:00:00',
    );
    expect(e.countedDays).toEqual(['2025-12-31', '2026-01-04', '2026-01-05', '2026-01-06']);
    expect(e.skippedDays).toEqual(holiday('元旦', '2026-01-01', '2026-01-02', '2026-01-03'));
    expect(e.dueAt.toISOString()).toBe('2026-01-06T16:00:00.000Z');
  });

  it('separates the working days lost to a pause from those counted', () => {
    // Thu 12 Feb 2026 + 4; paused Fri 13 10:00 → Tue 24 10:00, which loses 14 and 24 (the dates
    // after 13 up to 24 that are working days). 6 wd: 13, 14, 24, 25, 26, 27 → 27 Feb 24:00.
    const e = explain(
      {
        limit: wd(4),
        startedAt: cn('2026-02-12T10:00:00'),
        pauses: [{ from: cn('2026-02-13T10:00:00'), to: cn('2026-02-24T10:00:00') }],
        stoppedAt: cn('2026-02-27T15:00:00'),
      },
      '2026-03-02T09:00:00',
    );
    expect(e.dueAt.toISOString()).toBe('2026-02-27T16:00:00.000Z');
    expect(e.countedDays).toEqual(['2026-02-13', '2026-02-25', '2026-02-26', '2026-02-27']);
    expect(e.pausedDays).toEqual(['2026-02-14', '2026-02-24']);
    expect(e.skippedDays.map((d) => d.date)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(e.pauses).toEqual([
      {
        from: cn('2026-02-13T10:00:00'),
        to: cn('2026-02-24T10:00:00'),
        extends: { workingDays: 2 },
      },
    ]);
    expect(e.extendedWorkingDays).toBe(2);
    expect(e.status).toBe('met');
    expect(e.stoppedAt?.toISOString()).toBe('2026-02-27T07:00:00.000Z');
    expect(e.notes.map((n) => n.en).join(' ')).toContain('begins and ends on the same day');
    expect(e.notes.map((n) => n.zh).join('')).toContain('同一天内开始并结束的挂起不顺延');
  });

  it('shows a same-day pause extending nothing, and an open pause as paused', () => {
    // Mon 23 Nov 2026 + 4; paused Tue 24 09:00–17:00, then again from Thu 26 10:00 (open).
    // At Fri 27 12:00: (26, 27] loses Fri 27. 5 wd: 24, 25, 26, 27, Mon 30.
    const e = explain(
      {
        limit: wd(4),
        startedAt: cn('2026-11-23T10:00:00'),
        pauses: [
          { from: cn('2026-11-24T09:00:00'), to: cn('2026-11-24T17:00:00') },
          { from: cn('2026-11-26T10:00:00'), to: null },
        ],
      },
      '2026-11-27T12:00:00',
    );
    expect(e.pauses.map((p) => p.extends)).toEqual([{ workingDays: 0 }, { workingDays: 1 }]);
    expect(e.dueAt.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(e.countedDays).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-30']);
    expect(e.pausedDays).toEqual(['2026-11-27']);
    expect(e.status).toBe('paused');
    expect(e.notes.map((n) => n.en).join(' ')).toContain('still suspended');
  });

  it('throws CalendarYearMissing for a clock running into 2027', () => {
    expect(() =>
      explain({ limit: wd(4), startedAt: cn('2026-12-30T10:00:00') }, '2026-12-30T11:00:00'),
    ).toThrow(CalendarYearMissing);
  });
});

describe('explainClock for minutes clocks', () => {
  it('reports pauses in milliseconds and no day lists', () => {
    // Arrival 45 min from 10:00 China; paused 10:10–10:40 → due 11:15. At 11:00, 60 of 75 min
    // elapsed (0.8): warning.
    const e = explainClock(
      cal,
      {
        step: 'arrive',
        rule: { source: 'fault@v1', clause: 0 },
        limit: min(45),
        startedAt: cn('2026-03-10T10:00:00'),
        pauses: [{ from: cn('2026-03-10T10:10:00'), to: cn('2026-03-10T10:40:00') }],
        stoppedAt: null,
      },
      cn('2026-03-10T11:00:00'),
    );
    expect(e.stepLabel.en).toBe('Arrival on site');
    expect(e.limitText).toEqual({ zh: '45分钟', en: '45 minutes' });
    expect(e.dueAt.toISOString()).toBe('2026-03-10T03:15:00.000Z');
    expect(e.pauses.map((p) => p.extends)).toEqual([{ ms: 30 * 60_000 }]);
    expect(e.pausedMs).toBe(30 * 60_000);
    expect(e.status).toBe('warning');
    expect(e.remainingMs).toBe(15 * 60_000);
    expect(e.skippedDays).toEqual([]);
    expect(e.countedDays).toEqual([]);
    expect(e.notes.map((n) => n.en)).toEqual([
      'Natural time: the clock runs through nights, weekends and holidays.',
      'A suspension stops the clock: the due moves later by the time suspended.',
    ]);
  });

  it('says when a pause began after the clock ran out', () => {
    const e = explain(
      {
        limit: min(45),
        startedAt: cn('2026-03-10T10:00:00'),
        pauses: [{ from: cn('2026-03-10T11:00:00'), to: cn('2026-03-10T11:30:00') }],
      },
      '2026-03-10T12:00:00',
    );
    expect(e.pauses.map((p) => p.extends)).toEqual([{ ms: 0 }]);
    expect(e.status).toBe('overdue');
    expect(e.notes.map((n) => n.en).join(' ')).toContain('after the clock had run out');
  });

  it('needs no calendar year for natural time', () => {
    // 24 h from 31 Dec 2026 12:00 China runs into 2027 without a schedule: fine.
    const e = explain(
      { limit: min(1440), startedAt: cn('2026-12-31T12:00:00') },
      '2027-01-01T09:00:00',
    );
    expect(e.dueAt.toISOString()).toBe('2027-01-01T04:00:00.000Z');
    expect(e.limitText).toEqual({ zh: '24小时', en: '24 hours' });
  });
});

describe('limitText', () => {
  it.each([
    [wd(1), '1个工作日', '1 working day'],
    [wd(9), '9个工作日', '9 working days'],
    [min(1), '1分钟', '1 minute'],
    [min(45), '45分钟', '45 minutes'],
    [min(90), '90分钟', '90 minutes'],
    [min(60), '1小时', '1 hour'],
    [min(180), '3小时', '3 hours'],
    [min(1440), '24小时', '24 hours'],
  ] as const)('%o → %s / %s', (limit, zh, en) => {
    expect(limitText(limit)).toEqual({ zh, en });
  });
});
