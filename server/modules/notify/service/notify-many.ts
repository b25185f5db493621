import type { Kysely, RawBuilder } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import { NOTIFY_CHANNELS, TemplateCode } from '../../../../common/schemas/notify.js';
import { Id } from '../../../../common/schemas/primitives.js';
import type { DB } from '../../../db/schema.js';
import { NotifyError } from '../errors.js';
import {
  insertBulkOutbox,
  insertCustomerDeliveries,
  insertPhoneDeliveries,
  type BulkCount,
} from '../store/bulk.js';
import { templateByCode } from '../store/templates.js';
import { DEFAULT_MAX_ATTEMPTS } from './notify.js';

/**
 * Who a bulk message goes to, described by the caller:
 * - `customers`: SQL selecting a `customer_id` column (e.g. the customers an outage affects);
 * - `customerIds`: a list of customer ids;
 * - `phones`: SQL selecting `phone` and `org_id` (the unit the number belongs to), for callers
 *   who are not in the archive. Text messages only.
 */
export type BulkRecipients =
  | { customers: RawBuilder<unknown> }
  | { customerIds: readonly string[] }
  | { phones: RawBuilder<unknown> };

const Options = z.strictObject({
  template: TemplateCode,
  vars: z.record(z.string(), z.string().max(500)).default({}),
  channel: z.enum(NOTIFY_CHANNELS).optional(),
  dedupePrefix: z.string().min(1).max(150).optional(),
  orgId: Id.optional(),
  source: z
    .strictObject({ type: z.string().min(1).max(40), id: z.string().min(1).max(100) })
    .optional(),
  notBefore: z.date().optional(),
  dueBy: z.date().optional(),
  maxAttempts: z.number().int().min(1).max(20).optional(),
});

/** A message to many recipients: the options of `notify`, with a dedupe prefix. */
export type NotifyManyRequest = z.input<typeof Options> & { recipients: BulkRecipients };

const CustomerIds = z.array(Id).max(100_000);

/**
 * Queues one message per recipient in the caller's transaction with a single INSERT … SELECT:
 * the same rows as `notify` writes (rendered, consent-checked, retried and logged by the same
 * sender), so a rollback of the caller leaves none behind.
 *
 * - `dedupePrefix`: each row gets the key `<prefix>:<customer id>` (phones `<prefix>:tel:<n>`);
 *   a recipient already queued under it is left out, so repeating a call sends nothing twice.
 * - `dueBy`: the deadline by which a message counts as on time (the log flags later ones).
 * - `orgId`: the owning unit of every row; otherwise each customer's own unit (phones: theirs).
 * - `vars.customerName` comes from the archive for customers; for phones it defaults to 客户.
 *
 * Throws NOTIFY_TEMPLATE_NOT_FOUND or NOTIFY_RECIPIENT_INVALID (a caller's mistake).
 */
export async function notifyMany(
  tx: Kysely<DB>,
  request: NotifyManyRequest,
): Promise<BulkCount & { duplicates: number }> {
  const { recipients, ...rest } = request;
  const parsed = Options.safeParse(rest);
  if (!parsed.success) {
    throw new NotifyError('NOTIFY_RECIPIENT_INVALID', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const r = parsed.data;
  const template = await templateByCode(tx, r.template);
  if (!template) throw new NotifyError('NOTIFY_TEMPLATE_NOT_FOUND', { template: r.template });
  const channel = r.channel ?? (template.channel as (typeof NOTIFY_CHANNELS)[number]);
  const byPhone = 'phones' in recipients;
  // Customers take text messages and e-mail; a bare number only a text message.
  if (byPhone ? channel !== 'sms' : channel === 'inapp') {
    throw new NotifyError('NOTIFY_RECIPIENT_INVALID', { channel, recipients: 'bulk' });
  }
  const rows = {
    templateCode: template.code,
    channel,
    // A bare number has no name in the archive: 尊敬的客户.
    vars: byPhone ? { customerName: '客户', ...r.vars } : r.vars,
    maxAttempts: r.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    nextAttemptAt: r.notBefore ?? null,
    dueBy: r.dueBy ?? null,
    dedupePrefix: r.dedupePrefix ?? null,
    sourceType: r.source?.type ?? null,
    sourceId: r.source?.id ?? null,
    ownerOrgId: r.orgId ?? null,
  };
  let count: BulkCount;
  if ('phones' in recipients) {
    count = await insertPhoneDeliveries(tx, recipients.phones, rows);
  } else if ('customers' in recipients) {
    count = await insertCustomerDeliveries(tx, recipients.customers, rows);
  } else {
    const ids = CustomerIds.safeParse(recipients.customerIds);
    if (!ids.success) throw new NotifyError('NOTIFY_RECIPIENT_INVALID', { reason: 'bad ids' });
    if (ids.data.length === 0) return { recipients: 0, queued: 0, duplicates: 0 };
    count = await insertCustomerDeliveries(
      tx,
      sql`SELECT unnest(${ids.data}::uuid[]) AS customer_id`,
      rows,
    );
  }
  if (count.queued > 0) {
    await insertBulkOutbox(tx, {
      template: template.code,
      channel,
      queued: count.queued,
      source: r.source ?? null,
      orgId: r.orgId ?? null,
    });
  }
  return { ...count, duplicates: count.recipients - count.queued };
}
