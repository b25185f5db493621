import type { Config } from './config.js';
import { buildApp } from './app.js';
import { openDatabase, type Database } from './db/database.js';
import { lockDataDir } from './db/data-dir-lock.js';
import { migrateToLatest } from './db/migrate.js';
import { startGinFlush } from './db/gin-pending-lists.js';
import { startTableUpkeep } from './db/table-upkeep.js';
import type { App } from './http/context.js';
import { startJobs, type Jobs } from './jobs/boss.js';
import { ALL_JOBS } from './jobs/registry.js';
import { startOutboxDispatcher } from './jobs/outbox-dispatcher.js';
import { startContactTimers } from './modules/contact/index.js';
import { startNotifySender } from './modules/notify/index.js';
import { startSlaTimers } from './modules/orders/index.js';
import { startOutageAnalysis } from './modules/outages/index.js';

export interface RunningServer {
  app: App;
  database: Database;
  jobs: Jobs | null;
  url: string;
  close(): Promise<void>;
}

/**
 * Opens the database (locking DATA_DIR in embedded mode), applies migrations, lets the caller
 * seed an empty database, starts the job queue and listens.
 */
export async function startServer(
  config: Config,
  hooks: { onEmptyDatabase?: (database: Database) => Promise<void> } = {},
): Promise<RunningServer> {
  const releaseLock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  let database: Database | undefined;
  try {
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.dbPoolSize,
    });
    await migrateToLatest(database.db);
    if (hooks.onEmptyDatabase) await hooks.onEmptyDatabase(database);
    const app = await buildApp({ config, database });
    const jobs = config.jobs ? await startJobs({ database, jobs: ALL_JOBS, log: app.log }) : null;
    // Loops that must react within seconds, not on a cron minute: SLA timers and live updates.
    const loops = config.jobs
      ? [
          startSlaTimers({ database, log: app.log }),
          startOutboxDispatcher({ database, hub: app.live, log: app.log }),
          startNotifySender({ database, config: config.notify, log: app.log }),
          startOutageAnalysis({ database, log: app.log }),
          startContactTimers({ database, log: app.log }),
          // Statistics and dead rows where no autovacuum looks after them (PGlite; a server
          // with autovacuum off): plans made on an empty table must not outlive its growth.
          await startTableUpkeep({ database, log: app.log }),
          // Search indexes' pending lists merged here, not inside a request's insert.
          startGinFlush({ database, log: app.log }),
        ]
      : [];
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const db = database;
    let closing: Promise<void> | undefined;
    return {
      app,
      database,
      jobs,
      url: `http://127.0.0.1:${port}`,
      close() {
        closing ??= (async () => {
          await Promise.all(loops.map((stop) => stop()));
          await app.close(); // stops accepting, lets requests in flight finish
          await jobs?.stop();
          await db.close();
          releaseLock();
        })();
        return closing;
      },
    };
  } catch (e) {
    await database?.close().catch(() => {});
    releaseLock();
    throw e;
  }
}

/** Closes the server on SIGTERM or SIGINT, then exits. */
export function closeOnSignals(server: RunningServer): void {
  const stop = (signal: string) => {
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        server.app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
