import { describe, expect, it } from 'vitest';
import type { SlaLimit } from '../../../../common/orders/sla.js';
import { SEED_YEARS, workingCalendar } from '../../calendar/index.js';
import { clockDue, readClock, type ClockInput } from './index.js';

// Suspension (挂起). Minutes: the due moves by the time suspended. Working days: by the working
// days d with date(from) < d ≤ date(to). Expected values counted by hand.

const cal = workingCalendar(SEED_YEARS);
const cn = (s: string) => new Date(`${s}+08:00`);
const wd = (amount: number): SlaLimit => ({ unit: 'working_days', amount });
const min = (amount: number): SlaLimit => ({ unit: 'minutes', amount });
const clock = (
  limit: SlaLimit,
  startedAt: string,
  pauses: [string, string | null][],
  stoppedAt: string | null = null,
): ClockInput => ({
  limit,
  startedAt: cn(startedAt),
  pauses: pauses.map(([from, to]) => ({ from: cn(from), to: to === null ? null : cn(to) })),
  stoppedAt: stoppedAt === null ? null : cn(stoppedAt),
});
const H = 3_600_000;
const M = 60_000;

describe('minutes clocks', () => {
  // 45 min from 10:00 China on Tue 10 Mar 2026; without pauses due 10:45 (02:45Z).
  const start = '2026-03-10T10:00:00';

  it('moves the due by the paused time', () => {
    // Paused 10:10–10:40 (30 min): 10:45 + 30 = 11:15 China.
    const c = clock(min(45), start, [['2026-03-10T10:10:00', '2026-03-10T10:40:00']]);
    const r = readClock(cal, c, cn('2026-03-10T11:00:00'));
    expect(r.dueAt.toISOString()).toBe('2026-03-10T03:15:00.000Z');
    expect(r.pausedMs).toBe(30 * M);
    expect(r.extendedWorkingDays).toBe(0);
  });

  it('adds up several pauses', () => {
    // 10:05–10:15 (10 min) and 10:30–10:55 (25 min): 10:45 + 35 = 11:20 China.
    const c = clock(min(45), start, [
      ['2026-03-10T10:30:00', '2026-03-10T10:55:00'], // given out of order on purpose
      ['2026-03-10T10:05:00', '2026-03-10T10:15:00'],
    ]);
    expect(clockDue(cal, c, cn('2026-03-10T11:00:00')).toISOString()).toBe(
      '2026-03-10T03:20:00.000Z',
    );
  });

  it('counts overlapping pauses once', () => {
    // 10:10–10:30 and 10:20–10:40 cover 10:10–10:40 (30 min): due 11:15 China.
    const c = clock(min(45), start, [
      ['2026-03-10T10:10:00', '2026-03-10T10:30:00'],
      ['2026-03-10T10:20:00', '2026-03-10T10:40:00'],
    ]);
    const r = readClock(cal, c, cn('2026-03-10T11:00:00'));
    expect(r.dueAt.toISOString()).toBe('2026-03-10T03:15:00.000Z');
    expect(r.pausedMs).toBe(30 * M);
  });

  it('ignores a pause that begins after the clock ran out', () => {
    // Due 10:45; paused 11:00–12:00: still due 10:45, overdue at 12:30.
    const c = clock(min(45), start, [['2026-03-10T11:00:00', '2026-03-10T12:00:00']]);
    const r = readClock(cal, c, cn('2026-03-10T12:30:00'));
    expect(r.dueAt.toISOString()).toBe('2026-03-10T02:45:00.000Z');
    expect(r.status).toBe('overdue');
    expect(r.pausedMs).toBe(0);
  });

  it('counts only the part of a pause after the start', () => {
    // Paused 09:30–10:10, the clock started 10:00: 10 min count, due 10:55 China.
    const c = clock(min(45), start, [['2026-03-10T09:30:00', '2026-03-10T10:10:00']]);
    expect(clockDue(cal, c, cn('2026-03-10T11:00:00')).toISOString()).toBe(
      '2026-03-10T02:55:00.000Z',
    );
  });

  it('runs an open pause up to now and reads paused', () => {
    // Paused since 10:20, now 11:00: 40 min so far, due 10:45 + 40 = 11:25 China.
    const c = clock(min(45), start, [['2026-03-10T10:20:00', null]]);
    const r = readClock(cal, c, cn('2026-03-10T11:00:00'));
    expect(r.dueAt.toISOString()).toBe('2026-03-10T03:25:00.000Z');
    expect(r.status).toBe('paused');
    // 60 min elapsed of a 85 min span.
    expect(r.fraction).toBeCloseTo(60 / 85, 10);
    expect(r.remainingMs).toBe(25 * M);
    expect(r.pausedMs).toBe(40 * M);
  });

  it('runs a 24 h clock paused over a holiday by the exact paused time', () => {
    // First contact 24 h from Fri 13 Feb 2026 10:00; paused Sat 14 08:00 → Mon 16 20:00 (60 h):
    // due Sat 14 10:00 + 60 h = Mon 16 22:00 China.
    const c = clock(min(1440), '2026-02-13T10:00:00', [
      ['2026-02-14T08:00:00', '2026-02-16T20:00:00'],
    ]);
    const r = readClock(cal, c, cn('2026-02-16T21:00:00'));
    expect(r.dueAt.toISOString()).toBe('2026-02-16T14:00:00.000Z');
    expect(r.pausedMs).toBe(60 * H);
  });
});

describe('working-day clocks', () => {
  // Complaint, 4 wd from Mon 23 Nov 2026 10:00; without pauses due Fri 27 24:00 (16:00Z).
  const start = '2026-11-23T10:00:00';

  it('extends nothing for a pause that begins and ends the same day', () => {
    // Tue 24 09:00–17:00: no date after 24 up to 24.
    const c = clock(wd(4), start, [['2026-11-24T09:00:00', '2026-11-24T17:00:00']]);
    const r = readClock(cal, c, cn('2026-11-25T10:00:00'));
    expect(r.dueAt.toISOString()).toBe('2026-11-27T16:00:00.000Z');
    expect(r.extendedWorkingDays).toBe(0);
    expect(r.pausedMs).toBe(8 * H);
  });

  it('extends by the day a pause ends on', () => {
    // Tue 24 09:00 → Wed 25 09:00 loses Wed 25: 5 wd from Mon 23 = 24, 25, 26, 27, Mon 30.
    const c = clock(wd(4), start, [['2026-11-24T09:00:00', '2026-11-25T09:00:00']]);
    const r = readClock(cal, c, cn('2026-11-25T10:00:00'));
    expect(r.dueAt.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(r.extendedWorkingDays).toBe(1);
  });

  it('loses no working day to a pause inside a weekend, one when it reaches Monday', () => {
    // 4 wd from Wed 25 Nov 2026: Thu 26, Fri 27, Mon 30, Tue 1 Dec → 1 Dec 24:00.
    const friToSun = clock(wd(4), '2026-11-25T10:00:00', [
      ['2026-11-27T15:00:00', '2026-11-29T20:00:00'], // (27, 29] = Sat, Sun: none lost
    ]);
    expect(clockDue(cal, friToSun, cn('2026-11-30T09:00:00')).toISOString()).toBe(
      '2026-12-01T16:00:00.000Z',
    );
    const friToMon = clock(wd(4), '2026-11-25T10:00:00', [
      ['2026-11-27T15:00:00', '2026-11-30T10:00:00'], // (27, 30] = Sat, Sun, Mon: Mon lost
    ]);
    // 5 wd: 26, 27, 30, 1, Wed 2 Dec.
    expect(clockDue(cal, friToMon, cn('2026-11-30T11:00:00')).toISOString()).toBe(
      '2026-12-02T16:00:00.000Z',
    );
  });

  it('adds up two pauses', () => {
    // Tue 24 10:00 → Wed 25 10:00 loses 25 (1); Thu 26 14:00 → Mon 30 09:00 loses 27 and 30 (2).
    // 7 wd from Mon 23: 24, 25, 26, 27, 30, 1 Dec, Wed 2 Dec.
    const c = clock(wd(4), start, [
      ['2026-11-24T10:00:00', '2026-11-25T10:00:00'],
      ['2026-11-26T14:00:00', '2026-11-30T09:00:00'],
    ]);
    const r = readClock(cal, c, cn('2026-11-30T10:00:00'));
    expect(r.dueAt.toISOString()).toBe('2026-12-02T16:00:00.000Z');
    expect(r.extendedWorkingDays).toBe(3);
  });

  it('counts a day covered by two overlapping pauses once', () => {
    // Tue 24 10:00 → Wed 25 12:00 and Wed 25 09:00 → Thu 26 09:00: lost 25 and 26 (2 in all).
    // 6 wd from Mon 23: 24, 25, 26, 27, 30, Tue 1 Dec.
    const c = clock(wd(4), start, [
      ['2026-11-24T10:00:00', '2026-11-25T12:00:00'],
      ['2026-11-25T09:00:00', '2026-11-26T09:00:00'],
    ]);
    const r = readClock(cal, c, cn('2026-11-26T10:00:00'));
    expect(r.dueAt.toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(r.extendedWorkingDays).toBe(2);
  });

  it('loses only the working days of a pause over 春节', () => {
    // 4 wd from Thu 12 Feb 2026 (due Wed 25 Feb). Paused Fri 13 10:00 → Tue 24 10:00:
    // (13, 24] holds Sat 14 (调休) and Tue 24 as working days: 2 lost.
    // 6 wd from 12 Feb: 13, 14, 24, 25, 26, Fri 27.
    const c = clock(wd(4), '2026-02-12T10:00:00', [['2026-02-13T10:00:00', '2026-02-24T10:00:00']]);
    const r = readClock(cal, c, cn('2026-02-24T11:00:00'));
    expect(r.dueAt.toISOString()).toBe('2026-02-27T16:00:00.000Z');
    expect(r.extendedWorkingDays).toBe(2);
  });

  it('moves the due day by day while a pause is open', () => {
    // Paused since Wed 25 11:00. On Wed 25 15:00 nothing is lost yet: due Fri 27.
    const c = clock(wd(4), start, [['2026-11-25T11:00:00', null]]);
    const sameDay = readClock(cal, c, cn('2026-11-25T15:00:00'));
    expect(sameDay.dueAt.toISOString()).toBe('2026-11-27T16:00:00.000Z');
    expect(sameDay.status).toBe('paused');
    // On Fri 27 12:00: (25, 27] = Thu 26, Fri 27 lost. 6 wd: 24, 25, 26, 27, 30, Tue 1 Dec.
    const later = readClock(cal, c, cn('2026-11-27T12:00:00'));
    expect(later.dueAt.toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(later.extendedWorkingDays).toBe(2);
    expect(later.status).toBe('paused');
  });

  it('extends a pause begun on the due day before 24:00, not one begun after', () => {
    // 1 wd from Mon 23 Nov: due Tue 24 24:00.
    const onDueDay = clock(
      wd(1),
      start,
      [['2026-11-24T20:00:00', '2026-11-25T10:00:00']], // loses Wed 25
      '2026-11-25T17:00:00',
    );
    const r1 = readClock(cal, onDueDay, cn('2026-11-26T09:00:00'));
    expect(r1.dueAt.toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(r1.status).toBe('met');

    const afterDue = clock(
      wd(1),
      start,
      [['2026-11-25T10:00:00', '2026-11-26T10:00:00']], // begins after the due: ignored
      '2026-11-26T11:00:00',
    );
    const r2 = readClock(cal, afterDue, cn('2026-11-27T09:00:00'));
    expect(r2.dueAt.toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(r2.status).toBe('missed');
    expect(r2.extendedWorkingDays).toBe(0);
  });

  it('does not count a pause past the stop', () => {
    // Stopped Wed 25 12:00 while a pause from Tue 24 10:00 was never closed: lost Wed 25 only.
    const c = clock(wd(4), start, [['2026-11-24T10:00:00', null]], '2026-11-25T12:00:00');
    const r = readClock(cal, c, cn('2026-12-10T10:00:00'));
    // 5 wd from Mon 23: 24, 25, 26, 27, Mon 30.
    expect(r.dueAt.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(r.status).toBe('met');
    expect(r.pausedMs).toBe(26 * H);
  });
});
