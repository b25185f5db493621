/**
 * Benchmark: the demo generator writing N customers (with the territory, network, phones and
 * search vectors) to a PostgreSQL server. Prints one JSON line.
 *   npx tsx bench/demo-generate.ts                     (1,000,000 into a fresh scratch database)
 *   npx tsx bench/demo-generate.ts --customers 200000
 *   DATABASE_URL=postgres://… npx tsx bench/demo-generate.ts   (an existing, empty database)
 * Without DATABASE_URL a database lx_bench_gen_<time> is created on BENCH_PG_URL and dropped
 * afterwards (--keep keeps it). A database that already holds data is refused, never changed.
 * Target (issue 4, item 7): 1 M customers in under 5 minutes on PostgreSQL.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { isEmpty, loadDemo } from '../scripts/demo/load-demo.js';

const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function run(url: string, customers: number, seed: number) {
  const database = await openDatabase({ databaseUrl: url });
  try {
    await migrateToLatest(database.db);
    if (!(await isEmpty(database))) {
      throw new Error('The database already holds data: give an empty one (nothing was changed).');
    }
    const started = performance.now();
    const cpu = process.cpuUsage();
    const load = os.loadavg()[0]!;
    let next = 100_000;
    const summary = await loadDemo(database, {
      customers,
      seed,
      databaseUrl: url,
      onProgress: ({ phase, done }) => {
        const s = ((performance.now() - started) / 1000).toFixed(1);
        if (phase === 'indexes') console.error(`building indexes at ${s} s`);
        else if (done >= next) {
          next += 100_000;
          console.error(`${done} customers at ${s} s`);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const phones = await database.db
      .selectFrom('customer_phones')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      JSON.stringify({
        bench: 'demo generate',
        db: 'postgres',
        customers: summary.customers,
        seconds: Math.round(seconds * 10) / 10,
        rowsPerSecond: Math.round(summary.customers / seconds),
        phones: Number(phones.n),
        transformers: summary.transformers,
        // The generator's own CPU time, and how busy the machine was (others' work slows it).
        nodeCpuSeconds: Math.round((used.user + used.system) / 1e5) / 10,
        loadAverage: [load, os.loadavg()[0]!].map((l) => Math.round(l * 10) / 10),
      }),
    );
  } finally {
    await database.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '20261123' },
      keep: { type: 'boolean', default: false },
    },
  });
  const customers = Number(values.customers);
  if (!Number.isInteger(customers) || customers < 1) throw new Error('--customers must be ≥ 1');
  const seed = Number(values.seed);
  if (process.env.DATABASE_URL) return run(process.env.DATABASE_URL, customers, seed);

  const dbName = `lx_bench_gen_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  try {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${dbName}`;
    await run(url.toString(), customers, seed);
  } finally {
    if (values.keep) console.error(`kept database ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
