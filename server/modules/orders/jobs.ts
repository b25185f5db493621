import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.js';
import { z } from 'zod';
import { startDrainLoop } from '../../jobs/drain-loop.js';
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
  const batch = opts.batch ?? 1000;
  return startDrainLoop({
    name: 'SLA timers',
    log: opts.log,
    intervalMs: opts.intervalMs,
    round: async () => (await fireDueTimers(opts.database.db, new Date(), batch)) > 0,
  });
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
