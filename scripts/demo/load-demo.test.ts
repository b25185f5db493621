import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEGMENTS } from '../../common/customers/segment-rule.js';
import { openDatabase, type Database } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { withoutSecondaryIndexes } from './bulk-load.js';
import { idCardCheck, usccCheck } from './identity.js';
import { isEmpty, loadDemo } from './load-demo.js';
import { DEMO_USERS } from './territory.js';

// The generator builds a whole installation, so every load gets a database of its own: an
// in-memory PGlite, or with DATABASE_URL a scratch database on that server, dropped afterwards.
const serverUrl = process.env.DATABASE_URL;
const scratch: string[] = [];
let admin: pg.Client | undefined;

async function freshDatabase(): Promise<Database> {
  if (!serverUrl) return openDatabase({});
  if (!admin) {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
  }
  const name = `lx_demo_test_${process.pid}_${scratch.length}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  scratch.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return openDatabase({ databaseUrl: url.toString(), poolSize: 3 });
}

afterAll(async () => {
  for (const name of scratch) await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin?.end();
});

async function generate(seed: number, customers: number) {
  const database = await freshDatabase();
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
    .select(['id', 'account_no', 'name', 'customer_class', 'id_no', 'meter_no'])
    .orderBy('account_no')
    .execute();
  return { database, summary, units, users, cust };
}

// Each test builds whole installations: generous time on a busy machine.
describe('demo territory', { timeout: 180_000 }, () => {
  it('is deterministic for a seed and different for another', async () => {
    const a = await generate(7, 300);
    const b = await generate(7, 300);
    const c = await generate(8, 300);
    const phones = (d: Database) =>
      d.db
        .selectFrom('customer_phones')
        .select(['customer_id', 'phone', 'label'])
        .orderBy('customer_id')
        .orderBy('phone')
        .execute();
    expect(b.units.map((u) => [u.id, u.code])).toEqual(a.units.map((u) => [u.id, u.code]));
    expect(b.users).toEqual(a.users);
    expect(b.cust).toEqual(a.cust);
    expect(await phones(b.database)).toEqual(await phones(a.database));
    expect(c.cust.map((x) => x.name)).not.toEqual(a.cust.map((x) => x.name));
    for (const d of [a, b, c]) await d.database.close();
  });

  it('has one province with 3 cities and 8 counties, a login for every role, the network and the customers asked for', async () => {
    const { database, summary, units, users, cust } = await generate(20261123, 600);
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
    expect(new Set(users.flatMap((u) => u.roles)).size).toBe(10);
    expect(users).toHaveLength(DEMO_USERS.length);
    expect(cust).toHaveLength(600);
    expect(summary.customers).toBe(600);
    expect(new Set(cust.map((c) => c.account_no)).size).toBe(600);
    expect(cust.every((c) => /^\d{10}$/.test(c.account_no))).toBe(true);
    expect(new Set(cust.map((c) => c.meter_no)).size).toBe(600);
    expect(cust.every((c) => /^\d{13,22}$/.test(c.meter_no ?? ''))).toBe(true);

    // The supply network: 16 substations, 4 feeders each, ≥ 3 transformers a feeder.
    const db = database.db;
    const subs = await db.selectFrom('grid_substations').selectAll().execute();
    const feeders = await db.selectFrom('grid_feeders').selectAll().execute();
    const transformers = await db.selectFrom('grid_transformers').selectAll().execute();
    expect(subs).toHaveLength(16);
    expect(feeders).toHaveLength(64);
    expect(transformers.length).toBeGreaterThanOrEqual(64 * 3);
    expect(summary.transformers).toBe(transformers.length);
    expect(new Set(transformers.map((t) => t.area_class))).toEqual(
      new Set(['urban', 'rural', 'remote']),
    );
    // Every customer hangs from a transformer of its own supply station.
    const orphans = await db
      .selectFrom('customers as c')
      .leftJoin('grid_transformers as t', 't.id', 'c.transformer_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('t.id', 'is', null), eb('t.org_id', '!=', eb.ref('c.org_id'))]))
      .executeTakeFirstOrThrow();
    expect(Number(orphans.n)).toBe(0);

    // Every unit's path ends with its own id and starts with its parent's path.
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) {
      expect(u.path.endsWith(`/${u.id}/`)).toBe(true);
      if (u.parent_id) expect(u.path.startsWith(byId.get(u.parent_id)!.path)).toBe(true);
    }

    // The default service segments of the province.
    const province = byLevel('province')[0]!;
    const segments = await db
      .selectFrom('customer_segments')
      .select('code')
      .where('org_id', '=', province.id)
      .execute();
    expect(segments).toHaveLength(DEFAULT_SEGMENTS.length);
    await database.close();
  });

  it('gives customers of every class and mark a full, believable archive', async () => {
    const { database } = await generate(11, 600);
    const rows = await database.db.selectFrom('customers').selectAll().execute();
    const phones = await database.db.selectFrom('customer_phones').selectAll().execute();
    const classes = new Set(rows.map((r) => r.customer_class));
    expect(classes).toEqual(new Set(['resident', 'non_resident', 'large']));
    const share = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length;
    expect(share((r) => r.customer_class === 'resident')).toBeGreaterThan(480);

    // Each mark at least once, with what goes with it.
    expect(share((r) => r.is_important)).toBeGreaterThan(0);
    expect(share((r) => r.is_high_risk)).toBeGreaterThan(0);
    expect(share((r) => r.is_vip)).toBeGreaterThan(0);
    const sensitive = rows.filter((r) => r.is_sensitive);
    expect(sensitive.length).toBeGreaterThan(0);
    expect(sensitive.every((r) => (r.sensitive_reason ?? '') !== '')).toBe(true);
    const arrears = rows.filter((r) => Number(r.arrears_fen) > 0);
    expect(arrears.length).toBeGreaterThan(0);
    for (const r of arrears) {
      expect(Number(r.arrears_fen)).toBeGreaterThanOrEqual(1_000);
      expect(Number(r.arrears_fen)).toBeLessThanOrEqual(200_000);
      expect(String(r.arrears_since)).toMatch(/^2026-\d\d-\d\d$/);
    }
    expect(share((r) => r.consent_messages)).toBeGreaterThan(400);

    for (const r of rows) {
      // Class, voltage, tariff and consumption agree.
      if (r.customer_class === 'resident') {
        expect(r.industry).toBe('resident_life');
        expect(['v220', 'v380']).toContain(r.voltage_level);
        expect(['resident', 'resident_tou']).toContain(r.tariff_category);
        expect(r.annual_kwh).toBeGreaterThanOrEqual(1_000);
        expect(r.annual_kwh).toBeLessThanOrEqual(8_000);
        if (r.id_no !== null) {
          expect(r.id_type).toBe('id_card');
          expect(r.id_no).toMatch(/^39\d{15}[\dX]$/);
          expect(idCardCheck(r.id_no.slice(0, 17))).toBe(r.id_no[17]);
        }
      } else {
        expect(r.industry).not.toBe('resident_life');
        expect(r.id_type).toBe('uscc');
        expect(r.id_no).toMatch(/^(91|92|12|11)39[0-9A-HJ-NP-RTUWXY]{14}$/);
        expect(usccCheck(r.id_no!.slice(0, 17))).toBe(r.id_no![17]);
        const [lo, hi] = r.customer_class === 'large' ? [1e6, 5e7] : [1e4, 5e5];
        expect(r.annual_kwh).toBeGreaterThanOrEqual(lo);
        expect(r.annual_kwh).toBeLessThanOrEqual(hi);
        expect(
          r.customer_class === 'large' ? ['kv10', 'kv35', 'kv110'] : ['v380', 'kv10'],
        ).toContain(r.voltage_level);
      }
      expect(r.addr_city).toMatch(/^\p{Script=Han}+市$/u);
      expect(r.addr_county).toMatch(/^\p{Script=Han}+[县区]$/u);
      expect(r.addr_street).not.toBe('');
      expect(r.addr_detail).toMatch(/(室|号)$/);
      expect(r.lat).not.toBeNull();
      expect(r.search_vec).not.toBe('');
    }

    // Phones: 1–3 each, normalised mobiles or landlines, a few shared between customers.
    const perCustomer = new Map<string, number>();
    for (const p of phones)
      perCustomer.set(p.customer_id, (perCustomer.get(p.customer_id) ?? 0) + 1);
    expect(perCustomer.size).toBe(rows.length);
    expect([...perCustomer.values()].every((n) => n >= 1 && n <= 3)).toBe(true);
    for (const p of phones) {
      expect(p.phone).toMatch(p.label === 'mobile' ? /^1[3-9]\d{9}$/ : /^(1[3-9]\d{9}|0\d{9,11})$/);
    }
    expect(phones.some((p) => p.phone.startsWith('0'))).toBe(true);
    const owners = new Map<string, number>();
    for (const p of phones) owners.set(p.phone, (owners.get(p.phone) ?? 0) + 1);
    expect([...owners.values()].some((n) => n >= 2)).toBe(true);
    await database.close();
  });

  // Past 50,000 customers the territory commits first and chunks commit on their own, written
  // from worker threads on a PostgreSQL server.
  it.skipIf(!serverUrl)('loads a big territory chunk by chunk from worker threads', async () => {
    const database = await freshDatabase();
    await migrateToLatest(database.db);
    const url = new URL(serverUrl!);
    url.pathname = `/${scratch.at(-1)!}`;
    const seen: number[] = [];
    const summary = await loadDemo(database, {
      customers: 60_000,
      seed: 3,
      databaseUrl: url.toString(),
      onProgress: ({ done }) => seen.push(done),
    });
    expect(summary.customers).toBe(60_000);
    expect(seen.at(-1)).toBe(60_000);
    const counts = await sql<{ customers: number; phones: number; orphans: number }>`
      SELECT (SELECT count(*) FROM customers)::int AS customers,
        (SELECT count(*) FROM customer_phones)::int AS phones,
        (SELECT count(*) FROM customers c LEFT JOIN grid_transformers t ON t.id = c.transformer_id
          WHERE t.id IS NULL OR t.org_id <> c.org_id)::int AS orphans`.execute(database.db);
    expect(counts.rows[0]).toEqual({ customers: 60_000, phones: summary.phones, orphans: 0 });
    await database.close();
  });

  it('drops secondary indexes around a big load and leaves them exactly as they were', async () => {
    const database = await freshDatabase();
    await migrateToLatest(database.db);
    const indexes = () =>
      sql<{ indexname: string; indexdef: string }>`
        SELECT indexname, indexdef FROM pg_indexes
        WHERE tablename IN ('customers', 'customer_phones') ORDER BY indexname`
        .execute(database.db)
        .then((r) => r.rows);
    const before = await indexes();
    expect(before.map((i) => i.indexname)).toContain('customers_search_idx');
    const during = await withoutSecondaryIndexes(database, ['customers', 'customer_phones'], () =>
      indexes(),
    );
    expect(during.map((i) => i.indexname).sort()).toEqual([
      'customer_phones_pkey',
      'customers_pkey',
      'customers_province_id_account_no_key',
    ]);
    expect(await indexes()).toEqual(before);
    await database.close();
  });
});
