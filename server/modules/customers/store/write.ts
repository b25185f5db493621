import { sql, type Kysely, type Updateable } from 'kysely';
import type { CustomersTable, DB } from '../../../db/schema.js';
import { searchVectorSql } from '../search-tokens.js';

/** The columns an edit may change (search_vec is recomputed by the caller's words). */
export type CustomerPatch = Omit<
  Updateable<CustomersTable>,
  'id' | 'version' | 'created_at' | 'updated_at' | 'search_vec' | 'province_id'
>;

/** Locks the row for an edit; undefined when it does not exist. */
export async function lockCustomer(tx: Kysely<DB>, id: string) {
  return tx
    .selectFrom('customers')
    .select(['id', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Applies an edit if the version still matches; false when someone else changed it first. */
export async function updateCustomerRow(
  tx: Kysely<DB>,
  id: string,
  version: number,
  patch: CustomerPatch,
  words: { name: string[]; address: string[] },
): Promise<boolean> {
  const res = await tx
    .updateTable('customers')
    .set({
      ...patch,
      search_vec: searchVectorSql(words.name, words.address),
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/** Replaces a customer's phones (normalised digits) in the given order. */
export async function replacePhones(
  tx: Kysely<DB>,
  customerId: string,
  phones: { phone: string; label: string }[],
): Promise<void> {
  await tx.deleteFrom('customer_phones').where('customer_id', '=', customerId).execute();
  if (phones.length === 0) return;
  await tx
    .insertInto('customer_phones')
    .values(
      phones.map((p, i) => ({
        customer_id: customerId,
        phone: p.phone,
        label: p.label,
        position: i,
      })),
    )
    .execute();
}

/** Whether a 户号 is already used in the province. */
export async function accountNoExists(
  tx: Kysely<DB>,
  provinceId: string,
  accountNo: string,
): Promise<boolean> {
  const row = await tx
    .selectFrom('customers')
    .select('id')
    .where('province_id', '=', provinceId)
    .where('account_no', '=', accountNo)
    .executeTakeFirst();
  return row !== undefined;
}

export interface HistoryInsert {
  id: string;
  customerId: string;
  action: string;
  changes: Record<string, [unknown, unknown]>;
  actorId: string | null;
  actorName: string | null;
}

export async function insertHistory(tx: Kysely<DB>, h: HistoryInsert): Promise<void> {
  await tx
    .insertInto('customer_history')
    .values({
      id: h.id,
      customer_id: h.customerId,
      action: h.action,
      changes: JSON.stringify(h.changes),
      actor_id: h.actorId,
      actor_name: h.actorName,
    })
    .execute();
}

export async function listHistory(
  tx: Kysely<DB>,
  customerId: string,
  page: { page: number; pageSize: number },
) {
  const [rows, total] = await Promise.all([
    tx
      .selectFrom('customer_history')
      .select(['id', 'action', 'changes', 'actor_name', 'at'])
      .where('customer_id', '=', customerId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    tx
      .selectFrom('customer_history')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('customer_id', '=', customerId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** The transformer with its owning unit's path, to check it belongs to the customer's unit. */
export async function transformerUnitPath(
  tx: Kysely<DB>,
  transformerId: string,
): Promise<{ path: string; province_id: string } | undefined> {
  return tx
    .selectFrom('grid_transformers as t')
    .innerJoin('org_units as o', 'o.id', 't.org_id')
    .select(['o.path', 't.province_id'])
    .where('t.id', '=', transformerId)
    .executeTakeFirst();
}

export async function unitForCustomer(tx: Kysely<DB>, unitId: string) {
  return tx
    .selectFrom('org_units')
    .select(['id', 'path', 'province_id', 'active', 'level'])
    .where('id', '=', unitId)
    .executeTakeFirst();
}
