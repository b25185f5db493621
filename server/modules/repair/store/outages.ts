/**
 * Reads of outages (the outages module owns them): what a crew and the board need of an outage,
 * its scope expanded to transformers for the suggestion, and its worst area class for the
 * commitments. Only reads: an outage changes through the outages module's actOnOutage.
 */
import { sql, type Kysely } from 'kysely';
import type { AreaClass } from '../../../../common/customers/codes.js';
import type { DB } from '../../../db/schema.js';
import type { OutageScopeFacts } from '../outage-suggestion.js';

/** What the repair module reads of an outage. */
export interface OutageFacts {
  id: string;
  number: string;
  title: string;
  category: string;
  state: string;
  area_text: string;
  started_at: Date | null;
  created_at: Date;
  estimated_restore_at: Date | null;
  restored_at: Date | null;
  affected_customers: number;
  important_customers: number;
  linked_orders: number;
  org_id: string;
  unit_path: string;
  province_id: string;
  version: number;
}

const outageFacts = (tx: Kysely<DB>) =>
  tx
    .selectFrom('outages as o')
    .select([
      'o.id',
      'o.number',
      'o.title',
      'o.category',
      'o.state',
      'o.area_text',
      'o.started_at',
      'o.created_at',
      'o.estimated_restore_at',
      'o.restored_at',
      'o.affected_customers',
      'o.important_customers',
      'o.org_id',
      'o.unit_path',
      'o.province_id',
      'o.version',
    ])
    .select(
      sql<number>`(SELECT count(*)::int FROM outage_orders l WHERE l.outage_id = o.id)`.as(
        'linked_orders',
      ),
    );

/** An outage; `lock` takes its row for the rest of the transaction. */
export async function outageById(
  tx: Kysely<DB>,
  id: string,
  lock = false,
): Promise<OutageFacts | null> {
  let q = outageFacts(tx).where('o.id', '=', id);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) ?? null;
}

export async function outagesByIds(
  tx: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, OutageFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await outageFacts(tx)
    .where('o.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Outages in progress under the path prefix, the oldest power cut first. */
export async function outagesInProgress(tx: Kysely<DB>, prefix: string): Promise<OutageFacts[]> {
  return outageFacts(tx)
    .where('o.unit_path', 'like', `${prefix}%`)
    .where('o.state', '=', 'in_progress')
    .orderBy(sql`coalesce(o.started_at, o.created_at)`)
    .orderBy('o.id')
    .limit(100)
    .execute();
}

export interface ScopeNodeRow {
  outage_id: string;
  kind: 'feeder' | 'transformer';
  id: string;
  code: string;
  name: string;
}

/** The named scope nodes of the outages (feeders and transformers), by code. */
export async function scopeNodesOf(
  tx: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, ScopeNodeRow[]>> {
  const out = new Map<string, ScopeNodeRow[]>();
  if (ids.length === 0) return out;
  const r = await sql<ScopeNodeRow>`
    SELECT s.outage_id, s.node_kind AS kind, s.node_id AS id,
           coalesce(f.code, t.code) AS code, coalesce(f.name, t.name) AS name
      FROM outage_scope s
      LEFT JOIN grid_feeders f ON s.node_kind = 'feeder' AND f.id = s.node_id
      LEFT JOIN grid_transformers t ON s.node_kind = 'transformer' AND t.id = s.node_id
     WHERE s.outage_id = ANY(${[...new Set(ids)]}::uuid[])
     ORDER BY s.node_kind, code`.execute(tx);
  for (const row of r.rows) {
    const list = out.get(row.outage_id) ?? [];
    list.push(row);
    out.set(row.outage_id, list);
  }
  return out;
}

/** The transformers under each outage's scope: the named ones and those of its feeders. */
const scopeTransformers = (ids: string[]) => sql`
  SELECT s.outage_id, g.id, g.feeder_id, g.area_class, g.lat, g.lng, g.org_id
    FROM outage_scope s JOIN grid_transformers g ON g.id = s.node_id
   WHERE s.node_kind = 'transformer' AND s.outage_id = ANY(${ids}::uuid[])
  UNION
  SELECT s.outage_id, g.id, g.feeder_id, g.area_class, g.lat, g.lng, g.org_id
    FROM outage_scope s JOIN grid_transformers g ON g.feeder_id = s.node_id
   WHERE s.node_kind = 'feeder' AND s.outage_id = ANY(${ids}::uuid[])`;

/**
 * The area classes found in each outage's scope: its transformers', and a bare feeder's own
 * (a feeder with no transformer under it).
 */
export async function areaClassesOf(
  tx: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, AreaClass[]>> {
  const out = new Map<string, AreaClass[]>();
  if (ids.length === 0) return out;
  const list = [...new Set(ids)];
  const r = await sql<{ outage_id: string; area_class: AreaClass }>`
    SELECT DISTINCT outage_id, area_class FROM (
      SELECT t.outage_id, t.area_class FROM (${scopeTransformers(list)}) t
      UNION ALL
      SELECT s.outage_id, f.area_class FROM outage_scope s JOIN grid_feeders f ON f.id = s.node_id
       WHERE s.node_kind = 'feeder' AND s.outage_id = ANY(${list}::uuid[])
         AND NOT EXISTS (SELECT 1 FROM grid_transformers g WHERE g.feeder_id = f.id)) x`.execute(
    tx,
  );
  for (const row of r.rows)
    out.set(row.outage_id, [...(out.get(row.outage_id) ?? []), row.area_class]);
  return out;
}

/** One outage's scope as the crew suggestion needs it. */
export async function scopeFactsOf(tx: Kysely<DB>, id: string): Promise<OutageScopeFacts> {
  const transformers = await sql<{
    id: string;
    feeder_id: string;
    lat: number | null;
    lng: number | null;
    path: string;
  }>`
    SELECT t.id, t.feeder_id, t.lat, t.lng, u.path
      FROM (${scopeTransformers([id])}) t JOIN org_units u ON u.id = t.org_id`.execute(tx);
  const feeders = await sql<{ id: string; path: string; bare: boolean }>`
    SELECT f.id, u.path,
           NOT EXISTS (SELECT 1 FROM grid_transformers g WHERE g.feeder_id = f.id) AS bare
      FROM outage_scope s
      JOIN grid_feeders f ON f.id = s.node_id
      JOIN org_units u ON u.id = f.org_id
     WHERE s.outage_id = ${id} AND s.node_kind = 'feeder'`.execute(tx);
  const placed = transformers.rows.filter((t) => t.lat !== null && t.lng !== null);
  const mean = (k: 'lat' | 'lng') => placed.reduce((s, t) => s + Number(t[k]), 0) / placed.length;
  return {
    transformers: transformers.rows.map((t) => ({ id: t.id, feederId: t.feeder_id })),
    bareFeederIds: feeders.rows.filter((f) => f.bare).map((f) => f.id),
    unitPaths: [...new Set([...transformers.rows, ...feeders.rows].map((n) => n.path))],
    centre: placed.length > 0 ? { lat: mean('lat'), lng: mean('lng') } : null,
  };
}

/** The outage an order is linked to (answered from it or grouped into it), if any. */
export async function outageOfOrder(
  tx: Kysely<DB>,
  orderId: string,
): Promise<{ id: string; number: string } | null> {
  const row = await tx
    .selectFrom('outage_orders as l')
    .innerJoin('outages as o', 'o.id', 'l.outage_id')
    .select(['o.id', 'o.number'])
    .where('l.order_id', '=', orderId)
    .executeTakeFirst();
  return row ?? null;
}
