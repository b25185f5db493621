import { sql, type Kysely } from 'kysely';
import type { AreaClass, DB } from '../../../db/schema.js';

export type NetworkTable = 'substation' | 'feeder' | 'transformer';

/** An existing node found by code, with the path of its unit (for the importer's scope check). */
export interface NodeByCode {
  id: string;
  code: string;
  province_id: string;
  unit_path: string;
}

const TABLES = {
  substation: 'grid_substations',
  feeder: 'grid_feeders',
  transformer: 'grid_transformers',
} as const;

/** Nodes of one kind by code in the given provinces (codes are unique per province and kind). */
export async function nodesByCode(
  tx: Kysely<DB>,
  kind: NetworkTable,
  provinceIds: readonly string[],
  codes: readonly string[],
): Promise<NodeByCode[]> {
  if (codes.length === 0 || provinceIds.length === 0) return [];
  const table = TABLES[kind] as 'grid_substations';
  return tx
    .selectFrom(`${table} as n`)
    .innerJoin('org_units as o', 'o.id', 'n.org_id')
    .select(['n.id', 'n.code', 'n.province_id', 'o.path as unit_path'])
    .where('n.province_id', '=', sql<string>`ANY(${provinceIds}::uuid[])`)
    .where('n.code', '=', sql<string>`ANY(${codes}::text[])`)
    .execute();
}

export interface NetworkNodeInput {
  id: string;
  code: string;
  name: string;
  areaClass: AreaClass;
  orgId: string;
  provinceId: string;
  /** Substations and feeders. */
  voltageKv: number | null;
  /** Transformers. */
  capacityKva: number | null;
  lat: number | null;
  lng: number | null;
  /** The parent's id: a feeder's substation, a transformer's feeder. */
  parentId: string | null;
}

/**
 * Inserts or updates nodes of one kind by (province, code) in one statement; an existing code
 * keeps its id and gets the new fields (version + 1). Returns code → id per province.
 */
export async function upsertNetworkNodes(
  tx: Kysely<DB>,
  kind: NetworkTable,
  rows: readonly NetworkNodeInput[],
): Promise<{ ids: Map<string, string>; inserted: number; updated: number }> {
  const ids = new Map<string, string>();
  if (rows.length === 0) return { ids, inserted: 0, updated: 0 };
  const col = <T>(f: (r: NetworkNodeInput) => T) => rows.map(f);
  const common = sql`${col((r) => r.id)}::uuid[], ${col((r) => r.code)}::text[],
    ${col((r) => r.name)}::text[], ${col((r) => r.areaClass)}::text[],
    ${col((r) => r.orgId)}::uuid[], ${col((r) => r.provinceId)}::uuid[]`;
  let result;
  switch (kind) {
    case 'substation':
      result = await sql<{ id: string; code: string; province_id: string; inserted: boolean }>`
        INSERT INTO grid_substations (id, code, name, area_class, org_id, province_id, voltage_kv,
          lat, lng)
        SELECT * FROM unnest(${common}, ${col((r) => r.voltageKv)}::int[],
          ${col((r) => r.lat)}::float8[], ${col((r) => r.lng)}::float8[])
        ON CONFLICT (province_id, code) DO UPDATE SET name = EXCLUDED.name,
          area_class = EXCLUDED.area_class, org_id = EXCLUDED.org_id,
          voltage_kv = EXCLUDED.voltage_kv, lat = EXCLUDED.lat, lng = EXCLUDED.lng,
          version = grid_substations.version + 1, updated_at = now()
        RETURNING id, code, province_id, (xmax = 0) AS inserted`.execute(tx);
      break;
    case 'feeder':
      result = await sql<{ id: string; code: string; province_id: string; inserted: boolean }>`
        INSERT INTO grid_feeders (id, code, name, area_class, org_id, province_id, voltage_kv,
          substation_id)
        SELECT * FROM unnest(${common}, ${col((r) => r.voltageKv)}::int[],
          ${col((r) => r.parentId)}::uuid[])
        ON CONFLICT (province_id, code) DO UPDATE SET name = EXCLUDED.name,
          area_class = EXCLUDED.area_class, org_id = EXCLUDED.org_id,
          voltage_kv = EXCLUDED.voltage_kv, substation_id = EXCLUDED.substation_id,
          version = grid_feeders.version + 1, updated_at = now()
        RETURNING id, code, province_id, (xmax = 0) AS inserted`.execute(tx);
      break;
    case 'transformer':
      result = await sql<{ id: string; code: string; province_id: string; inserted: boolean }>`
        INSERT INTO grid_transformers (id, code, name, area_class, org_id, province_id,
          capacity_kva, lat, lng, feeder_id)
        SELECT * FROM unnest(${common}, ${col((r) => r.capacityKva)}::int[],
          ${col((r) => r.lat)}::float8[], ${col((r) => r.lng)}::float8[],
          ${col((r) => r.parentId)}::uuid[])
        ON CONFLICT (province_id, code) DO UPDATE SET name = EXCLUDED.name,
          area_class = EXCLUDED.area_class, org_id = EXCLUDED.org_id,
          capacity_kva = EXCLUDED.capacity_kva, lat = EXCLUDED.lat, lng = EXCLUDED.lng,
          feeder_id = EXCLUDED.feeder_id,
          version = grid_transformers.version + 1, updated_at = now()
        RETURNING id, code, province_id, (xmax = 0) AS inserted`.execute(tx);
      break;
  }
  let inserted = 0;
  for (const r of result.rows) {
    ids.set(`${r.province_id}|${r.code}`, r.id);
    if (r.inserted) inserted += 1;
  }
  return { ids, inserted, updated: result.rows.length - inserted };
}
