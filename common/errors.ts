/**
 * The catalogue of stable error codes, their HTTP status and their messages in zh-CN and en.
 * Shared with the web so that the UI can show the same words the API sends.
 */
import { CONTACT_ERRORS } from './errors-contact.js';
import { KNOWLEDGE_ERRORS } from './errors-knowledge.js';
import { NOTIFY_ERRORS } from './errors-notify.js';
import { OUTAGES_ERRORS } from './errors-outages.js';
import { REPAIR_ERRORS } from './errors-repair.js';

export const ERROR_CATALOGUE = {
  ...CONTACT_ERRORS,
  ...KNOWLEDGE_ERRORS,
  ...NOTIFY_ERRORS,
  ...OUTAGES_ERRORS,
  ...REPAIR_ERRORS,
  VALIDATION_FAILED: {
    status: 400,
    zh: '请求内容不符合要求，请检查标出的字段后重试。',
    en: 'The request is not valid; check the fields listed in details and try again.',
  },
  INVALID_JSON: {
    status: 400,
    zh: '请求体不是有效的 JSON。',
    en: 'The request body is not valid JSON.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    zh: '请求内容过大。',
    en: 'The request body is too large.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    zh: '不支持的内容类型，请以 application/json 发送。',
    en: 'Unsupported content type; send application/json.',
  },
  BAD_REQUEST: {
    status: 400,
    zh: '请求无法处理。',
    en: 'The request cannot be processed.',
  },
  NOT_FOUND: {
    status: 404,
    zh: '请求的地址不存在。',
    en: 'No such address.',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    zh: '该地址不支持此请求方法。',
    en: 'This method is not allowed here.',
  },
  UNAUTHENTICATED: {
    status: 401,
    zh: '请先登录。',
    en: 'Please sign in first.',
  },
  SESSION_EXPIRED: {
    status: 401,
    zh: '登录已过期，请重新登录。',
    en: 'Your session has expired; please sign in again.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    zh: '用户名或密码错误。',
    en: 'Wrong username or password.',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '密码错误次数过多，账号已锁定 15 分钟，请稍后再试或联系管理员解锁。',
    en: 'Too many failed sign-ins: the account is locked for 15 minutes. Try later or ask an administrator to unlock it.',
  },
  ACCOUNT_DISABLED: {
    status: 423,
    zh: '账号已被管理员锁定，请联系管理员。',
    en: 'The account has been locked by an administrator; contact your administrator.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '首次登录或密码已重置，请先修改密码。',
    en: 'You must change your password before continuing.',
  },
  PASSWORD_TOO_WEAK: {
    status: 400,
    zh: '密码至少 10 位，并包含大写字母、小写字母、数字、符号中的至少三类。',
    en: 'The password needs at least 10 characters and 3 of: upper case, lower case, digits, symbols.',
  },
  PASSWORD_REUSED: {
    status: 400,
    zh: '新密码不能与当前密码相同。',
    en: 'The new password must differ from the current one.',
  },
  WRONG_CURRENT_PASSWORD: {
    status: 400,
    zh: '当前密码不正确。',
    en: 'The current password is wrong.',
  },
  CSRF_TOKEN_INVALID: {
    status: 403,
    zh: '安全校验失败（CSRF），请刷新页面后重试。',
    en: 'Security check failed (CSRF); reload the page and try again.',
  },
  FORBIDDEN: {
    status: 403,
    zh: '您没有执行此操作的权限。',
    en: 'You are not allowed to do this.',
  },
  OUT_OF_SCOPE: {
    status: 403,
    zh: '该数据不在您的管辖范围内。',
    en: 'This record is outside your organisation scope.',
  },
  TOKEN_SCOPE_INSUFFICIENT: {
    status: 403,
    zh: '该接口令牌未被授予此权限。',
    en: 'This API token has not been granted this permission.',
  },
  VERSION_CONFLICT: {
    status: 409,
    zh: '数据已被他人修改，请刷新后重试。',
    en: 'Someone else changed this record; reload it and try again.',
  },
  UNIT_NOT_FOUND: {
    status: 404,
    zh: '找不到该单位。',
    en: 'No such unit.',
  },
  UNIT_CODE_TAKEN: {
    status: 409,
    zh: '单位编码已被使用。',
    en: 'This unit code is already in use.',
  },
  UNIT_LEVEL_INVALID: {
    status: 400,
    zh: '单位层级与上级单位不匹配。',
    en: 'The unit level does not fit under the chosen parent unit.',
  },
  UNIT_MOVE_INTO_ITSELF: {
    status: 400,
    zh: '不能把单位移动到它自己或其下级单位之下。',
    en: 'A unit cannot be moved under itself or one of its descendants.',
  },
  UNIT_INACTIVE: {
    status: 409,
    zh: '该单位已停用。',
    en: 'This unit is deactivated.',
  },
  UNIT_HAS_ACTIVE_USERS: {
    status: 409,
    zh: '该单位（或其下级单位）仍有启用的用户，请先调整这些用户。',
    en: 'The unit or one of its descendants still has active users; move or lock them first.',
  },
  UNIT_ROOT_IMMUTABLE: {
    status: 400,
    zh: '顶级单位不能移动或停用。',
    en: 'The top unit cannot be moved or deactivated.',
  },
  USER_NOT_FOUND: {
    status: 404,
    zh: '找不到该用户。',
    en: 'No such user.',
  },
  USERNAME_TAKEN: {
    status: 409,
    zh: '用户名已被使用。',
    en: 'This username is already in use.',
  },
  CANNOT_CHANGE_SELF: {
    status: 400,
    zh: '不能锁定自己或移除自己的管理员角色。',
    en: 'You cannot lock yourself or remove your own administrator role.',
  },
  TOKEN_NOT_FOUND: {
    status: 404,
    zh: '找不到该接口令牌。',
    en: 'No such API token.',
  },
  CUSTOMER_NOT_FOUND: {
    status: 404,
    zh: '找不到该客户。',
    en: 'No such customer.',
  },
  ACCOUNT_NO_TAKEN: {
    status: 409,
    zh: '该户号在本省已存在。',
    en: 'This account number (户号) already exists in the province.',
  },
  TRANSFORMER_NOT_IN_UNIT: {
    status: 400,
    zh: '所选台区不属于该客户的供电单位范围。',
    en: "The chosen transformer (台区) does not belong to the customer's supply unit.",
  },
  GRID_NODE_NOT_FOUND: {
    status: 404,
    zh: '找不到该电网设备（变电站、线路或台区）。',
    en: 'No such network node (substation, feeder or transformer).',
  },
  SEGMENT_NOT_FOUND: {
    status: 404,
    zh: '找不到该客户细分。',
    en: 'No such customer segment.',
  },
  SEGMENT_CODE_TAKEN: {
    status: 409,
    zh: '细分编码已被使用。',
    en: 'This segment code is already in use.',
  },
  IMPORT_NOT_FOUND: {
    status: 404,
    zh: '找不到该导入任务。',
    en: 'No such import.',
  },
  IMPORT_FILE_INVALID: {
    status: 400,
    zh: '导入文件无法读取：请上传 UTF-8 编码的 CSV 或 .xlsx 文件，并使用模板中的列名。',
    en: 'The import file cannot be read: upload a UTF-8 CSV or an .xlsx file with the template columns.',
  },
  IMPORT_NOT_FINISHED: {
    status: 409,
    zh: '导入仍在进行中，请稍后再试。',
    en: 'The import is still running; try again when it has finished.',
  },
  EXPORT_TOO_LARGE: {
    status: 422,
    zh: '导出的记录过多，请缩小筛选范围后重试。',
    en: 'Too many records to export; narrow the filters and try again.',
  },
  ORDER_NOT_FOUND: {
    status: 404,
    zh: '找不到该工单。',
    en: 'No such work order.',
  },
  ORDER_ACTION_NOT_ALLOWED: {
    status: 409,
    zh: '工单当前状态下不能执行此操作，请刷新后查看可用操作。',
    en: 'This action is not allowed in the order’s current state; reload to see what you may do.',
  },
  ORDER_TYPE_UNKNOWN: {
    status: 400,
    zh: '工单类型或子类型不存在，请从业务分类中选择。',
    en: 'Unknown order type or subtype; choose one from the taxonomy.',
  },
  ORDER_FIELDS_MISSING: {
    status: 400,
    zh: '该类型工单的必填项未填写，请按标出的字段补充。',
    en: 'Fields this order type requires are missing; fill in the fields listed in details.',
  },
  ORDER_NO_UNIT: {
    status: 422,
    zh: '找不到负责处理该工单的单位，请手工选择派发单位。',
    en: 'No responsible unit was found for this order; choose the unit to dispatch to.',
  },
  ORDER_MERGE_INVALID: {
    status: 409,
    zh: '无法合并：主单与子单须为同一客户或同一来电号码的在办工单，且不能合并到自身或子单。',
    en: 'Cannot merge: master and child must be open orders of the same customer or caller, and a child cannot be merged into itself or another child.',
  },
  ORDER_OUTAGE_NOT_LIVE: {
    status: 409,
    zh: '无法并入：该停电事件不存在、不在您的服务范围内，或当前未在停电中。',
    en: 'Cannot link: the outage does not exist, is outside your service area, or the power is not off in it now.',
  },
  TAXONOMY_INVALID: {
    status: 400,
    zh: '业务分类无效，请检查标出的分类。',
    en: 'The taxonomy is not valid; check the types listed in details.',
  },
  ROUTING_RULE_NOT_FOUND: {
    status: 404,
    zh: '找不到该派单规则。',
    en: 'No such routing rule.',
  },
  SLA_RULE_NOT_FOUND: {
    status: 404,
    zh: '找不到该时限规则。',
    en: 'No such time-limit rule.',
  },
  ORDER_VIEW_NOT_FOUND: {
    status: 404,
    zh: '找不到该视图。',
    en: 'No such saved view.',
  },
  ATTACHMENT_NOT_FOUND: {
    status: 404,
    zh: '找不到该附件。',
    en: 'No such attachment.',
  },
  ATTACHMENT_REFUSED: {
    status: 415,
    zh: '附件类型不被接受，请上传图片、PDF、音频或 Office 文档。',
    en: 'This kind of file is not accepted; upload an image, PDF, audio or Office document.',
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    zh: '附件过大，单个附件不能超过 10 MB。',
    en: 'The attachment is too large; the limit is 10 MB per file.',
  },
  CALENDAR_YEAR_MISSING: {
    status: 422,
    zh: '该年度的节假日安排尚未录入，请管理员先录入工作日历。',
    en: 'The holiday schedule for this year has not been entered; an administrator must enter it first.',
  },
  CALENDAR_YEAR_INVALID: {
    status: 400,
    zh: '工作日历有误，请检查标出的日期。',
    en: 'The calendar is not valid; check the dates listed in details.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    zh: '该幂等键已用于另一请求。',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  RATE_LIMITED: {
    status: 429,
    zh: '请求过于频繁，请稍后再试。',
    en: 'Too many requests; try again shortly.',
  },
  INTERNAL_ERROR: {
    status: 500,
    zh: '系统内部错误，请稍后重试；如果持续出现请联系管理员。',
    en: 'Internal error; try again later and contact your administrator if it persists.',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    zh: '服务暂时不可用。',
    en: 'The service is temporarily unavailable.',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export type Lang = 'zh' | 'en';

/** The message for a code in the given language. */
export function errorMessage(code: ErrorCode, lang: Lang): string {
  return ERROR_CATALOGUE[code][lang];
}
