/** SQL of the outages module. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { OutagesTable } from '../../db/schema-outages.js';
import { LIVE_OUTAGE_STATES } from '../../../common/outages/categories.js';

export type OutageRow = Selectable<OutagesTable> & { unit_name: string; linked_orders: number };

export interface ScopeNode {
  kind: 'feeder' | 'transformer';
  id: string;
  code: string;
  name: string;
}

const withUnit = (tx: Kysely<DB>) =>
  tx
    .selectFrom('outages as o')
    .innerJoin('org_units as u', 'u.id', 'o.org_id')
    .selectAll('o')
    .select('u.name as unit_name')
    .select(
      sql<number>`(SELECT count(*)::int FROM outage_orders l WHERE l.outage_id = o.id)`.as(
        'linked_orders',
      ),
    );

export async function outageById(tx: Kysely<DB>, id: string, lock = false) {
  let q = withUnit(tx).where('o.id', '=', id);
  if (lock) q = q.forUpdate('o');
  return (await q.executeTakeFirst()) ?? null;
}

export async function nextOutageNumber(tx: Kysely<DB>, day: string): Promise<string> {
  const r = await sql<{ n: string }>`SELECT nextval('outage_no')::text AS n`.execute(tx);
  return `TD${day}${r.rows[0]!.n.padStart(5, '0')}`;
}

/** Feeders and transformers by id, within the service area `prefix` (their units' paths). */
export async function nodesInArea(
  tx: Kysely<DB>,
  feeders: string[],
  transformers: string[],
  prefix: string,
): Promise<ScopeNode[]> {
  if (feeders.length + transformers.length === 0) return [];
  const r = await sql<ScopeNode>`
    SELECT 'feeder' AS kind, f.id, f.code, f.name
      FROM grid_feeders f JOIN org_units u ON u.id = f.org_id
     WHERE f.id = ANY(${feeders}::uuid[]) AND u.path LIKE ${prefix + '%'}
    UNION ALL
    SELECT 'transformer', t.id, t.code, t.name
      FROM grid_transformers t JOIN org_units u ON u.id = t.org_id
     WHERE t.id = ANY(${transformers}::uuid[]) AND u.path LIKE ${prefix + '%'}`.execute(tx);
  return r.rows;
}

/**
 * The transformers supplying customers at each address (an address matches a customer whose
 * city, county, street and detail, joined, contain it), within the service area.
 */
export async function transformersAtAddresses(
  tx: Kysely<DB>,
  addresses: string[],
  prefix: string,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (addresses.length === 0) return out;
  const r = await sql<{ address: string; ids: string[] }>`
    SELECT a.address, array_agg(DISTINCT c.transformer_id) AS ids
      FROM unnest(${addresses}::text[]) AS a(address)
      JOIN customers c
        ON c.addr_city || c.addr_county || c.addr_street || c.addr_detail
           LIKE '%' || a.address || '%'
      JOIN org_units u ON u.id = c.org_id
     WHERE c.transformer_id IS NOT NULL AND u.path LIKE ${prefix + '%'}
     GROUP BY a.address`.execute(tx);
  for (const row of r.rows) out.set(row.address, row.ids);
  return out;
}

/**
 * The transformers under the scope (named ones and those of its feeders, each once), and the
 * customers on them: a customer is on one transformer, so nobody is counted twice.
 */
const affectedSql = (outageId: string) => sql`
  WITH t AS (
    SELECT DISTINCT x.id, x.code FROM (
      SELECT g.id, g.code FROM outage_scope s JOIN grid_transformers g ON g.id = s.node_id
       WHERE s.outage_id = ${outageId} AND s.node_kind = 'transformer'
      UNION ALL
      SELECT g.id, g.code FROM outage_scope s JOIN grid_transformers g ON g.feeder_id = s.node_id
       WHERE s.outage_id = ${outageId} AND s.node_kind = 'feeder') x)
  SELECT c.id, c.account_no, c.name, c.is_important, t.code AS transformer
    FROM t JOIN customers c ON c.transformer_id = t.id`;

export async function countAffected(
  tx: Kysely<DB>,
  outageId: string,
): Promise<{ total: number; important: number }> {
  const r = await sql<{ total: number; important: number }>`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE a.is_important)::int AS important
      FROM (${affectedSql(outageId)}) a`.execute(tx);
  return r.rows[0] ?? { total: 0, important: 0 };
}

/** A page of the affected customers, important ones first, then by account number. */
export async function affectedCustomers(
  tx: Kysely<DB>,
  outageId: string,
  q: { important: boolean | null; limit: number; offset: number },
) {
  const filter = q.important === null ? sql`true` : sql`a.is_important = ${q.important}`;
  const r = await sql<{
    id: string;
    account_no: string;
    name: string;
    is_important: boolean;
    transformer: string;
  }>`
    SELECT a.* FROM (${affectedSql(outageId)}) a
     WHERE ${filter}
     ORDER BY a.is_important DESC, a.account_no, a.id
     LIMIT ${q.limit} OFFSET ${q.offset}`.execute(tx);
  return r.rows;
}

export async function replaceScope(tx: Kysely<DB>, outageId: string, nodes: ScopeNode[]) {
  await tx.deleteFrom('outage_scope').where('outage_id', '=', outageId).execute();
  if (nodes.length === 0) return;
  await tx
    .insertInto('outage_scope')
    .values(nodes.map((n) => ({ outage_id: outageId, node_kind: n.kind, node_id: n.id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function scopeOf(tx: Kysely<DB>, outageId: string): Promise<ScopeNode[]> {
  const r = await sql<ScopeNode>`
    SELECT s.node_kind AS kind, s.node_id AS id, coalesce(f.code, t.code) AS code,
           coalesce(f.name, t.name) AS name
      FROM outage_scope s
      LEFT JOIN grid_feeders f ON s.node_kind = 'feeder' AND f.id = s.node_id
      LEFT JOIN grid_transformers t ON s.node_kind = 'transformer' AND t.id = s.node_id
     WHERE s.outage_id = ${outageId}
     ORDER BY s.node_kind, code`.execute(tx);
  return r.rows;
}

export async function eventsOf(tx: Kysely<DB>, outageId: string) {
  return tx
    .selectFrom('outage_events')
    .selectAll()
    .where('outage_id', '=', outageId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function linkedOrdersOf(tx: Kysely<DB>, outageId: string) {
  return tx
    .selectFrom('outage_orders as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select(['o.id', 'o.number', 'o.state', 'l.via'])
    .where('l.outage_id', '=', outageId)
    .orderBy('l.linked_at')
    .limit(500)
    .execute();
}

export async function listOutages(
  tx: Kysely<DB>,
  q: {
    prefix: string;
    state?: string | undefined;
    category?: string | undefined;
    live?: boolean | undefined;
    from?: Date | undefined;
    to?: Date | undefined;
    text?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  let base = withUnit(tx).where('o.unit_path', 'like', `${q.prefix}%`);
  if (q.state) base = base.where('o.state', '=', q.state);
  if (q.category) base = base.where('o.category', '=', q.category);
  if (q.live === true) base = base.where('o.state', 'in', [...LIVE_OUTAGE_STATES]);
  if (q.live === false) base = base.where('o.state', 'not in', [...LIVE_OUTAGE_STATES]);
  const start = sql`coalesce(o.started_at, o.planned_start, o.created_at)`;
  const end = sql`coalesce(o.restored_at, o.planned_end, o.estimated_restore_at, 'infinity')`;
  if (q.from) base = base.where(sql<boolean>`${end} >= ${q.from}`);
  if (q.to) base = base.where(sql<boolean>`${start} < ${q.to}`);
  if (q.text) {
    const like = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb('o.title', 'like', like),
        eb('o.area_text', 'like', like),
        eb('o.number', '=', q.text!),
      ]),
    );
  }
  const rows = await base
    .select(sql<number>`count(*) OVER ()::int`.as('total'))
    .orderBy(sql`${start} DESC`)
    .orderBy('o.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { rows, total: rows[0]?.total ?? 0 };
}

/** Live outages covering any of the customers (by their transformer or its feeder). */
export async function liveOutagesCovering(tx: Kysely<DB>, customerIds: string[]) {
  if (customerIds.length === 0) return [];
  return withUnit(tx)
    .where('o.state', 'in', [...LIVE_OUTAGE_STATES])
    .where(
      sql<boolean>`EXISTS (
        SELECT 1 FROM customers c
          JOIN grid_transformers t ON t.id = c.transformer_id
          JOIN outage_scope s ON s.outage_id = o.id
           AND ((s.node_kind = 'transformer' AND s.node_id = t.id)
             OR (s.node_kind = 'feeder' AND s.node_id = t.feeder_id))
         WHERE c.id = ANY(${customerIds}::uuid[]))`,
    )
    .orderBy(sql`coalesce(o.started_at, o.planned_start)`)
    .limit(20)
    .execute();
}

export async function customersByPhone(tx: Kysely<DB>, phone: string, prefix: string) {
  const r = await sql<{ id: string }>`
    SELECT DISTINCT c.id FROM customer_phones p
      JOIN customers c ON c.id = p.customer_id
      JOIN org_units u ON u.id = c.org_id
     WHERE p.phone = ${phone} AND u.path LIKE ${prefix + '%'}
     LIMIT 20`.execute(tx);
  return r.rows.map((x) => x.id);
}

export async function customerInArea(tx: Kysely<DB>, id: string, prefix: string) {
  const r = await sql<{ id: string }>`
    SELECT c.id FROM customers c JOIN org_units u ON u.id = c.org_id
     WHERE c.id = ${id} AND u.path LIKE ${prefix + '%'}`.execute(tx);
  return r.rows[0]?.id ?? null;
}

/** Filed major events in force now whose unit's subtree holds one of the customers. */
export async function majorEventsFor(tx: Kysely<DB>, customerIds: string[], now: Date) {
  if (customerIds.length === 0) return [];
  const r = await sql<{ id: string; title: string; script: string; ends_at: Date }>`
    SELECT DISTINCT e.id, e.title, e.script, e.ends_at
      FROM major_events e
      JOIN customers c ON c.id = ANY(${customerIds}::uuid[])
      JOIN org_units u ON u.id = c.org_id
     WHERE e.starts_at <= ${now} AND e.ends_at > ${now} AND u.path LIKE e.unit_path || '%'
     ORDER BY e.ends_at
     LIMIT 10`.execute(tx);
  return r.rows;
}
