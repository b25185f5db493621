import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { testDatabase } from './test-helpers.js';
import {
  readTableActivity,
  runUpkeep,
  MIN_INTERVAL_MS,
  tablesDue,
  upkeepNeeded,
  type TableActivity,
} from './table-upkeep.js';

const table = (over: Partial<TableActivity>): TableActivity => ({
  schema: 'public',
  table: 'orders',
  modifiedSinceAnalyze: 0,
  deadRows: 0,
  insertedSinceVacuum: 0,
  reltuples: 1000,
  liveRows: 1000,
  options: [],
  lastAnalyzedAt: null,
  lastVacuumedAt: null,
  ...over,
});

describe('tablesDue (autovacuum rule)', () => {
  it('analyses past 50 + 10 % of the rows, and not before', () => {
    expect(tablesDue([table({ modifiedSinceAnalyze: 150 })])).toEqual([]);
    expect(tablesDue([table({ modifiedSinceAnalyze: 151 })])).toEqual([
      { schema: 'public', table: 'orders', vacuum: false },
    ]);
  });

  it('vacuums past 50 + 20 % dead rows', () => {
    expect(tablesDue([table({ deadRows: 250 })])).toEqual([]);
    expect(tablesDue([table({ deadRows: 251 })])).toEqual([
      { schema: 'public', table: 'orders', vacuum: true },
    ]);
  });

  it('vacuums for inserts alone only a table that sets an insert rule', () => {
    expect(tablesDue([table({ insertedSinceVacuum: 1e6, modifiedSinceAnalyze: 100 })])).toEqual([]);
    const calls = [
      'autovacuum_vacuum_insert_scale_factor=0',
      'autovacuum_vacuum_insert_threshold=10000',
    ];
    expect(
      tablesDue([table({ reltuples: 1e6, insertedSinceVacuum: 10_001, options: calls })]),
    ).toHaveLength(1);
    expect(
      tablesDue([table({ reltuples: 1e6, insertedSinceVacuum: 10_000, options: calls })]),
    ).toEqual([]);
  });

  it('takes a never-analysed table at its live rows: an empty table grown to 10,000 is due', () => {
    expect(
      tablesDue([table({ reltuples: -1, liveRows: 10_000, modifiedSinceAnalyze: 10_000 })]),
    ).toHaveLength(1);
    // Analysed while empty: 0 rows, so 51 changes are enough.
    expect(
      tablesDue([table({ reltuples: 0, liveRows: 51, modifiedSinceAnalyze: 51 })]),
    ).toHaveLength(1);
  });

  it("follows a table's own settings, and leaves alone a table with autovacuum turned off", () => {
    const own = ['autovacuum_analyze_scale_factor=0.01', 'autovacuum_analyze_threshold=0'];
    expect(tablesDue([table({ modifiedSinceAnalyze: 11, options: own })])).toHaveLength(1);
    expect(tablesDue([table({ modifiedSinceAnalyze: 10, options: own })])).toEqual([]);
    expect(
      tablesDue([
        table({ modifiedSinceAnalyze: 1e6, deadRows: 1e6, options: ['autovacuum_enabled=false'] }),
      ]),
    ).toEqual([]);
  });
});

describe('tablesDue (pacing)', () => {
  const now = new Date('2026-11-24T10:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('looks after a table at most once a minute', () => {
    const recent = { lastAnalyzedAt: ago(MIN_INTERVAL_MS - 1000), modifiedSinceAnalyze: 500 };
    expect(tablesDue([table(recent)], now)).toEqual([]);
    expect(
      tablesDue([table({ ...recent, lastAnalyzedAt: ago(MIN_INTERVAL_MS) })], now),
    ).toHaveLength(1);
    const vacuumed = { lastVacuumedAt: ago(5000), lastAnalyzedAt: ago(5000), deadRows: 900 };
    expect(tablesDue([table(vacuumed)], now)).toEqual([]);
    expect(
      tablesDue([table({ ...vacuumed, lastVacuumedAt: ago(MIN_INTERVAL_MS + 1) })], now),
    ).toEqual([{ schema: 'public', table: 'orders', vacuum: true }]);
  });

  it('analyses at once a table grown past twice what its statistics know', () => {
    const grown = { lastAnalyzedAt: ago(1000), reltuples: 1000, modifiedSinceAnalyze: 1001 };
    expect(tablesDue([table(grown)], now)).toEqual([
      { schema: 'public', table: 'orders', vacuum: false },
    ]);
    expect(tablesDue([table({ ...grown, modifiedSinceAnalyze: 1000 })], now)).toEqual([]);
    // Analysed while empty: 51 new rows are enough, however recent the ANALYZE.
    expect(
      tablesDue(
        [table({ lastAnalyzedAt: ago(1000), reltuples: 0, modifiedSinceAnalyze: 51 })],
        now,
      ),
    ).toHaveLength(1);
  });
});

describe('table upkeep on the database', () => {
  let database: Database;
  const name = `upkeep_probe_${Date.now().toString(36)}`;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(async () => {
    await sql`DROP TABLE IF EXISTS ${sql.id(name)}`.execute(database.db);
    await database.close();
  });

  it('is needed on PGlite always, on a server only with autovacuum off', async () => {
    const needed = await upkeepNeeded(database.db, database.kind);
    if (database.kind === 'embedded') expect(needed).toBe(true);
    else {
      const r = await sql<{ av: string }>`SELECT current_setting('autovacuum') AS av`.execute(
        database.db,
      );
      expect(needed).toBe(r.rows[0]!.av === 'off');
    }
  });

  it('sees a table that grew since its last ANALYZE and brings its statistics up to date', async () => {
    await database.db.connection().execute(async (db) => {
      await sql`CREATE TABLE ${sql.id(name)} (id int PRIMARY KEY, v text)`.execute(db);
      await sql`ANALYZE ${sql.id(name)}`.execute(db);
      await sql`INSERT INTO ${sql.id(name)} SELECT g, 'x' FROM generate_series(1, 2000) g`.execute(
        db,
      );
      await sql`DELETE FROM ${sql.id(name)} WHERE id <= 500`.execute(db);
      // This backend's counters reach the shared statistics when it next goes idle.
      await sql`SELECT pg_stat_force_next_flush()`.execute(db);
      const mine = (await readTableActivity(db, database.kind)).filter((t) => t.table === name);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.modifiedSinceAnalyze).toBe(2500);
      expect(mine[0]!.reltuples).toBe(0);
      const steps = tablesDue(mine);
      expect(steps).toEqual([{ schema: 'public', table: name, vacuum: true }]);
      await runUpkeep(db, steps, database.kind);
      const after = await sql<{ reltuples: number }>`
        SELECT reltuples::float8 AS reltuples FROM pg_class WHERE relname = ${name}`.execute(db);
      expect(Number(after.rows[0]!.reltuples)).toBe(1500);
      await sql`SELECT pg_stat_force_next_flush()`.execute(db);
      const again = (await readTableActivity(db, database.kind)).filter((t) => t.table === name);
      expect(again[0]!.modifiedSinceAnalyze).toBe(0);
      expect(tablesDue(again)).toEqual([]);
    });
  });
});
