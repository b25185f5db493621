import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, OrgUnitsTable } from '../../../db/schema.js';

export type UnitRow = Selectable<OrgUnitsTable>;
export type UnitRowWithCount = UnitRow & { user_count: number };

/** A LIKE pattern matching every path under (and including) the prefix. */
export function underPrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, '\\$&')}%`;
}

export async function getUnit(tx: Kysely<DB>, id: string): Promise<UnitRow | undefined> {
  return tx.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getUnitForUpdate(tx: Kysely<DB>, id: string): Promise<UnitRow | undefined> {
  return tx.selectFrom('org_units').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function getUnitWithCount(
  tx: Kysely<DB>,
  id: string,
): Promise<UnitRowWithCount | undefined> {
  return tx
    .selectFrom('org_units as u')
    .selectAll('u')
    .select((eb) =>
      eb
        .selectFrom('users')
        .whereRef('users.org_id', '=', 'u.id')
        .where('users.disabled', '=', false)
        .select(sql<number>`count(*)::int`.as('n'))
        .as('user_count'),
    )
    .where('u.id', '=', id)
    .executeTakeFirst() as Promise<UnitRowWithCount | undefined>;
}

/** Units whose path starts with the prefix, parents before children, with active-user counts. */
export async function listUnitsUnder(
  tx: Kysely<DB>,
  prefix: string,
  includeInactive: boolean,
): Promise<UnitRowWithCount[]> {
  let q = tx
    .selectFrom('org_units as u')
    .selectAll('u')
    .select((eb) =>
      eb
        .selectFrom('users')
        .whereRef('users.org_id', '=', 'u.id')
        .where('users.disabled', '=', false)
        .select(sql<number>`count(*)::int`.as('n'))
        .as('user_count'),
    )
    .where('u.path', 'like', underPrefix(prefix));
  if (!includeInactive) q = q.where('u.active', '=', true);
  return q.orderBy('u.depth').orderBy('u.code').execute() as Promise<UnitRowWithCount[]>;
}

export async function findUnitByCode(tx: Kysely<DB>, code: string): Promise<UnitRow | undefined> {
  return tx
    .selectFrom('org_units')
    .selectAll()
    .where(sql`lower(code)`, '=', code.toLowerCase())
    .executeTakeFirst();
}

export async function insertUnit(
  tx: Kysely<DB>,
  row: Omit<UnitRow, 'active' | 'version' | 'created_at' | 'updated_at'>,
): Promise<UnitRow> {
  return tx.insertInto('org_units').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version matches; undefined means someone else changed it first. */
export async function updateUnit(
  tx: Kysely<DB>,
  id: string,
  version: number,
  patch: Partial<Pick<UnitRow, 'name' | 'code' | 'kind' | 'active'>>,
): Promise<UnitRow | undefined> {
  return tx
    .updateTable('org_units')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Rewrites the paths, depths and province of a whole subtree after its root moved. */
export async function moveSubtree(
  tx: Kysely<DB>,
  args: { oldPrefix: string; newPrefix: string; depthDelta: number; provinceId: string | null },
): Promise<string[]> {
  const rows = await tx
    .updateTable('org_units')
    .set({
      path: sql`${args.newPrefix} || substr(path, ${args.oldPrefix.length + 1})`,
      depth: sql`depth + ${args.depthDelta}`,
      province_id: args.provinceId,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('path', 'like', underPrefix(args.oldPrefix))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function setParent(tx: Kysely<DB>, id: string, parentId: string): Promise<void> {
  await tx.updateTable('org_units').set({ parent_id: parentId }).where('id', '=', id).execute();
}

/** Deactivates every unit in the subtree; returns the ids changed. */
export async function deactivateSubtree(tx: Kysely<DB>, prefix: string): Promise<string[]> {
  const rows = await tx
    .updateTable('org_units')
    .set({ active: false, version: sql`version + 1`, updated_at: sql`now()` })
    .where('path', 'like', underPrefix(prefix))
    .where('active', '=', true)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
