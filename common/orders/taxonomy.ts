/**
 * The order taxonomy (业务分类, rules.md §1): fixed top-level types, whose behaviour the loop knows
 * (a fault is repaired on site, a complaint is graded and escalated), and admin-editable subtypes,
 * names, required fields, callback and time-limit rules. Each edit publishes a new version; an
 * order keeps the version it was accepted under.
 */
import type { OrderField } from './fields.js';
import type { SlaClause, SlaPolicy, SlaThresholds } from './sla.js';

export const ORDER_TYPES = [
  'fault',
  'enquiry',
  'query',
  'service_request',
  'complaint',
  'report',
  'opinion',
  'suggestion',
  'praise',
  'new_connection',
  'change_of_use',
] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export interface TaxonomyNode {
  code: string;
  name: { zh: string; en: string };
  active: boolean;
  requiredFields: OrderField[];
  /** Whether the order ends with a callback (回访) before it is archived. */
  callbackRequired: boolean;
  /** The time limits; a subtype's clauses come before its type's, so a subtype overrides. */
  sla: SlaPolicy;
}
export interface TaxonomyType extends TaxonomyNode {
  code: OrderType;
  subtypes: TaxonomyNode[];
}
export interface Taxonomy {
  types: TaxonomyType[];
  /**
   * Warning levels of every clock as fractions of its limit (rules.md §3: 80 % and 95 %); a
   * clock keeps the levels it started with. Absent means DEFAULT_THRESHOLDS.
   */
  thresholds?: SlaThresholds;
}

/** The node of a type and subtype, with the subtype's settings over the type's. */
export interface ResolvedType {
  type: TaxonomyType;
  subtype: TaxonomyNode | null;
  requiredFields: OrderField[];
  callbackRequired: boolean;
  sla: SlaPolicy;
}

/** Looks up a (sub)type; null if it does not exist or is inactive. */
export function resolveType(
  taxonomy: Taxonomy,
  typeCode: string,
  subtypeCode: string | null,
): ResolvedType | null {
  const type = taxonomy.types.find((t) => t.code === typeCode && t.active);
  if (!type) return null;
  if (subtypeCode === null) {
    if (type.subtypes.some((s) => s.active)) return null;
    return {
      type,
      subtype: null,
      requiredFields: type.requiredFields,
      callbackRequired: type.callbackRequired,
      sla: type.sla,
    };
  }
  const subtype = type.subtypes.find((s) => s.code === subtypeCode && s.active);
  if (!subtype) return null;
  return {
    type,
    subtype,
    requiredFields: [...new Set([...type.requiredFields, ...subtype.requiredFields])],
    callbackRequired: subtype.callbackRequired,
    sla: { clauses: [...subtype.sla.clauses, ...type.sla.clauses] },
  };
}

const min = (amount: number) => ({ unit: 'minutes', amount }) as const;
const wd = (amount: number) => ({ unit: 'working_days', amount }) as const;
const H24 = min(24 * 60);

/** Review and callback limits shared by every type that is called back [default]. */
const CLOSE_STEPS: SlaClause[] = [
  { step: 'review', limit: H24 },
  { step: 'callback', limit: H24 },
];
/** Office work: dispatched within an hour, acknowledged within a working day [default]. */
const OFFICE_STEPS: SlaClause[] = [
  { step: 'dispatch', limit: min(60) },
  { step: 'acknowledge', limit: wd(1) },
];

const node = (
  code: string,
  zh: string,
  en: string,
  o: Partial<Omit<TaxonomyNode, 'code' | 'name'>> = {},
): TaxonomyNode => ({
  code,
  name: { zh, en },
  active: true,
  requiredFields: o.requiredFields ?? [],
  callbackRequired: o.callbackRequired ?? true,
  sla: o.sla ?? { clauses: [] },
});
const type = (
  code: OrderType,
  zh: string,
  en: string,
  o: Partial<Omit<TaxonomyNode, 'code' | 'name'>> & { subtypes?: TaxonomyNode[] } = {},
): TaxonomyType => ({ ...node(code, zh, en, o), code, subtypes: o.subtypes ?? [] });
const total = (limit: SlaClause['limit']): SlaClause => ({ step: 'total', limit });

/**
 * The default taxonomy with the limits of rules.md §3; seeded as version 1 and edited by admins.
 * Marks: fault arrival and restoration, complaint 24 h / 4 wd and report 9 wd are firm; the
 * dispatch, acknowledge, return, review and callback limits are our defaults.
 */
export const DEFAULT_TAXONOMY: Taxonomy = {
  types: [
    type('fault', '故障报修', 'Fault repair', {
      requiredFields: ['faultTime', 'areaClass', 'voltageSide', 'urgency'],
      sla: {
        clauses: [
          { step: 'dispatch', limit: min(3) },
          { step: 'acknowledge', limit: min(3), when: { urgency: ['urgent'] } },
          { step: 'acknowledge', limit: min(5) },
          { step: 'arrive', limit: min(45), when: { areaClass: ['urban'] } },
          { step: 'arrive', limit: min(90), when: { areaClass: ['rural'] } },
          { step: 'arrive', limit: min(120), when: { areaClass: ['remote'] } },
          { step: 'repair', limit: min(180), when: { areaClass: ['urban'] } },
          { step: 'repair', limit: min(240), when: { areaClass: ['rural'] } },
          { step: 'repair', limit: min(360), when: { areaClass: ['remote'] } },
          { step: 'return', limit: min(30) },
          ...CLOSE_STEPS,
        ],
      },
      subtypes: [
        node('hv_fault', '高压故障', 'High-voltage fault'),
        node('lv_fault', '低压故障', 'Low-voltage fault'),
        node('customer_side', '客户内部故障', 'Fault on the customer side'),
        node('meter_fault', '计量装置故障', 'Metering equipment fault'),
        node('power_quality', '电能质量故障', 'Power quality'),
        node('safety_hazard', '非电力故障/安全隐患', 'Safety hazard'),
      ],
    }),
    type('enquiry', '业务咨询', 'Enquiry', {
      callbackRequired: false,
      sla: { clauses: [total(wd(4)), ...OFFICE_STEPS, ...CLOSE_STEPS] },
      subtypes: [
        node('tariff', '电价政策', 'Tariffs', { callbackRequired: false }),
        node('business_process', '业务办理', 'How to apply', { callbackRequired: false }),
        node('outage_info', '停电信息', 'Outage information', { callbackRequired: false }),
        node('other', '其他咨询', 'Other', { callbackRequired: false }),
      ],
    }),
    type('query', '信息查询', 'Information query', {
      callbackRequired: false,
      sla: { clauses: [total(wd(4)), ...OFFICE_STEPS, ...CLOSE_STEPS] },
      subtypes: [
        node('bill', '电费电量', 'Bills', { callbackRequired: false }),
        node('payment', '缴费记录', 'Payments', { callbackRequired: false }),
        node('order_progress', '工单进度', 'Order progress', { callbackRequired: false }),
      ],
    }),
    type('service_request', '服务申请', 'Service request', {
      sla: { clauses: [...OFFICE_STEPS, ...CLOSE_STEPS] },
      subtypes: [
        node('reconnection', '欠费复电登记', 'Reconnection after arrears paid', {
          sla: {
            clauses: [
              { step: 'dispatch', limit: min(30) },
              { step: 'acknowledge', limit: min(60) },
              total(H24),
            ],
          },
        }),
        node('appliance_damage', '电器损坏', 'Appliance damage', {
          requiredFields: ['appliance'],
          sla: { clauses: [{ step: 'arrive', limit: H24 }, total(wd(2))] },
        }),
        node('meter_fault', '电能表异常', 'Meter fault', { sla: { clauses: [total(wd(4))] } }),
        node('reading_anomaly', '抄表数据异常', 'Reading anomaly', {
          sla: { clauses: [total(wd(6))] },
        }),
        node('ev_charging', '充电桩预约', 'EV charging booking', {
          sla: { clauses: [total(wd(5))] },
        }),
        node('other', '其他服务申请', 'Other', { sla: { clauses: [total(wd(5))] } }),
      ],
    }),
    type('complaint', '投诉', 'Complaint', {
      requiredFields: ['complaintClass', 'grade', 'emotion', 'confidentiality', 'overLevel'],
      sla: {
        clauses: [
          { step: 'escalation', limit: min(15), when: { grade: ['special', 'major'] } },
          { step: 'dispatch', limit: min(30) },
          { step: 'acknowledge', limit: min(120) },
          { step: 'first_contact', limit: H24 },
          total(wd(4)),
          ...CLOSE_STEPS,
        ],
      },
      subtypes: [
        node('service', '服务投诉', 'Service'),
        node('business', '营业投诉', 'Business'),
        node('outage', '停送电投诉', 'Outages'),
        node('quality', '供电质量投诉', 'Supply quality'),
        node('construction', '电网建设投诉', 'Grid construction'),
      ],
    }),
    type('report', '举报', 'Report', {
      requiredFields: ['reportKind', 'confidentiality'],
      sla: { clauses: [total(wd(9)), ...OFFICE_STEPS, ...CLOSE_STEPS] },
      subtypes: [
        node('misconduct', '行风问题', 'Staff misconduct', { requiredFields: ['reportedParties'] }),
        node('power_theft', '窃电', 'Power theft'),
        node('illegal_use', '违约用电', 'Illegal use'),
        node('facility_damage', '破坏或偷窃电力设施', 'Damage or theft of facilities'),
      ],
    }),
    type('opinion', '意见', 'Opinion', {
      sla: { clauses: [total(wd(9)), ...OFFICE_STEPS, ...CLOSE_STEPS] },
    }),
    type('suggestion', '建议', 'Suggestion', {
      requiredFields: ['suggestionTopic'],
      sla: { clauses: [total(wd(9)), ...OFFICE_STEPS, ...CLOSE_STEPS] },
    }),
    type('praise', '表扬', 'Praise', {
      requiredFields: ['praiseClass'],
      callbackRequired: false,
      sla: { clauses: [total(wd(4)), ...OFFICE_STEPS, ...CLOSE_STEPS] },
    }),
    type('new_connection', '业扩报装', 'New connection / capacity increase', {
      sla: { clauses: [...OFFICE_STEPS, ...CLOSE_STEPS] },
      subtypes: [
        node('resident', '居民新装', 'Residential', { sla: { clauses: [total(wd(5))] } }),
        node('lv_non_resident', '低压非居民新装', 'Low-voltage non-residential', {
          sla: { clauses: [total(wd(6))] },
        }),
        node('hv_single', '高压单电源', 'High voltage, single source', {
          sla: { clauses: [total(wd(22))] },
        }),
        node('hv_dual', '高压双电源', 'High voltage, dual source', {
          sla: { clauses: [total(wd(32))] },
        }),
        node('capacity_increase', '增容', 'Capacity increase', {
          sla: { clauses: [total(wd(22))] },
        }),
      ],
    }),
    type('change_of_use', '变更用电', 'Change of use', {
      sla: { clauses: [total(wd(5)), ...OFFICE_STEPS, ...CLOSE_STEPS] },
      subtypes: [
        node('rename', '更名过户', 'Name change or transfer'),
        node('suspension', '暂停', 'Suspension of supply'),
        node('capacity_reduction', '减容', 'Capacity reduction'),
        node('tariff_change', '改类', 'Tariff change'),
        node('other', '其他变更', 'Other'),
      ],
    }),
  ],
};
