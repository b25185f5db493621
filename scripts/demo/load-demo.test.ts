import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { isEmpty, loadDemo } from './load-demo.js';
import { DEMO_USERS } from './territory.js';

// The generator is tested on its own in-memory PGlite: it builds a whole installation.
async function generate(seed: number, customers: number) {
  const database = await openDatabase({});
  await migrateToLatest(database.db);
  expect(await isEmpty(database)).toBe(true);
  const summary = await loadDemo(database, { customers, seed });
  const units = await database.db.selectFrom('org_units').selectAll().orderBy('path').execute();
  const users = await database.db
    .selectFrom('users')
    .select(['id', 'username', 'roles', 'org_id'])
    .orderBy('username')
    .execute();
  const cust = await database.db
    .selectFrom('customers')
    .select(['id', 'account_no', 'name', 'customer_class'])
    .orderBy('account_no')
    .execute();
  await database.close();
  return { summary, units, users, cust };
}

describe('demo territory', () => {
  it('is deterministic for a seed and different for another', async () => {
    const a = await generate(7, 300);
    const b = await generate(7, 300);
    const c = await generate(8, 300);
    expect(b.units.map((u) => [u.id, u.code])).toEqual(a.units.map((u) => [u.id, u.code]));
    expect(b.users).toEqual(a.users);
    expect(b.cust).toEqual(a.cust);
    expect(c.cust.map((x) => x.name)).not.toEqual(a.cust.map((x) => x.name));
  });

  it('has one province with 3 cities and 8 counties, a login for every role, and the customers asked for', async () => {
    const { summary, units, users, cust } = await generate(20261123, 500);
    const byLevel = (l: string) => units.filter((u) => u.level === l);
    expect(byLevel('national')).toHaveLength(1);
    expect(byLevel('province').map((u) => u.name)).toEqual(['示范省电力公司']);
    expect(byLevel('city')).toHaveLength(3);
    expect(byLevel('county')).toHaveLength(8);
    for (const kind of [
      'service_center',
      'marketing',
      'operations',
      'dispatch',
      'supply_station',
      'repair_team',
    ]) {
      expect(
        units.some((u) => u.kind === kind),
        kind,
      ).toBe(true);
    }
    const names = users.map((u) => u.username);
    for (const n of [
      'admin',
      'agent01',
      'lead01',
      'dispatch01',
      'crew01',
      'qa01',
      'trainer01',
      'manager01',
    ]) {
      expect(names).toContain(n);
    }
    const roles = new Set(users.flatMap((u) => u.roles));
    expect(roles.size).toBe(10);
    expect(users).toHaveLength(DEMO_USERS.length);
    expect(cust).toHaveLength(500);
    expect(summary.customers).toBe(500);
    expect(new Set(cust.map((c) => c.account_no)).size).toBe(500);
    expect(cust.every((c) => /^\d{10}$/.test(c.account_no))).toBe(true);
    expect(cust.some((c) => c.customer_class === 'resident')).toBe(true);
    // The supply network: every customer hangs from a transformer of its own supply station.
    const db2 = await openDatabase({});
    await migrateToLatest(db2.db);
    await loadDemo(db2, { customers: 500, seed: 1 });
    const subs = await db2.db.selectFrom('grid_substations').selectAll().execute();
    const feeders = await db2.db.selectFrom('grid_feeders').selectAll().execute();
    const transformers = await db2.db.selectFrom('grid_transformers').selectAll().execute();
    expect(subs).toHaveLength(16);
    expect(feeders).toHaveLength(64);
    expect(transformers.length).toBeGreaterThanOrEqual(64 * 3);
    expect(new Set(transformers.map((t) => t.area_class))).toEqual(
      new Set(['urban', 'rural', 'remote']),
    );
    const orphans = await db2.db
      .selectFrom('customers as c')
      .leftJoin('grid_transformers as t', 't.id', 'c.transformer_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('t.id', 'is', null), eb('t.org_id', '!=', eb.ref('c.org_id'))]))
      .executeTakeFirstOrThrow();
    expect(Number(orphans.n)).toBe(0);
    await db2.close();

    // Every unit's path ends with its own id and starts with its parent's path.
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) {
      expect(u.path.endsWith(`/${u.id}/`)).toBe(true);
      if (u.parent_id) expect(u.path.startsWith(byId.get(u.parent_id)!.path)).toBe(true);
    }
  });
});
