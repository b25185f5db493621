import type { ImportRowError } from '../../../../common/schemas/imports.js';
import type { Cell } from '../parse/cells.js';
import { mapHeader, type ColumnDef } from '../parse/columns.js';
import { TableError, type RawRow, type Table } from '../parse/table.js';
import type { UnitByCode } from '../store/lookups.js';

/** Who runs an import, reduced to what the checks need: the scope prefix of their units. */
export interface ImportScope {
  prefix: string;
}

/** The row errors of a file, and the rows they fall on. */
export class RowErrors {
  readonly list: ImportRowError[] = [];
  readonly rows = new Set<number>();

  add(e: ImportRowError): void {
    this.list.push(e);
    this.rows.add(e.row);
  }
  addAll(es: readonly ImportRowError[]): void {
    for (const e of es) this.add(e);
  }
  has(row: number): boolean {
    return this.rows.has(row);
  }
  /** Errors in file order (row, then the order found). */
  sorted(): ImportRowError[] {
    return this.list
      .map((e, i) => [e, i] as const)
      .sort((a, b) => a[0].row - b[0].row || a[1] - b[1])
      .map(([e]) => e);
  }
}

/** Reports progress at most every `every` rows, through a callback that runs its own statement. */
export type Progress = (processed: number, total: number) => Promise<void>;

/**
 * Reads every data row through `read`, which gets a cell accessor by column key. The header must
 * name every required column; a file that does not is refused as a whole.
 */
export async function readRows<K extends string, D>(
  table: Table,
  columns: readonly ColumnDef<K>[],
  read: (
    row: number,
    cell: (key: K) => Cell,
  ) => { draft: D; errors: null } | { draft: null; errors: ImportRowError[] },
  errors: RowErrors,
  progress: Progress,
): Promise<{ drafts: D[]; total: number }> {
  const { index, missing, duplicate } = mapHeader(columns, table.header);
  if (missing.length > 0) throw new TableError(`缺少必填列：${missing.join('、')}`);
  if (duplicate.length > 0) throw new TableError(`列名重复：${duplicate.join('、')}`);
  const drafts: D[] = [];
  let total = 0;
  let raw: RawRow;
  const cells = { current: [] as Cell[] };
  const cell = (key: K): Cell => {
    const i = index.get(key);
    return i === undefined ? null : (cells.current[i] ?? null);
  };
  for await (raw of table.rows) {
    total += 1;
    cells.current = raw.cells;
    const r = read(raw.row, cell);
    if (r.errors === null) drafts.push(r.draft);
    else errors.addAll(r.errors);
    if (total % 2000 === 0) await progress(total, 0);
  }
  return { drafts, total };
}

/** Marks every row whose key repeats another row's (each names the others). */
export function markDuplicates<D extends { row: number }>(
  drafts: readonly D[],
  keyOf: (d: D) => string,
  column: string,
  label: string,
  errors: RowErrors,
): void {
  const seen = new Map<string, number[]>();
  for (const d of drafts) {
    const k = keyOf(d);
    const rows = seen.get(k);
    if (rows) rows.push(d.row);
    else seen.set(k, [d.row]);
  }
  for (const rows of seen.values()) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      const others = rows.filter((r) => r !== row).slice(0, 5);
      errors.add({
        row,
        column,
        code: 'DUPLICATE_IN_FILE',
        message: `${label}与第 ${others.join('、')} 行重复`,
      });
    }
  }
}

/** The unit of a row by its code, or the reason it cannot take the row. */
export function checkUnit(
  units: Map<string, UnitByCode>,
  code: string,
  scope: ImportScope,
): { unit: UnitByCode & { province_id: string } } | { code: string; message: string } {
  const unit = units.get(code.toLowerCase());
  if (!unit) return { code: 'UNIT_NOT_FOUND', message: `找不到编码为“${code}”的供电单位` };
  if (!unit.path.startsWith(scope.prefix)) {
    return { code: 'OUT_OF_SCOPE', message: '该供电单位不在您的管辖范围内' };
  }
  if (!unit.active) return { code: 'UNIT_INACTIVE', message: '该供电单位已停用' };
  if (unit.province_id === null) {
    return { code: 'UNIT_NOT_IN_PROVINCE', message: '该单位不属于任何省公司，不能挂接客户或设备' };
  }
  return { unit: unit as UnitByCode & { province_id: string } };
}

/** Whether two units lie on one branch of the tree (one contains the other). */
export function sameBranch(pathA: string, pathB: string): boolean {
  return pathA.startsWith(pathB) || pathB.startsWith(pathA);
}
