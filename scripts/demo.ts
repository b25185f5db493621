import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { ConfigError, loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { DataDirLockedError, lockDataDir } from '../server/db/data-dir-lock.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { isEmpty, loadDemo } from './demo/load-demo.js';

const USAGE = `npm run demo -- [--customers N] [--seed S] [--reset]
  Loads the deterministic demo territory into DATA_DIR (or DATABASE_URL).
  --reset  wipes the database first (all data is lost)`;

async function main() {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '2000' },
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
  if (!Number.isInteger(seed)) throw new ConfigError(`--seed must be an integer\n${USAGE}`);
  const config = loadConfig();
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (values.reset) {
      await sql
        .raw(
          'DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;',
        )
        .execute(database.db);
    }
    await migrateToLatest(database.db);
    if (!(await isEmpty(database))) {
      throw new ConfigError(
        'The database already has data. Run with --reset to replace it with the demo.',
      );
    }
    const started = Date.now();
    const s = await loadDemo(database, { customers, seed });
    console.log(
      JSON.stringify({ ...s, seed, seconds: (Date.now() - started) / 1000, db: database.kind }),
    );
  } finally {
    await database.close();
    release();
  }
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(e.message);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});
