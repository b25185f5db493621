import type { Kysely, Updateable } from 'kysely';
import type { DB, OrdersTable } from '../../../db/schema.js';

/** Writes an action's changes to the order and bumps its version. */
export async function updateOrder(
  tx: Kysely<DB>,
  id: string,
  version: number,
  patch: Updateable<OrdersTable>,
): Promise<void> {
  await tx
    .updateTable('orders')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .execute();
}
