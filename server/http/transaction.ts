import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** PostgreSQL's unique_violation. */
export const isUniqueViolation = (e: unknown): boolean =>
  (e as { code?: string } | null)?.code === '23505';

/**
 * Runs a write in one transaction. A unique violation means a concurrent twin committed the same
 * code, username or idempotency key first; one more run, in a new transaction, lets the service's
 * own checks see it and answer (a 409, or the replay of the first answer) instead of a 500.
 */
export async function writeTransaction<T>(
  db: Kysely<DB>,
  run: (tx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(run);
  } catch (e) {
    if (isUniqueViolation(e)) return db.transaction().execute(run);
    throw e;
  }
}
