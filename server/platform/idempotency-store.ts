import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export async function findIdempotentResponse(tx: Kysely<DB>, actorId: string, key: string) {
  return tx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status', 'response'])
    .where('actor_id', '=', actorId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/**
 * Claims a key in the caller's transaction before the work is done: a concurrent claim of the same
 * key waits on the primary key until this transaction ends, then fails with a unique violation.
 */
export async function claimIdempotencyKey(
  tx: Kysely<DB>,
  row: { actorId: string; key: string; hash: string },
): Promise<void> {
  await tx
    .insertInto('idempotency_keys')
    .values({
      actor_id: row.actorId,
      key: row.key,
      request_hash: row.hash,
      status: 0,
      response: 'null',
    })
    .execute();
}

/** Stores the answer to a claimed key, in the same transaction as the work. */
export async function saveIdempotentResponse(
  tx: Kysely<DB>,
  row: { actorId: string; key: string; status: number; response: unknown },
): Promise<void> {
  await tx
    .updateTable('idempotency_keys')
    .set({ status: row.status, response: JSON.stringify(row.response) })
    .where('actor_id', '=', row.actorId)
    .where('key', '=', row.key)
    .execute();
}
