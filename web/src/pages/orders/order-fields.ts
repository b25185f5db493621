import { AREA_CLASSES } from '../../../../common/customers/codes.ts';
import {
  AREA_CLASS_LABELS,
  COMPLAINT_CLASS_LABELS,
  COMPLAINT_CLASSES,
  COMPLAINT_GRADE_LABELS,
  COMPLAINT_GRADES,
  CONFIDENTIALITY,
  CONFIDENTIALITY_LABELS,
  EMOTION_LABELS,
  EMOTIONS,
  NEIGHBOURS,
  NEIGHBOURS_LABELS,
  PRAISE_CLASS_LABELS,
  PRAISE_CLASSES,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  RESPONSIBILITIES,
  RESPONSIBILITY_LABELS,
  SUGGESTION_TOPIC_LABELS,
  SUGGESTION_TOPICS,
  URGENCY_LABELS,
  VOLTAGE_SIDE_LABELS,
  VOLTAGE_SIDES,
  type OrderField,
} from '../../../../common/orders/fields.ts';
import { URGENCIES } from '../../../../common/orders/sla.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/i18n.tsx';

type Label = { zh: string; en: string };

/** A field chosen from a list: its codes and their labels. */
export interface Choice {
  codes: readonly string[];
  labels: Record<string, Label>;
  /** Few enough options to show as radio buttons. */
  radio: boolean;
}

const choice = <K extends string>(
  codes: readonly K[],
  labels: Record<K, Label>,
  radio = codes.length <= 3,
): Choice => ({ codes, labels, radio });

/** The fields whose value is one of a list. */
export const FIELD_CHOICES: Partial<Record<OrderField, Choice>> = {
  areaClass: choice(AREA_CLASSES, AREA_CLASS_LABELS),
  voltageSide: choice(VOLTAGE_SIDES, VOLTAGE_SIDE_LABELS),
  neighbours: choice(NEIGHBOURS, NEIGHBOURS_LABELS),
  urgency: choice(URGENCIES, URGENCY_LABELS),
  complaintClass: choice(COMPLAINT_CLASSES, COMPLAINT_CLASS_LABELS),
  grade: choice(COMPLAINT_GRADES, COMPLAINT_GRADE_LABELS, true),
  emotion: choice(EMOTIONS, EMOTION_LABELS),
  responsibility: choice(RESPONSIBILITIES, RESPONSIBILITY_LABELS),
  confidentiality: choice(CONFIDENTIALITY, CONFIDENTIALITY_LABELS),
  reportKind: choice(REPORT_KINDS, REPORT_KIND_LABELS),
  suggestionTopic: choice(SUGGESTION_TOPICS, SUGGESTION_TOPIC_LABELS, false),
  praiseClass: choice(PRAISE_CLASSES, PRAISE_CLASS_LABELS),
};

/** A stored field value as text: labels for codes, Beijing time for the fault time. */
export function fieldText(
  field: OrderField,
  value: unknown,
  t: Translate,
  pick: (l: Label) => string,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'faultTime' && typeof value === 'string') return formatDateTime(value);
  if (typeof value === 'boolean') return t(value ? 'orders.yes' : 'orders.no');
  const c = FIELD_CHOICES[field];
  if (c && typeof value === 'string' && c.labels[value]) return pick(c.labels[value]);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '—';
}
