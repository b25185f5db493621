import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** A unit as the importer needs it: where it sits (for scope) and its province. */
export interface UnitByCode {
  id: string;
  code: string;
  path: string;
  province_id: string | null;
  active: boolean;
}

/** Units by code (codes are unique, case-insensitive); the map key is the lower-cased code. */
export async function unitsByCode(
  tx: Kysely<DB>,
  codes: readonly string[],
): Promise<Map<string, UnitByCode>> {
  const map = new Map<string, UnitByCode>();
  if (codes.length === 0) return map;
  const lower = [...new Set(codes.map((c) => c.toLowerCase()))];
  const rows = await tx
    .selectFrom('org_units')
    .select(['id', 'code', 'path', 'province_id', 'active'])
    .where(sql<string>`lower(code)`, '=', sql<string>`ANY(${lower}::text[])`)
    .execute();
  for (const r of rows) map.set(r.code.toLowerCase(), r);
  return map;
}

/** Customers that already have one of these 户号, with the path of their unit. */
export async function existingAccounts(
  tx: Kysely<DB>,
  accountNos: readonly string[],
): Promise<{ account_no: string; province_id: string; unit_path: string }[]> {
  if (accountNos.length === 0) return [];
  return tx
    .selectFrom('customers as c')
    .innerJoin('org_units as o', 'o.id', 'c.org_id')
    .select(['c.account_no', 'c.province_id', 'o.path as unit_path'])
    .where('c.account_no', '=', sql<string>`ANY(${accountNos}::text[])`)
    .execute();
}

/** The importer as the job sees them: roles, unit and province. */
export async function importerOf(
  tx: Kysely<DB>,
  userId: string,
): Promise<
  | {
      id: string;
      username: string;
      roles: string[];
      disabled: boolean;
      unit_path: string;
      province_id: string | null;
    }
  | undefined
> {
  return tx
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.username', 'u.roles', 'u.disabled', 'o.path as unit_path', 'u.province_id'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

/** Writes the customers' history rows of an import in one statement. */
export async function insertImportHistory(
  tx: Kysely<DB>,
  rows: { id: string; customerId: string; changes: string }[],
  actor: { id: string; name: string },
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO customer_history (id, customer_id, action, changes, actor_id, actor_name)
    SELECT u.id, u.customer_id, 'import', u.changes::jsonb, ${actor.id}::uuid, ${actor.name}
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.customerId)}::uuid[],
      ${rows.map((r) => r.changes)}::text[]) AS u(id, customer_id, changes)`.execute(tx);
}
