/**
 * The states and actions of the work-order loop (rules.md §2), with their labels. The rules of
 * which action is allowed when live in the server's state machine; the web shows what it is given.
 */
type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const ORDER_STATES = [
  'accepted',
  'dispatched',
  'handling',
  'on_site',
  'repaired',
  'returned',
  'reviewed',
  'called_back',
  'suspended',
  'linked',
  'merged',
  'archived',
  'terminated',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];
export const ORDER_STATE_LABELS: Labels<OrderState> = {
  accepted: { zh: '已受理', en: 'Accepted' },
  dispatched: { zh: '待接单', en: 'Dispatched' },
  handling: { zh: '处理中', en: 'Handling' },
  on_site: { zh: '已到达现场', en: 'On site' },
  repaired: { zh: '抢修完成', en: 'Repaired' },
  returned: { zh: '已回单待审核', en: 'Returned' },
  reviewed: { zh: '已审核待回访', en: 'Reviewed' },
  called_back: { zh: '已回访待归档', en: 'Called back' },
  suspended: { zh: '已挂起', en: 'Suspended' },
  linked: { zh: '已并入停电', en: 'Linked to an outage' },
  merged: { zh: '已合并', en: 'Merged' },
  archived: { zh: '已归档', en: 'Archived' },
  terminated: { zh: '服务终止', en: 'Terminated' },
};
/** States in which the order is finished: no clock runs; an archived order may be re-opened. */
export const FINAL_STATES: readonly OrderState[] = ['archived', 'terminated'];
/** Open states: the order still needs someone to act. */
export const OPEN_STATES: readonly OrderState[] = ORDER_STATES.filter(
  (s) => s !== 'archived' && s !== 'terminated' && s !== 'merged',
);

export const ORDER_ACTIONS = [
  'dispatch',
  'acknowledge',
  'send_back',
  'contact',
  'arrive',
  'repaired',
  'return',
  'review_pass',
  'review_reject',
  'callback',
  'archive',
  'reassign',
  'request_suspension',
  'approve_suspension',
  'reject_suspension',
  'resume',
  'urge',
  'supervise',
  'reopen',
  'terminate',
  'merge',
  'link_outage',
  'unlink_outage',
  'reply',
  'note',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];
export const ORDER_ACTION_LABELS: Labels<OrderAction> = {
  dispatch: { zh: '派发', en: 'Dispatch' },
  acknowledge: { zh: '接单', en: 'Acknowledge' },
  send_back: { zh: '退单', en: 'Send back' },
  contact: { zh: '联系客户', en: 'Contact customer' },
  arrive: { zh: '到达现场', en: 'Arrived on site' },
  repaired: { zh: '抢修完成', en: 'Repaired' },
  return: { zh: '回单', en: 'Return with result' },
  review_pass: { zh: '审核通过', en: 'Pass review' },
  review_reject: { zh: '审核退回', en: 'Send back from review' },
  callback: { zh: '回访', en: 'Call back' },
  archive: { zh: '归档', en: 'Archive' },
  reassign: { zh: '改派', en: 'Reassign' },
  request_suspension: { zh: '申请挂起', en: 'Request suspension' },
  approve_suspension: { zh: '批准挂起', en: 'Approve suspension' },
  reject_suspension: { zh: '驳回挂起', en: 'Reject suspension' },
  resume: { zh: '解除挂起', en: 'Resume' },
  urge: { zh: '催办', en: 'Urge' },
  supervise: { zh: '督办', en: 'Supervise' },
  reopen: { zh: '重开', en: 'Re-open' },
  terminate: { zh: '服务终止', en: 'Terminate' },
  merge: { zh: '合并到主单', en: 'Merge into master' },
  link_outage: { zh: '并入停电事件', en: 'Link to outage' },
  unlink_outage: { zh: '移出停电事件', en: 'Unlink from outage' },
  reply: { zh: '答复客户', en: 'Reply to customer' },
  note: { zh: '内部备注', en: 'Internal note' },
};

/** Satisfaction recorded at the callback (回访). */
export const SATISFACTION = [
  'very_satisfied',
  'satisfied',
  'neutral',
  'dissatisfied',
  'unreachable',
] as const;
export type Satisfaction = (typeof SATISFACTION)[number];
export const SATISFACTION_LABELS: Labels<Satisfaction> = {
  very_satisfied: { zh: '非常满意', en: 'Very satisfied' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  neutral: { zh: '一般', en: 'Neutral' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  unreachable: { zh: '无法联系', en: 'Unreachable' },
};

export const ORDER_CHANNELS = [
  'phone',
  'web',
  'app',
  'wechat',
  'sms',
  'letter',
  'hotline_12345',
  'hotline_12398',
  'other',
] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];
export const ORDER_CHANNEL_LABELS: Labels<OrderChannel> = {
  phone: { zh: '95598电话', en: '95598 phone' },
  web: { zh: '网上国网/网站', en: 'Web portal' },
  app: { zh: '手机App', en: 'Mobile app' },
  wechat: { zh: '微信', en: 'WeChat' },
  sms: { zh: '短信', en: 'SMS' },
  letter: { zh: '信函', en: 'Letter' },
  hotline_12345: { zh: '12345政务热线转办', en: '12345 government hotline' },
  hotline_12398: { zh: '12398能源监管热线转办', en: '12398 energy regulator hotline' },
  other: { zh: '其他', en: 'Other' },
};

/** Flags that change how an order is watched. */
export const ORDER_FLAGS = [
  'important_customer',
  'sensitive_customer',
  'repeat_24h',
  'repeat_7d',
  'repeat_complaint',
  'over_level',
  'escalated',
  'supervised',
  'suspension_requested',
] as const;
export type OrderFlag = (typeof ORDER_FLAGS)[number];
export const ORDER_FLAG_LABELS: Labels<OrderFlag> = {
  important_customer: { zh: '重要客户', en: 'Important customer' },
  sensitive_customer: { zh: '敏感客户', en: 'Sensitive customer' },
  repeat_24h: { zh: '24小时重复来电', en: 'Repeat within 24 h' },
  repeat_7d: { zh: '7日重复来电', en: 'Repeat within 7 days' },
  repeat_complaint: { zh: '重复投诉', en: 'Repeat complaint' },
  over_level: { zh: '越级', en: 'Went over the local company' },
  escalated: { zh: '已升级', en: 'Escalated' },
  supervised: { zh: '督办', en: 'Supervised' },
  suspension_requested: { zh: '挂起待审批', en: 'Suspension awaiting approval' },
};
