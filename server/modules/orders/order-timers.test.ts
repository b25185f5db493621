import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../common/schemas/orders.js';
import { buildApp } from '../../app.js';
import { Client, testApp, type TestApp } from '../../db/test-helpers.js';
import { dispatchOutbox } from '../../jobs/outbox-dispatcher.js';
import { createOk, faultInput, orderWorld, type OrderWorld } from './test-support.js';
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
