import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { flushGinPendingLists } from './gin-pending-lists.js';
import { testDatabase } from './test-helpers.js';

describe('GIN pending lists', () => {
  let database: Database;
  const name = `gin_probe_${Date.now().toString(36)}`;
  const index = `${name}_idx`;
  const off = `${name}_nofast_idx`;
  beforeAll(async () => {
    database = await testDatabase();
    const db = database.db;
    await sql`CREATE TABLE ${sql.id(name)} (id int PRIMARY KEY, words tsvector)`.execute(db);
    // A limit far above what the test writes: no insert merges the list on its own.
    await sql`CREATE INDEX ${sql.id(index)} ON ${sql.id(name)} USING gin (words)
                WITH (fastupdate = on, gin_pending_list_limit = 65536)`.execute(db);
    await sql`CREATE INDEX ${sql.id(off)} ON ${sql.id(name)} USING gin (words)
                WITH (fastupdate = off)`.execute(db);
  });
  afterAll(async () => {
    await sql`DROP TABLE IF EXISTS ${sql.id(name)}`.execute(database.db);
    await database.close();
  });

  it('merges what inserts left pending, once, and the index still finds every row', async () => {
    const db = database.db;
    await sql`INSERT INTO ${sql.id(name)}
                SELECT g, to_tsvector('simple', 'unit' || (g % 50) || ' word' || g)
                  FROM generate_series(1, 3000) g`.execute(db);
    const first = await flushGinPendingLists(db);
    expect(first.get(index)).toBeGreaterThan(0);
    // An index without a pending list has nothing to merge.
    expect(first.has(off)).toBe(false);
    const second = await flushGinPendingLists(db);
    expect(second.has(index)).toBe(false);
    await db.connection().execute(async (c) => {
      await sql`SET enable_seqscan = off`.execute(c);
      const r = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM ${sql.id(name)}
         WHERE words @@ to_tsquery('simple', 'unit7')`.execute(c);
      await sql`RESET enable_seqscan`.execute(c);
      expect(r.rows[0]!.n).toBe(60);
    });
  });
});
