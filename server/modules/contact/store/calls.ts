/** SQL of calls and the raw CTI event log. */
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { ContactCallsTable, ContactCtiEventsTable } from '../../../db/schema-contact.js';

export type CallRow = Selectable<ContactCallsTable>;
export type CallRowWithUnit = CallRow & { unit_name: string };

/** The call of this callId in the unit, locked for the event being applied. */
export async function lockCall(
  tx: Kysely<DB>,
  orgId: string,
  callId: string,
): Promise<CallRow | null> {
  const row = await tx
    .selectFrom('contact_calls')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('call_id', '=', callId)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

/** A plain insert: a twin inserted concurrently raises a unique violation and the tx is re-run. */
export async function insertCall(
  tx: Kysely<DB>,
  row: Insertable<ContactCallsTable>,
): Promise<void> {
  await tx.insertInto('contact_calls').values(row).execute();
}

export async function updateCall(
  tx: Kysely<DB>,
  id: string,
  patch: Updateable<ContactCallsTable>,
): Promise<void> {
  await tx
    .updateTable('contact_calls')
    .set({ ...patch, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

/**
 * Logs an event as it came and notes that its integration was used (at most once a minute, so
 * busy PBXs do not queue on the integration's row), in one statement.
 */
export async function logCtiEvent(
  tx: Kysely<DB>,
  row: Insertable<ContactCtiEventsTable> & { received_at: Date },
): Promise<void> {
  const stale = new Date(row.received_at.getTime() - 60_000);
  await sql`
    WITH used AS (
      UPDATE contact_integrations SET last_used_at = ${row.received_at}
       WHERE id = ${row.integration_id} AND (last_used_at IS NULL OR last_used_at < ${stale})
       RETURNING id)
    INSERT INTO contact_cti_events
      (integration_id, call_id, event, payload, result, contact_call_id, org_id, province_id,
       received_at)
    VALUES (${row.integration_id}, ${row.call_id}, ${row.event}, ${row.payload}::jsonb,
            ${row.result}, ${row.contact_call_id ?? null}, ${row.org_id}, ${row.province_id ?? null},
            ${row.received_at})`.execute(tx);
}

export async function callById(tx: Kysely<DB>, id: string): Promise<CallRowWithUnit | null> {
  const row = await tx
    .selectFrom('contact_calls as c')
    .innerJoin('org_units as u', 'u.id', 'c.org_id')
    .selectAll('c')
    .select('u.name as unit_name')
    .where('c.id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

export async function callsById(
  tx: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, CallRowWithUnit>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('contact_calls as c')
    .innerJoin('org_units as u', 'u.id', 'c.org_id')
    .selectAll('c')
    .select('u.name as unit_name')
    .where('c.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function callEvents(tx: Kysely<DB>, callRowId: string) {
  return tx
    .selectFrom('contact_cti_events')
    .select(['received_at', 'event', 'result', 'payload'])
    .where('contact_call_id', '=', callRowId)
    .orderBy('id')
    .limit(200)
    .execute();
}

export interface CallFilter {
  prefix: string;
  from?: Date | undefined;
  to?: Date | undefined;
  outcomes?: string[] | undefined;
  state?: string | undefined;
  direction?: string | undefined;
  agentId?: string | undefined;
  queue?: string | undefined;
  /** Answered, not yet wrapped up. */
  unwrapped?: boolean | undefined;
  /** Wrapped up naming this order. */
  orderId?: string | undefined;
  limit: number;
  offset: number;
}

export async function listCallRows(
  tx: Kysely<DB>,
  f: CallFilter,
): Promise<{ rows: CallRowWithUnit[]; total: number }> {
  let q = tx
    .selectFrom('contact_calls as c')
    .innerJoin('org_units as u', 'u.id', 'c.org_id')
    .where('c.unit_path', 'like', `${f.prefix}%`);
  if (f.from) q = q.where('c.first_seen_at', '>=', f.from);
  if (f.to) q = q.where('c.first_seen_at', '<', f.to);
  if (f.outcomes) q = q.where('c.outcome', 'in', f.outcomes);
  if (f.state) q = q.where('c.state', '=', f.state);
  if (f.direction) q = q.where('c.direction', '=', f.direction);
  if (f.agentId) q = q.where('c.agent_id', '=', f.agentId);
  if (f.queue) q = q.where('c.queue', '=', f.queue);
  if (f.orderId) q = q.where(sql<boolean>`c.wrap_order_ids @> ARRAY[${f.orderId}]::uuid[]`);
  if (f.unwrapped === true) {
    q = q.where('c.outcome', '=', 'answered').where('c.wrap_code', 'is', null);
  } else if (f.unwrapped === false) {
    q = q.where('c.wrap_code', 'is not', null);
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll('c')
      .select('u.name as unit_name')
      .orderBy('c.first_seen_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Earlier calls from a number within the window before `at` (the call itself excluded). */
export async function earlierCalls(
  tx: Kysely<DB>,
  opts: { number: string; since: Date; before: Date; excludeId: string; prefix: string },
): Promise<{ count: number; lastAt: Date | null; lastAgent: string | null }> {
  const r = await sql<{ n: number; last_at: Date | null; last_agent: string | null }>`
    SELECT count(*)::int AS n, max(first_seen_at) AS last_at,
           (array_agg(agent_name ORDER BY first_seen_at DESC))[1] AS last_agent
      FROM contact_calls
     WHERE caller_number = ${opts.number} AND first_seen_at >= ${opts.since}
       AND first_seen_at < ${opts.before} AND id <> ${opts.excludeId}
       AND unit_path LIKE ${`${opts.prefix}%`}`.execute(tx);
  const row = r.rows[0];
  return {
    count: Number(row?.n ?? 0),
    lastAt: row?.last_at ? new Date(row.last_at) : null,
    lastAgent: row?.last_agent ?? null,
  };
}

/** The agent who last answered this number (in the unit's tree), and when. */
export async function lastAnsweringAgent(
  tx: Kysely<DB>,
  number: string,
  prefix: string,
): Promise<{ agentId: string; at: Date } | null> {
  const row = await tx
    .selectFrom('contact_calls')
    .select(['agent_id', 'first_seen_at'])
    .where('caller_number', '=', number)
    .where('unit_path', 'like', `${prefix}%`)
    .where('agent_id', 'is not', null)
    .where('answered_at', 'is not', null)
    .orderBy('first_seen_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.agent_id ? { agentId: row.agent_id, at: row.first_seen_at } : null;
}

export interface WrapUpWrite {
  code: string;
  note: string | null;
  customerId: string | null;
  articleId: string | null;
  orderIds: string[];
  by: { id: string; name: string };
  at: Date;
}

/**
 * Records the wrap-up of a call once: false when another wrap-up got there first (the row is
 * locked by the caller, so this only guards a retry).
 */
export async function writeWrapUp(tx: Kysely<DB>, id: string, w: WrapUpWrite): Promise<boolean> {
  const r = await tx
    .updateTable('contact_calls')
    .set({
      wrap_code: w.code,
      wrap_note: w.note,
      wrap_customer_id: w.customerId,
      wrap_article_id: w.articleId,
      // Merged with what is there now: an order attached while the wrap-up was on its way stays.
      wrap_order_ids: sql`ARRAY(SELECT x FROM unnest(wrap_order_ids || ${w.orderIds}::uuid[])
                                 WITH ORDINALITY AS t(x, i) GROUP BY x ORDER BY min(i))`,
      wrapped_by: w.by.id,
      wrapped_by_name: w.by.name,
      wrapped_at: w.at,
      updated_at: w.at,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('wrap_code', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The most orders one call names. */
export const MAX_CALL_ORDERS = 10;

/**
 * Adds an order to a call not yet wrapped up, once. Answers 'added', 'already' (named before),
 * 'full' (MAX_CALL_ORDERS named) or 'wrapped' (the wrap-up got there first).
 */
export async function attachOrder(
  tx: Kysely<DB>,
  callId: string,
  orderId: string,
  at: Date,
): Promise<'added' | 'already' | 'full' | 'wrapped'> {
  const r = await sql<{ wrap_code: string | null; named: boolean; n: number }>`
    SELECT wrap_code, wrap_order_ids @> ARRAY[${orderId}]::uuid[] AS named,
           cardinality(wrap_order_ids) AS n
      FROM contact_calls WHERE id = ${callId} FOR UPDATE`.execute(tx);
  const row = r.rows[0];
  if (!row || row.wrap_code !== null) return 'wrapped';
  if (row.named) return 'already';
  if (Number(row.n) >= MAX_CALL_ORDERS) return 'full';
  await tx
    .updateTable('contact_calls')
    .set({
      wrap_order_ids: sql`array_append(wrap_order_ids, ${orderId}::uuid)`,
      updated_at: at,
      version: sql`version + 1`,
    })
    .where('id', '=', callId)
    .execute();
  return 'added';
}

/** Sets the wrap-up end of an agent's call (its after-call work ended). */
export async function endWrapUp(tx: Kysely<DB>, callId: string, at: Date): Promise<void> {
  await tx
    .updateTable('contact_calls')
    .set({ wrap_up_end_at: at, updated_at: at, version: sql`version + 1` })
    .where('id', '=', callId)
    .where('wrap_up_end_at', 'is', null)
    .execute();
}

/** Fills the recording reference of a call, by the PBX's callId within the unit. */
export async function setRecording(
  tx: Kysely<DB>,
  orgId: string,
  callId: string,
  recording: string,
  now: Date,
): Promise<CallRow | null> {
  const row = await tx
    .updateTable('contact_calls')
    .set({ recording, updated_at: now, version: sql`version + 1` })
    .where('org_id', '=', orgId)
    .where('call_id', '=', callId)
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}
