import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import pino from 'pino';
import type { Database } from '../db/database.js';
import { testDatabase } from '../db/test-helpers.js';
import { startJobs, type Jobs } from './boss.js';
import { defineJob } from './job.js';

let database: Database;
let jobs: Jobs;
const seen: string[] = [];
let notify: (() => void) | undefined;

const echo = defineJob({
  name: 'test-echo',
  payload: z.object({ word: z.string() }),
  handler: ({ word }) => {
    seen.push(word);
    notify?.();
    return Promise.resolve();
  },
});

beforeAll(async () => {
  database = await testDatabase();
  jobs = await startJobs({
    database,
    jobs: [echo],
    log: pino({ level: 'silent' }),
    schedule: false,
  });
});
afterAll(async () => {
  await jobs.stop();
  await database.close();
});

describe('job queue (pg-boss on this backend)', () => {
  it('runs a sent job through its typed handler', async () => {
    const done = new Promise<void>((resolve) => (notify = resolve));
    const id = await jobs.send('test-echo', { word: '连心' });
    expect(id).toBeTruthy();
    await done;
    expect(seen).toContain('连心');
  });

  it('refuses a job name nobody owns', async () => {
    await expect(jobs.send('no-such-job', {})).rejects.toThrow(/Unknown job/);
  });
});
