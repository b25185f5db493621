import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../platform/ids.js';
import { openDatabase, type Database } from './database.js';
import { migrateToLatest } from './migrate.js';
import { testDatabase } from './test-helpers.js';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

describe('database', () => {
  it('applies migrations once: a second run finds nothing to do', async () => {
    expect(await migrateToLatest(database.db)).toEqual([]);
    const applied = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(database.db);
    expect(applied.rows.map((r) => r.name)).toContain('0001_platform');
  });

  it('maps types the same way on both drivers', async () => {
    const r = await sql<{
      big: unknown;
      num: unknown;
      day: unknown;
      ts: unknown;
      arr: unknown;
      js: unknown;
    }>`select 9007199254740991::int8 as big, 12.50::numeric as num, '2026-02-14'::date as day,
       '2026-11-23T08:00:00Z'::timestamptz as ts, array['a','b']::text[] as arr, '{"k":[1,2]}'::jsonb as js`.execute(
      database.db,
    );
    const row = r.rows[0]!;
    expect(row.big).toBe(9007199254740991);
    expect(row.num).toBe('12.50');
    expect(row.day).toBe('2026-02-14');
    expect(row.ts).toEqual(new Date('2026-11-23T08:00:00Z'));
    expect(row.arr).toEqual(['a', 'b']);
    expect(row.js).toEqual({ k: [1, 2] });
  });

  it('reports affected rows for updates', async () => {
    const r = await database.db
      .updateTable('users')
      .set({ display_name: 'x' })
      .where('id', '=', newId())
      .executeTakeFirst();
    expect(r.numUpdatedRows).toBe(0n);
  });

  it('keeps a transaction isolated from concurrent queries and rolls back on error', async () => {
    const id = newId();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = database.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('outbox')
          .values({
            topic: `t-${id}`,
            payload: JSON.stringify({ id }),
            org_id: null,
            province_id: null,
          })
          .execute();
        await gate;
        throw new Error('roll back');
      })
      .catch((e: Error) => e.message);
    // A concurrent reader must not see the uncommitted row (on PGlite it waits for the transaction).
    const reader = database.db
      .selectFrom('outbox')
      .select('id')
      .where('topic', '=', `t-${id}`)
      .execute();
    setTimeout(release, 50);
    expect(await tx).toBe('roll back');
    expect(await reader).toEqual([]);
    const after = await database.db
      .selectFrom('outbox')
      .select('id')
      .where('topic', '=', `t-${id}`)
      .execute();
    expect(after).toEqual([]);
  });

  it('refuses to change or delete audit rows', async () => {
    const id = newId();
    await database.db
      .insertInto('audit_log')
      .values({
        id,
        action: 'test',
        entity_type: 'test',
        entity_id: null,
        before: null,
        after: null,
        actor_id: null,
        actor_name: null,
        ip: null,
        request_id: null,
        org_id: null,
        province_id: null,
      })
      .execute();
    await expect(
      database.db.updateTable('audit_log').set({ action: 'x' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      database.db.deleteFrom('audit_log').where('id', '=', id).execute(),
    ).rejects.toThrow(/append-only/);
  });
});

describe('embedded database on disk', () => {
  it('keeps committed rows across a close and reopen', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-db-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await migrateToLatest(first.db);
      await first.db
        .insertInto('outbox')
        .values({ topic: 'persisted', payload: '{}', org_id: null, province_id: null })
        .execute();
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      expect(await migrateToLatest(second.db)).toEqual([]);
      const rows = await second.db.selectFrom('outbox').select('topic').execute();
      expect(rows.map((r) => r.topic)).toEqual(['persisted']);
      await second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
