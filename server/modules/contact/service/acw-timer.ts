/**
 * After-call work (话后处理) ends by itself when its time runs out (contact_settings, default
 * 60 s): a loop moves such agents back to ready, which also stamps the call's wrap-up end.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../../db/database.js';
import { startDrainLoop } from '../../../jobs/drain-loop.js';
import { dueAfterCallWork } from '../store/agents.js';
import { moveAgent } from './agent-state.js';

const BATCH = 200;

/** Ends every after-call work due at `now`; returns how many ended. */
export async function expireAfterCallWork(database: Database, now = new Date()): Promise<number> {
  return database.db.transaction().execute(async (tx) => {
    const due = await dueAfterCallWork(tx, now, BATCH);
    for (const a of due) {
      await moveAgent(tx, {
        userId: a.user_id,
        change: { kind: 'acw_timeout' },
        now,
        notify: database.kind === 'postgres',
      });
    }
    return due.length;
  });
}

/** The loop of server.ts: once a second, and at once again while a full batch was due. */
export function startContactTimers(opts: {
  database: Database;
  log: FastifyBaseLogger;
  intervalMs?: number;
}): () => Promise<void> {
  return startDrainLoop({
    name: 'after-call work',
    log: opts.log,
    intervalMs: opts.intervalMs ?? 1000,
    round: async () => (await expireAfterCallWork(opts.database)) === BATCH,
  });
}
