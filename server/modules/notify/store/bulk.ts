/**
 * Set-based queuing: one INSERT … SELECT writes a delivery per recipient of a set the caller
 * describes in SQL, so 50,000 customers of an outage cost one statement, not 50,000.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.js';

/**
 * A UUIDv7 made in SQL: PostgreSQL 15 has no uuidv7(), and ids made in TypeScript would have to
 * be shipped per row. The random v4 from gen_random_uuid() gets the millisecond clock in its
 * first 48 bits and version 7 in bits 52–53 (the variant bits of a v4 are already right).
 */
const SQL_UUIDV7 = sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
  placing substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
  FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid`;

export interface BulkRows {
  templateCode: string;
  channel: string;
  vars: Record<string, string>;
  maxAttempts: number;
  /** null: now (the transaction's time, as for single messages). */
  nextAttemptAt: Date | null;
  dueBy: Date | null;
  /** `<prefix>:<customer id>` or `<prefix>:tel:<digits>`; null: no dedupe. */
  dedupePrefix: string | null;
  sourceType: string | null;
  sourceId: string | null;
  /** The owning unit of every row; null: the customer's unit (phones: the row's org_id). */
  ownerOrgId: string | null;
}

export interface BulkCount {
  /** Distinct recipients the set held (customers that exist; phones). */
  recipients: number;
  /** Deliveries written; the others were already queued under the same dedupe key. */
  queued: number;
}

const ownerJoin = (owner: string | null, rowOrg: RawBuilder<unknown>) =>
  sql`JOIN org_units o ON o.id = coalesce(${owner}::uuid, ${rowOrg})`;

/** A delivery per customer of `customers` (SQL with a `customer_id` column), deduplicated. */
export async function insertCustomerDeliveries(
  tx: Kysely<DB>,
  customers: RawBuilder<unknown>,
  r: BulkRows,
): Promise<BulkCount> {
  const key =
    r.dedupePrefix === null ? sql`NULL::text` : sql`${r.dedupePrefix + ':'}::text || c.id::text`;
  const res = await sql<{ recipients: number; queued: number }>`
    WITH r AS (
      SELECT DISTINCT c.id, c.org_id, c.province_id
        FROM (${customers}) x JOIN customers c ON c.id = x.customer_id),
    ins AS (
      INSERT INTO notify_deliveries (id, template_code, channel, customer_id, vars, max_attempts,
             next_attempt_at, due_by, dedupe_key, source_type, source_id, org_id, unit_path,
             province_id)
      SELECT ${SQL_UUIDV7}, ${r.templateCode}::text, ${r.channel}::text, c.id, ${JSON.stringify(r.vars)}::jsonb,
             ${r.maxAttempts}::int, coalesce(${r.nextAttemptAt}::timestamptz, now()), ${r.dueBy}::timestamptz, ${key}, ${r.sourceType}::text,
             ${r.sourceId}::text, o.id, o.path,
             CASE WHEN ${r.ownerOrgId}::uuid IS NULL THEN c.province_id ELSE o.province_id END
        FROM r c ${ownerJoin(r.ownerOrgId, sql`c.org_id`)}
      ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
      RETURNING 1)
    SELECT (SELECT count(*) FROM r)::int AS recipients, (SELECT count(*) FROM ins)::int AS queued`.execute(
    tx,
  );
  const row = res.rows[0]!;
  return { recipients: Number(row.recipients), queued: Number(row.queued) };
}

/**
 * A text message per phone of `phones` (SQL with `phone` and `org_id` columns: the number and
 * the unit it belongs to), one per distinct number, deduplicated.
 */
export async function insertPhoneDeliveries(
  tx: Kysely<DB>,
  phones: RawBuilder<unknown>,
  r: BulkRows,
): Promise<BulkCount> {
  const key =
    r.dedupePrefix === null ? sql`NULL::text` : sql`${r.dedupePrefix + ':tel:'}::text || p.phone`;
  const res = await sql<{ recipients: number; queued: number }>`
    WITH r AS (
      SELECT DISTINCT ON (y.phone) y.phone, y.org_id
        FROM (SELECT regexp_replace(x.phone, '\\D', '', 'g') AS phone, x.org_id::uuid AS org_id
                FROM (${phones}) x WHERE x.phone IS NOT NULL) y
       WHERE y.phone <> ''
       ORDER BY y.phone, y.org_id),
    ins AS (
      INSERT INTO notify_deliveries (id, template_code, channel, address, vars, max_attempts,
             next_attempt_at, due_by, dedupe_key, source_type, source_id, org_id, unit_path,
             province_id)
      SELECT ${SQL_UUIDV7}, ${r.templateCode}::text, ${r.channel}::text, p.phone,
             ${JSON.stringify(r.vars)}::jsonb, ${r.maxAttempts}::int, coalesce(${r.nextAttemptAt}::timestamptz, now()), ${r.dueBy}::timestamptz,
             ${key}, ${r.sourceType}::text, ${r.sourceId}::text, o.id, o.path, o.province_id
        FROM r p ${ownerJoin(r.ownerOrgId, sql`p.org_id`)}
      ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
      RETURNING 1)
    SELECT (SELECT count(*) FROM r)::int AS recipients, (SELECT count(*) FROM ins)::int AS queued`.execute(
    tx,
  );
  const row = res.rows[0]!;
  return { recipients: Number(row.recipients), queued: Number(row.queued) };
}

/** One outbox row for a whole batch: a row per message would flood the live dispatcher. */
export async function insertBulkOutbox(
  tx: Kysely<DB>,
  e: {
    template: string;
    channel: string;
    queued: number;
    source: { type: string; id: string } | null;
    orgId: string | null;
  },
): Promise<void> {
  const unit = e.orgId
    ? await tx
        .selectFrom('org_units')
        .select(['province_id'])
        .where('id', '=', e.orgId)
        .executeTakeFirst()
    : undefined;
  await tx
    .insertInto('outbox')
    .values({
      topic: 'notify.queued',
      payload: JSON.stringify({
        bulk: true,
        template: e.template,
        channel: e.channel,
        queued: e.queued,
        source: e.source,
      }),
      org_id: e.orgId,
      province_id: unit?.province_id ?? null,
    })
    .execute();
}
