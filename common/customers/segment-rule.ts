import { z } from 'zod';
import {
  CUSTOMER_CLASSES,
  INDUSTRIES,
  VOLTAGE_LEVELS,
  VOLTAGE_RANK,
  type CustomerClass,
  type Industry,
  type VoltageLevel,
} from './codes.js';

const MAX_KWH = 2_000_000_000;

/**
 * A segment rule (rules.md §6: consumption, voltage, industry, importance, arrears). Every given
 * condition must hold; a list condition holds when the customer has any of the listed values.
 */
export const SegmentRule = z
  .strictObject({
    classes: z.array(z.enum(CUSTOMER_CLASSES)).min(1).max(CUSTOMER_CLASSES.length).optional(),
    industries: z.array(z.enum(INDUSTRIES)).min(1).max(INDUSTRIES.length).optional(),
    voltageAtLeast: z.enum(VOLTAGE_LEVELS).optional(),
    minAnnualKwh: z.number().int().min(0).max(MAX_KWH).optional(),
    maxAnnualKwh: z.number().int().min(0).max(MAX_KWH).optional(),
    important: z.boolean().optional(),
    highRisk: z.boolean().optional(),
    sensitive: z.boolean().optional(),
    vip: z.boolean().optional(),
    /** Arrears of at least this many fen; 1 means "any arrears". */
    minArrearsFen: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .refine((r) => Object.keys(r).length > 0, { message: 'A rule needs at least one condition' })
  .refine(
    (r) =>
      r.minAnnualKwh === undefined ||
      r.maxAnnualKwh === undefined ||
      r.minAnnualKwh <= r.maxAnnualKwh,
    { message: 'minAnnualKwh must not exceed maxAnnualKwh', path: ['maxAnnualKwh'] },
  );
export type SegmentRule = z.infer<typeof SegmentRule>;

/** What a rule looks at in a customer. */
export interface SegmentFacts {
  customerClass: CustomerClass;
  industry: Industry;
  voltageLevel: VoltageLevel;
  annualKwh: number;
  important: boolean;
  highRisk: boolean;
  sensitive: boolean;
  vip: boolean;
  arrearsFen: number;
}

/** Whether a customer falls in the segment. The server's SQL translation must agree with this. */
export function matchesRule(rule: SegmentRule, c: SegmentFacts): boolean {
  if (rule.classes && !rule.classes.includes(c.customerClass)) return false;
  if (rule.industries && !rule.industries.includes(c.industry)) return false;
  if (rule.voltageAtLeast && VOLTAGE_RANK[c.voltageLevel] < VOLTAGE_RANK[rule.voltageAtLeast]) {
    return false;
  }
  if (rule.minAnnualKwh !== undefined && c.annualKwh < rule.minAnnualKwh) return false;
  if (rule.maxAnnualKwh !== undefined && c.annualKwh > rule.maxAnnualKwh) return false;
  if (rule.important !== undefined && c.important !== rule.important) return false;
  if (rule.highRisk !== undefined && c.highRisk !== rule.highRisk) return false;
  if (rule.sensitive !== undefined && c.sensitive !== rule.sensitive) return false;
  if (rule.vip !== undefined && c.vip !== rule.vip) return false;
  if (rule.minArrearsFen !== undefined && c.arrearsFen < rule.minArrearsFen) return false;
  return true;
}

/** The segments a new territory starts with, after rules.md §6. */
export const DEFAULT_SEGMENTS: {
  code: string;
  name: string;
  description: string;
  service: string;
  priority: number;
  rule: SegmentRule;
}[] = [
  {
    code: 'IMPORTANT',
    name: '重要及高危客户',
    description: '重要客户或高危客户',
    service: '停电计划逐户告知，制定一户一案应急预案',
    priority: 10,
    rule: { important: true },
  },
  {
    code: 'HIGH_RISK',
    name: '高危客户',
    description: '高危及重要用户中的高危客户',
    service: '停电前逐户告知并确认安全措施',
    priority: 11,
    rule: { highRisk: true },
  },
  {
    code: 'HIGH_VOLTAGE',
    name: '高压客户',
    description: '10kV 及以上供电的客户',
    service: '客户经理一对一服务',
    priority: 20,
    rule: { voltageAtLeast: 'kv10' },
  },
  {
    code: 'HIGH_CONSUMPTION',
    name: '高耗电客户',
    description: '年用电量 100 万千瓦时及以上',
    service: '提供能效诊断和节能建议',
    priority: 30,
    rule: { minAnnualKwh: 1_000_000 },
  },
  {
    code: 'ENERGY_INTENSIVE',
    name: '高耗能行业客户',
    description: '高耗能行业的非居民客户',
    service: '有序用电和需求响应告知',
    priority: 31,
    rule: { industries: ['energy_intensive'] },
  },
  {
    code: 'ARREARS',
    name: '欠费客户',
    description: '存在欠费的客户',
    service: '欠费提醒及缴费渠道告知',
    priority: 40,
    rule: { minArrearsFen: 1 },
  },
  {
    code: 'SENSITIVE',
    name: '敏感客户',
    description: '有投诉或舆情风险的客户',
    service: '优先由值长接听，谨慎答复',
    priority: 50,
    rule: { sensitive: true },
  },
  {
    code: 'RESIDENT',
    name: '居民客户',
    description: '居民生活用电客户',
    service: '故障报修远程指导，电费电价咨询',
    priority: 90,
    rule: { classes: ['resident'] },
  },
];
