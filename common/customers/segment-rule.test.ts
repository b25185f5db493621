import { describe, expect, it } from 'vitest';
import { DEFAULT_SEGMENTS, SegmentRule, matchesRule, type SegmentFacts } from './segment-rule.js';

const resident: SegmentFacts = {
  customerClass: 'resident',
  industry: 'resident_life',
  voltageLevel: 'v220',
  annualKwh: 2400,
  important: false,
  highRisk: false,
  sensitive: false,
  vip: false,
  arrearsFen: 0,
};

describe('segment rules', () => {
  it('matches on every kind of condition', () => {
    expect(matchesRule({ classes: ['resident'] }, resident)).toBe(true);
    expect(matchesRule({ classes: ['large', 'non_resident'] }, resident)).toBe(false);
    expect(matchesRule({ industries: ['manufacturing'] }, resident)).toBe(false);
    expect(matchesRule({ voltageAtLeast: 'kv10' }, resident)).toBe(false);
    expect(matchesRule({ voltageAtLeast: 'kv10' }, { ...resident, voltageLevel: 'kv35' })).toBe(
      true,
    );
    expect(matchesRule({ voltageAtLeast: 'kv10' }, { ...resident, voltageLevel: 'kv10' })).toBe(
      true,
    );
    expect(matchesRule({ minAnnualKwh: 2400 }, resident)).toBe(true);
    expect(matchesRule({ minAnnualKwh: 2401 }, resident)).toBe(false);
    expect(matchesRule({ maxAnnualKwh: 2399 }, resident)).toBe(false);
    expect(matchesRule({ important: true }, resident)).toBe(false);
    expect(matchesRule({ important: false }, resident)).toBe(true);
    expect(matchesRule({ minArrearsFen: 1 }, resident)).toBe(false);
    expect(matchesRule({ minArrearsFen: 1 }, { ...resident, arrearsFen: 1 })).toBe(true);
  });

  it('needs every condition to hold', () => {
    const rule: SegmentRule = { classes: ['resident'], minArrearsFen: 10_000 };
    expect(matchesRule(rule, { ...resident, arrearsFen: 20_000 })).toBe(true);
    expect(matchesRule(rule, { ...resident, arrearsFen: 20_000, customerClass: 'large' })).toBe(
      false,
    );
  });

  it('refuses empty or contradictory rules', () => {
    expect(SegmentRule.safeParse({}).success).toBe(false);
    expect(SegmentRule.safeParse({ minAnnualKwh: 10, maxAnnualKwh: 5 }).success).toBe(false);
    expect(SegmentRule.safeParse({ classes: [] }).success).toBe(false);
    expect(SegmentRule.safeParse({ colour: 'red' }).success).toBe(false);
  });

  it('ships default segments that parse', () => {
    for (const s of DEFAULT_SEGMENTS)
      expect(SegmentRule.safeParse(s.rule).success, s.code).toBe(true);
  });
});
