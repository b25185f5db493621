import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../../db/database.js';
import { analyseNewCalls, expirePredictions } from './pipeline.js';

/**
 * Runs the trouble-call analysis: every second, and at once again while a batch was full (a
 * storm's backlog, or the calls of a restart, drain at full speed). Stale proposals are expired
 * about once a minute. Returns a stop function that waits for the batch in hand.
 */
export function startOutageAnalysis(opts: {
  database: Database;
  log: FastifyBaseLogger;
  intervalMs?: number;
  batch?: number;
}): () => Promise<void> {
  const interval = opts.intervalMs ?? 1000;
  const batch = opts.batch ?? 200;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastExpiry = 0;
  const tick = () => {
    running = (async () => {
      try {
        while (!stopped && (await analyseNewCalls(opts.database.db, { batch })).claimed === batch) {
          // a full batch: more are waiting
        }
        if (!stopped && Date.now() - lastExpiry > 60_000) {
          lastExpiry = Date.now();
          await expirePredictions(opts.database.db);
        }
      } catch (err) {
        opts.log.error({ err }, 'trouble-call analysis failed; retrying');
      }
      if (!stopped) timer = setTimeout(tick, interval);
    })();
  };
  timer = setTimeout(tick, interval);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
