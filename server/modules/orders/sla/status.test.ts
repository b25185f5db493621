import { describe, expect, it } from 'vitest';
import type { SlaLimit } from '../../../../common/orders/sla.js';
import { SEED_YEARS, workingCalendar } from '../../calendar/index.js';
import { readClock, timerPlan, type ClockInput } from './index.js';

// Status, fraction and timers. Thresholds are shares of the natural time from start to due.

const cal = workingCalendar(SEED_YEARS);
const cn = (s: string) => new Date(`${s}+08:00`);
const wd = (amount: number): SlaLimit => ({ unit: 'working_days', amount });
const min = (amount: number): SlaLimit => ({ unit: 'minutes', amount });
const M = 60_000;

// Urban arrival, 45 min from 10:00 China on Tue 10 Mar 2026 (02:00Z): due 10:45 (02:45Z),
// warning at 0.8 × 45 = 36 min (10:36), critical at 0.95 × 45 = 42.75 min (10:42:45).
const arrival: ClockInput = {
  limit: min(45),
  startedAt: cn('2026-03-10T10:00:00'),
  pauses: [],
  stoppedAt: null,
};
const at = (hms: string) => cn(`2026-03-10T${hms}`);

describe('status of a running clock (default 0.8 / 0.95)', () => {
  it.each([
    ['09:50:00', 'ok', 0], // before the start: fraction clamps to 0
    ['10:00:00', 'ok', 0],
    ['10:30:00', 'ok', 30 / 45],
    ['10:35:59', 'ok', 35.983333 / 45],
    ['10:36:00', 'warning', 0.8], // exactly 80 %
    ['10:42:44', 'warning', 42.733333 / 45],
    ['10:42:45', 'critical', 0.95], // exactly 95 %
    ['10:44:59', 'critical', 44.983333 / 45],
    ['10:45:00', 'overdue', 1], // the due instant reads overdue (the overdue timer fires here)
    ['11:30:00', 'overdue', 2],
  ] as const)('at %s → %s', (time, status, fraction) => {
    const r = readClock(cal, arrival, at(time));
    expect(r.status).toBe(status);
    expect(r.fraction).toBeCloseTo(fraction, 5);
  });

  it('gives the remaining time, negative when overdue, and the warning instants', () => {
    const r = readClock(cal, arrival, at('10:30:00'));
    expect(r.remainingMs).toBe(15 * M);
    expect(r.dueAt.toISOString()).toBe('2026-03-10T02:45:00.000Z');
    expect(r.warningAt.toISOString()).toBe('2026-03-10T02:36:00.000Z');
    expect(r.criticalAt.toISOString()).toBe('2026-03-10T02:42:45.000Z');
    expect(readClock(cal, arrival, at('11:00:00')).remainingMs).toBe(-15 * M);
  });
});

describe('custom thresholds 0.7 / 0.9', () => {
  const t = { warning: 0.7, critical: 0.9 };

  it('moves the warning instants: 0.7 × 45 = 31.5 min, 0.9 × 45 = 40.5 min', () => {
    const r = readClock(cal, arrival, at('10:00:00'), t);
    expect(r.warningAt.toISOString()).toBe('2026-03-10T02:31:30.000Z');
    expect(r.criticalAt.toISOString()).toBe('2026-03-10T02:40:30.000Z');
  });

  it.each([
    ['10:31:00', 'ok', 'ok'],
    ['10:32:00', 'warning', 'ok'], // 0.711
    ['10:41:00', 'critical', 'warning'], // 0.911
    ['10:43:00', 'critical', 'critical'], // 0.956
    ['10:46:00', 'overdue', 'overdue'],
  ] as const)('at %s → %s (default: %s)', (time, custom, byDefault) => {
    expect(readClock(cal, arrival, at(time), t).status).toBe(custom);
    expect(readClock(cal, arrival, at(time)).status).toBe(byDefault);
  });

  it('refuses thresholds out of order or out of range', () => {
    for (const bad of [
      { warning: 0.9, critical: 0.7 },
      { warning: 0, critical: 0.9 },
      { warning: 0.8, critical: 1.2 },
    ]) {
      expect(() => readClock(cal, arrival, at('10:00:00'), bad)).toThrow(RangeError);
    }
  });
});

describe('working-day clocks are read in natural time', () => {
  // 4 wd from Mon 23 Nov 2026 10:00 China (02:00Z): due Fri 27 24:00 (16:00Z), a span of 110 h.
  // Warning at 88 h = Fri 27 02:00 China (26 Nov 18:00Z); critical at 104.5 h = Fri 18:30 China.
  const complaint: ClockInput = {
    limit: wd(4),
    startedAt: cn('2026-11-23T10:00:00'),
    pauses: [],
    stoppedAt: null,
  };

  it('puts the warning levels at shares of the span', () => {
    const r = readClock(cal, complaint, cn('2026-11-25T10:00:00'));
    expect(r.dueAt.toISOString()).toBe('2026-11-27T16:00:00.000Z');
    expect(r.warningAt.toISOString()).toBe('2026-11-26T18:00:00.000Z');
    expect(r.criticalAt.toISOString()).toBe('2026-11-27T10:30:00.000Z');
    // 48 h of 110 h.
    expect(r.status).toBe('ok');
    expect(r.fraction).toBeCloseTo(48 / 110, 10);
  });

  it.each([
    ['2026-11-27T01:59:00', 'ok'],
    ['2026-11-27T02:00:00', 'warning'],
    ['2026-11-27T18:30:00', 'critical'],
    ['2026-11-27T23:59:59', 'critical'],
    ['2026-11-28T00:00:00', 'overdue'],
  ] as const)('at %s (China) → %s', (time, status) => {
    expect(readClock(cal, complaint, cn(time)).status).toBe(status);
  });
});

describe('stopped clocks', () => {
  const stopped = (stop: string): ClockInput => ({ ...arrival, stoppedAt: at(stop) });

  it('reads met when stopped at or before the due, missed after', () => {
    const early = readClock(cal, stopped('10:40:00'), at('12:00:00'));
    expect(early.status).toBe('met');
    expect(early.remainingMs).toBe(5 * M);
    expect(early.fraction).toBeCloseTo(40 / 45, 10);
    expect(readClock(cal, stopped('10:45:00'), at('12:00:00')).status).toBe('met');
    const late = readClock(cal, stopped('10:45:01'), at('12:00:00'));
    expect(late.status).toBe('missed');
    expect(late.remainingMs).toBe(-1000);
  });

  it('is not paused once stopped, even with a pause left open', () => {
    const c: ClockInput = {
      ...arrival,
      pauses: [{ from: at('10:10:00'), to: null }],
      stoppedAt: at('10:50:00'),
    };
    // The open pause counts up to the stop: 40 min, due 11:25.
    const r = readClock(cal, c, at('12:00:00'));
    expect(r.status).toBe('met');
    expect(r.dueAt.toISOString()).toBe('2026-03-10T03:25:00.000Z');
  });
});

describe('timerPlan', () => {
  it('plans warning, critical and overdue for a running clock, past ones included', () => {
    const plan = timerPlan(cal, arrival, at('10:40:00'));
    expect(plan.map((p) => [p.kind, p.at.toISOString()])).toEqual([
      ['warning', '2026-03-10T02:36:00.000Z'], // already past: the caller fires it at once
      ['critical', '2026-03-10T02:42:45.000Z'],
      ['overdue', '2026-03-10T02:45:00.000Z'],
    ]);
  });

  it('follows custom thresholds and closed pauses', () => {
    // Paused 10:10–10:25 (15 min): due 11:00, span 60 min; 0.7 → 10:42, 0.9 → 10:54.
    const c: ClockInput = { ...arrival, pauses: [{ from: at('10:10:00'), to: at('10:25:00') }] };
    const plan = timerPlan(cal, c, at('10:30:00'), { warning: 0.7, critical: 0.9 });
    expect(plan.map((p) => [p.kind, p.at.toISOString()])).toEqual([
      ['warning', '2026-03-10T02:42:00.000Z'],
      ['critical', '2026-03-10T02:54:00.000Z'],
      ['overdue', '2026-03-10T03:00:00.000Z'],
    ]);
  });

  it('plans working-day timers on natural time', () => {
    // 1 wd from Fri 27 Nov 2026 12:00 China (04:00Z): due Mon 30 24:00 (16:00Z), span 84 h;
    // 0.8 → 67.2 h = Mon 30 07:12 China; 0.95 → 79.8 h = Mon 30 19:48 China.
    const c: ClockInput = {
      limit: wd(1),
      startedAt: cn('2026-11-27T12:00:00'),
      pauses: [],
      stoppedAt: null,
    };
    expect(timerPlan(cal, c, cn('2026-11-27T12:00:00')).map((p) => p.at.toISOString())).toEqual([
      '2026-11-29T23:12:00.000Z',
      '2026-11-30T11:48:00.000Z',
      '2026-11-30T16:00:00.000Z',
    ]);
  });

  it.each([
    ['45 min', min(45), '2026-03-10T10:00:00.000'],
    ['7 min at an odd millisecond', min(7), '2026-03-10T10:00:00.333'],
    ['1 wd', wd(1), '2026-11-27T12:34:56.789'],
    ['9 wd over 国庆', wd(9), '2025-09-26T17:03:11.001'],
  ] as const)('reads, at each planned instant, the status it announces (%s)', (_, limit, from) => {
    const c: ClockInput = { limit, startedAt: cn(from), pauses: [], stoppedAt: null };
    for (const t of [
      undefined,
      { warning: 0.7, critical: 0.9 },
      { warning: 0.33, critical: 0.67 },
    ]) {
      const before = { warning: 'ok', critical: 'warning', overdue: 'critical' } as const;
      for (const p of timerPlan(cal, c, cn(from), t)) {
        expect(readClock(cal, c, p.at, t).status).toBe(p.kind);
        expect(readClock(cal, c, new Date(p.at.getTime() - 1), t).status).toBe(before[p.kind]);
      }
    }
  });

  it('plans nothing for a stopped or a paused clock', () => {
    expect(timerPlan(cal, { ...arrival, stoppedAt: at('10:20:00') }, at('10:30:00'))).toEqual([]);
    const paused = { ...arrival, pauses: [{ from: at('10:20:00'), to: null }] };
    expect(timerPlan(cal, paused, at('10:30:00'))).toEqual([]);
  });
});
