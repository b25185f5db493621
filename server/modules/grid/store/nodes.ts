import { sql, type Kysely } from 'kysely';
import type { AreaClass, DB } from '../../../db/schema.js';
import type { GridNodeKind } from '../store.js';

export interface NodeRow {
  kind: GridNodeKind;
  id: string;
  code: string;
  name: string;
  area_class: AreaClass;
  org_id: string;
  unit_name: string;
  unit_path: string;
  voltage_kv: number | null;
  capacity_kva: number | null;
  lat: number | null;
  lng: number | null;
  parent_id: string | null;
  children: number;
}

const TABLE = {
  substation: 'grid_substations',
  feeder: 'grid_feeders',
  transformer: 'grid_transformers',
} as const;

/**
 * Nodes of one kind with their unit and child count. `where` receives the node alias `n`.
 * Feeders carry no coordinates of their own (a line has no single point).
 */
async function nodes(
  tx: Kysely<DB>,
  kind: GridNodeKind,
  where: ReturnType<typeof sql>,
  limit = 500,
): Promise<NodeRow[]> {
  const cols =
    kind === 'substation'
      ? sql`n.voltage_kv, NULL::int AS capacity_kva, n.lat, n.lng, NULL::uuid AS parent_id,
          (SELECT count(*)::int FROM grid_feeders f WHERE f.substation_id = n.id) AS children`
      : kind === 'feeder'
        ? sql`n.voltage_kv, NULL::int AS capacity_kva, NULL::float8 AS lat, NULL::float8 AS lng,
          n.substation_id AS parent_id,
          (SELECT count(*)::int FROM grid_transformers t WHERE t.feeder_id = n.id) AS children`
        : sql`NULL::int AS voltage_kv, n.capacity_kva, n.lat, n.lng, n.feeder_id AS parent_id,
          0 AS children`;
  const res = await sql<NodeRow>`
    SELECT ${kind}::text AS kind, n.id, n.code, n.name, n.area_class, n.org_id,
      o.name AS unit_name, o.path AS unit_path, ${cols}
    FROM ${sql.table(TABLE[kind])} n JOIN org_units o ON o.id = n.org_id
    WHERE ${where}
    ORDER BY n.code
    LIMIT ${limit}`.execute(tx);
  return res.rows;
}

export async function nodeById(
  tx: Kysely<DB>,
  kind: GridNodeKind,
  id: string,
): Promise<NodeRow | undefined> {
  return (await nodes(tx, kind, sql`n.id = ${id}`))[0];
}

export async function childNodes(
  tx: Kysely<DB>,
  kind: 'substation' | 'feeder',
  id: string,
): Promise<NodeRow[]> {
  return kind === 'substation'
    ? nodes(tx, 'feeder', sql`n.substation_id = ${id}`, 10_000)
    : nodes(tx, 'transformer', sql`n.feeder_id = ${id}`, 10_000);
}

/**
 * Substations that serve an area: owned by a unit inside it, or feeding a transformer of it (a
 * supply station's transformers hang from the county's substations).
 */
export async function substationsServing(
  tx: Kysely<DB>,
  areaPrefix: string,
  filter: { unitPath?: string; q?: string },
): Promise<NodeRow[]> {
  const area = `${areaPrefix}%`;
  const conds = [
    sql`(o.path LIKE ${area} OR EXISTS (
      SELECT 1 FROM grid_feeders f JOIN grid_transformers t ON t.feeder_id = f.id
        JOIN org_units tu ON tu.id = t.org_id
      WHERE f.substation_id = n.id AND tu.path LIKE ${area}))`,
  ];
  if (filter.unitPath) conds.push(sql`o.path LIKE ${`${filter.unitPath}%`}`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(sql`(n.name LIKE ${like} OR n.code LIKE ${like})`);
  }
  return nodes(tx, 'substation', sql.join(conds, sql` AND `));
}

/** Customers (and important ones) in the area under each node, by node id. */
export async function customerCounts(
  tx: Kysely<DB>,
  kind: GridNodeKind,
  ids: readonly string[],
  areaPrefix: string,
): Promise<Map<string, { customers: number; important: number }>> {
  const out = new Map<string, { customers: number; important: number }>();
  if (ids.length === 0) return out;
  const key =
    kind === 'substation' ? sql`f.substation_id` : kind === 'feeder' ? sql`t.feeder_id` : sql`t.id`;
  const res = await sql<{ id: string; customers: number; important: number }>`
    SELECT ${key} AS id, count(*)::int AS customers,
      count(*) FILTER (WHERE c.is_important)::int AS important
    FROM customers c
      JOIN grid_transformers t ON t.id = c.transformer_id
      JOIN grid_feeders f ON f.id = t.feeder_id
      JOIN org_units o ON o.id = c.org_id
    WHERE ${key} = ANY(${ids}::uuid[]) AND o.path LIKE ${`${areaPrefix}%`}
    GROUP BY 1`.execute(tx);
  for (const r of res.rows) out.set(r.id, { customers: r.customers, important: r.important });
  return out;
}
