/** Warning levels set in the taxonomy travel with each clock into its timers and explanation. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAXONOMY, resolveType } from '../../../common/orders/taxonomy.js';
import { TaxonomySchema } from '../../../common/schemas/orders.js';
import { SEED_YEARS, workingCalendar } from '../calendar/index.js';
import { startClock, thresholdsOf } from './service/clocks.js';
import { stepLimits } from './service/sla-policy.js';
import { explainClock } from './sla/index.js';

const cal = workingCalendar(SEED_YEARS);
const fault = resolveType(DEFAULT_TAXONOMY, 'fault', 'lv_fault')!;
const facts = { areaClass: 'urban' as const, urgency: 'normal' as const, grade: null };
const at = new Date('2026-11-24T10:00:00+08:00');
const minutesAfter = (d: Date, m: number) => new Date(d.getTime() + m * 60_000).toISOString();

describe('configurable warning levels', () => {
  it('run a clock with the default 80 % and 95 % when the taxonomy sets none', () => {
    const limits = stepLimits(fault, 1, null, facts);
    expect(limits.arrive!.rule.thresholds).toBeUndefined();
    const { clock, timers } = startClock(cal, 'arrive', limits.arrive!, at, undefined);
    expect(limits.arrive!.limit).toEqual({ unit: 'minutes', amount: 45 });
    expect(thresholdsOf(clock)).toEqual({ warning: 0.8, critical: 0.95 });
    expect(timers.map((t) => [t.kind, t.at.toISOString()])).toEqual([
      ['warning', minutesAfter(at, 36)],
      ['critical', minutesAfter(at, 42.75)],
      ['overdue', minutesAfter(at, 45)],
    ]);
  });

  it('take the taxonomy’s levels into every clock, its timers and its explanation', () => {
    const limits = stepLimits(fault, 7, null, facts, { warning: 0.5, critical: 0.9 });
    for (const l of Object.values(limits))
      expect(l.rule.thresholds).toEqual({ warning: 0.5, critical: 0.9 });
    const { clock, timers } = startClock(cal, 'arrive', limits.arrive!, at, undefined);
    expect(timers.map((t) => [t.kind, t.at.toISOString()])).toEqual([
      ['warning', minutesAfter(at, 22.5)],
      ['critical', minutesAfter(at, 40.5)],
      ['overdue', minutesAfter(at, 45)],
    ]);
    const e = explainClock(cal, clock, new Date(at.getTime() + 30 * 60_000), thresholdsOf(clock));
    expect(e.status).toBe('warning');
    expect(e.warningAt.toISOString()).toBe(minutesAfter(at, 22.5));
  });

  it('refuses levels out of order or outside (0, 1)', () => {
    const ok = TaxonomySchema.safeParse({
      ...DEFAULT_TAXONOMY,
      thresholds: { warning: 0.7, critical: 0.9 },
    });
    expect(ok.success).toBe(true);
    for (const thresholds of [
      { warning: 0.95, critical: 0.8 },
      { warning: 0, critical: 0.8 },
      { warning: 0.8, critical: 1 },
    ]) {
      expect(
        TaxonomySchema.safeParse({ ...DEFAULT_TAXONOMY, thresholds }).success,
        JSON.stringify(thresholds),
      ).toBe(false);
    }
  });
});
