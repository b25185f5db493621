import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../common/schemas/orders.js';
import { buildApp } from '../../app.js';
import { Client, testApp, type TestApp } from '../../db/test-helpers.js';
import { dispatchOutbox } from '../../jobs/outbox-dispatcher.js';
import { createOk, faultInput, orderWorld, type OrderWorld } from './test-support.js';
import { startSlaTimers } from './jobs.js';
import { fireDueTimers } from './service/fire-timers.js';

let t: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  t = await testApp();
  w = await orderWorld(t.app, t.database);
});
afterAll(async () => {
  await t.close();
});

const phone = () => `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const timersOf = (orderId: string) =>
  t.database.db.selectFrom('sla_timers').selectAll().where('order_id', '=', orderId).execute();

describe('durable SLA timers', () => {
  it('fire once each, survive a restart, and raise the order to warning then overdue', async () => {
    const agent = await w.as('agent');
    const o = await createOk(agent, faultInput(w.customers.rural, { callerPhone: phone() }));
    const arrive = o.clocks.find((c) => c.step === 'arrive')!;
    // Rural: 90 minutes to arrive; warnings at 72 and 85.5 minutes.
    expect(arrive.limit).toEqual({ unit: 'minutes', amount: 90 });
    // The city's dispatcher acknowledges at once: the arrival clock is the only one running.
    const dispatcher = await w.as('dispatcher');
    const ack = await dispatcher.post(`/api/orders/${o.id}/actions/acknowledge`, {
      version: o.version,
    });
    expect(ack.statusCode, ack.body).toBe(200);
    const planned = (await timersOf(o.id)).filter((x) => x.step === 'arrive');
    expect(planned.map((x) => x.kind).sort()).toEqual(['critical', 'overdue', 'warning']);
    const start = Date.parse(arrive.startedAt);
    expect(planned.find((x) => x.kind === 'warning')!.due_at.getTime()).toBe(start + 72 * 60_000);

    // A "restarted" process: a new app on the same database, with nothing kept in memory; the
    // session made before still works, because it lives in the database too.
    const app2 = await buildApp({ config: t.config, database: t.database });
    await app2.ready();
    const agent2 = new Client(app2, agent.cookie, agent.csrf);

    const at75 = new Date(start + 75 * 60_000);
    await fireDueTimers(t.database.db, at75);
    const x = await agent2.get(`/api/orders/${o.id}`);
    expect(x.statusCode).toBe(200);
    let d = x.json<OrderDetail>();
    expect(d.slaStatus).toBe('warning');
    expect(d.timeline.filter((e) => e.action === 'sla_warning')).toHaveLength(1);

    // Firing again at the same moment does nothing; later the rest fire once.
    await fireDueTimers(t.database.db, at75);
    await fireDueTimers(t.database.db, new Date(start + 200 * 60_000));
    await fireDueTimers(t.database.db, new Date(start + 300 * 60_000));
    d = (await agent2.get(`/api/orders/${o.id}`)).json<OrderDetail>();
    await app2.close();
    expect(d.slaStatus).toBe('overdue');
    const slaEvents = d.timeline.filter((e) => e.action.startsWith('sla_'));
    const perClock = new Map<string, number>();
    for (const e of slaEvents) {
      const k = `${String(e.data.step)}:${e.action}`;
      perClock.set(k, (perClock.get(k) ?? 0) + 1);
    }
    expect([...perClock.values()].every((n) => n === 1)).toBe(true);
    expect(perClock.get('arrive:sla_overdue')).toBe(1);
    expect(
      (await timersOf(o.id)).every(
        (x) => x.fired_at !== null || x.due_at.getTime() > start + 300 * 60_000,
      ),
    ).toBe(true);
  });

  it('cancels the timers of a clock that stopped in time', async () => {
    const agent = await w.as('agent');
    const o = await createOk(agent, faultInput(w.customers.urban, { callerPhone: phone() }));
    const crew = await w.as('crew');
    let r = await crew.post(`/api/orders/${o.id}/actions/acknowledge`, { version: o.version });
    r = await crew.post(`/api/orders/${o.id}/actions/arrive`, {
      version: r.json<OrderDetail>().version,
    });
    expect(r.statusCode).toBe(200);
    const arriveTimers = (await timersOf(o.id)).filter((x) => x.step === 'arrive');
    expect(arriveTimers).toEqual([]);
    const start = Date.parse(o.acceptedAt);
    await fireDueTimers(t.database.db, new Date(start + 50 * 60_000));
    const d = (await agent.get(`/api/orders/${o.id}`)).json<OrderDetail>();
    expect(d.timeline.some((e) => e.action === 'sla_overdue' && e.data.step === 'arrive')).toBe(
      false,
    );
    expect(d.clocks.find((c) => c.step === 'arrive')?.status).toBe('met');
  });
});

/** Moves an order's timers `days` back: due while the app was down, and older than any other's. */
const backdate = async (orderId: string, days: number) => {
  await sql`UPDATE sla_timers SET due_at = due_at - make_interval(days => ${days})
             WHERE order_id = ${orderId}`.execute(t.database.db);
  const r = await t.database.db
    .selectFrom('sla_timers')
    .select((e) => e.fn.max('due_at').as('last'))
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  return new Date(r.last.getTime() + 1);
};
const slaEventsOf = (orderId: string) =>
  t.database.db
    .selectFrom('order_events')
    .select(['action', 'data'])
    .where('order_id', '=', orderId)
    .where('action', 'like', 'sla\\_%')
    .orderBy('id')
    .execute();
const slaMessagesOf = async (orderId: string) =>
  (
    await t.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'order.changed')
      .where(sql<string>`payload->>'orderId'`, '=', orderId)
      .where(sql<string>`payload->>'action'`, 'like', 'sla\\_%')
      .orderBy('id')
      .execute()
  ).map((m) => m.payload as { action: string; slaStatus: string });
const newOrder = async () =>
  createOk(await w.as('agent'), faultInput(w.customers.urban, { callerPhone: phone() }));

describe('timers claimed by order', () => {
  it('jump a clock whose warning, critical and overdue are all due straight to overdue', async () => {
    const o = await newOrder();
    const running = o.clocks.filter((c) => c.stoppedAt === null).map((c) => c.step);
    expect(running.length).toBeGreaterThan(0);
    const timers = await timersOf(o.id);
    expect(timers).toHaveLength(running.length * 3);
    const at = await backdate(o.id, 3650);

    // One walked timer is enough: the claim takes the order, with every timer of it that is due.
    expect(await fireDueTimers(t.database.db, at, 1)).toBe(timers.length);
    expect((await timersOf(o.id)).every((x) => x.fired_at?.getTime() === at.getTime())).toBe(true);
    const events = await slaEventsOf(o.id);
    expect(events.map((e) => e.action)).toEqual(running.map(() => 'sla_overdue'));
    expect(events.map((e) => (e.data as { step: string }).step).sort()).toEqual(running.sort());
    const clocks = await t.database.db
      .selectFrom('order_sla_clocks')
      .select(['step', 'status'])
      .where('order_id', '=', o.id)
      .where('stopped_at', 'is', null)
      .execute();
    expect(clocks.map((c) => c.status)).toEqual(running.map(() => 'overdue'));
    const d = (await (await w.as('agent')).get(`/api/orders/${o.id}`)).json<OrderDetail>();
    expect(d.slaStatus).toBe('overdue');
    expect(d.slaMissed).toBe(true);
    // One live update for the order, however many clocks and timers.
    const messages = await slaMessagesOf(o.id);
    expect(messages.map((m) => [m.action, m.slaStatus])).toEqual([['sla_overdue', 'overdue']]);

    // Nothing is left to fire for it.
    expect(await fireDueTimers(t.database.db, at)).toBe(0);
    expect(await slaEventsOf(o.id)).toHaveLength(events.length);
  });

  it('raise a later clock without lowering an order that another clock made overdue', async () => {
    const o = await newOrder();
    await backdate(o.id, 3650);
    const timers = await timersOf(o.id);
    const due = (step: string, kind: string) =>
      timers.find((x) => x.step === step && x.kind === kind)!.due_at.getTime();
    const ackOverdue = due('acknowledge', 'overdue');
    const arriveWarning = due('arrive', 'warning');
    expect(ackOverdue).toBeLessThan(arriveWarning);
    await fireDueTimers(t.database.db, new Date(ackOverdue));
    await fireDueTimers(t.database.db, new Date(arriveWarning));
    expect(
      (await slaEventsOf(o.id)).map((e) => [e.action, (e.data as { step: string }).step]),
    ).toEqual([
      ['sla_overdue', 'acknowledge'],
      ['sla_warning', 'arrive'],
    ]);
    const d = (await (await w.as('agent')).get(`/api/orders/${o.id}`)).json<OrderDetail>();
    expect(d.slaStatus).toBe('overdue');
    expect(d.clocks.find((c) => c.step === 'arrive')?.status).toBe('warning');
    expect((await slaMessagesOf(o.id)).map((m) => [m.action, m.slaStatus])).toEqual([
      ['sla_overdue', 'overdue'],
      ['sla_warning', 'overdue'],
    ]);
  });

  it('leave an order that an action holds to the next round, and fire the others', async () => {
    const held = await newOrder();
    const free = await newOrder();
    const ats = [await backdate(held.id, 3650), await backdate(free.id, 3650)];
    const at = new Date(Math.max(...ats.map((x) => x.getTime())));
    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holding = t.database.db.transaction().execute(async (tx) => {
      await tx.selectFrom('orders').select('id').where('id', '=', held.id).forUpdate().execute();
      locked();
      await new Promise<void>((r) => (release = r));
    });
    await isLocked;
    if (t.database.kind === 'postgres') {
      // PGlite is one connection: transactions queue there, so only a server can show the skip.
      await fireDueTimers(t.database.db, at);
      expect((await timersOf(held.id)).every((x) => x.fired_at === null)).toBe(true);
      expect((await timersOf(free.id)).every((x) => x.fired_at !== null)).toBe(true);
    }
    release();
    await holding;
    await fireDueTimers(t.database.db, at);
    expect((await timersOf(held.id)).every((x) => x.fired_at !== null)).toBe(true);
    expect((await slaEventsOf(held.id)).every((e) => e.action === 'sla_overdue')).toBe(true);
  });

  it('fire each timer once when several workers drain a backlog together', async () => {
    const orders = [];
    for (let i = 0; i < 6; i++) orders.push(await newOrder());
    let at = new Date(0);
    for (const [i, o] of orders.entries()) {
      // Spread over time, so the workers' walks interleave the orders' timers.
      const last = await backdate(o.id, 3650 + i);
      if (last > at) at = last;
    }
    const ids = orders.map((o) => o.id);
    const total = (await Promise.all(ids.map(timersOf))).flat().length;
    const worker = async () => {
      let n = 0;
      for (let k; (k = await fireDueTimers(t.database.db, at, 2)) > 0;) n += k;
      return n;
    };
    const claimed = await Promise.all([worker(), worker(), worker()]);
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(total);
    for (const id of ids) {
      expect((await timersOf(id)).every((x) => x.fired_at !== null)).toBe(true);
      const events = await slaEventsOf(id);
      const steps = events.map((e) => (e.data as { step: string }).step);
      expect(new Set(steps).size).toBe(steps.length);
      expect(events.every((e) => e.action === 'sla_overdue')).toBe(true);
      expect(await slaMessagesOf(id)).toHaveLength(1);
    }
  });

  it('drain a backlog due while the app was down once the loop starts again', async () => {
    const orders = [await newOrder(), await newOrder(), await newOrder()];
    // Due a day ago by the real clock, which the loop reads.
    for (const o of orders) await backdate(o.id, 1);
    const stop = startSlaTimers({ database: t.database, log: t.app.log, intervalMs: 10, batch: 1 });
    try {
      await expect
        .poll(async () => (await Promise.all(orders.map((o) => timersOf(o.id)))).flat(), {
          timeout: 10_000,
        })
        .toSatisfy((all: { fired_at: Date | null }[]) => all.every((x) => x.fired_at !== null));
    } finally {
      await stop();
    }
    for (const o of orders) {
      const d = (await (await w.as('agent')).get(`/api/orders/${o.id}`)).json<OrderDetail>();
      expect(d.slaStatus).toBe('overdue');
    }
  });
});

describe('live updates', () => {
  it('streams an order change to a signed-in agent over SSE, and not to another county', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const agent = await w.as('agent');
    const other = await w.as('county2admin');
    const open = (cookie: string | null) =>
      fetch(`http://127.0.0.1:${port}/api/events`, { headers: { cookie: cookie ?? '' } });
    const agentStream = await open(agent.cookie);
    const otherStream = await open(other.cookie);
    expect(agentStream.headers.get('content-type')).toContain('text/event-stream');
    const read = async (res: Response, until: string, ms: number) => {
      const reader = res.body!.getReader();
      const dec = new TextDecoder();
      let text = '';
      const deadline = Date.now() + ms;
      while (Date.now() < deadline && !text.includes(until)) {
        const chunk = await Promise.race([
          reader.read(),
          new Promise<{ done: true; value: undefined }>((r) =>
            setTimeout(() => r({ done: true, value: undefined }), deadline - Date.now()),
          ),
        ]);
        if (chunk.done) break;
        text += dec.decode(chunk.value);
      }
      await reader.cancel();
      return text;
    };
    const o = await createOk(agent, faultInput(w.customers.urban, { callerPhone: phone() }));
    await dispatchOutbox(t.database, t.app.live);
    const got = await read(agentStream, o.id, 5000);
    expect(got).toContain('event: order');
    expect(got).toContain(o.number);
    const notGot = await read(otherStream, o.id, 500);
    expect(notGot).not.toContain(o.id);
    expect(got).not.toContain('unitPath');
  });
});
