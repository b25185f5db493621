import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.js';
import { z } from 'zod';
import { defineJob } from '../../jobs/job.js';
import { fireDueTimers } from './service/fire-timers.js';
import { settleStrandedLinks } from './service/settle-links.js';

/**
 * Runs the SLA timers: every second, and at once again while a batch fires something (a backlog
 * after a restart or a storm drains at full speed; a batch may fire fewer than `batch` timers
 * while more are due, when another process took part of its walk). Returns a stop function that
 * waits for the batch in hand.
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
        while (!stopped && (await fireDueTimers(opts.database.db, new Date(), batch)) > 0) {
          // some fired: more may be waiting
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

/** Every minute: linked orders whose outage ended in the moment they were accepted. */
export const settleOutageLinksJob = defineJob({
  name: 'orders-settle-outage-links',
  payload: z.object({}).passthrough(),
  cron: '* * * * *',
  handler: async (_payload, { database }) => {
    while ((await settleStrandedLinks(database.db, new Date())) > 0) {
      // more may be waiting
    }
  },
});
