import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { runMain, withDatabase } from '../server/cli.js';
import { ConfigError, loadConfig } from '../server/config.js';
import type { Database } from '../server/db/database.js';
import { isEmpty, loadDemo, type DemoOptions } from './demo/load-demo.js';
import { DEMO_ORDERS } from './demo/orders.js';

const USAGE = `npm run demo -- [--customers N] [--orders N] [--seed S] [--reset]
  Loads the deterministic demo territory into DATA_DIR (or DATABASE_URL).
  --orders  work orders of the last 30 days, worked through the order services
            (default ${DEMO_ORDERS}; ~90 ms of CPU each on the embedded database)
  --reset   wipes the database first (all data is lost)`;

async function main() {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '20000' },
      orders: { type: 'string', default: String(DEMO_ORDERS) },
      seed: { type: 'string', default: '20261123' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const customers = Number(values.customers);
  const seed = Number(values.seed);
  if (!Number.isInteger(customers) || customers < 0 || customers > 10_000_000) {
    throw new ConfigError(`--customers must be an integer from 0 to 10000000\n${USAGE}`);
  }
  const orders = Number(values.orders);
  if (!Number.isInteger(orders) || orders < 0 || orders > 1_000_000) {
    throw new ConfigError(`--orders must be an integer from 0 to 1000000\n${USAGE}`);
  }
  if (!Number.isInteger(seed)) throw new ConfigError(`--seed must be an integer\n${USAGE}`);
  const wipe = async (database: Database) => {
    if (!values.reset) return;
    await sql
      .raw(
        'DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;',
      )
      .execute(database.db);
  };
  const config = loadConfig();
  await withDatabase(
    config,
    async (database) => {
      if (!(await isEmpty(database))) {
        throw new ConfigError(
          'The database already has data. Run with --reset to replace it with the demo.',
        );
      }
      const started = Date.now();
      const s = await loadDemo(database, {
        customers,
        orders,
        seed,
        databaseUrl: config.databaseUrl,
        onProgress: customers >= 100_000 ? progressPrinter(started) : undefined,
      });
      console.log(
        JSON.stringify({ ...s, seed, seconds: (Date.now() - started) / 1000, db: database.kind }),
      );
    },
    wipe,
  );
}

/** Reports a big load on stderr every 50,000 customers, and when the indexes are being built. */
function progressPrinter(started: number): DemoOptions['onProgress'] {
  let next = 50_000;
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  return ({ phase, done, total }) => {
    if (phase === 'indexes') return console.error(`demo: building indexes… (${at()})`);
    if (done < next && done < total) return;
    next = done + 50_000;
    console.error(
      `demo: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} customers (${at()})`,
    );
  };
}

runMain(main);
