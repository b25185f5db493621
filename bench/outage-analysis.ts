/**
 * Benchmark: the trouble-call analysis (故障研判) per incoming fault call, on a territory of
 * BENCH_TRANSFORMERS (100,000) transformers on PostgreSQL. Prints JSON lines.
 *   psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE lx_bench_analysis'
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/lx_bench_analysis npx tsx bench/outage-analysis.ts
 *   psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE lx_bench_analysis WITH (FORCE)'
 * An empty database first gets the demo territory (BENCH_CUSTOMERS, default 20,000 customers),
 * then bulk SQL grows its network to BENCH_TRANSFORMERS transformers (32 per 10 kV feeder, on the
 * demo's substations) with BENCH_CUSTOMERS_PER_TRANSFORMER (20) customers each. Measured:
 * 1. throughput: a storm's backlog of BENCH_CALLS (20,000) fault calls from the last 30 minutes
 *    (half from BENCH_FAILED_FEEDERS failed feeders, 30 % from failed transformers, 20 % noise
 *    anywhere), drained by the analysis loop's own function (analyseNewCalls, batches of
 *    BENCH_BATCH = 200): ms per call and calls per second;
 * 2. latency: BENCH_SINGLE (500) calls one at a time, each analysed alone as the loop does when
 *    calls trickle in (a batch of one): p50/p95/p99 per call.
 * Orders and trouble calls are written by bulk SQL (the intake is measured by orders-create).
 * Target (issue 6): analysis ≤ 5 ms per incoming fault call.
 */
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import type { DB } from '../server/db/schema.js';
import { analyseNewCalls } from '../server/modules/outages/index.js';
import { ensureDemo, latencyFigures, load1, requirePostgresUrl } from './orders-support.js';

const url = requirePostgresUrl('outage-analysis');
const TRANSFORMERS = Number(process.env.BENCH_TRANSFORMERS ?? 100_000);
const PER_TRANSFORMER = Number(process.env.BENCH_CUSTOMERS_PER_TRANSFORMER ?? 20);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 20_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 20_000);
const FAILED_FEEDERS = Number(process.env.BENCH_FAILED_FEEDERS ?? 200);
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const SINGLE = Number(process.env.BENCH_SINGLE ?? 500);
const TARGET_MS = 5;
const FEEDER_SIZE = 32;

/** Grows the demo network to TRANSFORMERS transformers, with customers on the new ones. */
async function growNetwork(db: Kysely<DB>): Promise<number> {
  const have = Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM grid_transformers`.execute(db))
      .rows[0]!.n,
  );
  const missing = TRANSFORMERS - have;
  if (missing <= 0) return have;
  const feeders = Math.ceil(missing / FEEDER_SIZE);
  await sql`
    CREATE TEMP TABLE b_subs AS
      SELECT row_number() OVER (ORDER BY s.id)::int AS i, s.id, s.org_id, s.province_id, s.area_class
        FROM grid_substations s`.execute(db);
  await sql`
    INSERT INTO grid_feeders (id, substation_id, code, name, voltage_kv, area_class, org_id,
                              province_id)
    SELECT gen_random_uuid(), s.id, 'BF' || g, '10kV扩展' || g || '线', 10, s.area_class, s.org_id,
           s.province_id
      FROM generate_series(1, ${feeders}) g
      JOIN b_subs s ON s.i = 1 + g % (SELECT count(*) FROM b_subs)`.execute(db);
  await sql`
    INSERT INTO grid_transformers (id, feeder_id, code, name, capacity_kva, area_class, lat, lng,
                                   org_id, province_id)
    SELECT gen_random_uuid(), f.id, f.code || '-T' || k, f.name || '#' || k || '台区', 400,
           f.area_class, NULL, NULL, f.org_id, f.province_id
      FROM grid_feeders f, generate_series(1, ${FEEDER_SIZE}) k
     WHERE f.code LIKE 'BF%'`.execute(db);
  // Customers in slices: one statement for millions of rows would hold too much at once.
  const ts = await sql<{ id: string; org_id: string; province_id: string }>`
    SELECT t.id, t.org_id, t.province_id FROM grid_transformers t
     WHERE t.code LIKE 'BF%' ORDER BY t.id`.execute(db);
  for (let i = 0; i < ts.rows.length; i += 5000) {
    const slice = ts.rows.slice(i, i + 5000);
    await sql`
      INSERT INTO customers (id, account_no, name, customer_class, org_id, province_id,
                             transformer_id)
      SELECT gen_random_uuid(), 'B' || x.id || '-' || k, '扩展客户', 'resident', x.org_id,
             x.province_id, x.id
        FROM unnest(${slice.map((t) => t.id)}::uuid[], ${slice.map((t) => t.org_id)}::uuid[],
                    ${slice.map((t) => t.province_id)}::uuid[]) AS x(id, org_id, province_id),
             generate_series(1, ${PER_TRANSFORMER}) k`.execute(db);
  }
  await sql`ANALYZE grid_feeders`.execute(db);
  await sql`ANALYZE grid_transformers`.execute(db);
  await sql`ANALYZE customers`.execute(db);
  return TRANSFORMERS;
}

/** Removes what an earlier run of this benchmark wrote (orders, calls, predictions). */
async function clean(db: Kysely<DB>) {
  await sql`DELETE FROM outage_prediction_calls`.execute(db);
  await sql`DELETE FROM outage_predictions`.execute(db);
  await sql`DELETE FROM trouble_calls tc USING orders o
             WHERE o.id = tc.order_id AND o.number LIKE 'BENCH%'`.execute(db);
  await sql`DELETE FROM orders WHERE number LIKE 'BENCH%'`.execute(db);
}

let seq = 0;
/**
 * Writes fault orders (bulk SQL, the fields the analysis needs) and their trouble calls for the
 * customers given, at the times given.
 */
async function writeCalls(db: Kysely<DB>, calls: { customerId: string; at: Date }[]) {
  if (calls.length === 0) return;
  const numbers = calls.map(() => `BENCH${String(++seq).padStart(9, '0')}`);
  await sql`
    WITH agent AS (SELECT u.id, u.org_id FROM users u WHERE u.username = 'agent01'),
    tax AS (SELECT max(version) AS v FROM order_taxonomies),
    x AS (
      SELECT gen_random_uuid() AS id, x.number, x.customer_id, x.at
        FROM unnest(${numbers}::text[], ${calls.map((c) => c.customerId)}::uuid[],
                    ${calls.map((c) => c.at.toISOString())}::timestamptz[])
          AS x(number, customer_id, at)),
    o AS (
      INSERT INTO orders (id, number, taxonomy_version, type_code, subtype_code, channel, state,
                          title, description, customer_id, callback_required, transformer_id,
                          accepted_at, accepted_by, accepted_unit_id, owner_id, unit_path,
                          search_vec, org_id, province_id)
      SELECT x.id, x.number, tax.v, 'fault', 'lv_fault', 'phone', 'dispatched', '家中停电',
             '客户反映停电', c.id, true, c.transformer_id, x.at, agent.id, agent.org_id, agent.id,
             u.path, ''::tsvector, t.org_id, t.province_id
        FROM x JOIN customers c ON c.id = x.customer_id
        JOIN grid_transformers t ON t.id = c.transformer_id
        JOIN org_units u ON u.id = t.org_id, agent, tax
      RETURNING id, customer_id, transformer_id, accepted_at, unit_path, province_id)
    INSERT INTO trouble_calls (order_id, at, customer_id, transformer_id, feeder_id, province_id,
                               unit_path)
    SELECT o.id, o.accepted_at, o.customer_id, o.transformer_id, t.feeder_id, o.province_id,
           o.unit_path
      FROM o JOIN grid_transformers t ON t.id = o.transformer_id`.execute(db);
}

const pickN = <T>(xs: T[], n: number) => {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(xs[Math.floor(Math.random() * xs.length)]!);
  return out;
};

async function main() {
  const demo = await ensureDemo(url, CUSTOMERS);
  const database = await openDatabase({ databaseUrl: url });
  const db = database.db;
  await migrateToLatest(db);
  try {
    const t0 = performance.now();
    const transformers = await growNetwork(db);
    const growS = Math.round((performance.now() - t0) / 100) / 10;
    await clean(db);
    const feeders = (
      await sql<{ id: string }>`
        SELECT f.id FROM grid_feeders f
         WHERE (SELECT count(*) FROM grid_transformers t WHERE t.feeder_id = f.id) >= 8
         ORDER BY random() LIMIT ${FAILED_FEEDERS}`.execute(db)
    ).rows.map((r) => r.id);
    const onFeeders = (
      await sql<{ id: string }>`
        SELECT c.id FROM customers c JOIN grid_transformers t ON t.id = c.transformer_id
         WHERE t.feeder_id = ANY(${feeders}::uuid[])`.execute(db)
    ).rows.map((r) => r.id);
    const failedTransformers = (
      await sql<{ id: string }>`
        SELECT t.id FROM grid_transformers t WHERE NOT (t.feeder_id = ANY(${feeders}::uuid[]))
         ORDER BY random() LIMIT ${Math.ceil((CALLS * 0.3) / 6)}`.execute(db)
    ).rows.map((r) => r.id);
    const onTransformers = (
      await sql<{ id: string; transformer_id: string }>`
        SELECT c.id, c.transformer_id FROM customers c
         WHERE c.transformer_id = ANY(${failedTransformers}::uuid[])`.execute(db)
    ).rows.map((r) => r.id);
    const anyone = (
      await sql<{ id: string }>`
        SELECT c.id FROM customers c TABLESAMPLE SYSTEM (2)
         WHERE c.transformer_id IS NOT NULL LIMIT ${CALLS}`.execute(db)
    ).rows.map((r) => r.id);
    const now = Date.now();
    const storm = [
      ...pickN(onFeeders, Math.round(CALLS * 0.5)),
      ...pickN(onTransformers, Math.round(CALLS * 0.3)),
      ...pickN(anyone, CALLS - Math.round(CALLS * 0.5) - Math.round(CALLS * 0.3)),
    ].map((customerId) => ({ customerId, at: new Date(now - Math.random() * 29 * 60_000) }));
    storm.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (let i = 0; i < storm.length; i += 5000) await writeCalls(db, storm.slice(i, i + 5000));
    await sql`ANALYZE trouble_calls`.execute(db);

    // 1. Throughput: the backlog drained by the loop's function.
    const started = performance.now();
    const totals = { claimed: 0, proposed: 0, grown: 0, superseded: 0, joinedOutages: 0 };
    for (;;) {
      const r = await analyseNewCalls(db, { batch: BATCH });
      if (r.claimed === 0) break;
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
    }
    const drainMs = performance.now() - started;
    const byKind = (
      await sql<{ kind: string; state: string; n: number }>`
        SELECT kind, state, count(*)::int AS n FROM outage_predictions
         GROUP BY kind, state ORDER BY kind, state`.execute(db)
    ).rows;

    // 2. Latency: calls one at a time, half onto the failed feeders (their predictions grow).
    const ms: number[] = [];
    for (let i = 0; i < SINGLE; i++) {
      const customerId = i % 2 === 0 ? pickN(onFeeders, 1)[0]! : pickN(anyone, 1)[0]!;
      await writeCalls(db, [{ customerId, at: new Date() }]);
      const t1 = performance.now();
      const r = await analyseNewCalls(db, { batch: 1 });
      ms.push(performance.now() - t1);
      if (r.claimed !== 1) throw new Error(`expected one call, claimed ${r.claimed}`);
    }
    const latency = latencyFigures(ms);
    const perCall = Math.round((drainMs / totals.claimed) * 100) / 100;
    console.log(
      JSON.stringify({
        bench: 'outages: trouble-call analysis per fault call',
        db: 'postgres',
        demo,
        transformers,
        customersPerNewTransformer: PER_TRANSFORMER,
        networkGrownS: growS,
        backlog: {
          calls: totals.claimed,
          batch: BATCH,
          drainMs: Math.round(drainMs),
          msPerCall: perCall,
          callsPerS: Math.round((totals.claimed / drainMs) * 1000),
          ...totals,
          predictions: byKind,
        },
        singleCallMs: latency,
        singleCalls: SINGLE,
        target: `analysis ≤ ${TARGET_MS} ms per incoming fault call`,
        met: perCall <= TARGET_MS && latency.p95 <= TARGET_MS,
        loadAverage: load1(),
      }),
    );
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
