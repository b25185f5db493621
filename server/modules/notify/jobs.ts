import type { FastifyBaseLogger } from 'fastify';
import type { NotifyConfig } from '../../config.js';
import type { Database } from '../../db/database.js';
import { transportsFromConfig } from './channels/index.js';
import { sendDueNotifications } from './service/send.js';

/**
 * Runs the sender: every second, and at once again while a batch comes back full. Deliveries
 * are rows (notify_deliveries) claimed with SKIP LOCKED, so several processes share the work and
 * a restart resumes where the last one stopped. Returns a stop function that waits for the
 * batch in hand.
 */
export function startNotifySender(opts: {
  database: Database;
  config: NotifyConfig;
  log: FastifyBaseLogger;
  intervalMs?: number;
  batch?: number;
}): () => Promise<void> {
  const interval = opts.intervalMs ?? 1000;
  const batch = opts.batch ?? 50;
  const transports = transportsFromConfig(opts.config, opts.log);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        while (
          !stopped &&
          (await sendDueNotifications({ db: opts.database.db, transports, batch })) === batch
        ) {
          // a full batch: more are waiting
        }
      } catch (err) {
        opts.log.error({ err }, 'notification sender failed; retrying');
      }
      if (!stopped) timer = setTimeout(tick, interval);
    })();
  };
  timer = setTimeout(tick, interval);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
    transports.close();
  };
}
