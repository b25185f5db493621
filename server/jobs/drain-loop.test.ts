import { describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { startDrainLoop } from './drain-loop.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function recordingLog() {
  const errors: string[] = [];
  const log = {
    error: (_o: unknown, msg: string) => void errors.push(msg),
  } as unknown as FastifyBaseLogger;
  return { log, errors };
}

describe('startDrainLoop', () => {
  it('drains a backlog at once, then waits for the interval', async () => {
    let backlog = 5;
    let rounds = 0;
    const { log } = recordingLog();
    const stop = startDrainLoop({
      name: 'test',
      log,
      intervalMs: 10,
      round: () => {
        rounds++;
        if (backlog > 0) backlog--;
        return Promise.resolve(backlog > 0);
      },
    });
    await sleep(25);
    expect(backlog).toBe(0);
    const afterDrain = rounds;
    await sleep(60);
    await stop();
    // Idle: about one round per interval, not a busy loop.
    expect(rounds - afterDrain).toBeGreaterThan(0);
    expect(rounds - afterDrain).toBeLessThan(12);
    const stopped = rounds;
    await sleep(30);
    expect(rounds).toBe(stopped);
  });

  it('logs a failed round and tries again on the next tick', async () => {
    let calls = 0;
    const { log, errors } = recordingLog();
    const stop = startDrainLoop({
      name: 'flaky',
      log,
      intervalMs: 5,
      round: () => {
        calls++;
        if (calls === 1) return Promise.reject(new Error('database went away'));
        return Promise.resolve(false);
      },
    });
    await sleep(40);
    await stop();
    expect(errors).toEqual(['flaky failed; retrying']);
    expect(calls).toBeGreaterThan(1);
  });

  it('stop waits for the round in hand', async () => {
    let finished = false;
    const { log } = recordingLog();
    const stop = startDrainLoop({
      name: 'slow',
      log,
      intervalMs: 1,
      round: async () => {
        await sleep(30);
        finished = true;
        return false;
      },
    });
    await sleep(5);
    await stop();
    expect(finished).toBe(true);
  });
});
