import { z } from 'zod';
import { Id, Page, PageSize, Version, text } from './primitives.js';

const IsoTime = z.iso.datetime({ offset: true });

/** Where a message goes: a text message, an e-mail, or the inbox of a user of the system. */
export const NOTIFY_CHANNELS = ['sms', 'email', 'inapp'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/** The channels a customer may refuse (in-app messages go to staff only). */
export const CUSTOMER_CHANNELS = ['sms', 'email'] as const;
export type CustomerChannel = (typeof CUSTOMER_CHANNELS)[number];

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Why a delivery was not sent at all. */
export const SKIP_REASONS = [
  'consent_withdrawn',
  'opted_out',
  'template_inactive',
  'no_address',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/**
 * The variables a template may use, written `{name}`. Values are text prepared by the caller
 * (times already formatted for China); `customerName` is filled from the archive when the
 * recipient is a customer and the caller gave none.
 */
export const TEMPLATE_VARIABLES = [
  'customerName',
  'area',
  'start',
  'end',
  'reason',
  'estimate',
  'restoredAt',
  'outageNo',
  'title',
  'message',
  'hotline',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** A template code: dotted lower-case words, e.g. `outage.planned`. */
export const TemplateCode = z
  .string()
  .trim()
  .min(3)
  .max(60)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, 'Dotted lower-case words: outage.planned');

/** A control character other than a line break or tab (\p{Cc}: C0, DEL and C1). */
function isControl(c: string): boolean {
  const n = c.codePointAt(0)!;
  if (n === 0x0a || n === 0x09) return false;
  return n < 0x20 || (n >= 0x7f && n <= 0x9f);
}

/** Template text: multi-line text is allowed in a body (e-mail), other control characters not. */
const TemplateText = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => s.isWellFormed(), { message: 'Text contains broken Unicode (lone surrogate)' })
    .refine((s) => ![...s].some(isControl), { message: 'Text contains control characters' });

export const CreateTemplateInput = z.strictObject({
  code: TemplateCode,
  name: text(60),
  channel: z.enum(NOTIFY_CHANNELS),
  subject: text(120, 0).default(''),
  body: TemplateText(2000),
  active: z.boolean().default(true),
});
export type CreateTemplateInput = z.infer<typeof CreateTemplateInput>;

export const UpdateTemplateInput = z.strictObject({
  version: Version,
  name: text(60).optional(),
  channel: z.enum(NOTIFY_CHANNELS).optional(),
  subject: text(120, 0).optional(),
  body: TemplateText(2000).optional(),
  active: z.boolean().optional(),
});
export type UpdateTemplateInput = z.infer<typeof UpdateTemplateInput>;

export const IdParams = z.strictObject({ id: Id });

export const TemplateSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  channel: z.enum(NOTIFY_CHANNELS),
  subject: z.string(),
  body: z.string(),
  variables: z.array(z.string()),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const TemplateVersion = z.object({
  version: z.number().int(),
  name: z.string(),
  channel: z.enum(NOTIFY_CHANNELS),
  subject: z.string(),
  body: z.string(),
  active: z.boolean(),
  changedBy: z.string().nullable(),
  changedAt: z.string(),
});
export type TemplateVersion = z.infer<typeof TemplateVersion>;

export const TemplateDetail = TemplateSummary.extend({ history: z.array(TemplateVersion) });
export type TemplateDetail = z.infer<typeof TemplateDetail>;

export const TemplateList = z.object({
  items: z.array(TemplateSummary),
  total: z.number().int(),
  /** The variables templates may use. */
  variables: z.array(z.string()),
});
export type TemplateList = z.infer<typeof TemplateList>;

/** One problem of a template refused with NOTIFY_TEMPLATE_INVALID. */
export interface TemplateIssue {
  field: 'subject' | 'body';
  reason: 'unknown_variable' | 'unbalanced_brace';
  /** The unknown variable, or the text around a stray brace. */
  at: string;
}

export const DeliveryListQuery = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).optional(),
  channel: z.enum(NOTIFY_CHANNELS).optional(),
  template: TemplateCode.optional(),
  customerId: Id.optional(),
  /** What caused the messages, e.g. `outage` and the outage's id. */
  sourceType: z
    .string()
    .regex(/^[a-z][a-z_]{0,39}$/, 'Lower-case word: outage')
    .optional(),
  sourceId: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[\w.:-]+$/, 'An id')
    .optional(),
  /** Only deliveries sent after their deadline, or still unsent past it. */
  late: z.enum(['true', 'false']).optional(),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  page: Page,
  pageSize: PageSize,
});
export type DeliveryListQuery = z.infer<typeof DeliveryListQuery>;

export const DeliverySummary = z.object({
  id: z.string(),
  templateCode: z.string(),
  templateVersion: z.number().int().nullable(),
  channel: z.enum(NOTIFY_CHANNELS),
  recipientKind: z.enum(['customer', 'user', 'address']),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  /** The phone or e-mail used, masked unless the role sees personal data. */
  address: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  errorCode: z.string().nullable(),
  error: z.string().nullable(),
  skipReason: z.string().nullable(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  unitName: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** When it had to be sent by (e.g. a fault notice to an important customer: 10 minutes). */
  dueBy: z.string().nullable(),
  /** Sent after `dueBy`, or still unsent past it. */
  late: z.boolean(),
});
export type DeliverySummary = z.infer<typeof DeliverySummary>;

export const DeliveryAttempt = z.object({
  attempt: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: z.enum(['sent', 'error', 'unknown']).nullable(),
  error: z.string().nullable(),
  providerRef: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

export const DeliveryDetail = DeliverySummary.extend({
  subject: z.string().nullable(),
  /** The rendered text; personal data inside it is the customer's own name only. */
  body: z.string().nullable(),
  provider: z.string().nullable(),
  attemptLog: z.array(DeliveryAttempt),
});
export type DeliveryDetail = z.infer<typeof DeliveryDetail>;

export const DeliveryList = z.object({
  items: z.array(DeliverySummary),
  total: z.number().int(),
});
export type DeliveryList = z.infer<typeof DeliveryList>;

export const InboxQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  page: Page,
  pageSize: PageSize,
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const InboxMessage = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxMessage = z.infer<typeof InboxMessage>;

export const InboxList = z.object({
  items: z.array(InboxMessage),
  total: z.number().int(),
  unread: z.number().int(),
});
export type InboxList = z.infer<typeof InboxList>;

export const InboxReadAll = z.object({ ok: z.literal(true), marked: z.number().int() });
export type InboxReadAll = z.infer<typeof InboxReadAll>;

/** The messages one source (an outage) caused, counted by template and outcome. */
export const NoticeSummary = z.object({
  total: z.number().int(),
  byTemplate: z.array(
    z.object({
      template: z.string(),
      /** pending or sending: waiting for the channel. */
      queued: z.number().int(),
      sent: z.number().int(),
      failed: z.number().int(),
      /** Not sent because the customer refused messages or the channel. */
      skippedConsent: z.number().int(),
      /** Not sent for another reason (no mobile number, template switched off). */
      skippedOther: z.number().int(),
      /** Sent after their deadline, or still unsent past it. */
      late: z.number().int(),
    }),
  ),
  /** Late messages with a deadline: the 10-minute rule for fault notices. */
  late: z.number().int(),
});
export type NoticeSummary = z.infer<typeof NoticeSummary>;

export const CustomerChannels = z.object({
  customerId: z.string(),
  /** 接收服务短信: false refuses every channel. */
  consentMessages: z.boolean(),
  optOuts: z.array(z.object({ channel: z.enum(CUSTOMER_CHANNELS), reason: z.string() })),
});
export type CustomerChannels = z.infer<typeof CustomerChannels>;

export const SetOptOutsInput = z.strictObject({
  /** The channels the customer refuses; the others are allowed again. */
  channels: z
    .array(z.enum(CUSTOMER_CHANNELS))
    .max(2)
    .refine((a) => new Set(a).size === a.length, { message: 'Each channel once' }),
  reason: text(200, 0).default(''),
});
export type SetOptOutsInput = z.infer<typeof SetOptOutsInput>;
