import { describe, expect, it } from 'vitest';
import type { SlaLimit } from '../../../../common/orders/sla.js';
import { CalendarYearMissing, SEED_YEARS, workingCalendar } from '../../calendar/index.js';
import { clockDue, type ClockInput } from './index.js';

// Deadlines without suspension. Expected dues are counted by hand from the 2025/2026 schedules
// (rules.md §4): the start day is not counted, the due is 24:00 China (= 16:00 UTC) of the last
// working day; natural minutes run through everything.

const cal = workingCalendar(SEED_YEARS);
/** An instant given in China time. */
const cn = (s: string) => new Date(`${s}+08:00`);
const wd = (amount: number): SlaLimit => ({ unit: 'working_days', amount });
const min = (amount: number): SlaLimit => ({ unit: 'minutes', amount });
const clock = (limit: SlaLimit, startedAt: string): ClockInput => ({
  limit,
  startedAt: cn(startedAt),
  pauses: [],
  stoppedAt: null,
});
const due = (limit: SlaLimit, startedAt: string) =>
  clockDue(cal, clock(limit, startedAt), cn(startedAt)).toISOString();

describe('working-day deadlines', () => {
  it.each([
    // Mon 23 Nov 2026: Tue 24 #1, Wed 25 #2, Thu 26 #3, Fri 27 #4.
    ['2026-11-23T10:00:00', 4, '2026-11-27T16:00:00.000Z'],
    // Thu 26 Nov 2026: Fri 27 #1, Sat 28/Sun 29 skipped, Mon 30 #2, Tue 1 Dec #3, Wed 2 #4.
    ['2026-11-26T10:00:00', 4, '2026-12-02T16:00:00.000Z'],
    // Fri 27 Nov 2026: weekend skipped, Mon 30 #1.
    ['2026-11-27T17:00:00', 1, '2026-11-30T16:00:00.000Z'],
    // Accepted on a Saturday: Sun 29 skipped, Mon 30 #1.
    ['2026-11-28T11:00:00', 1, '2026-11-30T16:00:00.000Z'],
    // Report, 9 wd from Mon 23 Nov 2026: 24,25,26,27 (#1–4), 30 (#5), 1,2,3,4 Dec (#6–9).
    ['2026-11-23T10:00:00', 9, '2026-12-04T16:00:00.000Z'],
  ] as const)('across weekends: %s + %i wd → %s', (from, n, expected) => {
    expect(due(wd(n), from)).toBe(expected);
  });

  it.each([
    // Fri 13 Feb 2026: Sat 14 (调休) #1, 15–23 春节 skipped, Tue 24 #2, Wed 25 #3, Thu 26 #4.
    ['2026-02-13T10:00:00', 4, '2026-02-26T16:00:00.000Z'],
    // Fri 13 Feb: Sat 14 #1 — the make-up Saturday alone.
    ['2026-02-13T10:00:00', 1, '2026-02-14T16:00:00.000Z'],
    // Fri 13 Feb + 9: 14 #1, 24 #2, 25 #3, 26 #4, 27 #5, Sat 28 (调休) #6, Sun 1 Mar skipped,
    // 2 #7, 3 #8, 4 #9.
    ['2026-02-13T10:00:00', 9, '2026-03-04T16:00:00.000Z'],
    // Accepted on the make-up Saturday 14 Feb: 15–23 skipped, Tue 24 #1.
    ['2026-02-14T09:00:00', 1, '2026-02-24T16:00:00.000Z'],
    // Accepted during the holiday (Sun 22 Feb): Mon 23 still 春节, Tue 24 #1.
    ['2026-02-22T15:00:00', 1, '2026-02-24T16:00:00.000Z'],
    // Thu 12 Feb: Fri 13 #1, Sat 14 #2, Tue 24 #3, Wed 25 #4.
    ['2026-02-12T10:00:00', 4, '2026-02-25T16:00:00.000Z'],
  ] as const)('across 春节 2026: %s + %i wd → %s', (from, n, expected) => {
    expect(due(wd(n), from)).toBe(expected);
  });

  it.each([
    // Fri 26 Sep 2025: Sat 27 skipped, Sun 28 (调休) #1, Mon 29 #2, Tue 30 #3, 1–8 Oct 国庆·中秋
    // skipped, Thu 9 Oct #4.
    ['2025-09-26T10:00:00', 4, '2025-10-09T16:00:00.000Z'],
    // Sat 27 Sep 2025: the make-up Sunday 28 is #1.
    ['2025-09-27T10:00:00', 1, '2025-09-28T16:00:00.000Z'],
    // Tue 30 Sep 2025: Thu 9 #1, Fri 10 #2, Sat 11 (调休) #3, Sun 12 skipped, Mon 13 #4.
    ['2025-09-30T10:00:00', 4, '2025-10-13T16:00:00.000Z'],
    // Fri 26 Sep 2025 + 9: 28, 29, 30, 9, 10, 11 (#1–6), 13, 14, 15 (#7–9).
    ['2025-09-26T10:00:00', 9, '2025-10-15T16:00:00.000Z'],
  ] as const)('across 国庆 2025: %s + %i wd → %s', (from, n, expected) => {
    expect(due(wd(n), from)).toBe(expected);
  });

  it.each([
    // Fri 18 Sep 2026: Sat 19 skipped, Sun 20 (调休) #1.
    ['2026-09-18T10:00:00', 1, '2026-09-20T16:00:00.000Z'],
    // Fri 18 Sep 2026: Sun 20 #1, Mon 21 #2, Tue 22 #3, Wed 23 #4.
    ['2026-09-18T10:00:00', 4, '2026-09-23T16:00:00.000Z'],
    // Thu 24 Sep 2026: 25–27 中秋 skipped, Mon 28 #1, Tue 29 #2, Wed 30 #3, 1–7 Oct 国庆 skipped,
    // Thu 8 Oct #4.
    ['2026-09-24T10:00:00', 4, '2026-10-08T16:00:00.000Z'],
    // Wed 30 Sep 2026: Thu 8 #1, Fri 9 #2, Sat 10 (调休) #3, Sun 11 skipped, Mon 12 #4.
    ['2026-09-30T10:00:00', 4, '2026-10-12T16:00:00.000Z'],
  ] as const)('across 中秋/国庆 2026: %s + %i wd → %s', (from, n, expected) => {
    expect(due(wd(n), from)).toBe(expected);
  });

  it.each([
    // Fri 31 Jul 2026: Mon 3 Aug #1, Tue 4 #2, Wed 5 #3, Thu 6 #4.
    ['2026-07-31T15:00:00', 4, '2026-08-06T16:00:00.000Z'],
    // Thu 26 Feb 2026: Fri 27 #1, Sat 28 (调休) #2, Sun 1 Mar skipped, Mon 2 #3, Tue 3 #4.
    ['2026-02-26T10:00:00', 4, '2026-03-03T16:00:00.000Z'],
    // Tue 30 Dec 2025: Wed 31 #1, 1–3 Jan 元旦 skipped, Sun 4 Jan (调休) #2, Mon 5 #3, Tue 6 #4.
    ['2025-12-30T10:00:00', 4, '2026-01-06T16:00:00.000Z'],
    // Wed 31 Dec 2025: 1–3 Jan skipped, Sun 4 Jan #1.
    ['2025-12-31T10:00:00', 1, '2026-01-04T16:00:00.000Z'],
    // Wed 30 Dec 2026: Thu 31 Dec #1 — still inside the known years.
    ['2026-12-30T10:00:00', 1, '2026-12-31T16:00:00.000Z'],
  ] as const)('across month and year ends: %s + %i wd → %s', (from, n, expected) => {
    expect(due(wd(n), from)).toBe(expected);
  });

  it('throws CalendarYearMissing when the count runs into 2027', () => {
    // Wed 30 Dec 2026 + 4: Thu 31 #1, then 1 Jan 2027 has no schedule.
    expect(() => due(wd(4), '2026-12-30T10:00:00')).toThrow(CalendarYearMissing);
    expect(() => due(wd(1), '2026-12-31T10:00:00')).toThrow(
      expect.objectContaining({ year: 2027 }),
    );
  });

  it.each([
    // Mon 23 Nov 2026 23:59: the day is Monday, Tue 24 #1.
    ['2026-11-23T23:59:00', '2026-11-24T16:00:00.000Z'],
    // Tue 24 Nov 00:01, two minutes later (still Mon 16:01 in UTC): Wed 25 #1.
    ['2026-11-24T00:01:00', '2026-11-25T16:00:00.000Z'],
    // Tue 30 Dec 2025 23:59: Wed 31 #1.
    ['2025-12-30T23:59:00', '2025-12-31T16:00:00.000Z'],
    // Wed 31 Dec 2025 00:01: 1–3 Jan skipped, Sun 4 Jan #1.
    ['2025-12-31T00:01:00', '2026-01-04T16:00:00.000Z'],
    // Fri 27 Nov 2026 23:59 and Sat 28 00:01 both fall due Mon 30.
    ['2026-11-27T23:59:00', '2026-11-30T16:00:00.000Z'],
    ['2026-11-28T00:01:00', '2026-11-30T16:00:00.000Z'],
  ] as const)('late at night vs after midnight (China): %s + 1 wd → %s', (from, expected) => {
    expect(due(wd(1), from)).toBe(expected);
  });
});

describe('natural-minute deadlines', () => {
  it.each([
    // Urban fault arrival, 45 min, accepted 23:30 on a 春节 night: 00:15 China next day.
    ['2026-02-16T23:30:00', 45, '2026-02-16T16:15:00.000Z'],
    // Rural, 90 min, over the new year: 23:00 + 1:30 = 00:30 on 1 Jan 2026 (China).
    ['2025-12-31T23:00:00', 90, '2025-12-31T16:30:00.000Z'],
    // Remote, 120 min, on 国庆 night: 22:30 + 2:00 = 00:30 on 2 Oct (China).
    ['2026-10-01T22:30:00', 120, '2026-10-01T16:30:00.000Z'],
    // Complaint first contact, 24 h over a weekend: Fri 18:00 → Sat 18:00 (China).
    ['2026-11-27T18:00:00', 1440, '2026-11-28T10:00:00.000Z'],
    // Restoration, 3 h across midnight on a working day: 22:15 → 01:15 (China).
    ['2026-11-23T22:15:00', 180, '2026-11-23T17:15:00.000Z'],
    // Dispatch, 3 min at 23:59 on 31 Dec 2026: minutes need no calendar, 2027 is fine.
    ['2026-12-31T23:59:00', 3, '2026-12-31T16:02:00.000Z'],
  ] as const)('%s + %i min → %s', (from, n, expected) => {
    expect(due(min(n), from)).toBe(expected);
  });
});

describe('limits the engine refuses', () => {
  it.each([wd(0), wd(-1), wd(1.5), min(0), min(-45), min(Number.NaN)])('%o', (limit) => {
    expect(() => due(limit, '2026-11-23T10:00:00')).toThrow(RangeError);
  });
});
