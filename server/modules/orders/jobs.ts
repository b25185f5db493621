import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.js';
import { fireDueTimers } from './service/fire-timers.js';

/**
 * Runs the SLA timers: every second, and at once again while a full batch comes back (a backlog
 * after a restart or a storm drains at full speed). Returns a stop function that waits for the
 * batch in hand.
 */
export function startSlaTimers(opts: {
  database: Database;
  log: FastifyBaseLogger;
  intervalMs?: number;
  batch?: number;
}): () => Promise<void> {
  const interval = opts.intervalMs ?? 1000;
  const batch = opts.batch ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        while (!stopped && (await fireDueTimers(opts.database.db, new Date(), batch)) === batch) {
          // a full batch: more are waiting
        }
      } catch (err) {
        opts.log.error({ err }, 'SLA timers failed; retrying');
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
