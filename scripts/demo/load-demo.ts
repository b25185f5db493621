import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../server/db/database.js';
import type { DB, OrgUnitsTable } from '../../server/db/schema.js';
import { hashPassword, recordAudit } from '../../server/modules/auth/index.js';
import {
  insertCustomersBulk,
  insertDefaultSegments,
  type CustomerRecord,
} from '../../server/modules/customers/index.js';
import { withoutSecondaryIndexes } from './bulk-load.js';
import { generateCustomers, type StationPlaces } from './customers.js';
import { InsertWorkers } from './insert-worker.js';
import { insertNetwork } from './network.js';
import {
  fireOutstandingTimers,
  loadDemoOrders,
  prepareDemoOrders,
  writeDemoOrders,
  type DemoOrdersOptions,
} from './orders.js';
import { insertDemoContact } from './contact.js';
import { insertDemoCrews } from './crews.js';
import { insertDemoKnowledge } from './knowledge.js';
import { countyPlaces } from './places.js';
import { SeededRandom } from './random.js';
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  TERRITORY,
  type PlacedUnit,
  type UnitSpec,
} from './territory.js';

export interface DemoOptions {
  customers: number;
  seed: number;
  /**
   * The server's URL when `database` is a PostgreSQL server: big loads then write from worker
   * threads with connections of their own.
   */
  databaseUrl?: string | undefined;
  /**
   * Work orders of the last 30 days, worked through the order services (default none; `npm
   * start` asks for DEMO_ORDERS).
   */
  orders?: number;
  /** The end of those 30 days (default: the real now; tests fix it). */
  now?: Date;
  /** Called after every chunk of customers written (big loads report progress with it). */
  onProgress?: (event: { phase: 'customers' | 'indexes'; done: number; total: number }) => void;
}

export interface DemoSummary {
  units: number;
  users: number;
  customers: number;
  phones: number;
  transformers: number;
  orders: number;
}

// Demo ids carry a fixed clock (2026-01-01), so the same seed gives the same ids everywhere.
const EPOCH = Date.UTC(2026, 0, 1);
const CHUNK = 5000;
// Up to this many customers the whole demo is one transaction; beyond it, the territory commits
// first and every chunk of customers commits on its own (a failed big load asks for --reset).
const ONE_TRANSACTION_MAX = 50_000;
// On a PostgreSQL server, a load this big is faster with secondary indexes built afterwards.
const REINDEX_MIN = 200_000;

async function insertUnits(tx: Kysely<DB>, rnd: SeededRandom): Promise<Map<string, PlacedUnit>> {
  const placed = new Map<string, PlacedUnit>();
  const rows: Insertable<OrgUnitsTable>[] = [];
  const walk = (spec: UnitSpec, parent: PlacedUnit | null, depth: number) => {
    const id = rnd.uuid(EPOCH + placed.size);
    const path = `${parent?.path ?? '/'}${id}/`;
    const provinceId = spec.level === 'province' ? id : (parent?.provinceId ?? null);
    const unit = { id, path, provinceId, spec };
    placed.set(spec.key, unit);
    rows.push({
      id,
      parent_id: parent?.id ?? null,
      name: spec.name,
      code: spec.code,
      level: spec.level,
      kind: spec.kind,
      path,
      depth,
      org_id: id,
      province_id: provinceId,
    });
    for (const child of spec.children ?? []) walk(child, unit, depth + 1);
  };
  walk(TERRITORY, null, 0);
  await tx.insertInto('org_units').values(rows).execute();
  return placed;
}

async function insertUsers(
  tx: Kysely<DB>,
  rnd: SeededRandom,
  units: Map<string, PlacedUnit>,
  hash: string,
): Promise<void> {
  await tx
    .insertInto('users')
    .values(
      DEMO_USERS.map((u, i) => {
        const unit = units.get(u.unit);
        if (!unit) throw new Error(`Demo user ${u.username}: no unit ${u.unit}`);
        return {
          id: rnd.uuid(EPOCH + 100_000 + i),
          username: u.username,
          display_name: u.name,
          password_hash: hash,
          roles: u.roles,
          org_id: unit.id,
          province_id: unit.provinceId,
          phone: u.phone,
          email: `${u.username}@demo.lianxin.example`,
          must_change_password: false,
        };
      }),
    )
    .execute();
}

interface Territory {
  units: Map<string, PlacedUnit>;
  stations: StationPlaces[];
  transformers: number;
}

/** Units, logins, the supply network and the default service segments of the province. */
async function insertTerritory(
  tx: Kysely<DB>,
  rnd: SeededRandom,
  hash: string,
  customers: number,
): Promise<Territory> {
  const units = await insertUnits(tx, rnd);
  await insertUsers(tx, rnd, units, hash);
  const network = await insertNetwork(tx, rnd, units, customers, EPOCH + 500_000);
  const places = new Map<string, ReturnType<typeof countyPlaces>>();
  for (const u of units.values()) {
    if (u.spec.level !== 'county') continue;
    const [cityKey, n] = u.spec.key.split('-') as [string, string];
    const city = units.get(cityKey)!;
    places.set(
      u.id,
      countyPlaces(rnd, {
        key: u.spec.key,
        name: u.spec.name,
        cityKey,
        cityName: city.spec.name,
        n: Number(n),
      }),
    );
  }
  const province = units.get('province')!;
  await insertDefaultSegments(tx, { orgId: province.id, provinceId: province.id });
  return {
    units,
    stations: network.map((s) => ({ network: s, places: places.get(s.county.id)! })),
    transformers: network.reduce((n, s) => n + s.transformers.length, 0),
  };
}

/**
 * Generates the customers chunk by chunk and hands each chunk to `write`, keeping up to
 * `parallel` writes in flight, so the database inserts one chunk while the next is generated.
 * Returns the number of phones written.
 */
async function writeCustomers(
  rnd: SeededRandom,
  stations: StationPlaces[],
  total: number,
  write: (chunk: CustomerRecord[]) => Promise<unknown>,
  opts: { parallel: number; onProgress: DemoOptions['onProgress'] },
): Promise<number> {
  const inFlight = new Set<Promise<unknown>>();
  let failure: Error | undefined;
  let done = 0;
  let phones = 0;
  let chunk: CustomerRecord[] = [];
  const flush = async () => {
    const rows = chunk;
    chunk = [];
    while (inFlight.size >= opts.parallel) await Promise.race(inFlight);
    if (failure !== undefined) throw failure;
    const p: Promise<unknown> = write(rows).then(
      () => {
        inFlight.delete(p);
        done += rows.length;
        opts.onProgress?.({ phase: 'customers', done, total });
      },
      (e: unknown) => {
        inFlight.delete(p);
        failure ??= e instanceof Error ? e : new Error(String(e));
      },
    );
    inFlight.add(p);
  };
  // Generated in slices with a turn of the event loop between them, so the driver can send and
  // receive while the next chunk is being made.
  for (const slice of generateCustomers(rnd, stations, { idClock: EPOCH + 1_000_000, size: 500 })) {
    for (const c of slice) phones += c.phones.length;
    chunk.push(...slice);
    if (chunk.length >= CHUNK) await flush();
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (chunk.length > 0) await flush();
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  return phones;
}

async function auditLoad(tx: Kysely<DB>, units: Map<string, PlacedUnit>, opts: DemoOptions) {
  await recordAudit(
    tx,
    { actor: null, meta: { ip: null, requestId: null, userAgent: 'demo-loader' } },
    {
      action: 'demo.load',
      entityType: 'system',
      entityId: null,
      after: {
        seed: opts.seed,
        customers: opts.customers,
        users: DEMO_USERS.length,
        orders: opts.orders ?? 0,
      },
      orgId: units.get('national')!.id,
      provinceId: null,
    },
  );
}

/**
 * Builds the demo territory: the national center, one province (示范省电力公司) with 3 cities and
 * 8 counties, their departments, supply stations and crews, a login for every role, the supply
 * network, the default service segments and customers of every class and mark, and when asked
 * a month of work orders worked through the order services (orders.ts). The same seed always
 * gives the same data (the orders: for the same `now`).
 */
export async function loadDemo(database: Database, opts: DemoOptions): Promise<DemoSummary> {
  const rnd = new SeededRandom(opts.seed);
  const hash = await hashPassword(DEMO_PASSWORD);
  const summary = (
    t: Territory,
    phones: number,
    orders: { orders: number; staff: number } = { orders: 0, staff: 0 },
  ): DemoSummary => ({
    units: t.units.size,
    users: DEMO_USERS.length + orders.staff,
    customers: opts.customers,
    phones,
    transformers: t.transformers,
    orders: orders.orders,
  });
  const orders: DemoOrdersOptions | null =
    (opts.orders ?? 0) > 0
      ? { seed: opts.seed, count: opts.orders, now: opts.now ?? new Date(), passwordHash: hash }
      : null;

  if (opts.customers <= ONE_TRANSACTION_MAX) {
    // The orders' number sequences are made outside the transaction, as the create route does.
    if (orders) await prepareDemoOrders(database.db, orders);
    const loaded = await database.db.transaction().execute(async (tx) => {
      const t = await insertTerritory(tx, rnd, hash, opts.customers);
      const phones = await writeCustomers(
        rnd,
        t.stations,
        opts.customers,
        (rows) => insertCustomersBulk(tx, rows),
        { parallel: 1, onProgress: opts.onProgress },
      );
      await auditLoad(tx, t.units, opts);
      const written = orders ? await writeDemoOrders(tx, orders) : undefined;
      // After the orders: they bring the crew logins of every station, the crews' members.
      await insertDemoCrews(tx, opts.seed);
      await insertDemoContact(tx, opts.seed);
      await insertDemoKnowledge(tx, opts.now ?? new Date());
      return summary(t, phones, written);
    });
    // Deadlines passed while the month of orders was written: their timers fire now.
    if (orders) await fireOutstandingTimers(database.db, orders.now);
    return loaded;
  }

  const t = await database.db
    .transaction()
    .execute((tx) => insertTerritory(tx, rnd, hash, opts.customers));
  const server = database.kind === 'postgres';
  const skipChecks = server && (await mayDisableChecks(database));
  const load = async () => {
    // Worker threads segment and encode while this thread generates (2 cores here).
    const workers =
      server && opts.databaseUrl
        ? new InsertWorkers(2, { databaseUrl: opts.databaseUrl, skipChecks })
        : undefined;
    try {
      return await writeCustomers(
        rnd,
        t.stations,
        opts.customers,
        (rows) =>
          workers
            ? workers.write(rows)
            : database.db.transaction().execute(async (tx) => {
                // The rows refer only to units and transformers just written: where the role
                // may, the per-row foreign-key checks (a fifth of the server's work) are skipped.
                if (skipChecks) await sql`SET LOCAL session_replication_role = replica`.execute(tx);
                return insertCustomersBulk(tx, rows);
              }),
        // PGlite is one connection: a second writer would only queue.
        { parallel: workers ? 4 : server ? 2 : 1, onProgress: opts.onProgress },
      );
    } finally {
      await workers?.close();
    }
  };
  const phones =
    server && opts.customers >= REINDEX_MIN
      ? await withoutSecondaryIndexes(database, ['customers', 'customer_phones'], load, () =>
          opts.onProgress?.({ phase: 'indexes', done: opts.customers, total: opts.customers }),
        )
      : await load();
  await database.db.transaction().execute((tx) => auditLoad(tx, t.units, opts));
  const written = orders ? await loadDemoOrders(database, orders) : undefined;
  await database.db.transaction().execute((tx) => insertDemoCrews(tx, opts.seed));
  await database.db.transaction().execute((tx) => insertDemoContact(tx, opts.seed));
  await database.db.transaction().execute((tx) => insertDemoKnowledge(tx, opts.now ?? new Date()));
  // Fresh statistics for the planner: without them (autovacuum off, or not yet run) PostgreSQL
  // takes the few-row guess for the just-filled tables, and a caller-ID look-up driven from the
  // units scans every customer (24 ms instead of 0.1 ms on 20,000 customers).
  await sql`ANALYZE`.execute(database.db);
  return summary(t, phones, written);
}

/** Whether this role may switch off triggers, foreign-key checks included, for its session. */
async function mayDisableChecks(database: Database): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`
    SELECT rolsuper AS ok FROM pg_roles WHERE rolname = current_user`.execute(database.db);
  return r.rows[0]?.ok === true;
}

/** Whether the database holds no organisation yet (a first start). */
export async function isEmpty(database: Database): Promise<boolean> {
  const row = await database.db.selectFrom('org_units').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
