import type { FastifyBaseLogger } from 'fastify';

/**
 * A loop for work kept as rows (timers, deliveries, calls to analyse): every `intervalMs`, and at
 * once again while a round says more is waiting, so a backlog after a restart or a storm drains
 * at full speed and an idle system costs one query per interval. A failed round is logged and
 * retried on the next tick. Returns a stop function that waits for the round in hand.
 */
export function startDrainLoop(opts: {
  /** One round of work; true when more may be waiting. */
  round: () => Promise<boolean>;
  log: FastifyBaseLogger;
  /** What the log calls the loop when a round fails. */
  name: string;
  intervalMs?: number;
}): () => Promise<void> {
  const interval = opts.intervalMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        while (!stopped && (await opts.round())) {
          // more is waiting
        }
      } catch (err) {
        opts.log.error({ err }, `${opts.name} failed; retrying`);
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
