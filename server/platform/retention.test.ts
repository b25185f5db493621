import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { testDatabase } from '../db/test-helpers.js';
import { newId } from './ids.js';
import { pruneExpired } from './retention.js';

describe('retention of idempotency answers and dispatched outbox messages', () => {
  let database: Database;
  const actor = newId();
  const topic = `retention.probe.${Date.now().toString(36)}`;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(async () => {
    await sql`DELETE FROM idempotency_keys WHERE actor_id = ${actor}`.execute(database.db);
    await sql`DELETE FROM outbox WHERE topic = ${topic}`.execute(database.db);
    await database.close();
  });

  it('deletes answers older than a day and dispatched messages older than a week, nothing else', async () => {
    const db = database.db;
    const now = new Date();
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const keys: [string, Date][] = [
      ['old', hoursAgo(24.1)],
      ['older', hoursAgo(24 * 30)],
      ['young', hoursAgo(23.9)],
    ];
    for (const [key, at] of keys) {
      await sql`INSERT INTO idempotency_keys (actor_id, key, request_hash, status, response, created_at)
                VALUES (${actor}, ${key}, 'h', 201, '{}'::jsonb, ${at})`.execute(db);
    }
    const messages: [string, Date, Date | null][] = [
      ['sent-old', hoursAgo(24 * 7 + 1), hoursAgo(24 * 7 + 1)],
      ['unsent-old', hoursAgo(24 * 8), null],
      ['sent-young', hoursAgo(24 * 6), hoursAgo(24 * 6)],
    ];
    for (const [name, at, sent] of messages) {
      await sql`INSERT INTO outbox (topic, payload, created_at, dispatched_at)
                VALUES (${topic}, ${JSON.stringify({ name })}::jsonb, ${at}, ${sent})`.execute(db);
    }

    const pruned = await pruneExpired(db, now);
    // Other tests share the database: at least ours went.
    expect(pruned.idempotencyKeys).toBeGreaterThanOrEqual(2);
    expect(pruned.outbox).toBeGreaterThanOrEqual(1);
    const left = await sql<{ key: string }>`
      SELECT key FROM idempotency_keys WHERE actor_id = ${actor} ORDER BY key`.execute(db);
    expect(left.rows.map((r) => r.key)).toEqual(['young']);
    const sent = await sql<{ name: string }>`
      SELECT payload->>'name' AS name FROM outbox WHERE topic = ${topic} ORDER BY id`.execute(db);
    expect(sent.rows.map((r) => r.name)).toEqual(['unsent-old', 'sent-young']);

    // Nothing more is due: a second run deletes none of ours.
    await pruneExpired(db, now);
    const again = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM outbox WHERE topic = ${topic}`.execute(db);
    expect(again.rows[0]!.n).toBe(2);
  });
});
