import { describe, expect, it } from 'vitest';
import type { SlaLimit } from '../../../../common/orders/sla.js';
import { deriveStepLimits } from './index.js';

// 倒推: default steps scaled to a committed total. Floor of each share, the rest to the largest
// fractional parts (ties: later step first); every step keeps at least 1; sums are exact.

const wd = (amount: number): SlaLimit => ({ unit: 'working_days', amount });
const min = (amount: number): SlaLimit => ({ unit: 'minutes', amount });
const steps = (unit: (n: number) => SlaLimit, amounts: Record<string, number>) =>
  Object.entries(amounts).map(([step, n]) => ({ step, limit: unit(n) }));
/** The derived amounts and endsBefore amounts, in step order. */
const amounts = (total: SlaLimit, defaults: { step: string; limit: SlaLimit }[]) =>
  deriveStepLimits(total, defaults).map((d) => [d.step, d.limit.amount, d.endsBefore.amount]);

// High-voltage single source (rules.md §3): 15 + 10 + 5 + 5 + 5 = 40 wd.
const hvSingle = steps(wd, {
  supply_plan: 15,
  design_review: 10,
  mid_check: 5,
  completion_check: 5,
  energising: 5,
});

describe('deriveStepLimits', () => {
  it('derives the high-voltage single-source steps from a committed 22 wd', () => {
    // Shares 22/40: 8.25, 5.5, 2.75, 2.75, 2.75 → floors 8, 5, 2, 2, 2 = 19; 3 left go to the
    // three .75 parts → 8, 5, 3, 3, 3 = 22. endsBefore: 3+3+3+5 = 14, 9, 6, 3, 0.
    expect(deriveStepLimits(wd(22), hvSingle)).toEqual([
      { step: 'supply_plan', limit: wd(8), endsBefore: wd(14) },
      { step: 'design_review', limit: wd(5), endsBefore: wd(9) },
      { step: 'mid_check', limit: wd(3), endsBefore: wd(6) },
      { step: 'completion_check', limit: wd(3), endsBefore: wd(3) },
      { step: 'energising', limit: wd(3), endsBefore: wd(0) },
    ]);
  });

  it('breaks ties for the remainder by giving the later step first', () => {
    // Shares 21/40: 7.875, 5.25, 2.625 × 3 → floors 7, 5, 2, 2, 2 = 18; 3 left: .875 (supply
    // plan), then two of the three tied .625, the later ones: energising, completion check.
    expect(amounts(wd(21), hvSingle)).toEqual([
      ['supply_plan', 8, 13],
      ['design_review', 5, 8],
      ['mid_check', 2, 6],
      ['completion_check', 3, 3],
      ['energising', 3, 0],
    ]);
    // Three equal steps, 4 units: 1.333 each, 1 left → the last step.
    const equal = steps(wd, { a: 1, b: 1, c: 1 });
    expect(amounts(wd(4), equal)).toEqual([
      ['a', 1, 3],
      ['b', 1, 2],
      ['c', 2, 0],
    ]);
    // 5 units: 1.667 each, 2 left → c, then b.
    expect(amounts(wd(5), equal).map((x) => x[1])).toEqual([1, 2, 2]);
  });

  it('derives the dual-source steps from 32 wd', () => {
    // 30 + 10 + 5 + 5 + 5 = 55. Shares 32/55: 17.45, 5.82, 2.91 × 3 → floors 17, 5, 2, 2, 2 = 28;
    // 4 left: the three .91 parts, then .82 → 17, 6, 3, 3, 3 = 32.
    const dual = steps(wd, { supply_plan: 30, design_review: 10, mid: 5, completion: 5, on: 5 });
    expect(amounts(wd(32), dual)).toEqual([
      ['supply_plan', 17, 15],
      ['design_review', 6, 9],
      ['mid', 3, 6],
      ['completion', 3, 3],
      ['on', 3, 0],
    ]);
  });

  it('keeps the defaults at their own total and scales them up exactly', () => {
    expect(amounts(wd(40), hvSingle).map((x) => x[1])).toEqual([15, 10, 5, 5, 5]);
    expect(amounts(wd(80), hvSingle).map((x) => x[1])).toEqual([30, 20, 10, 10, 10]);
  });

  it('works in minutes too', () => {
    // Dispatch 3 + acknowledge 5 + arrive 45 = 53 min, committed 40: shares 2.26, 3.77, 33.96 →
    // floors 2, 3, 33 = 38; 2 left: .96 (arrive), .77 (acknowledge) → 2, 4, 34.
    const fault = steps(min, { dispatch: 3, acknowledge: 5, arrive: 45 });
    expect(deriveStepLimits(min(40), fault)).toEqual([
      { step: 'dispatch', limit: min(2), endsBefore: min(38) },
      { step: 'acknowledge', limit: min(4), endsBefore: min(34) },
      { step: 'arrive', limit: min(34), endsBefore: min(0) },
    ]);
  });

  it('gives every step at least 1 unit', () => {
    // 100, 1, 1 into 3: shares 2.94, 0.03, 0.03 → 3, 0, 0; each 0 takes 1 from the largest.
    const skewed = steps(wd, { big: 100, small: 1, tiny: 1 });
    expect(amounts(wd(3), skewed)).toEqual([
      ['big', 1, 2],
      ['small', 1, 1],
      ['tiny', 1, 0],
    ]);
    // 5 units: 4.90, 0.05, 0.05 → 5, 0, 0 → 3, 1, 1.
    expect(amounts(wd(5), skewed).map((x) => x[1])).toEqual([3, 1, 1]);
    // Exactly one unit per step.
    expect(amounts(wd(5), hvSingle).map((x) => x[1])).toEqual([1, 1, 1, 1, 1]);
  });

  it('sums exactly to every total from 5 to 120 wd, each step ≥ 1, endsBefore consistent', () => {
    for (let total = 5; total <= 120; total++) {
      const got = deriveStepLimits(wd(total), hvSingle);
      expect(got.reduce((s, d) => s + d.limit.amount, 0)).toBe(total);
      for (const [i, d] of got.entries()) {
        expect(d.limit.amount).toBeGreaterThanOrEqual(1);
        expect(Number.isInteger(d.limit.amount)).toBe(true);
        const later = got.slice(i + 1).reduce((s, x) => s + x.limit.amount, 0);
        expect(d.endsBefore).toEqual(wd(later));
      }
    }
  });

  it.each([
    ['a step in another unit', wd(22), [...hvSingle.slice(0, 4), { step: 'x', limit: min(60) }]],
    ['a total in another unit', min(22 * 1440), hvSingle],
    ['a total too small for the steps', wd(4), hvSingle],
    ['a fractional total', wd(22.5), hvSingle],
    ['a zero total', wd(0), hvSingle],
    ['a zero default', wd(22), [{ step: 'a', limit: wd(0) }, ...hvSingle]],
    ['a fractional default', wd(22), [{ step: 'a', limit: wd(1.5) }]],
    ['no steps', wd(22), []],
  ] as const)('throws for %s', (_, total, defaults) => {
    expect(() => deriveStepLimits(total, defaults)).toThrow(Error);
  });

  it('names the problem in the error', () => {
    expect(() => deriveStepLimits(min(600), hvSingle)).toThrow(/working_days.*minutes/);
    expect(() => deriveStepLimits(wd(4), hvSingle)).toThrow(/each of 5 steps/);
  });
});
