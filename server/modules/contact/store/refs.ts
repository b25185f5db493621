/**
 * Reads of what other modules own (units; the customer archive's published caller-ID function
 * customers_by_phone) and the outbox row every call and agent change writes.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { LIVE_CHANNEL } from '../../../platform/live-hub.js';

export interface UnitRef {
  id: string;
  name: string;
  path: string;
  province_id: string | null;
}

export async function unitById(tx: Kysely<DB>, id: string): Promise<UnitRef | null> {
  const row = await tx
    .selectFrom('org_units')
    .select(['id', 'name', 'path', 'province_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/** Whether any customer with this phone (in the tree under `prefix`) is a VIP or important. */
export async function callerDeservesLastAgent(
  tx: Kysely<DB>,
  phone: string,
  prefix: string,
): Promise<boolean> {
  const r = await sql<{ yes: boolean }>`
    SELECT coalesce(bool_or(is_vip OR is_important), false) AS yes
      FROM customers_by_phone(${phone}, ${prefix}, 20)`.execute(tx);
  return r.rows[0]?.yes === true;
}

/**
 * The outbox row of a live update. With `notify` (a PostgreSQL server) the row is written already
 * dispatched and the NOTIFY sent in the same statement: PostgreSQL delivers it at commit, to every
 * process, exactly when the change is there to read — the outbox's guarantee without the
 * dispatcher's extra transaction, which a ring cannot wait for. Without it (embedded), the
 * dispatcher (nudged after commit) hands the row to the in-process hub.
 */
export async function insertOutbox(
  tx: Kysely<DB>,
  row: {
    topic: string;
    payload: Record<string, unknown>;
    orgId: string;
    provinceId: string | null;
  },
  notify: boolean,
): Promise<void> {
  if (notify) {
    const message = JSON.stringify({
      topic: row.topic,
      payload: row.payload,
      orgId: row.orgId,
      provinceId: row.provinceId,
    });
    await sql`
      WITH o AS (
        INSERT INTO outbox (topic, payload, org_id, province_id, dispatched_at)
        VALUES (${row.topic}, ${JSON.stringify(row.payload)}::jsonb, ${row.orgId}, ${row.provinceId},
                now())
        RETURNING id)
      SELECT pg_notify(${LIVE_CHANNEL}, ${message}) FROM o`.execute(tx);
    return;
  }
  await tx
    .insertInto('outbox')
    .values({
      topic: row.topic,
      payload: JSON.stringify(row.payload),
      org_id: row.orgId,
      province_id: row.provinceId,
    })
    .execute();
}
