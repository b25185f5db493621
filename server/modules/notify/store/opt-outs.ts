import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

export interface CustomerConsentRow {
  id: string;
  consent_messages: boolean;
  org_id: string;
  province_id: string;
  path: string;
  opt_outs: { channel: string; reason: string }[];
}

/** A customer's consent, unit and channel opt-outs (the archive itself is the customers'). */
export async function customerConsent(
  tx: Kysely<DB>,
  customerId: string,
  lock = false,
): Promise<CustomerConsentRow | undefined> {
  const q = tx
    .selectFrom('customers as c')
    .innerJoin('org_units as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.consent_messages', 'c.org_id', 'c.province_id', 'o.path'])
    .where('c.id', '=', customerId);
  const row = await (lock ? q.forUpdate('c') : q).executeTakeFirst();
  if (!row) return undefined;
  const optOuts = await tx
    .selectFrom('notify_opt_outs')
    .select(['channel', 'reason'])
    .where('customer_id', '=', customerId)
    .orderBy('channel')
    .execute();
  return { ...row, opt_outs: optOuts };
}

/** Replaces a customer's opt-outs with the given channels. */
export async function replaceOptOuts(
  tx: Kysely<DB>,
  customerId: string,
  channels: readonly string[],
  reason: string,
  by: string,
): Promise<void> {
  let del = tx.deleteFrom('notify_opt_outs').where('customer_id', '=', customerId);
  if (channels.length > 0) del = del.where('channel', 'not in', [...channels]);
  await del.execute();
  if (channels.length === 0) return;
  await tx
    .insertInto('notify_opt_outs')
    .values(
      channels.map((channel) => ({ customer_id: customerId, channel, reason, created_by: by })),
    )
    .onConflict((oc) => oc.columns(['customer_id', 'channel']).doNothing())
    .execute();
}
