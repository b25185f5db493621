import type { Kysely } from 'kysely';
import { z } from 'zod';
import { NOTIFY_CHANNELS, TemplateCode } from '../../../../common/schemas/notify.js';
import { Email, Id, Phone } from '../../../../common/schemas/primitives.js';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../platform/ids.js';
import { NotifyError } from '../errors.js';
import {
  customerUnit,
  deliveryIdByDedupeKey,
  insertDelivery,
  unitById,
  userUnit,
} from '../store/deliveries.js';
import { templateByCode } from '../store/templates.js';

/** How often a message is handed to its channel before it is marked failed. */
export const DEFAULT_MAX_ATTEMPTS = 5;

const Recipient = z.union([
  z.strictObject({ customerId: Id }),
  z.strictObject({ userId: Id }),
  z.strictObject({ phone: Phone }),
  z.strictObject({ email: Email }),
]);

const NotifyRequestSchema = z.strictObject({
  template: TemplateCode,
  to: Recipient,
  vars: z.record(z.string(), z.string().max(500)).default({}),
  channel: z.enum(NOTIFY_CHANNELS).optional(),
  dedupeKey: z.string().min(1).max(200).optional(),
  orgId: Id.optional(),
  source: z
    .strictObject({ type: z.string().min(1).max(40), id: z.string().min(1).max(100) })
    .optional(),
  notBefore: z.date().optional(),
  maxAttempts: z.number().int().min(1).max(20).optional(),
});

/** What another module asks for: one message to one recipient. */
export type NotifyRequest = z.input<typeof NotifyRequestSchema>;

/**
 * Queues one message in the caller's transaction: the delivery row and its outbox row commit (or
 * roll back) with the change that caused them, so nothing acknowledged is lost. The sender
 * renders, checks consent and sends it shortly after.
 *
 * - `to`: a customer (SMS to their first mobile number, or e-mail), a user (in-app, SMS or
 *   e-mail), or a bare phone or e-mail address (then `orgId`, the owning unit, is required).
 * - `channel`: the template's channel unless given.
 * - `dedupeKey`: a second call with the same key queues nothing (`duplicate: true`), e.g.
 *   `outage:<id>:planned:<customerId>`.
 * - `vars`: the template's variables as text; `customerName` is filled from the archive.
 *
 * Throws NOTIFY_TEMPLATE_NOT_FOUND or NOTIFY_RECIPIENT_INVALID (a caller's mistake); consent,
 * missing variables and channel failures are recorded on the delivery instead.
 */
export async function notify(
  tx: Kysely<DB>,
  request: NotifyRequest,
): Promise<{ id: string; duplicate: boolean }> {
  const parsed = NotifyRequestSchema.safeParse(request);
  if (!parsed.success) {
    throw new NotifyError('NOTIFY_RECIPIENT_INVALID', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const r = parsed.data;
  const template = await templateByCode(tx, r.template);
  if (!template) throw new NotifyError('NOTIFY_TEMPLATE_NOT_FOUND', { template: r.template });
  const channel = r.channel ?? (template.channel as (typeof NOTIFY_CHANNELS)[number]);
  const to = r.to;
  const fits =
    'customerId' in to
      ? channel !== 'inapp'
      : 'userId' in to
        ? true
        : 'phone' in to
          ? channel === 'sms'
          : channel === 'email';
  if (!fits) throw new NotifyError('NOTIFY_RECIPIENT_INVALID', { channel, to: Object.keys(to) });

  const recipientUnit =
    'customerId' in to
      ? await customerUnit(tx, to.customerId)
      : 'userId' in to
        ? await userUnit(tx, to.userId)
        : null;
  if (('customerId' in to || 'userId' in to) && !recipientUnit) {
    throw new NotifyError('NOTIFY_RECIPIENT_INVALID', { reason: 'unknown recipient' });
  }
  const owner = r.orgId ? await unitById(tx, r.orgId) : recipientUnit;
  if (!owner) throw new NotifyError('NOTIFY_RECIPIENT_INVALID', { reason: 'no owning unit' });

  const id = newId();
  const written = await insertDelivery(tx, {
    id,
    templateCode: template.code,
    channel,
    customerId: 'customerId' in to ? to.customerId : null,
    userId: 'userId' in to ? to.userId : null,
    address: 'phone' in to ? to.phone.replace(/\D/g, '') : 'email' in to ? to.email : null,
    vars: r.vars,
    maxAttempts: r.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    nextAttemptAt: r.notBefore ?? null,
    dedupeKey: r.dedupeKey ?? null,
    sourceType: r.source?.type ?? null,
    sourceId: r.source?.id ?? null,
    owner,
  });
  if (written) return { id, duplicate: false };
  return { id: (await deliveryIdByDedupeKey(tx, r.dedupeKey!)) ?? id, duplicate: true };
}
