import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../platform/ids.js';
import {
  nodesByCode,
  upsertNetworkNodes,
  type NetworkNodeInput,
  type NodeByCode,
} from '../../grid/index.js';
import { NETWORK_COLUMNS } from '../parse/columns.js';
import {
  readNetworkRow,
  rowKey,
  type NetworkDraft,
  type NetworkNodeType,
} from '../parse/network-row.js';
import type { Table } from '../parse/table.js';
import { unitsByCode } from '../store/lookups.js';
import {
  checkUnit,
  markDuplicates,
  readRows,
  type ImportScope,
  type Progress,
  type RowErrors,
} from './checks.js';

const TYPE_ZH: Record<NetworkNodeType, string> = {
  substation: '变电站',
  feeder: '线路',
  transformer: '台区',
};
const PARENT: Record<NetworkNodeType, NetworkNodeType | null> = {
  substation: null,
  feeder: 'substation',
  transformer: 'feeder',
};

/** A good network row, placed in its unit and province, with its parent found. */
export interface PlacedNode {
  draft: NetworkDraft;
  orgId: string;
  provinceId: string;
  /** The parent as a row of this file (by key) or a node already in the database (by id). */
  parent: { inFile: string } | { id: string } | null;
}

const keyOf = (type: NetworkNodeType, provinceId: string, code: string) =>
  `${type}|${provinceId}|${code}`;

/**
 * Reads and checks a network file: rows on their own, codes repeated in the file, units, existing
 * nodes outside the importer's scope, and parents (in the file, checked first, or in the database).
 */
export async function checkNetworkFile(
  tx: Kysely<DB>,
  table: Table,
  scope: ImportScope,
  errors: RowErrors,
  progress: Progress,
): Promise<{ total: number; nodes: PlacedNode[] }> {
  // Every row's type and code, so that a child of a bad row is told its parent row is bad.
  const rowsByKey = new Map<string, number>();
  const read: typeof readNetworkRow = (row, cell) => {
    const key = rowKey(cell);
    if (key !== null && !rowsByKey.has(key)) rowsByKey.set(key, row);
    return readNetworkRow(row, cell);
  };
  const { drafts, total } = await readRows(table, NETWORK_COLUMNS, read, errors, progress);
  await progress(total, total);
  markDuplicates(drafts, (d) => `${d.type}|${d.code}`, '编码', '同类型的编码', errors);

  const units = await unitsByCode(tx, [...new Set(drafts.map((d) => d.unitCode))]);
  const placed: PlacedNode[] = [];
  for (const d of drafts) {
    const u = checkUnit(units, d.unitCode, scope);
    if ('unit' in u)
      placed.push({ draft: d, orgId: u.unit.id, provinceId: u.unit.province_id, parent: null });
    else errors.add({ row: d.row, column: '供电单位编码', code: u.code, message: u.message });
  }

  // Nodes already in the database: those the file names (to update) and those it hangs rows on.
  const provinces = [...new Set(placed.map((p) => p.provinceId))];
  const inDb = new Map<string, NodeByCode>();
  for (const type of ['substation', 'feeder', 'transformer'] as const) {
    const codes = new Set<string>();
    for (const p of placed) {
      if (p.draft.type === type) codes.add(p.draft.code);
      if (PARENT[p.draft.type] === type && p.draft.parentCode) codes.add(p.draft.parentCode);
    }
    for (const n of await nodesByCode(tx, type, provinces, [...codes])) {
      inDb.set(keyOf(type, n.province_id, n.code), n);
    }
  }

  // Parents before children, so that a child of a bad row in the file is known to be bad.
  const good = new Set<string>();
  const nodes: PlacedNode[] = [];
  for (const type of ['substation', 'feeder', 'transformer'] as const) {
    for (const p of placed) {
      const d = p.draft;
      if (d.type !== type) continue;
      const existing = inDb.get(keyOf(type, p.provinceId, d.code));
      if (existing && !existing.unit_path.startsWith(scope.prefix)) {
        errors.add({
          row: d.row,
          column: '编码',
          code: 'NODE_OUT_OF_SCOPE',
          message: `该${TYPE_ZH[type]}已属于您管辖范围以外的单位，不能修改`,
        });
      }
      const parentType = PARENT[type];
      if (parentType && d.parentCode) {
        const k = keyOf(parentType, p.provinceId, d.parentCode);
        const fileRow = rowsByKey.get(`${parentType}|${d.parentCode}`);
        if (good.has(k)) p.parent = { inFile: k };
        else if (fileRow !== undefined) {
          errors.add({
            row: d.row,
            column: '上级编码',
            code: 'PARENT_INVALID',
            message: `上级${TYPE_ZH[parentType]}（第 ${fileRow} 行）有错误，未能导入`,
          });
        } else {
          const dbParent = inDb.get(k);
          if (dbParent) p.parent = { id: dbParent.id };
          else {
            errors.add({
              row: d.row,
              column: '上级编码',
              code: 'PARENT_NOT_FOUND',
              message: `本省找不到编码为“${d.parentCode}”的${TYPE_ZH[parentType]}`,
            });
          }
        }
      }
      if (errors.has(d.row)) continue;
      good.add(keyOf(type, p.provinceId, d.code));
      nodes.push(p);
    }
  }
  return { total, nodes };
}

/** Writes the nodes in the caller's transaction, parents first; existing codes are updated. */
export async function writeNetwork(
  tx: Kysely<DB>,
  nodes: readonly PlacedNode[],
): Promise<{ inserted: number; updated: number }> {
  const ids = new Map<string, string>();
  let inserted = 0;
  let updated = 0;
  for (const type of ['substation', 'feeder', 'transformer'] as const) {
    const rows: NetworkNodeInput[] = nodes
      .filter((n) => n.draft.type === type)
      .map((n) => ({
        id: newId(),
        code: n.draft.code,
        name: n.draft.name,
        areaClass: n.draft.areaClass,
        orgId: n.orgId,
        provinceId: n.provinceId,
        voltageKv: n.draft.voltageKv,
        capacityKva: n.draft.capacityKva,
        lat: n.draft.lat,
        lng: n.draft.lng,
        parentId:
          n.parent === null ? null : 'id' in n.parent ? n.parent.id : ids.get(n.parent.inFile)!,
      }));
    for (let i = 0; i < rows.length; i += 5000) {
      const r = await upsertNetworkNodes(tx, type, rows.slice(i, i + 5000));
      for (const [k, id] of r.ids) ids.set(`${type}|${k}`, id);
      inserted += r.inserted;
      updated += r.updated;
    }
  }
  return { inserted, updated };
}
