/**
 * Orders accepted together: the intake queue writes concurrent requests in groups, and each
 * request must still get its own answer, its own rows and its own error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../common/schemas/orders.js';
import { testApp, type TestApp } from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { faultInput, orderWorld, type OrderWorld } from './test-support.js';

let t: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  t = await testApp();
  w = await orderWorld(t.app, t.database);
});
afterAll(async () => {
  await t.close();
});

let phoneSeq = Math.floor(Math.random() * 1e7);
const freshPhone = () => `136${String(phoneSeq++ % 1e8).padStart(8, '0')}`;

/** How many rows of each kind were written for these orders. */
async function rowsOf(ids: string[]) {
  const db = t.database.db;
  const count = async (table: 'orders' | 'order_events' | 'order_sla_clocks' | 'sla_timers') => {
    const col = table === 'orders' ? 'id' : 'order_id';
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(col, 'in', ids)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };
  const audit = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('entity_type', '=', 'order')
    .where('action', '=', 'order.create')
    .where('entity_id', 'in', ids)
    .executeTakeFirstOrThrow();
  return {
    orders: await count('orders'),
    events: await count('order_events'),
    clocks: await count('order_sla_clocks'),
    timers: await count('sla_timers'),
    audit: Number(audit.n),
  };
}

describe('orders accepted at the same moment', () => {
  it('each get their own answer, rows and number; a twin gets the first answer, a bad one its error', async () => {
    const agent = await w.as('agent');
    const twinKey = { 'idempotency-key': `twin-${crypto.randomUUID()}` };
    const twinBody = faultInput(w.customers.urban, { callerPhone: freshPhone() });
    const good = Array.from({ length: 14 }, (_, i) =>
      agent.post(
        '/api/orders',
        faultInput(i % 2 ? w.customers.rural : w.customers.urban, { callerPhone: freshPhone() }),
        i % 3 === 0 ? { 'idempotency-key': `burst-${i}-${crypto.randomUUID()}` } : {},
      ),
    );
    const [results, twinA, twinB, unknown, badUnit] = await Promise.all([
      Promise.all(good),
      agent.post('/api/orders', twinBody, twinKey),
      agent.post('/api/orders', twinBody, twinKey),
      agent.post('/api/orders', faultInput(crypto.randomUUID(), { callerPhone: freshPhone() })),
      agent.post('/api/orders', {
        ...faultInput(w.customers.urban, { callerPhone: freshPhone() }),
        customerId: undefined,
        fields: { ...faultInput('').fields, areaClass: 'urban' },
        locationUnitId: crypto.randomUUID(),
      }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual(results.map(() => 201));
    const made = results.map((r) => r.json<OrderDetail>());
    expect(new Set(made.map((o) => o.id)).size).toBe(14);
    expect(new Set(made.map((o) => o.number)).size).toBe(14);
    for (const o of made) expect(o.number).toMatch(/^\d{8}\d{5,}$/);
    // Each answer is about its own request: the rural customer's orders went to county 2.
    made.forEach((o, i) =>
      expect(o.customer?.id).toBe(i % 2 ? w.customers.rural : w.customers.urban),
    );

    expect(twinA.statusCode).toBe(201);
    expect(twinB.statusCode).toBe(201);
    expect(twinB.json<OrderDetail>().id).toBe(twinA.json<OrderDetail>().id);
    expect(twinB.json<OrderDetail>().number).toBe(twinA.json<OrderDetail>().number);
    expectError(unknown, 'CUSTOMER_NOT_FOUND');
    expectError(badUnit, 'UNIT_NOT_FOUND');

    const ids = [...made.map((o) => o.id), twinA.json<OrderDetail>().id];
    const rows = await rowsOf(ids);
    expect(rows.orders).toBe(15);
    expect(rows.audit).toBe(15);
    // accept + dispatch for every order; clocks and their timers for every one.
    expect(rows.events).toBe(30);
    expect(rows.clocks).toBeGreaterThanOrEqual(15 * 3);
    expect(rows.timers).toBeGreaterThanOrEqual(15 * 3);
    const stored = await t.database.db
      .selectFrom('orders')
      .select(['id', 'number', 'customer_id'])
      .where('id', 'in', ids)
      .execute();
    const byId = new Map(stored.map((s) => [s.id, s]));
    for (const o of made) {
      expect(byId.get(o.id)?.number).toBe(o.number);
      expect(byId.get(o.id)?.customer_id).toBe(o.customer?.id);
    }
    // The stored answer of a keyed request is the answer that was sent, number and all.
    const key = await t.database.db
      .selectFrom('idempotency_keys')
      .select(['status', 'response'])
      .where('key', '=', twinKey['idempotency-key'])
      .executeTakeFirstOrThrow();
    expect(key.status).toBe(201);
    expect((key.response as OrderDetail).number).toBe(twinA.json<OrderDetail>().number);
  });

  it('retries order by order when the database refuses a group, so the others still land', async () => {
    const agent = await w.as('agent');
    const taken = `taken-${crypto.randomUUID()}`;
    // A twin request, committed between our read and our write, holds the key with another
    // request's answer: our group's one statement fails on it as a whole.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    const twin = t.database.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('idempotency_keys')
        .values({
          actor_id: w.org.users.agent!.id,
          key: taken,
          request_hash: 'another request',
          status: 201,
          response: JSON.stringify({ id: 'another order' }),
        })
        .execute();
      holding();
      await gate;
    });
    await held;
    const sent = Promise.all([
      ...Array.from({ length: 6 }, () =>
        agent.post('/api/orders', faultInput(w.customers.urban, { callerPhone: freshPhone() })),
      ),
      agent.post('/api/orders', faultInput(w.customers.urban, { callerPhone: freshPhone() }), {
        'idempotency-key': taken,
      }),
    ]);
    await new Promise((r) => setTimeout(r, 300));
    release();
    await twin;
    const results = await sent;
    const reused = results.pop()!;
    expectError(reused, 'IDEMPOTENCY_KEY_REUSED');
    expect(results.map((r) => r.statusCode)).toEqual(results.map(() => 201));
    const ids = results.map((r) => r.json<OrderDetail>().id);
    expect((await rowsOf(ids)).orders).toBe(6);
    const keyRows = await t.database.db
      .selectFrom('idempotency_keys')
      .select('request_hash')
      .where('key', '=', taken)
      .execute();
    expect(keyRows.map((k) => k.request_hash)).toEqual(['another request']);
  });
});
