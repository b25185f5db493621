import { CompiledQuery, sql, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { DB } from '../../../db/schema.js';

/**
 * A pg-boss client that is never started: it only writes job rows, through the transaction it is
 * handed, so the import row and its job commit together (on PGlite, the one connection is the
 * transaction's, so nothing may go around it).
 */
const sender = new PgBoss({
  db: {
    executeSql: () => Promise.reject(new Error('send jobs through a transaction')),
  },
});

/**
 * Queues a job in the caller's transaction. Without the job tables (a process that never started
 * pg-boss) nothing is queued and the import waits for the sweep; returns whether a job was queued.
 */
export async function sendInTransaction(
  tx: Kysely<DB>,
  name: string,
  data: object,
  options: { expireInSeconds?: number; retryLimit?: number } = {},
): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    SELECT to_regclass('pgboss.job') IS NOT NULL AND to_regclass('pgboss.queue') IS NOT NULL AS ok`.execute(
    tx,
  );
  if (!rows[0]?.ok) return false;
  const id = await sender.send(name, data, {
    ...options,
    db: {
      executeSql: async (text: string, values: unknown[]) => {
        const r = await tx.executeQuery(CompiledQuery.raw(text, values));
        return { rows: r.rows };
      },
    },
  });
  return id !== null;
}
