/**
 * What follows a unit when it moves in the organisation tree. Rows owned by units keep a copy of
 * their unit's path (`unit_path`, the scope filter every list uses with a prefix index) and often
 * of its province (`province_id`). When a subtree moves, those copies must follow, or the rows
 * fall out of the scope of the very people who own them (and stay in the old parent's).
 *
 * The tables are found in the catalogue, not listed here: every module's table with a
 * `unit_path` column follows the convention, and a table added later is covered without anyone
 * remembering this file. Only history stays as it was: the audit log (append-only) and outbox
 * messages already written. org_units and users are rewritten by the auth module itself.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

/** Tables whose province is not a copy of their owner's, or that another step rewrites. */
const PROVINCE_KEPT = new Set(['audit_log', 'outbox', 'org_units', 'users']);

interface OwnedTable {
  table: string;
  unitPath: boolean;
  orgId: boolean;
  provinceId: boolean;
}

/** The base tables of the current schema with a unit_path, or an org_id and a province_id. */
async function ownedTables(tx: Kysely<DB>): Promise<OwnedTable[]> {
  const r = await sql<{ table: string; cols: string[] }>`
    SELECT c.table_name AS table, array_agg(c.column_name::text ORDER BY c.column_name) AS cols
      FROM information_schema.columns c
      JOIN information_schema.tables t
        ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
       AND c.column_name IN ('unit_path', 'org_id', 'province_id')
     GROUP BY c.table_name
     ORDER BY c.table_name`.execute(tx);
  return r.rows.map((x) => ({
    table: x.table,
    unitPath: x.cols.includes('unit_path'),
    orgId: x.cols.includes('org_id'),
    provinceId: x.cols.includes('province_id'),
  }));
}

const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * Rewrites the copies of a moved subtree's paths (`oldPrefix` → `newPrefix`) in every owned
 * table, and its province when that changed (rows of the moved units, `movedIds`). Runs in the
 * move's transaction. Answers the rows changed per table (tables with none left out), for the
 * move's audit row. Versions are not bumped: the rows themselves did not change, and a form open
 * on one of them must not be refused for it.
 */
export async function followUnitMove(
  tx: Kysely<DB>,
  move: {
    oldPrefix: string;
    newPrefix: string;
    movedIds: readonly string[];
    /** The subtree's province after the move, when it differs from before. */
    newProvinceId?: string | null;
  },
): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  const count = (table: string, n: bigint | number | undefined) => {
    if (n && Number(n) > 0) changed[table] = (changed[table] ?? 0) + Number(n);
  };
  const reprovince = move.newProvinceId !== undefined && move.movedIds.length > 0;
  for (const t of await ownedTables(tx)) {
    const name = sql.id(t.table);
    if (t.unitPath) {
      const r = await sql`
        UPDATE ${name}
           SET unit_path = ${move.newPrefix} || substr(unit_path, ${move.oldPrefix.length + 1})
         WHERE unit_path LIKE ${likePrefix(move.oldPrefix)}`.execute(tx);
      count(t.table, r.numAffectedRows);
    }
    if (!reprovince || !t.provinceId || PROVINCE_KEPT.has(t.table)) continue;
    const whose = t.unitPath
      ? sql`unit_path LIKE ${likePrefix(move.newPrefix)}`
      : t.orgId
        ? sql`org_id = ANY(${[...move.movedIds]}::uuid[])`
        : null;
    if (!whose) continue;
    const r = await sql`
      UPDATE ${name} SET province_id = ${move.newProvinceId ?? null}
       WHERE ${whose} AND province_id IS DISTINCT FROM ${move.newProvinceId ?? null}::uuid`.execute(
      tx,
    );
    // A row whose path moved is counted once, not twice.
    if (!t.unitPath) count(t.table, r.numAffectedRows);
  }
  return changed;
}
