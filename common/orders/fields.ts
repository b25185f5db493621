/**
 * The type-specific fields of an order (rules.md §1). The taxonomy says which of them each
 * (sub)type requires; the values are checked by the schema in common/schemas/orders.ts.
 */
import { AREA_CLASS_LABELS } from '../customers/codes.js';
import { COMPLAINT_GRADES, URGENCY_LABELS, type ComplaintGrade } from './sla.js';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const VOLTAGE_SIDES = ['hv', 'lv', 'unknown'] as const;
export const VOLTAGE_SIDE_LABELS: Labels<(typeof VOLTAGE_SIDES)[number]> = {
  hv: { zh: '高压', en: 'High voltage' },
  lv: { zh: '低压', en: 'Low voltage' },
  unknown: { zh: '不确定', en: 'Not known' },
};

/**
 * 周边邻居是否停电: the question an agent asks every caller without power. Neighbours with power
 * make it one household's fault (its own wiring, its meter, its service line), which the
 * trouble-call analysis must not count towards a failed transformer; neighbours without power
 * point at the network.
 */
export const NEIGHBOURS = ['also_off', 'have_power', 'unknown'] as const;
export type Neighbours = (typeof NEIGHBOURS)[number];
export const NEIGHBOURS_LABELS: Labels<Neighbours> = {
  also_off: { zh: '邻居也停电', en: 'Neighbours also off' },
  have_power: { zh: '邻居有电（仅本户）', en: 'Neighbours have power (this household only)' },
  unknown: { zh: '不清楚', en: 'Not known' },
};

export const COMPLAINT_CLASSES = [
  'service',
  'business',
  'outage',
  'quality',
  'construction',
] as const;
export const COMPLAINT_CLASS_LABELS: Labels<(typeof COMPLAINT_CLASSES)[number]> = {
  service: { zh: '服务投诉', en: 'Service' },
  business: { zh: '营业投诉', en: 'Business' },
  outage: { zh: '停送电投诉', en: 'Outages' },
  quality: { zh: '供电质量投诉', en: 'Supply quality' },
  construction: { zh: '电网建设投诉', en: 'Grid construction' },
};
export const COMPLAINT_GRADE_LABELS: Labels<ComplaintGrade> = {
  special: { zh: '特殊', en: 'Special' },
  major: { zh: '重大', en: 'Major' },
  important: { zh: '重要', en: 'Important' },
  general: { zh: '一般', en: 'General' },
};
export { COMPLAINT_GRADES };
/** Grades that are escalated to the on-duty supervisor within 15 minutes (rules.md §2). */
export const ESCALATED_GRADES: readonly ComplaintGrade[] = ['special', 'major'];

export const EMOTIONS = ['calm', 'agitated', 'very_agitated'] as const;
export const EMOTION_LABELS: Labels<(typeof EMOTIONS)[number]> = {
  calm: { zh: '一般', en: 'Calm' },
  agitated: { zh: '激动', en: 'Agitated' },
  very_agitated: { zh: '非常激动', en: 'Very agitated' },
};

export const RESPONSIBILITIES = ['marketing', 'non_marketing', 'customer', 'partner'] as const;
export const RESPONSIBILITY_LABELS: Labels<(typeof RESPONSIBILITIES)[number]> = {
  marketing: { zh: '营销类', en: 'Marketing' },
  non_marketing: { zh: '非营销类', en: 'Non-marketing' },
  customer: { zh: '用户责任', en: 'Customer' },
  partner: { zh: '合作伙伴', en: 'Partner' },
};

export const CONFIDENTIALITY = ['none', 'anonymous', 'confidential'] as const;
export const CONFIDENTIALITY_LABELS: Labels<(typeof CONFIDENTIALITY)[number]> = {
  none: { zh: '不保密', en: 'None' },
  anonymous: { zh: '匿名', en: 'Anonymous' },
  confidential: { zh: '保密', en: 'Confidential' },
};

export const REPORT_KINDS = [
  'misconduct',
  'power_theft',
  'illegal_use',
  'facility_damage',
] as const;
export const REPORT_KIND_LABELS: Labels<(typeof REPORT_KINDS)[number]> = {
  misconduct: { zh: '行风问题', en: 'Staff misconduct' },
  power_theft: { zh: '窃电', en: 'Power theft' },
  illegal_use: { zh: '违约用电', en: 'Illegal use' },
  facility_damage: { zh: '破坏或偷窃电力设施', en: 'Damage or theft of facilities' },
};

export const SUGGESTION_TOPICS = [
  'distribution_network',
  'outages',
  'fault_repair',
  'new_connection',
  'meter_reading_collection',
  'tariffs_bills',
  'metering',
  'service_channels',
  'electric_vehicles',
  'service_halls',
  'energy_efficiency',
  'safety',
  'green_power',
  'smart_services',
  'staff_conduct',
  'public_welfare',
  'policy',
  'other',
] as const;
export const SUGGESTION_TOPIC_LABELS: Labels<(typeof SUGGESTION_TOPICS)[number]> = {
  distribution_network: { zh: '配网建设', en: 'Distribution network' },
  outages: { zh: '停送电', en: 'Outages' },
  fault_repair: { zh: '故障抢修', en: 'Fault repair' },
  new_connection: { zh: '业扩报装', en: 'New connections' },
  meter_reading_collection: { zh: '抄表催费', en: 'Meter reading and collection' },
  tariffs_bills: { zh: '电价电费', en: 'Tariffs and bills' },
  metering: { zh: '电能计量', en: 'Metering' },
  service_channels: { zh: '服务渠道', en: 'Service channels' },
  electric_vehicles: { zh: '电动汽车', en: 'Electric vehicles' },
  service_halls: { zh: '营业厅服务', en: 'Service halls' },
  energy_efficiency: { zh: '节能服务', en: 'Energy efficiency' },
  safety: { zh: '用电安全', en: 'Electrical safety' },
  green_power: { zh: '清洁能源', en: 'Clean energy' },
  smart_services: { zh: '智能用电', en: 'Smart services' },
  staff_conduct: { zh: '员工服务', en: 'Staff conduct' },
  public_welfare: { zh: '社会公益', en: 'Public welfare' },
  policy: { zh: '政策法规', en: 'Policy' },
  other: { zh: '其他', en: 'Other' },
};

export const PRAISE_CLASSES = ['conduct', 'service', 'construction', 'other'] as const;
export const PRAISE_CLASS_LABELS: Labels<(typeof PRAISE_CLASSES)[number]> = {
  conduct: { zh: '行风建设', en: 'Conduct' },
  service: { zh: '供电服务', en: 'Supply service' },
  construction: { zh: '电网建设', en: 'Grid construction' },
  other: { zh: '其他', en: 'Other' },
};

/** Every field a (sub)type may require, with its label. */
export const ORDER_FIELDS = [
  'faultTime',
  'areaClass',
  'voltageSide',
  'neighbours',
  'urgency',
  'equipment',
  'complaintClass',
  'grade',
  'emotion',
  'responsibility',
  'confidentiality',
  'overLevel',
  'overLevelReason',
  'reportKind',
  'reportedParties',
  'suggestionTopic',
  'praiseClass',
  'appliance',
  'relatedOrderNo',
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];
export const ORDER_FIELD_LABELS: Labels<OrderField> = {
  faultTime: { zh: '故障发生时间', en: 'Fault time' },
  areaClass: { zh: '区域类别', en: 'Area class' },
  voltageSide: { zh: '高低压', en: 'HV / LV' },
  neighbours: { zh: '周边邻居是否停电', en: "Neighbours' power" },
  urgency: { zh: '紧急程度', en: 'Urgency' },
  equipment: { zh: '故障设备', en: 'Equipment' },
  complaintClass: { zh: '投诉分类', en: 'Complaint class' },
  grade: { zh: '投诉等级', en: 'Grade' },
  emotion: { zh: '客户情绪', en: 'Emotion' },
  responsibility: { zh: '责任归属', en: 'Responsibility' },
  confidentiality: { zh: '保密要求', en: 'Confidentiality' },
  overLevel: { zh: '是否越级', en: 'Over the local company' },
  overLevelReason: { zh: '越级原因', en: 'Reason for going over' },
  reportKind: { zh: '举报类别', en: 'Report kind' },
  reportedParties: { zh: '被举报单位/人员', en: 'Units or people reported' },
  suggestionTopic: { zh: '建议主题', en: 'Topic' },
  praiseClass: { zh: '表扬类别', en: 'Praise class' },
  appliance: { zh: '受损电器', en: 'Damaged appliance' },
  relatedOrderNo: { zh: '关联工单号', en: 'Related order number' },
};

/**
 * Fields an agent is asked for on a type even where its taxonomy does not require them: left
 * out, they mean "not asked" (a fault call without the neighbours' answer counts as unknown).
 */
export const ASKED_FIELDS: Partial<Record<string, readonly OrderField[]>> = {
  fault: ['neighbours'],
};

export { AREA_CLASS_LABELS, URGENCY_LABELS };
