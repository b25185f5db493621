import { describe, expect, it } from 'vitest';
import type { SlaFacts, SlaLimit, SlaPolicy } from '../../../../common/orders/sla.js';
import { clauseApplies, resolveLimits } from './index.js';

// For each step the first clause whose conditions all hold wins; an absent condition holds for
// any value, a given one only for a listed value (an unknown fact fails it).

const wd = (amount: number): SlaLimit => ({ unit: 'working_days', amount });
const min = (amount: number): SlaLimit => ({ unit: 'minutes', amount });
const facts = (f: Partial<SlaFacts> = {}): SlaFacts => ({
  areaClass: null,
  urgency: null,
  grade: null,
  ...f,
});

// Fault repair (rules.md §3): arrival 45/90/120 min, restoration 3 h urban / 4 h otherwise.
const faultRepair: SlaPolicy = {
  clauses: [
    { step: 'arrive', limit: min(45), when: { areaClass: ['urban'] } }, // 0
    { step: 'arrive', limit: min(90), when: { areaClass: ['rural'] } }, // 1
    { step: 'arrive', limit: min(120) }, // 2: remote, or area not known
    { step: 'repair', limit: min(180), when: { areaClass: ['urban'] } }, // 3
    { step: 'repair', limit: min(240) }, // 4
    { step: 'dispatch', limit: min(3) }, // 5
    { step: 'return', limit: min(30) }, // 6
  ],
};

// Complaints: 重大/特殊 reviewed within 15 min; urgent grave ones answered in 2 wd, others 4.
const complaint: SlaPolicy = {
  clauses: [
    { step: 'escalation', limit: min(15), when: { grade: ['special', 'major'] } }, // 0
    { step: 'first_contact', limit: min(1440) }, // 1
    {
      step: 'total',
      limit: wd(2),
      when: { urgency: ['urgent'], grade: ['special', 'major'] },
    }, // 2
    { step: 'total', limit: wd(4) }, // 3
    { step: 'total', limit: wd(9) }, // 4: never reached, clause 3 matches everything
  ],
};

describe('resolveLimits', () => {
  it('picks the urban fault limits', () => {
    expect(resolveLimits(faultRepair, facts({ areaClass: 'urban' }))).toEqual({
      arrive: { limit: min(45), clause: 0 },
      repair: { limit: min(180), clause: 3 },
      dispatch: { limit: min(3), clause: 5 },
      return: { limit: min(30), clause: 6 },
    });
  });

  it.each([
    ['rural', 90, 1, 240, 4],
    ['remote', 120, 2, 240, 4],
    [null, 120, 2, 240, 4], // an unknown area class fails both conditions
  ] as const)(
    'area %s → arrive %i min (clause %i), repair %i (clause %i)',
    (area, a, ac, r, rc) => {
      const got = resolveLimits(faultRepair, facts({ areaClass: area }));
      expect(got.arrive).toEqual({ limit: min(a), clause: ac });
      expect(got.repair).toEqual({ limit: min(r), clause: rc });
    },
  );

  it('leaves out steps the policy has no clause for', () => {
    const got = resolveLimits(faultRepair, facts({ areaClass: 'urban' }));
    expect(Object.keys(got).sort()).toEqual(['arrive', 'dispatch', 'repair', 'return']);
    expect(got.total).toBeUndefined();
  });

  it('needs every condition of a clause to hold', () => {
    // Grade major and urgent: clause 2.
    expect(resolveLimits(complaint, facts({ urgency: 'urgent', grade: 'major' }))).toEqual({
      escalation: { limit: min(15), clause: 0 },
      first_contact: { limit: min(1440), clause: 1 },
      total: { limit: wd(2), clause: 2 },
    });
    // Major but normal urgency: clause 2 fails on urgency, clause 3 applies.
    expect(resolveLimits(complaint, facts({ urgency: 'normal', grade: 'major' })).total).toEqual({
      limit: wd(4),
      clause: 3,
    });
    // Urgent but graded 一般: clause 2 fails on grade; no escalation clock at all.
    const general = resolveLimits(complaint, facts({ urgency: 'urgent', grade: 'general' }));
    expect(general.total).toEqual({ limit: wd(4), clause: 3 });
    expect(general.escalation).toBeUndefined();
    // Urgency unknown: fails clause 2.
    expect(resolveLimits(complaint, facts({ grade: 'special' })).total?.clause).toBe(3);
  });

  it('takes the first match even when a later clause is more specific', () => {
    const general: SlaPolicy = {
      clauses: [
        { step: 'total', limit: wd(4) },
        { step: 'total', limit: wd(2), when: { urgency: ['urgent'] } },
      ],
    };
    expect(resolveLimits(general, facts({ urgency: 'urgent' })).total).toEqual({
      limit: wd(4),
      clause: 0,
    });
  });

  it('returns nothing for an empty policy', () => {
    expect(resolveLimits({ clauses: [] }, facts({ areaClass: 'urban' }))).toEqual({});
  });
});

describe('clauseApplies', () => {
  it.each([
    [{}, facts(), true],
    [{ areaClass: ['urban', 'rural'] }, facts({ areaClass: 'rural' }), true],
    [{ areaClass: ['urban'] }, facts({ areaClass: 'rural' }), false],
    [{ areaClass: ['urban'] }, facts(), false],
    [{ areaClass: [] }, facts({ areaClass: 'urban' }), false], // an empty list matches nothing
    [{ urgency: ['urgent'], grade: ['major'] }, facts({ urgency: 'urgent', grade: 'major' }), true],
    [
      { urgency: ['urgent'], grade: ['major'] },
      facts({ urgency: 'urgent', grade: 'special' }),
      false,
    ],
    [{ grade: ['general'] }, facts({ areaClass: 'remote', grade: 'general' }), true],
  ] as const)('when %o with %o → %s', (when, f, expected) => {
    const clause = {
      step: 'total' as const,
      limit: wd(4),
      when: when as NonNullable<SlaPolicy['clauses'][number]['when']>,
    };
    expect(clauseApplies(clause, f)).toBe(expected);
  });

  it('holds without any condition', () => {
    expect(clauseApplies({ step: 'total', limit: wd(4) }, facts({ grade: 'major' }))).toBe(true);
  });
});
