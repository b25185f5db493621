import type { CustomerClass, Industry, VoltageLevel } from '../../../../common/customers/codes.ts';
import type { SegmentRule } from '../../../../common/customers/segment-rule.ts';
import { fenToYuan, yuanToFen } from '../customers/money.ts';

/** 不限 / 是 / 否: a flag condition that may be left out. */
export type TriState = 'any' | 'yes' | 'no';
export const FLAGS = ['important', 'highRisk', 'sensitive', 'vip'] as const;
export type Flag = (typeof FLAGS)[number];

/** The rule part of the segment form. */
export interface RuleValues {
  classes?: CustomerClass[];
  industries?: Industry[];
  voltageAtLeast?: VoltageLevel;
  minAnnualKwh?: number | null;
  maxAnnualKwh?: number | null;
  important: TriState;
  highRisk: TriState;
  sensitive: TriState;
  vip: TriState;
  minArrearsYuan?: number | null;
}

const triOf = (v: boolean | undefined): TriState => (v === undefined ? 'any' : v ? 'yes' : 'no');
const boolOf = (v: TriState): boolean | undefined => (v === 'any' ? undefined : v === 'yes');
const present = (n: number | null | undefined): n is number => n !== null && n !== undefined;

export function ruleValues(rule: SegmentRule | undefined): RuleValues {
  const r = rule ?? {};
  return {
    classes: r.classes,
    industries: r.industries,
    voltageAtLeast: r.voltageAtLeast,
    minAnnualKwh: r.minAnnualKwh,
    maxAnnualKwh: r.maxAnnualKwh,
    important: triOf(r.important),
    highRisk: triOf(r.highRisk),
    sensitive: triOf(r.sensitive),
    vip: triOf(r.vip),
    minArrearsYuan: r.minArrearsFen === undefined ? undefined : fenToYuan(r.minArrearsFen),
  };
}

/** The rule the form describes; conditions left empty or 不限 are left out. */
export function ruleOf(v: RuleValues): SegmentRule {
  const rule: SegmentRule = {};
  if (v.classes?.length) rule.classes = v.classes;
  if (v.industries?.length) rule.industries = v.industries;
  if (v.voltageAtLeast) rule.voltageAtLeast = v.voltageAtLeast;
  if (present(v.minAnnualKwh)) rule.minAnnualKwh = v.minAnnualKwh;
  if (present(v.maxAnnualKwh)) rule.maxAnnualKwh = v.maxAnnualKwh;
  for (const f of FLAGS) {
    const b = boolOf(v[f]);
    if (b !== undefined) rule[f] = b;
  }
  // ¥0 would mean "everyone"; the smallest meaningful amount is one fen (any arrears).
  if (present(v.minArrearsYuan)) rule.minArrearsFen = Math.max(1, yuanToFen(v.minArrearsYuan));
  return rule;
}
