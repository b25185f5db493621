import { ConfigError, type Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { DataDirLockedError, lockDataDir } from './db/data-dir-lock.js';
import { migrateToLatest } from './db/migrate.js';

/**
 * Runs a command-line entry point: a configuration or DATA_DIR lock problem is the user's to fix,
 * so it prints its message and exits 2; anything else exits 1.
 */
export function runMain(main: () => Promise<unknown>, showStack = true): void {
  main().catch((e: unknown) => {
    if (e instanceof ConfigError || e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(2);
    }
    console.error(showStack || !(e instanceof Error) ? e : e.message);
    process.exit(1);
  });
}

/** Opens and migrates the configured database for a one-off command, holding the DATA_DIR lock. */
export async function withDatabase<T>(
  config: Config,
  run: (database: Database) => Promise<T>,
  beforeMigrate?: (database: Database) => Promise<void>,
): Promise<T> {
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
    });
    try {
      await beforeMigrate?.(database);
      await migrateToLatest(database.db);
      return await run(database);
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}
