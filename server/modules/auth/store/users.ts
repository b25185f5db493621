import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, UsersTable } from '../../../db/schema.js';
import { underPrefix } from './units.js';

export type UserRow = Selectable<UsersTable>;
export type UserWithUnit = UserRow & { unit_name: string; unit_path: string; unit_active: boolean };

function withUnit(tx: Kysely<DB>) {
  return tx
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_id')
    .selectAll('u')
    .select(['o.name as unit_name', 'o.path as unit_path', 'o.active as unit_active']);
}

export async function getUser(tx: Kysely<DB>, id: string): Promise<UserWithUnit | undefined> {
  return withUnit(tx).where('u.id', '=', id).executeTakeFirst();
}

export async function getUserForUpdate(
  tx: Kysely<DB>,
  id: string,
): Promise<UserWithUnit | undefined> {
  return withUnit(tx).where('u.id', '=', id).forUpdate(['u']).executeTakeFirst();
}

export async function findUserByUsernameForUpdate(
  tx: Kysely<DB>,
  username: string,
): Promise<UserWithUnit | undefined> {
  return withUnit(tx)
    .where(sql`lower(u.username)`, '=', username.toLowerCase())
    .forUpdate(['u'])
    .executeTakeFirst();
}

export async function usernameExists(tx: Kysely<DB>, username: string): Promise<boolean> {
  const r = await tx
    .selectFrom('users')
    .select('id')
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
  return r !== undefined;
}

export interface UserFilter {
  prefix: string;
  q?: string | undefined;
  role?: string | undefined;
  /** Only the users of this one unit, not its descendants. */
  unitId?: string | undefined;
  page: number;
  pageSize: number;
}

/** Users whose unit lies under the prefix, newest first, with the total for paging. */
export async function listUsers(
  tx: Kysely<DB>,
  f: UserFilter,
): Promise<{ rows: UserWithUnit[]; total: number }> {
  let q = withUnit(tx).where('o.path', 'like', underPrefix(f.prefix));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, '\\$&')}%`;
    q = q.where((eb) =>
      eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'ilike', like)]),
    );
  }
  if (f.role) q = q.where(sql<boolean>`${f.role} = ANY(u.roles)`);
  if (f.unitId) q = q.where('u.org_id', '=', f.unitId);
  const [rows, total] = await Promise.all([
    q
      .orderBy('u.username')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export async function insertUser(
  tx: Kysely<DB>,
  row: Pick<
    UserRow,
    | 'id'
    | 'username'
    | 'display_name'
    | 'password_hash'
    | 'roles'
    | 'org_id'
    | 'province_id'
    | 'phone'
    | 'email'
    | 'must_change_password'
  >,
): Promise<void> {
  await tx.insertInto('users').values(row).execute();
}

export type UserPatch = Partial<
  Pick<
    UserRow,
    | 'display_name'
    | 'roles'
    | 'org_id'
    | 'province_id'
    | 'phone'
    | 'email'
    | 'disabled'
    | 'failed_logins'
    | 'locked_until'
    | 'password_hash'
    | 'must_change_password'
    | 'password_changed_at'
    | 'last_login_at'
  >
>;

/** Updates a user; with a version, only when it still matches (optimistic locking). */
export async function updateUser(
  tx: Kysely<DB>,
  id: string,
  patch: UserPatch,
  version?: number,
): Promise<boolean> {
  let q = tx
    .updateTable('users')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id);
  if (version !== undefined) q = q.where('version', '=', version);
  const r = await q.executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Login bookkeeping that is not an edit by a person: no version bump. */
export async function setLoginState(
  tx: Kysely<DB>,
  id: string,
  patch: Pick<UserPatch, 'failed_logins' | 'locked_until' | 'last_login_at'>,
): Promise<void> {
  await tx.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function countActiveUsersUnder(tx: Kysely<DB>, prefix: string): Promise<number> {
  const r = await tx
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('o.path', 'like', underPrefix(prefix))
    .where('u.disabled', '=', false)
    .executeTakeFirstOrThrow();
  return r.n;
}

/** After a subtree moved to another province, its people follow. */
export async function setProvinceOfUsersIn(
  tx: Kysely<DB>,
  unitIds: string[],
  provinceId: string | null,
): Promise<void> {
  if (unitIds.length === 0) return;
  await tx
    .updateTable('users')
    .set({ province_id: provinceId })
    .where('org_id', 'in', unitIds)
    .execute();
}
