/** Error codes of the `notify` module; merged into ERROR_CATALOGUE (common/errors.ts). */
export const NOTIFY_ERRORS = {
  NOTIFY_TEMPLATE_NOT_FOUND: {
    status: 404,
    zh: '通知模板不存在。',
    en: 'No such message template.',
  },
  NOTIFY_TEMPLATE_CODE_TAKEN: {
    status: 409,
    zh: '该模板编码已被使用，请换一个编码。',
    en: 'This template code is already in use; choose another one.',
  },
  NOTIFY_TEMPLATE_INVALID: {
    status: 422,
    zh: '模板内容有误：只能使用列出的变量，并以 {变量名} 的形式书写。',
    en: 'The template is not valid: use only the listed variables, written as {name}.',
  },
  NOTIFY_VARIABLE_MISSING: {
    status: 422,
    zh: '发送时缺少模板变量的值。',
    en: 'A template variable had no value when the message was sent.',
  },
  NOTIFY_RECIPIENT_INVALID: {
    status: 422,
    zh: '收件人与通知渠道不匹配，或收件人不存在。',
    en: 'The recipient does not exist or does not fit the channel.',
  },
  NOTIFY_DELIVERY_NOT_FOUND: {
    status: 404,
    zh: '通知记录不存在，或不在您的服务范围内。',
    en: 'No such delivery in your service area.',
  },
  NOTIFY_RETRY_NOT_ALLOWED: {
    status: 409,
    zh: '只有发送失败的通知可以重新发送。',
    en: 'Only a failed delivery can be sent again.',
  },
  NOTIFY_MESSAGE_NOT_FOUND: {
    status: 404,
    zh: '站内消息不存在。',
    en: 'No such message in your inbox.',
  },
  NOTIFY_SEND_FAILED: {
    status: 502,
    zh: '通知渠道发送失败。',
    en: 'The channel could not send the message.',
  },
  NOTIFY_NO_ADDRESS: {
    status: 422,
    zh: '收件人没有该渠道可用的手机号或邮箱。',
    en: 'The recipient has no phone or e-mail address for this channel.',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
