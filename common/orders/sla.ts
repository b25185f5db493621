/**
 * Time limits (时限) as configuration: the steps a clock can measure, how a limit is written and
 * the rules that pick a limit per order. Shared with the web, which shows rules and countdowns.
 */
import type { AreaClass } from '../customers/codes.js';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

/**
 * The clocks of an order (rules.md §3). Each starts and stops on fixed events of the loop:
 * - total: acceptance → return with result (回单); the committed handling time of the order
 * - dispatch: acceptance → dispatch
 * - acknowledge: dispatch → the unit acknowledges (接单)
 * - first_contact: acceptance → first contact with the customer (complaints: 24 h)
 * - arrive: acceptance → arrival on site (fault repair, natural time)
 * - repair: arrival → repaired
 * - return: repaired → returned (回单)
 * - review: returned → review passed
 * - callback: review passed → callback done (回访)
 * - escalation: acceptance → supervisor review of a 重大/特殊 complaint (督办)
 */
export const SLA_STEPS = [
  'total',
  'dispatch',
  'acknowledge',
  'first_contact',
  'arrive',
  'repair',
  'return',
  'review',
  'callback',
  'escalation',
] as const;
export type SlaStep = (typeof SLA_STEPS)[number];
export const SLA_STEP_LABELS: Labels<SlaStep> = {
  total: { zh: '办结时限', en: 'Resolution' },
  dispatch: { zh: '派单时限', en: 'Dispatch' },
  acknowledge: { zh: '接单时限', en: 'Acknowledge' },
  first_contact: { zh: '首次联系时限', en: 'First contact' },
  arrive: { zh: '到达现场时限', en: 'Arrival on site' },
  repair: { zh: '抢修修复时限', en: 'Restoration' },
  return: { zh: '回单时限', en: 'Return' },
  review: { zh: '审核时限', en: 'Review' },
  callback: { zh: '回访时限', en: 'Callback' },
  escalation: { zh: '升级督办时限', en: 'Escalation review' },
};

/** A limit in natural minutes (runs through nights and holidays) or in working days (§4). */
export type SlaLimit =
  { unit: 'minutes'; amount: number } | { unit: 'working_days'; amount: number };

export const URGENCIES = ['normal', 'important', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Labels<Urgency> = {
  normal: { zh: '一般', en: 'Normal' },
  important: { zh: '重要', en: 'Important' },
  urgent: { zh: '紧急', en: 'Urgent' },
};

export const COMPLAINT_GRADES = ['special', 'major', 'important', 'general'] as const;
export type ComplaintGrade = (typeof COMPLAINT_GRADES)[number];

/** What an order offers to the rules: the values a clause may be conditioned on. */
export interface SlaFacts {
  areaClass: AreaClass | null;
  urgency: Urgency | null;
  grade: ComplaintGrade | null;
}

/** One limit for one step, applying when every given condition holds (an absent one: any). */
export interface SlaClause {
  step: SlaStep;
  limit: SlaLimit;
  when?: {
    areaClass?: AreaClass[];
    urgency?: Urgency[];
    grade?: ComplaintGrade[];
  };
}

/**
 * The time limits of one order (sub)type: clauses (for each step the first matching clause wins),
 * and optionally which steps make up the total, for deriving step limits backwards (倒推) when a
 * unit commits only to a total.
 */
export interface SlaPolicy {
  clauses: SlaClause[];
}

/** Warning levels as fractions of the limit; overdue is always 1. Configurable per deployment. */
export const DEFAULT_THRESHOLDS = { warning: 0.8, critical: 0.95 } as const;
export interface SlaThresholds {
  warning: number;
  critical: number;
}

/** Where a clock stands: running (ok), past a warning level, overdue, or stopped. */
export const SLA_STATUSES = [
  'ok',
  'warning',
  'critical',
  'overdue',
  'paused',
  'met',
  'missed',
] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];
export const SLA_STATUS_LABELS: Labels<SlaStatus> = {
  ok: { zh: '正常', en: 'On time' },
  warning: { zh: '预警', en: 'Warning' },
  critical: { zh: '临期', en: 'Nearly due' },
  overdue: { zh: '超时', en: 'Overdue' },
  paused: { zh: '已挂起', en: 'Paused' },
  met: { zh: '按时完成', en: 'Met' },
  missed: { zh: '超时完成', en: 'Met late' },
};
