import type { z } from 'zod';
import type { Database } from '../db/database.js';

/** A typed background job owned by a module: a name, a payload schema and an idempotent handler. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  /** A cron expression (server time) when the job also runs on a schedule. */
  cron?: string;
  handler: (payload: z.infer<S>, deps: { database: Database }) => Promise<void>;
}

export function defineJob<S extends z.ZodType>(job: JobDefinition<S>): JobDefinition<S> {
  return job;
}
