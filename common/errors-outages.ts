/** Error codes of the `outages` module; merged into ERROR_CATALOGUE (common/errors.ts). */
export const OUTAGES_ERRORS = {
  OUTAGE_NOT_FOUND: {
    status: 404,
    zh: '停电信息不存在，或不在您的服务范围内。',
    en: 'No such outage in your service area.',
  },
  OUTAGE_ACTION_NOT_ALLOWED: {
    status: 409,
    zh: '停电信息当前状态下不能执行该操作，请刷新后查看。',
    en: 'This action is not allowed in the outage’s current state; reload it.',
  },
  OUTAGE_SCOPE_EMPTY: {
    status: 422,
    zh: '停电范围为空：请选择线路、台区，或填写能匹配到客户的地址。',
    en: 'The outage covers nothing: choose feeders or transformers, or addresses that match customers.',
  },
  OUTAGE_NODE_NOT_FOUND: {
    status: 422,
    zh: '所选线路或台区不存在，或不在您的服务范围内。',
    en: 'A chosen feeder or transformer does not exist in your service area.',
  },
  OUTAGE_TIMES_INVALID: {
    status: 422,
    zh: '停电时间不正确，请检查计划开始、结束和预计送电时间。',
    en: 'The outage times are not valid; check the planned start, end and estimate.',
  },
  OUTAGE_NOT_EDITABLE: {
    status: 409,
    zh: '已发布的停电信息不能直接修改，请使用改期、更新预计送电时间等操作。',
    en: 'A published outage is changed through its actions (postpone, estimate), not edited.',
  },
  MAJOR_EVENT_NOT_FOUND: {
    status: 404,
    zh: '重要服务事项不存在，或不在您的服务范围内。',
    en: 'No such major service event in your service area.',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
