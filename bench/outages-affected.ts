/**
 * Benchmark: the customers an outage affects, for a feeder of BENCH_FEEDER_CUSTOMERS (50,000)
 * customers, on PostgreSQL. Prints JSON lines.
 *   psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE lx_bench_outage'
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/lx_bench_outage npx tsx bench/outages-affected.ts
 *   psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE lx_bench_outage WITH (FORCE)'
 * An empty database first gets the demo territory (BENCH_CUSTOMERS, default 100,000); then the
 * feeder with the most transformers is given BENCH_FEEDER_CUSTOMERS customers (the first ones
 * by id move onto its transformers, round robin) and an outage over it is written. Measured,
 * BENCH_RUNS (30) times each, through the outages store: the count of affected and important
 * customers (what entering or editing an outage does), the first page of the affected list, and
 * "which live outages cover this customer" (what an agent's look-up does).
 * Target (issue 6): affected customers of a 50,000-customer feeder < 200 ms.
 */
import { sql } from 'kysely';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { newId } from '../server/platform/ids.js';
import {
  affectedCustomers,
  countAffected,
  liveOutagesCovering,
} from '../server/modules/outages/index.js';
import { ensureDemo, latencyFigures, load1, requirePostgresUrl } from './orders-support.js';

const url = requirePostgresUrl('outages-affected');
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const FEEDER_CUSTOMERS = Number(process.env.BENCH_FEEDER_CUSTOMERS ?? 50_000);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);

async function timed(n: number, run: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  return latencyFigures(ms);
}

async function main() {
  const demo = await ensureDemo(url, CUSTOMERS);
  const database = await openDatabase({ databaseUrl: url });
  const db = database.db;
  await migrateToLatest(db);
  try {
    const feeder = (
      await sql<{ feeder_id: string; org_id: string; province_id: string; path: string }>`
        SELECT t.feeder_id, f.org_id, f.province_id, u.path
          FROM grid_transformers t JOIN grid_feeders f ON f.id = t.feeder_id
          JOIN org_units u ON u.id = f.org_id
         GROUP BY t.feeder_id, f.org_id, f.province_id, u.path
         ORDER BY count(*) DESC LIMIT 1`.execute(db)
    ).rows[0]!;
    const on = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM customers c JOIN grid_transformers t ON t.id = c.transformer_id
       WHERE t.feeder_id = ${feeder.feeder_id}`.execute(db);
    if (on.rows[0]!.n < FEEDER_CUSTOMERS) {
      await sql`
        WITH ts AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n
                      FROM grid_transformers WHERE feeder_id = ${feeder.feeder_id}),
             cs AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM customers
                     ORDER BY id LIMIT ${FEEDER_CUSTOMERS})
        UPDATE customers c SET transformer_id = ts.id
          FROM cs JOIN ts ON ts.k = cs.k % ts.n
         WHERE c.id = cs.id`.execute(db);
      await sql`ANALYZE customers`.execute(db);
    }
    const customers = (
      await sql<{ n: number; important: number }>`
        SELECT count(*)::int AS n, count(*) FILTER (WHERE c.is_important)::int AS important
          FROM customers c JOIN grid_transformers t ON t.id = c.transformer_id
         WHERE t.feeder_id = ${feeder.feeder_id}`.execute(db)
    ).rows[0]!;
    const outageId = newId();
    await db
      .insertInto('outages')
      .values({
        id: outageId,
        number: `TDBENCH${Date.now()}`,
        category: 'grid_fault',
        state: 'in_progress',
        title: 'bench',
        reason: 'bench',
        area_text: 'bench',
        started_at: new Date(),
        flags: [],
        org_id: feeder.org_id,
        unit_path: feeder.path,
        province_id: feeder.province_id,
      })
      .execute();
    await db
      .insertInto('outage_scope')
      .values({ outage_id: outageId, node_kind: 'feeder', node_id: feeder.feeder_id })
      .execute();
    const someone = (
      await sql<{ id: string }>`
        SELECT c.id FROM customers c JOIN grid_transformers t ON t.id = c.transformer_id
         WHERE t.feeder_id = ${feeder.feeder_id} LIMIT 1`.execute(db)
    ).rows[0]!.id;

    const count = await timed(RUNS, () => countAffected(db, outageId));
    const check = await countAffected(db, outageId);
    const page = await timed(RUNS, () =>
      affectedCustomers(db, outageId, { important: null, limit: 20, offset: 0 }),
    );
    const covering = await timed(RUNS * 10, () => liveOutagesCovering(db, [someone]));
    console.log(
      JSON.stringify({
        bench: 'outages: affected customers of one feeder',
        db: 'postgres',
        demo,
        feederCustomers: customers.n,
        importantCustomers: customers.important,
        counted: check,
        countMs: count,
        firstPageMs: page,
        coveringOneCustomerMs: covering,
        target: 'affected customers of a 50,000-customer feeder < 200 ms',
        met: count.p95 < 200 && page.p95 < 200,
        loadAverage: load1(),
      }),
    );
    await db.deleteFrom('outage_scope').where('outage_id', '=', outageId).execute();
    await db.deleteFrom('outages').where('id', '=', outageId).execute();
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
