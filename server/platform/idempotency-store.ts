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

export async function saveIdempotentResponse(
  tx: Kysely<DB>,
  row: { actorId: string; key: string; hash: string; status: number; response: unknown },
): Promise<void> {
  await tx
    .insertInto('idempotency_keys')
    .values({
      actor_id: row.actorId,
      key: row.key,
      request_hash: row.hash,
      status: row.status,
      response: JSON.stringify(row.response),
    })
    .execute();
}
