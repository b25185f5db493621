import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** The unit a delivery belongs to: decides who sees it in the delivery log. */
export interface OwnerUnit {
  orgId: string;
  path: string;
  provinceId: string | null;
}

/** A customer's unit (the customer archive is read, never written, here). */
export async function customerUnit(tx: Kysely<DB>, customerId: string): Promise<OwnerUnit | null> {
  const r = await tx
    .selectFrom('customers as c')
    .innerJoin('org_units as o', 'o.id', 'c.org_id')
    .select(['c.org_id', 'o.path', 'c.province_id'])
    .where('c.id', '=', customerId)
    .executeTakeFirst();
  return r ? { orgId: r.org_id, path: r.path, provinceId: r.province_id } : null;
}

export async function userUnit(tx: Kysely<DB>, userId: string): Promise<OwnerUnit | null> {
  const r = await tx
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_id')
    .select(['u.org_id', 'o.path', 'o.province_id'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  return r ? { orgId: r.org_id, path: r.path, provinceId: r.province_id } : null;
}

export async function unitById(tx: Kysely<DB>, orgId: string): Promise<OwnerUnit | null> {
  const r = await tx
    .selectFrom('org_units')
    .select(['id', 'path', 'province_id'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  return r ? { orgId: r.id, path: r.path, provinceId: r.province_id } : null;
}

export interface NewDelivery {
  id: string;
  templateCode: string;
  channel: string;
  customerId: string | null;
  userId: string | null;
  address: string | null;
  vars: Record<string, string>;
  maxAttempts: number;
  nextAttemptAt: Date | null;
  dedupeKey: string | null;
  sourceType: string | null;
  sourceId: string | null;
  owner: OwnerUnit;
}

/**
 * Writes a pending delivery and its outbox row. With a dedupe key already used, writes nothing
 * and answers false (ON CONFLICT keeps the caller's transaction usable).
 */
export async function insertDelivery(tx: Kysely<DB>, d: NewDelivery): Promise<boolean> {
  const r = await tx
    .insertInto('notify_deliveries')
    .values({
      id: d.id,
      template_code: d.templateCode,
      channel: d.channel,
      customer_id: d.customerId,
      user_id: d.userId,
      address: d.address,
      vars: JSON.stringify(d.vars),
      max_attempts: d.maxAttempts,
      ...(d.nextAttemptAt ? { next_attempt_at: d.nextAttemptAt } : {}),
      dedupe_key: d.dedupeKey,
      source_type: d.sourceType,
      source_id: d.sourceId,
      org_id: d.owner.orgId,
      unit_path: d.owner.path,
      province_id: d.owner.provinceId,
    })
    .onConflict((oc) => oc.column('dedupe_key').where('dedupe_key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!r) return false;
  await tx
    .insertInto('outbox')
    .values({
      topic: 'notify.queued',
      payload: JSON.stringify({ deliveryId: d.id, channel: d.channel, template: d.templateCode }),
      org_id: d.owner.orgId,
      province_id: d.owner.provinceId,
    })
    .execute();
  return true;
}

export async function deliveryIdByDedupeKey(
  tx: Kysely<DB>,
  dedupeKey: string,
): Promise<string | undefined> {
  const r = await tx
    .selectFrom('notify_deliveries')
    .select('id')
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirst();
  return r?.id;
}

export interface ClaimedDelivery {
  id: string;
  template_code: string;
  channel: string;
  customer_id: string | null;
  user_id: string | null;
  address: string | null;
  vars: unknown;
  attempts: number;
  max_attempts: number;
}

/** Pending deliveries that are due, locked for this transaction (others skip them). */
export async function lockDue(
  tx: Kysely<DB>,
  now: Date,
  limit: number,
  prefix: string,
): Promise<ClaimedDelivery[]> {
  return tx
    .selectFrom('notify_deliveries')
    .where('unit_path', 'like', `${prefix}%`)
    .select([
      'id',
      'template_code',
      'channel',
      'customer_id',
      'user_id',
      'address',
      'vars',
      'attempts',
      'max_attempts',
    ])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export interface CustomerContact {
  id: string;
  name: string;
  consent: boolean;
  email: string | null;
  /** The first mobile number of the customer's list, digits only. */
  mobile: string | null;
  optOuts: string[];
}

/** What the sender needs of customers: name, consent, opt-outs and addresses. */
export async function customerContacts(
  tx: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, CustomerContact>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{
    id: string;
    name: string;
    consent_messages: boolean;
    email: string | null;
    mobile: string | null;
    opt_outs: string[] | null;
  }>`
    SELECT c.id, c.name, c.consent_messages, c.email,
           (SELECT regexp_replace(p.phone, '\\D', '', 'g') FROM customer_phones p
             WHERE p.customer_id = c.id AND regexp_replace(p.phone, '\\D', '', 'g') ~ '^1[3-9][0-9]{9}$'
             ORDER BY p.position, p.phone LIMIT 1) AS mobile,
           (SELECT array_agg(o.channel) FROM notify_opt_outs o WHERE o.customer_id = c.id) AS opt_outs
      FROM customers c
     WHERE c.id = ANY(${[...ids]}::uuid[])`.execute(tx);
  return new Map(
    rows.rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        consent: r.consent_messages,
        email: r.email,
        mobile: r.mobile,
        optOuts: r.opt_outs ?? [],
      },
    ]),
  );
}

export interface UserContact {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
}

export async function userContacts(
  tx: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, UserContact>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('users')
    .select(['id', 'display_name', 'phone', 'email'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.display_name, phone: r.phone, email: r.email }]),
  );
}

/** Ends an attempt and moves the delivery on, if it is still in that attempt. */
export async function finishAttempt(
  tx: Kysely<DB>,
  d: {
    id: string;
    attempt: number;
    now: Date;
    outcome: 'sent' | 'error' | 'unknown';
    error: string | null;
    providerRef: string | null;
    next:
      | { status: 'sent' }
      | { status: 'failed'; errorCode: string }
      | { status: 'pending'; at: Date; errorCode: string };
  },
): Promise<boolean> {
  const r = await tx
    .updateTable('notify_deliveries')
    .set({
      status: d.next.status,
      provider_ref: d.providerRef,
      error: d.error,
      error_code: d.next.status === 'sent' ? null : d.next.errorCode,
      finished_at: d.next.status === 'pending' ? null : d.now,
      ...(d.next.status === 'pending' ? { next_attempt_at: d.next.at } : {}),
    })
    .where('id', '=', d.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', d.attempt)
    .executeTakeFirst();
  if (r.numUpdatedRows === 0n) return false;
  await tx
    .updateTable('notify_attempts')
    .set({
      finished_at: d.now,
      outcome: d.outcome,
      error: d.error,
      provider_ref: d.providerRef,
    })
    .where('delivery_id', '=', d.id)
    .where('attempt', '=', d.attempt)
    .execute();
  return true;
}

/** Deliveries left `sending` by a process that stopped before it recorded the outcome. */
export async function lockStaleSending(
  tx: Kysely<DB>,
  before: Date,
  limit: number,
  prefix: string,
): Promise<{ id: string; attempts: number; max_attempts: number }[]> {
  return tx
    .selectFrom('notify_deliveries')
    .where('unit_path', 'like', `${prefix}%`)
    .select(['id', 'attempts', 'max_attempts'])
    .where('status', '=', 'sending')
    .where('sending_at', '<', before)
    .orderBy('sending_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Puts a failed delivery back in the queue with a fresh allowance of attempts. */
export async function requeueDelivery(tx: Kysely<DB>, id: string, now: Date): Promise<boolean> {
  const r = await tx
    .updateTable('notify_deliveries')
    .set({
      status: 'pending',
      next_attempt_at: now,
      max_attempts: sql<number>`attempts + max_attempts`,
      finished_at: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
