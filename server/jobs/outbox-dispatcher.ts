/**
 * The outbox dispatcher: rows written with each change are handed to the live hub (and so to
 * browsers) after their transaction committed. Claimed with SKIP LOCKED so several processes
 * share the work; marked dispatched in the same transaction that publishes them (NOTIFY is
 * delivered at commit), so a crash repeats a message rather than losing it.
 */
import { sql } from 'kysely';
import { startDrainLoop } from './drain-loop.js';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.js';
import { LIVE_CHANNEL, type LiveHub, type LiveMessage } from '../platform/live-hub.js';

/** NOTIFY payloads are limited to 8000 bytes; larger messages go out without their payload. */
const MAX_NOTIFY = 7000;

export async function dispatchOutbox(
  database: Database,
  hub: LiveHub | null,
  limit = 500,
): Promise<number> {
  const messages = await database.db.transaction().execute(async (tx) => {
    const rows = await sql<{
      id: number;
      topic: string;
      payload: Record<string, unknown>;
      org_id: string | null;
      province_id: string | null;
    }>`
      SELECT id, topic, payload, org_id, province_id FROM outbox
       WHERE dispatched_at IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(tx);
    if (rows.rows.length === 0) return [];
    const out: LiveMessage[] = rows.rows.map((r) => ({
      topic: r.topic,
      payload: r.payload,
      orgId: r.org_id,
      provinceId: r.province_id,
    }));
    if (database.kind === 'postgres') {
      const texts = out.map((m) => {
        const t = JSON.stringify(m);
        return t.length <= MAX_NOTIFY ? t : JSON.stringify({ ...m, payload: {} });
      });
      await sql`SELECT pg_notify(${LIVE_CHANNEL}, t) FROM unnest(${texts}::text[]) AS t`.execute(
        tx,
      );
    }
    await sql`UPDATE outbox SET dispatched_at = now() WHERE id = ANY(${rows.rows.map((r) => Number(r.id))}::bigint[])`.execute(
      tx,
    );
    return out;
  });
  // One embedded process: no NOTIFY round trip, the hub is right here.
  if (database.kind === 'embedded' && hub) hub.deliver(messages);
  return messages.length;
}

export function startOutboxDispatcher(opts: {
  database: Database;
  hub: LiveHub;
  log: FastifyBaseLogger;
  intervalMs?: number;
}): () => Promise<void> {
  return startDrainLoop({
    name: 'outbox dispatch',
    log: opts.log,
    intervalMs: opts.intervalMs ?? 250,
    // A full batch: more are waiting.
    round: async () => (await dispatchOutbox(opts.database, opts.hub)) === 500,
  });
}
