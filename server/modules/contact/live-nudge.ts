/**
 * A ring must reach the agent's browser within the ring, not on the outbox dispatcher's next
 * tick (250 ms): after a contact write commits, its outbox rows are dispatched at once. Nudges
 * that come while a dispatch runs are folded into one more round, so a burst of events costs a
 * few dispatches, not one each. The dispatcher loop still delivers anything a nudge missed.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.js';
import { dispatchOutbox } from '../../jobs/outbox-dispatcher.js';
import type { LiveHub } from '../../platform/live-hub.js';

export function outboxNudger(
  database: Database,
  hub: LiveHub,
  log: FastifyBaseLogger,
): { nudge: () => void; idle: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): Promise<void> =>
    (async () => {
      do {
        again = false;
        try {
          await dispatchOutbox(database, hub, 500);
        } catch (err) {
          log.warn({ err }, 'live dispatch after a contact change failed; the loop will retry');
        }
      } while (again);
      running = null;
    })();
  return {
    nudge() {
      if (running) {
        again = true;
        return;
      }
      running = run();
    },
    idle: () => running ?? Promise.resolve(),
  };
}
