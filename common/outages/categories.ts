/**
 * Outage information (停送电信息, rules.md §5): categories, states and the publishing rules'
 * flags, with their Chinese and English names. Shared by the server and the web.
 */
export const OUTAGE_CATEGORIES = [
  'planned',
  'temporary',
  'grid_fault',
  'over_capacity',
  'theft',
  'illegal_use',
  'arrears',
  'orderly_use',
] as const;
export type OutageCategory = (typeof OUTAGE_CATEGORIES)[number];

/** Production outages come from the grid; marketing ones from the customer relationship. */
export const OUTAGE_CLASS: Record<OutageCategory, 'production' | 'marketing'> = {
  planned: 'production',
  temporary: 'production',
  grid_fault: 'production',
  over_capacity: 'production',
  theft: 'marketing',
  illegal_use: 'marketing',
  arrears: 'marketing',
  orderly_use: 'marketing',
};

export const OUTAGE_CATEGORY_LABELS: Record<OutageCategory, { zh: string; en: string }> = {
  planned: { zh: '计划停电', en: 'Planned' },
  temporary: { zh: '临时停电', en: 'Temporary' },
  grid_fault: { zh: '电网故障停限电', en: 'Grid fault' },
  over_capacity: { zh: '超电网供电能力停限电', en: 'Beyond grid capacity' },
  theft: { zh: '窃电停电', en: 'Power theft' },
  illegal_use: { zh: '违约用电停电', en: 'Illegal use' },
  arrears: { zh: '欠费停电', en: 'Arrears' },
  orderly_use: { zh: '有序用电', en: 'Orderly use' },
};

export const OUTAGE_STATES = [
  'draft',
  'published',
  'in_progress',
  'restored',
  'postponed',
  'cancelled',
] as const;
export type OutageState = (typeof OUTAGE_STATES)[number];

export const OUTAGE_STATE_LABELS: Record<OutageState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  in_progress: { zh: '停电中', en: 'In progress' },
  restored: { zh: '已送电', en: 'Restored' },
  postponed: { zh: '已延期', en: 'Postponed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** States in which an outage answers callers: it is announced and not over. */
export const LIVE_OUTAGE_STATES: readonly OutageState[] = ['published', 'in_progress', 'postponed'];

/** Publishing rules (rules.md §3) found broken; the outage is kept and flagged. */
export const OUTAGE_FLAGS = [
  'late_notice',
  'late_important_notice',
  'late_entry',
  'late_estimate',
  'overrun',
] as const;
export type OutageFlag = (typeof OUTAGE_FLAGS)[number];

export const OUTAGE_FLAG_LABELS: Record<OutageFlag, { zh: string; en: string }> = {
  late_notice: { zh: '计划停电未提前7天公告', en: 'Planned notice under 7 days' },
  late_important_notice: {
    zh: '临时停电未提前24小时通知重要客户',
    en: 'Important customers told under 24 h ahead',
  },
  late_entry: { zh: '故障停电信息未在5分钟内录入', en: 'Fault entered after 5 minutes' },
  late_estimate: { zh: '预计送电时间未在5分钟内录入', en: 'Estimate entered after 5 minutes' },
  overrun: { zh: '超过计划时间送电', en: 'Restored after the planned end' },
};

export const OUTAGE_ACTIONS = [
  'publish',
  'start',
  'estimate',
  'postpone',
  'restore',
  'cancel',
] as const;
export type OutageAction = (typeof OUTAGE_ACTIONS)[number];
