/** Error codes of the `contact` module; merged into ERROR_CATALOGUE (common/errors.ts). */
export const CONTACT_ERRORS = {
  CTI_TOKEN_INVALID: {
    status: 401,
    zh: '话务平台接入令牌无效或已吊销。',
    en: 'The telephony integration token is unknown or revoked.',
  },
  CONTACT_CALL_NOT_FOUND: {
    status: 404,
    zh: '通话记录不存在，或不在您的服务范围内。',
    en: 'No such call in your service area.',
  },
  CONTACT_AGENT_NOT_FOUND: {
    status: 404,
    zh: '坐席不存在，或不在您的服务范围内。',
    en: 'No such agent in your service area.',
  },
  CONTACT_STATE_NOT_ALLOWED: {
    status: 409,
    zh: '通话中不能切换坐席状态，请挂机后再试。',
    en: 'The state cannot change during a call; hang up first.',
  },
  CONTACT_REASON_REQUIRED: {
    status: 422,
    zh: '示忙时请选择原因。',
    en: 'Choose a reason for not being ready.',
  },
  CONTACT_INTEGRATION_NOT_FOUND: {
    status: 404,
    zh: '接入令牌不存在，或不在您的管理范围内。',
    en: 'No such telephony integration in your scope.',
  },
  CONTACT_BLOCKED_NOT_FOUND: {
    status: 404,
    zh: '黑名单号码不存在，或不在您的管理范围内。',
    en: 'No such blocked number in your scope.',
  },
  CONTACT_BLOCKED_EXISTS: {
    status: 409,
    zh: '该号码已在本单位的黑名单中。',
    en: 'This number is already blocked for the unit.',
  },
  CONTACT_SKILL_NOT_FOUND: {
    status: 404,
    zh: '技能不存在，或不在您的管理范围内。',
    en: 'No such skill in your scope.',
  },
  CONTACT_SKILL_EXISTS: {
    status: 409,
    zh: '本单位已有相同编码的技能。',
    en: 'The unit already has a skill with this code.',
  },
  CONTACT_QUEUE_NOT_FOUND: {
    status: 404,
    zh: '队列不存在，或不在您的管理范围内。',
    en: 'No such queue in your scope.',
  },
  CONTACT_QUEUE_EXISTS: {
    status: 409,
    zh: '本单位已有同名队列。',
    en: 'The unit already has a queue of this name.',
  },
  CONTACT_WRAP_UP_NOT_YOURS: {
    status: 403,
    zh: '只能为自己接听的通话做话后小结。',
    en: 'You can wrap up only calls you answered.',
  },
  CONTACT_CALL_NOT_ENDED: {
    status: 409,
    zh: '通话尚未结束，挂机后再做话后小结。',
    en: 'The call has not ended yet; wrap it up after the hang-up.',
  },
  CONTACT_CALL_NOT_YOURS: {
    status: 403,
    zh: '只能把工单关联到自己接听的通话。',
    en: 'You can attach orders only to calls you answered.',
  },
  CONTACT_CALL_ORDERS_FULL: {
    status: 409,
    zh: '一通电话最多关联 10 张工单。',
    en: 'A call can name at most 10 orders.',
  },
  CONTACT_CALL_NOT_ANSWERED: {
    status: 409,
    zh: '未接通的通话无需话后小结。',
    en: 'A call that was not answered has no wrap-up.',
  },
  CONTACT_WRAP_UP_DONE: {
    status: 409,
    zh: '该通话已做过话后小结。',
    en: 'This call is already wrapped up.',
  },
  CONTACT_WRAP_UP_INCOMPLETE: {
    status: 422,
    zh: '话后小结不完整，请按标出的字段补充。',
    en: 'The wrap-up is incomplete; fill in the fields listed in details.',
  },
} as const;
