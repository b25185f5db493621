/** The outage's repair commitments (rules.md §3): arrival by area class, restoration after it. */
import { describe, expect, it } from 'vitest';
import {
  ARRIVAL_MINUTES,
  RESTORATION_MINUTES,
  outageCommitments,
  readCommitment,
  worstAreaClass,
} from './outage-commitments.js';

const T0 = new Date('2026-11-23T00:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);

describe('worstAreaClass', () => {
  it.each([
    [[], 'urban'],
    [['urban', 'urban'], 'urban'],
    [['urban', 'rural'], 'rural'],
    [['rural', 'remote', 'urban'], 'remote'],
    [['remote'], 'remote'],
  ] as const)('%j → %s', (classes, worst) => {
    expect(worstAreaClass(classes)).toBe(worst);
  });
});

describe('readCommitment', () => {
  it.each([
    [0, 'ok'],
    [35, 'ok'],
    [36, 'warning'], // 80 % of 45 min
    [42.74, 'warning'],
    [42.75, 'critical'], // 95 %
    [44.99, 'critical'],
    [45, 'overdue'],
    [300, 'overdue'],
  ])('45 min read after %f min: %s', (min, status) => {
    expect(readCommitment(45, T0, null, at(min)).status).toBe(status);
  });

  it('stamps due, warning and critical instants, and stops met or missed', () => {
    const c = readCommitment(90, T0, null, at(10));
    expect(c).toMatchObject({
      limitMinutes: 90,
      startedAt: T0.toISOString(),
      dueAt: at(90).toISOString(),
      warningAt: at(72).toISOString(),
      criticalAt: at(85.5).toISOString(),
      stoppedAt: null,
    });
    expect(readCommitment(90, T0, at(90), at(500)).status).toBe('met');
    expect(readCommitment(90, T0, at(90.01), at(91)).status).toBe('missed');
  });

  it('follows configured thresholds', () => {
    expect(readCommitment(100, T0, null, at(55), { warning: 0.5, critical: 0.9 }).status).toBe(
      'warning',
    );
    expect(readCommitment(100, T0, null, at(45), { warning: 0.5, critical: 0.9 }).status).toBe(
      'ok',
    );
  });
});

describe('outageCommitments', () => {
  it.each([
    ['urban', 45, 180],
    ['rural', 90, 240],
    ['remote', 120, 240],
  ] as const)(
    '%s: arrive in %i min, restore %i min after arrival',
    (areaClass, arrive, restore) => {
      expect(ARRIVAL_MINUTES[areaClass]).toBe(arrive);
      expect(RESTORATION_MINUTES[areaClass]).toBe(restore);
      const before = outageCommitments(
        { areaClass, startedAt: T0, arrivedAt: null, restoredAt: null },
        at(arrive - 1),
      );
      expect(before.arrival.dueAt).toBe(at(arrive).toISOString());
      expect(before.arrival.status).toBe('critical');
      expect(before.restoration).toBeNull();

      const arrived = outageCommitments(
        { areaClass, startedAt: T0, arrivedAt: at(arrive + 5), restoredAt: null },
        at(arrive + 5 + restore),
      );
      expect(arrived.arrival).toMatchObject({
        status: 'missed',
        stoppedAt: at(arrive + 5).toISOString(),
      });
      expect(arrived.restoration).toMatchObject({
        status: 'overdue',
        startedAt: at(arrive + 5).toISOString(),
        dueAt: at(arrive + 5 + restore).toISOString(),
      });
    },
  );

  it('restoration in time is met; power back before any arrival stops the arrival clock', () => {
    const done = outageCommitments(
      { areaClass: 'urban', startedAt: T0, arrivedAt: at(30), restoredAt: at(200) },
      at(1000),
    );
    expect(done.arrival.status).toBe('met');
    expect(done.restoration?.status).toBe('met');
    const remote = outageCommitments(
      { areaClass: 'urban', startedAt: T0, arrivedAt: null, restoredAt: at(20) },
      at(1000),
    );
    expect(remote.arrival).toMatchObject({ status: 'met', stoppedAt: at(20).toISOString() });
    expect(remote.restoration).toBeNull();
  });
});
