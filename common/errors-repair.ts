/** Error codes of the `repair` module; merged into ERROR_CATALOGUE (common/errors.ts). */
export const REPAIR_ERRORS = {
  CREW_NOT_FOUND: {
    status: 404,
    zh: '找不到该抢修队伍。',
    en: 'No such repair crew.',
  },
  CREW_MEMBER_INVALID: {
    status: 400,
    zh: '队员须为本单位范围内启用的抢修人员账号。',
    en: 'Crew members must be active repair-crew users inside your area.',
  },
  CREW_AREA_INVALID: {
    status: 400,
    zh: '服务区域中的线路或台区不存在，或不在本单位范围内。',
    en: 'A feeder or transformer of the service area does not exist or lies outside the unit.',
  },
  CREW_BUSY: {
    status: 409,
    zh: '队伍仍有在办的抢修任务，不能下班。',
    en: 'The crew still has open jobs and cannot go off duty.',
  },
  REPAIR_JOB_NOT_FOUND: {
    status: 404,
    zh: '找不到该抢修任务。',
    en: 'No such repair job.',
  },
  REPAIR_JOB_ACTION_NOT_ALLOWED: {
    status: 409,
    zh: '抢修任务当前状态下不能执行此操作，请刷新后重试。',
    en: 'This action is not allowed in the job’s current state; reload and try again.',
  },
  REPAIR_NOT_CREW_MEMBER: {
    status: 403,
    zh: '您不是该抢修队伍的成员，不能处理此任务。',
    en: 'You are not a member of the crew this job was given to.',
  },
  REPAIR_ORDER_NOT_DISPATCHABLE: {
    status: 409,
    zh: '只有已派发或处理中、尚未到达现场的故障报修工单才能派给抢修队伍。',
    en: 'Only fault orders that are dispatched or being handled, before arrival, can be given to a crew.',
  },
  REPAIR_ORDER_HAS_JOB: {
    status: 409,
    zh: '该工单已有抢修队伍在办，请先等待其退回或完成。',
    en: 'A crew already holds this order; wait until it is sent back or done.',
  },
  REPAIR_CREW_OFF_DUTY: {
    status: 409,
    zh: '该队伍不在岗，不能派单。',
    en: 'The crew is off duty and cannot be sent.',
  },
  REPAIR_PHOTO_INVALID: {
    status: 400,
    zh: '照片须为该工单的附件或该抢修任务上传的照片。',
    en: 'Photos must be attachments of the order or photos uploaded to the job.',
  },
  REPAIR_OUTAGE_NOT_DISPATCHABLE: {
    status: 409,
    zh: '只有停电中的停电信息才能派给抢修队伍。',
    en: 'Only an outage in progress can be given to a crew.',
  },
  REPAIR_OUTAGE_HAS_JOB: {
    status: 409,
    zh: '该停电已有抢修队伍在办；如需改派，请选择“改派”。',
    en: 'A crew already holds this outage; choose re-dispatch to give it to another crew.',
  },
  REPAIR_JOB_UNDER_WAY: {
    status: 409,
    zh: '抢修队伍已出发或已到达现场，不能改派。',
    en: 'The crew has set out or is on site; the job cannot be given to another crew.',
  },
  REPAIR_JOB_ORDER_LINKED: {
    status: 409,
    zh: '该工单已并入停电，由停电统一处理，此抢修任务已关闭。',
    en: 'The order was linked to an outage and is handled with it; this job is closed.',
  },
  REPAIR_JOB_CLOSED: {
    status: 409,
    zh: '该抢修任务已关闭（已改派或停电已结束）。',
    en: 'This job is closed (given to another crew, or the outage is over).',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
