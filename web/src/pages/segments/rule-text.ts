import {
  CUSTOMER_CLASS_LABELS,
  INDUSTRY_LABELS,
  VOLTAGE_LEVEL_LABELS,
} from '../../../../common/customers/codes.ts';
import type { SegmentRule } from '../../../../common/customers/segment-rule.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh.ts';
import { formatFen, formatNumber } from '../customers/money.ts';

type PickLabel = (label: { zh: string; en: string }) => string;
type Flag = 'important' | 'highRisk' | 'sensitive' | 'vip';

const FLAGS: [Flag, MessageKey][] = [
  ['important', 'customers.mark.important'],
  ['highRisk', 'customers.mark.highRisk'],
  ['sensitive', 'customers.mark.sensitive'],
  ['vip', 'customers.mark.vip'],
];

/**
 * A rule as the conditions people read, e.g.
 * 「客户分类：居民；年用电量 ≥ 1,000,000 kWh；欠费 ≥ ¥0.01」.
 */
export function ruleText(rule: SegmentRule, t: Translate, pick: PickLabel): string {
  const sep = t('segments.rule.separator');
  const parts: string[] = [];
  if (rule.classes) {
    const list = rule.classes
      .map((c) => pick(CUSTOMER_CLASS_LABELS[c]))
      .join(t('segments.rule.or'));
    parts.push(t('segments.rule.classes', { list }));
  }
  if (rule.industries) {
    const list = rule.industries.map((i) => pick(INDUSTRY_LABELS[i])).join(t('segments.rule.or'));
    parts.push(t('segments.rule.industries', { list }));
  }
  if (rule.voltageAtLeast)
    parts.push(t('segments.rule.voltage', { v: pick(VOLTAGE_LEVEL_LABELS[rule.voltageAtLeast]) }));
  if (rule.minAnnualKwh !== undefined)
    parts.push(t('segments.rule.minKwh', { n: formatNumber(rule.minAnnualKwh) }));
  if (rule.maxAnnualKwh !== undefined)
    parts.push(t('segments.rule.maxKwh', { n: formatNumber(rule.maxAnnualKwh) }));
  for (const [flag, label] of FLAGS) {
    const v = rule[flag];
    if (v !== undefined)
      parts.push(
        `${t(label)}${t('segments.rule.colon')}${t(v ? 'customers.yes' : 'customers.no')}`,
      );
  }
  if (rule.minArrearsFen !== undefined)
    parts.push(t('segments.rule.arrears', { amount: formatFen(rule.minArrearsFen) }));
  return parts.join(sep);
}
