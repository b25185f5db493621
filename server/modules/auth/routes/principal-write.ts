import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { writeTransaction } from '../../../http/transaction.js';
import { announcePrincipalChange, principalCacheOf } from '../principal-cache.js';

/**
 * A write that may change who a session or token stands for (roles, unit, lock, password, unit
 * paths, revocation): announced to other processes on commit, forgotten here at once.
 */
export async function principalWrite<T>(
  db: Kysely<DB>,
  run: (tx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  try {
    return await writeTransaction(db, async (tx) => {
      const result = await run(tx);
      await announcePrincipalChange(tx);
      return result;
    });
  } finally {
    principalCacheOf(db)?.clear();
  }
}
