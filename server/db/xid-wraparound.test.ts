import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { testDatabase } from './test-helpers.js';
import { freezeDue, freezeIfDue, readWraparound } from './xid-wraparound.js';

const limits = { freezeMaxAge: 200_000_000, multixactFreezeMaxAge: 400_000_000 };

describe('when a database must be frozen', () => {
  it('past either limit of the server, not before', () => {
    expect(freezeDue({ ...limits, xidAge: 150_000_000, mxidAge: 0 })).toBe(false);
    expect(freezeDue({ ...limits, xidAge: 200_000_000, mxidAge: 0 })).toBe(false);
    expect(freezeDue({ ...limits, xidAge: 200_000_001, mxidAge: 0 })).toBe(true);
    expect(freezeDue({ ...limits, xidAge: 10, mxidAge: 400_000_001 })).toBe(true);
    // A server configured tighter is followed.
    expect(freezeDue({ ...limits, freezeMaxAge: 100_000, xidAge: 100_001, mxidAge: 0 })).toBe(true);
  });
});

describe('freezing', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(() => database.close());

  it('reads the server’s own limits and the database’s age', async () => {
    const s = await readWraparound(database.db);
    expect(s.freezeMaxAge).toBeGreaterThanOrEqual(100_000);
    expect(s.multixactFreezeMaxAge).toBeGreaterThanOrEqual(10_000);
    expect(s.xidAge).toBeGreaterThan(0);
    expect(freezeDue(s)).toBe(false);
  });

  it('freezes an embedded database when due, so its oldest id is young again; a server is its own', async () => {
    const db = database.db;
    // Some transactions, so that the oldest unfrozen id has an age to lose.
    for (let i = 0; i < 20; i++) await sql`SELECT txid_current()`.execute(db);
    // Not due: nothing is done.
    expect((await freezeIfDue(db, database.kind)).froze).toBe(false);
    const r = await freezeIfDue(db, database.kind, { force: true });
    if (database.kind === 'postgres') {
      expect(r.froze).toBe(false);
      return;
    }
    expect(r.froze).toBe(true);
    if (!r.froze) return;
    expect(r.after.xidAge).toBeLessThan(r.before.xidAge);
  });
});
