/**
 * GIN pending lists flushed in the background. A GIN index with fastupdate (the default) takes
 * new entries into a pending list, cheap to append to, and merges it into the index proper once
 * it outgrows gin_pending_list_limit (4 MB). That merge is done by whichever insert crosses the
 * limit, inside its own statement: with orders at 300 a second the order search index's list
 * filled every 15 s, and the group of orders whose insert crossed it waited about 300 ms.
 * Autovacuum's own ANALYZE merges the lists too, but only when an ANALYZE comes due. This loop
 * merges them every few seconds on its own connection, so the lists stay small and no request
 * pays for a merge (an insert that crosses the limit while a merge runs leaves it to the merge).
 */
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { startDrainLoop } from '../jobs/drain-loop.js';
import type { Database } from './database.js';
import type { DB } from './schema.js';

/**
 * Merges the pending list of every GIN index this role owns (one statement) and returns the
 * pages merged, by index name; an index with nothing pending is left out.
 */
export async function flushGinPendingLists(db: Kysely<DB>): Promise<Map<string, number>> {
  const r = await sql<{ name: string; pages: number }>`
    SELECT name, pages FROM (
      SELECT c.relname AS name, gin_clean_pending_list(c.oid::regclass)::int AS pages
        FROM pg_class c
        JOIN pg_am a ON a.oid = c.relam
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind = 'i' AND a.amname = 'gin'
         AND n.nspname NOT IN ('pg_catalog', 'information_schema')
         AND n.nspname NOT LIKE 'pg\_%'
         AND pg_has_role(c.relowner, 'USAGE')
         AND NOT coalesce(c.reloptions @> ARRAY['fastupdate=off'], false)
    ) merged
    WHERE pages > 0`.execute(db);
  return new Map(r.rows.map((x) => [x.name, Number(x.pages)]));
}

/** Starts the loop (every 2 s); returns a stop function that waits for the round in hand. */
export function startGinFlush(opts: {
  database: Database;
  log: FastifyBaseLogger;
  intervalMs?: number;
}): () => Promise<void> {
  return startDrainLoop({
    name: 'GIN pending lists',
    log: opts.log,
    intervalMs: opts.intervalMs ?? 2_000,
    round: async () => {
      await flushGinPendingLists(opts.database.db);
      return false;
    },
  });
}
