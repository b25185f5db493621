import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.js';
import type { JobDefinition } from './job.js';

export interface Jobs {
  send(name: string, payload: unknown): Promise<string | null>;
  stop(): Promise<void>;
  boss: PgBoss;
}

/**
 * Starts pg-boss on the same database as the app, through the app's own connections: on PGlite
 * that is the one embedded connection (so its statements never slip into a request's
 * transaction), on a server the shared pool.
 */
export async function startJobs(opts: {
  database: Database;
  jobs: JobDefinition[];
  log: FastifyBaseLogger;
  schedule?: boolean;
}): Promise<Jobs> {
  const { database, log } = opts;
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => database.executeSql(text, values) },
    schedule: opts.schedule ?? true,
    // PGlite is one connection: poll gently so jobs never crowd out requests.
    maintenanceIntervalSeconds: 300,
    monitorStateIntervalSeconds: 300,
  });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  for (const job of opts.jobs) {
    await boss.createQueue(job.name);
    await boss.work(job.name, { pollingIntervalSeconds: 2 }, async (batch) => {
      for (const item of batch) {
        const payload = job.payload.parse(item.data);
        await job.handler(payload, { database });
      }
    });
    if (job.cron && opts.schedule !== false) await boss.schedule(job.name, job.cron, {});
  }
  const names = new Set(opts.jobs.map((j) => j.name));
  return {
    boss,
    async send(name, payload) {
      if (!names.has(name)) throw new Error(`Unknown job ${name}`);
      return boss.send(name, payload as object);
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
