/**
 * Retention of the platform's working rows. An Idempotency-Key answers its retries for a day
 * (clients retry within seconds or minutes; 24 h is the common promise); a dispatched outbox
 * message is kept a week for tracing, then goes. Neither was ever deleted before: a stored answer
 * is about 3 KB, so a center accepting 100,000 orders a day kept 300 MB more of it every day.
 * Deleted in batches, so that no statement holds many rows or runs long.
 */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.js';
import { defineJob } from '../jobs/job.js';

export const IDEMPOTENCY_KEY_HOURS = 24;
export const DISPATCHED_OUTBOX_DAYS = 7;
const BATCH = 5_000;

async function inBatches(run: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await run();
    total += n;
    if (n < BATCH) return total;
  }
}

/** Deletes the expired rows as of `now`; returns how many of each went. */
export async function pruneExpired(
  db: Kysely<DB>,
  now: Date,
): Promise<{ idempotencyKeys: number; outbox: number }> {
  // The BRIN indexes know only the page ranges summarised so far: summarise the new ones.
  await sql`SELECT brin_summarize_new_values('idempotency_keys_created_brin'::regclass),
                   brin_summarize_new_values('outbox_created_brin'::regclass)`.execute(db);
  const keysBefore = new Date(now.getTime() - IDEMPOTENCY_KEY_HOURS * 3_600_000);
  const outboxBefore = new Date(now.getTime() - DISPATCHED_OUTBOX_DAYS * 86_400_000);
  const idempotencyKeys = await inBatches(async () => {
    const r = await sql`
      DELETE FROM idempotency_keys WHERE ctid = ANY(ARRAY(
        SELECT ctid FROM idempotency_keys WHERE created_at < ${keysBefore} LIMIT ${BATCH}))`.execute(
      db,
    );
    return Number(r.numAffectedRows ?? 0);
  });
  const outbox = await inBatches(async () => {
    // A message not yet dispatched stays, however old: it has yet to reach its readers.
    const r = await sql`
      DELETE FROM outbox WHERE id = ANY(ARRAY(
        SELECT id FROM outbox
         WHERE created_at < ${outboxBefore} AND dispatched_at IS NOT NULL LIMIT ${BATCH}))`.execute(
      db,
    );
    return Number(r.numAffectedRows ?? 0);
  });
  return { idempotencyKeys, outbox };
}

/** Every hour, at minute 17 (off the hour, when other jobs run). */
export const pruneExpiredJob = defineJob({
  name: 'platform-prune-expired',
  payload: z.object({}).passthrough(),
  cron: '17 * * * *',
  handler: async (_payload, { database }) => {
    await pruneExpired(database.db, new Date());
  },
});
