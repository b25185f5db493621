import { AREA_CLASS_LABELS } from '../../../../common/customers/codes.ts';
import type { Lang } from '../../../../common/errors.ts';
import { COMPLAINT_GRADE_LABELS } from '../../../../common/orders/fields.ts';
import { URGENCY_LABELS, type SlaClause, type SlaLimit } from '../../../../common/orders/sla.ts';
import type { OrderType, Taxonomy } from '../../../../common/orders/taxonomy.ts';

type Pick = (label: { zh: string; en: string }) => string;

/** A limit in words: 45分钟, 3小时, 4个工作日 (45 minutes, 3 hours, 4 working days). */
export function limitText(limit: SlaLimit, lang: Lang): string {
  const n = limit.amount;
  const en = (word: string, k: number) => `${k} ${word}${k === 1 ? '' : 's'}`;
  if (limit.unit === 'working_days') return lang === 'zh' ? `${n}个工作日` : en('working day', n);
  // Whole hours read better as hours (24 h for a callback), anything else in minutes.
  if (n % 60 === 0) return lang === 'zh' ? `${n / 60}小时` : en('hour', n / 60);
  return lang === 'zh' ? `${n}分钟` : en('minute', n);
}

/** The conditions of a clause, e.g. 城区 · 紧急; empty when the clause applies always. */
export function whenText(when: SlaClause['when'], pick: Pick): string {
  if (!when) return '';
  const parts = [
    when.areaClass?.map((a) => pick(AREA_CLASS_LABELS[a])).join('/'),
    when.urgency?.map((u) => pick(URGENCY_LABELS[u])).join('/'),
    when.grade?.map((g) => pick(COMPLAINT_GRADE_LABELS[g])).join('/'),
  ];
  return parts.filter(Boolean).join(' · ');
}

/** The name of a type or subtype (故障报修 / 高压故障); the code if the taxonomy lacks it. */
export function typeName(
  taxonomy: Taxonomy | undefined,
  typeCode: string | null,
  subtypeCode: string | null,
  pick: Pick,
): string | null {
  if (typeCode === null) return null;
  const type = taxonomy?.types.find((x) => x.code === typeCode);
  const head = type ? pick(type.name) : typeCode;
  if (subtypeCode === null) return head;
  const sub = type?.subtypes.find((s) => s.code === subtypeCode);
  return `${head} / ${sub ? pick(sub.name) : subtypeCode}`;
}

export interface TypeOption {
  value: string;
  label: string;
  children?: TypeOption[];
}

/** Cascader options: each type, then its subtypes (inactive ones marked ⊘). */
export function typeOptions(taxonomy: Taxonomy | undefined, pick: Pick): TypeOption[] {
  const mark = (active: boolean, name: string) => (active ? name : `${name} ⊘`);
  return (taxonomy?.types ?? []).map((type) => ({
    value: type.code,
    label: mark(type.active, pick(type.name)),
    children:
      type.subtypes.length > 0
        ? type.subtypes.map((s) => ({ value: s.code, label: mark(s.active, pick(s.name)) }))
        : undefined,
  }));
}

/** A cascader value ([type] or [type, subtype]) as the API's codes. */
export function typeCodesOf(value: string[] | undefined): {
  typeCode: OrderType | null;
  subtypeCode: string | null;
} {
  // The options come from the taxonomy, whose top-level codes are the fixed order types.
  return { typeCode: (value?.[0] ?? null) as OrderType | null, subtypeCode: value?.[1] ?? null };
}
