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
  PREDICTION_NOT_FOUND: {
    status: 404,
    zh: '研判结果不存在，或不在您的服务范围内。',
    en: 'No such predicted fault in your service area.',
  },
  PREDICTION_ALREADY_CONFIRMED: {
    status: 409,
    zh: '该研判结果已被确认为故障停电，请勿重复确认。',
    en: 'This predicted fault has already been confirmed as an outage.',
  },
  PREDICTION_REJECTED: {
    status: 409,
    zh: '该研判结果已被驳回，不能再确认或驳回。',
    en: 'This predicted fault has been rejected; it can no longer be confirmed or rejected.',
  },
  PREDICTION_SUPERSEDED: {
    status: 409,
    zh: '该台区研判已并入线路研判，请处理线路研判结果。',
    en: 'This transformer prediction was rolled up into a feeder prediction; act on that one.',
  },
  PREDICTION_EXPIRED: {
    status: 409,
    zh: '该研判结果已过期（长时间无新报修且未处理）。',
    en: 'This prediction has expired (no decision and no new call for too long).',
  },
  ANALYSIS_SETTINGS_INVALID: {
    status: 422,
    zh: '研判参数不正确，请检查时间窗口和各项阈值。',
    en: 'The analysis settings are not valid; check the window and the thresholds.',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
