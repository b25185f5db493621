import { sql } from 'kysely';
import type { Database } from '../../server/db/database.js';

/**
 * Runs a big load with the secondary indexes of some tables dropped, then builds them again from
 * their own stored definitions (pg_indexes), so the schema ends exactly as the migrations made
 * it, also when the load fails. Indexes behind constraints (primary keys, UNIQUE) stay: the load
 * must still be checked against them. Building a GIN or B-tree index once over a million rows is
 * several times cheaper than maintaining it row by row.
 */
export async function withoutSecondaryIndexes<T>(
  database: Database,
  tables: string[],
  load: () => Promise<T>,
  onRebuild?: () => void,
): Promise<T> {
  const { rows } = await sql<{ name: string; def: string }>`
    SELECT i.indexname AS name, i.indexdef AS def
    FROM pg_indexes i
    JOIN pg_class c ON c.relname = i.indexname
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = i.schemaname
    WHERE i.schemaname = current_schema() AND i.tablename = ANY(${tables}::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)
    ORDER BY i.indexname`.execute(database.db);
  for (const r of rows) await sql`DROP INDEX ${sql.id(r.name)}`.execute(database.db);
  try {
    return await load();
  } finally {
    onRebuild?.();
    // Two at a time, the slow GIN index first so that the B-trees build beside it; each build
    // with room to sort in memory.
    const queue = [...rows].sort(
      (a, b) => Number(/USING gin/i.test(b.def)) - Number(/USING gin/i.test(a.def)),
    );
    const worker = async () => {
      for (let r = queue.shift(); r; r = queue.shift()) {
        const def = r.def;
        await database.db.connection().execute(async (conn) => {
          await sql`SET maintenance_work_mem = '256MB'`.execute(conn);
          await sql.raw(def).execute(conn);
          await sql`RESET maintenance_work_mem`.execute(conn);
        });
      }
    };
    await Promise.all([worker(), worker()]);
    await sql`ANALYZE ${sql.join(tables.map((t) => sql.id(t)))}`.execute(database.db);
  }
}
