import { describe, expect, it } from 'vitest';
import { afterFailedLogin, isLocked } from './policy.js';

const now = new Date('2026-11-23T08:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('login lock', () => {
  it('counts failures and locks at the fifth for 15 minutes', () => {
    let state = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 1; i <= 4; i++) {
      const next = afterFailedLogin(state, now);
      expect(next.lockedNow).toBe(false);
      expect(next.failedLogins).toBe(i);
      state = next;
    }
    const fifth = afterFailedLogin(state, now);
    expect(fifth.lockedNow).toBe(true);
    expect(fifth.lockedUntil).toEqual(minutes(15));
    expect(isLocked(fifth, minutes(14))).toBe(true);
    expect(isLocked(fifth, minutes(15))).toBe(false);
  });

  it('starts counting afresh once a lock has expired', () => {
    const expired = { failedLogins: 5, lockedUntil: minutes(-1) };
    const next = afterFailedLogin(expired, now);
    expect(next).toEqual({ failedLogins: 1, lockedUntil: null, lockedNow: false });
  });

  it('is not locked without a lock time', () => {
    expect(isLocked({ failedLogins: 3, lockedUntil: null }, now)).toBe(false);
  });
});
