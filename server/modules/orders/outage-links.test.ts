/**
 * Fault calls from inside an outage: linked to it at intake (not dispatched on their own, the
 * caller told the estimate), linked and unlinked by hand, returned together when the power is
 * back with their callbacks queued, released when the outage is cancelled.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../common/schemas/orders.js';
import type { OutageDetail } from '../../../common/schemas/outages.js';
import { testApp, type Client, type TestApp } from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { settleStrandedLinks } from './service/settle-links.js';
import { act, createOk, faultInput, orderWorld, type OrderWorld } from './test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function faultOutage(d: Client, scope: Record<string, string[]>, over = {}) {
  const res = await d.post('/api/outages', {
    category: 'grid_fault',
    title: '10kV城关一线故障跳闸',
    reason: '线路故障',
    areaText: '城关一线沿线',
    startedAt: hours(-0.2),
    estimatedRestoreAt: hours(2),
    scope,
    publish: true,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<OutageDetail>();
}

async function get(c: Client, id: string) {
  const res = await c.get(`/api/orders/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<OrderDetail>();
}

const clockOf = (o: OrderDetail, step: string) => o.clocks.find((c) => c.step === step);

async function troubleCalls(orderIds: string[]) {
  const r = await sql<{ order_id: string }>`
    SELECT order_id FROM trouble_calls WHERE order_id = ANY(${orderIds}::uuid[])`.execute(
    t.database.db,
  );
  return r.rows.map((x) => x.order_id);
}

describe('a fault call from inside a live outage', () => {
  let w: OrderWorld;
  beforeAll(async () => {
    w = await orderWorld(t.app, t.database);
  });

  it('is linked to the outage, not dispatched, and the caller is told the estimate', async () => {
    const d = await w.as('dispatcher');
    const agent = await w.as('agent');
    const outage = await faultOutage(d, { feeders: [w.net.feeders.c1f1] });
    expect(outage.state).toBe('in_progress');

    const o = await createOk(agent, faultInput(w.customers.urban, { autoDispatch: true }));
    expect(o.state).toBe('linked');
    expect(o.assignedUnit).toBeNull();
    expect(o.outage).toMatchObject({
      id: outage.id,
      number: outage.number,
      via: 'intake',
      estimatedRestoreAt: new Date(outage.estimatedRestoreAt!).toISOString(),
    });
    expect(o.timeline.map((e) => e.action)).toEqual(['accept', 'link_outage']);
    // No dispatch or arrival clock of its own: the outage's crew does the work.
    expect(clockOf(o, 'dispatch')).toBeUndefined();
    expect(clockOf(o, 'arrive')).toBeUndefined();
    // Not a trouble call for the analysis: the outage already explains it.
    expect(await troubleCalls([o.id])).toEqual([]);
    // The same on reading it back, and on the outage's side.
    expect((await get(agent, o.id)).outage?.id).toBe(outage.id);
    const od = (await d.get(`/api/outages/${outage.id}`)).json<OutageDetail>();
    expect(od.orders.map((x) => x.id)).toContain(o.id);

    // A complaint from the same customer is not a fault: it goes its own way.
    const complaint = await createOk(agent, {
      typeCode: 'complaint',
      subtypeCode: 'service',
      title: '投诉停电无通知',
      description: '客户投诉停电前没有收到任何通知。',
      customerId: w.customers.urban,
      fields: {
        complaintClass: 'service',
        grade: 'general',
        emotion: 'calm',
        confidentiality: 'none',
        overLevel: false,
      },
    });
    expect(complaint.state).toBe('dispatched');
    expect(complaint.outage).toBeNull();
  });

  it('outside the outage, a fault is dispatched on its own and kept for the analysis', async () => {
    const agent = await w.as('agent');
    const o = await createOk(agent, faultInput(w.customers.rural, { autoDispatch: true }));
    expect(o.state).toBe('dispatched');
    expect(o.outage).toBeNull();
    expect(await troubleCalls([o.id])).toEqual([o.id]);
  });
});

describe('planned outages at intake', () => {
  let w: OrderWorld;
  beforeAll(async () => {
    w = await orderWorld(t.app, t.database);
  });

  const planned = (start: number, end: number) => ({
    category: 'planned',
    title: '10kV城关一线计划检修',
    reason: '设备检修',
    areaText: '城关镇人民路一带',
    plannedStart: hours(start),
    plannedEnd: hours(end),
    scope: { transformers: [w.net.transformers.c1t1] },
    publish: true,
  });

  it('links a call inside a published window that has begun, not one before it', async () => {
    const d = await w.as('dispatcher');
    const agent = await w.as('agent');
    const later = await d.post('/api/outages', planned(24 * 8, 24 * 8 + 4));
    expect(later.statusCode, later.body).toBe(201);
    const before = await createOk(agent, faultInput(w.customers.urban));
    expect(before.state).toBe('dispatched');
    expect(await troubleCalls([before.id])).toEqual([before.id]);

    const now = await d.post('/api/outages', planned(-1, 3));
    expect(now.statusCode, now.body).toBe(201);
    expect(now.json<OutageDetail>().state).toBe('published');
    const inside = await createOk(agent, faultInput(w.customers.urban));
    expect(inside.state).toBe('linked');
    expect(inside.outage?.id).toBe(now.json<OutageDetail>().id);
    expect(await troubleCalls([inside.id])).toEqual([]);
  });
});

describe('restoration and cancellation', () => {
  let w: OrderWorld;
  beforeAll(async () => {
    w = await orderWorld(t.app, t.database);
  });

  it('returns every linked order together and queues the callbacks', async () => {
    const d = await w.as('dispatcher');
    const agent = await w.as('agent');
    const outage = await faultOutage(d, {
      transformers: [w.net.transformers.c1t1, w.net.transformers.c1t3],
    });
    const a = await createOk(agent, faultInput(w.customers.urban));
    const b = await createOk(agent, faultInput(w.customers.important));
    const outside = await createOk(agent, faultInput(w.customers.rural));
    expect([a.state, b.state, outside.state]).toEqual(['linked', 'linked', 'dispatched']);

    const res = await d.post(`/api/outages/${outage.id}/actions/restore`, {
      version: outage.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    for (const id of [a.id, b.id]) {
      const o = await get(agent, id);
      expect(o.state).toBe('reviewed');
      expect(o.result).toContain(outage.number);
      expect(o.timeline.at(-1)?.action).toBe('outage_restored');
      expect(o.clocks.filter((c) => c.step !== 'callback' && !c.stoppedAt)).toEqual([]);
      // The callback (回访) is what is left, with its clock running.
      expect(clockOf(o, 'callback')?.stoppedAt).toBeNull();
      expect(o.allowedActions).toContain('callback');
    }
    expect((await get(agent, outside.id)).state).toBe('dispatched');
    // Restored, the outage links no new caller.
    const after = await createOk(agent, faultInput(w.customers.urban));
    expect(after.state).toBe('dispatched');
  });

  it('releases the linked orders when the outage is cancelled, dispatch clock running again', async () => {
    const d = await w.as('dispatcher');
    const agent = await w.as('agent');
    // A planned outage whose window has begun, published but not started: it may be cancelled.
    const res0 = await d.post('/api/outages', {
      category: 'planned',
      title: '计划检修',
      reason: '设备检修',
      areaText: '某街道',
      plannedStart: hours(-1),
      plannedEnd: hours(3),
      scope: { transformers: [w.net.transformers.c1t2] },
      publish: true,
    });
    expect(res0.statusCode, res0.body).toBe(201);
    const outage = res0.json<OutageDetail>();
    const a = await createOk(agent, faultInput(w.customers.sensitive));
    expect(a.state).toBe('linked');
    const res = await d.post(`/api/outages/${outage.id}/actions/cancel`, {
      version: outage.version,
      reason: '误报，实为客户内部故障',
    });
    expect(res.statusCode, res.body).toBe(200);
    const o = await get(agent, a.id);
    expect(o.state).toBe('accepted');
    expect(o.outage).toBeNull();
    expect(clockOf(o, 'dispatch')?.stoppedAt).toBeNull();
    expect(o.timeline.at(-1)).toMatchObject({ action: 'unlink_outage' });
  });
});

describe('linking by hand', () => {
  let w: OrderWorld;
  beforeAll(async () => {
    w = await orderWorld(t.app, t.database);
  });

  it('links an earlier call to a live outage and unlinks it with a reason', async () => {
    const d = await w.as('dispatcher');
    const agent = await w.as('agent');
    // The call came an hour before anyone entered the outage: too early to join it by itself.
    const o = await createOk(agent, faultInput(w.customers.rural, { autoDispatch: true }));
    expect(o.state).toBe('dispatched');
    await sql`UPDATE trouble_calls SET at = at - interval '1 hour'
               WHERE order_id = ${o.id}`.execute(t.database.db);
    const outage = await faultOutage(d, { transformers: [w.net.transformers.c2t1] });

    const linked = await act(agent, o, 'link_outage', { outageId: outage.id });
    expect(linked.state).toBe('linked');
    expect(linked.outage).toMatchObject({ id: outage.id, via: 'manual' });
    expect(clockOf(linked, 'dispatch')?.stoppedAt).not.toBeNull();
    expect(clockOf(linked, 'arrive')?.stoppedAt).not.toBeNull();

    expectError(
      await agent.post(`/api/orders/${o.id}/actions/unlink_outage`, { version: linked.version }),
      'VALIDATION_FAILED',
    );
    const back = await act(agent, linked, 'unlink_outage', { reason: '邻居有电，单户故障' });
    expect(back.state).toBe('accepted');
    expect(back.outage).toBeNull();
    expect(clockOf(back, 'dispatch')?.stoppedAt).toBeNull();
  });

  it('refuses an outage that is not live, outside the area, or a non-fault order', async () => {
    w = await orderWorld(t.app, t.database);
    const d = await w.as('dispatcher');
    const agent = await w.as('agent');
    const o = await createOk(agent, faultInput(w.customers.rural));
    const draft = await d.post('/api/outages', {
      category: 'grid_fault',
      title: '草稿',
      reason: '线路故障',
      areaText: '某地',
      scope: { transformers: [w.net.transformers.c2t1] },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const res = await agent.post(`/api/orders/${o.id}/actions/link_outage`, {
      version: o.version,
      outageId: draft.json<OutageDetail>().id,
    });
    expectError(res, 'ORDER_OUTAGE_NOT_LIVE');
    expectError(
      await agent.post(`/api/orders/${o.id}/actions/link_outage`, {
        version: o.version,
        outageId: crypto.randomUUID(),
      }),
      'ORDER_OUTAGE_NOT_LIVE',
    );
    // Nothing changed.
    const same = await get(agent, o.id);
    expect([same.state, same.version]).toEqual(['dispatched', o.version]);

    // Another organisation's live outage is not there for this agent.
    const other = await orderWorld(t.app, t.database);
    const foreign = await faultOutage(await other.as('dispatcher'), {
      transformers: [other.net.transformers.c1t1],
    });
    expectError(
      await agent.post(`/api/orders/${o.id}/actions/link_outage`, {
        version: o.version,
        outageId: foreign.id,
      }),
      'ORDER_OUTAGE_NOT_LIVE',
    );
    // The repair crew does not link orders.
    const crew = await w.as('crew');
    const refused = await crew.post(`/api/orders/${o.id}/actions/link_outage`, {
      version: o.version,
      outageId: foreign.id,
    });
    expect([403, 404]).toContain(refused.statusCode);
  });
});

describe('an order accepted into an outage in the moment it ended', () => {
  it('is settled by the orders job like the others were', async () => {
    const w = await orderWorld(t.app, t.database);
    const d = await w.as('dispatcher');
    const agent = await w.as('agent');
    const outage = await faultOutage(d, { transformers: [w.net.transformers.c1t1] });
    const restore = await d.post(`/api/outages/${outage.id}/actions/restore`, {
      version: outage.version,
    });
    expect(restore.statusCode, restore.body).toBe(200);
    // The race, reproduced: the intake read the outage live and wrote its order after the
    // restoration had returned the linked orders.
    await sql`UPDATE outages SET state = 'in_progress' WHERE id = ${outage.id}`.execute(
      t.database.db,
    );
    const late = await createOk(agent, faultInput(w.customers.urban));
    expect(late.state).toBe('linked');
    await sql`UPDATE outages SET state = 'restored' WHERE id = ${outage.id}`.execute(t.database.db);

    expect(await settleStrandedLinks(t.database.db, new Date())).toBeGreaterThanOrEqual(1);
    const o = await get(agent, late.id);
    expect(o.state).toBe('reviewed');
    expect(o.result).toContain(outage.number);
    const last = o.timeline.at(-1)!;
    expect(last.action).toBe('outage_restored');
    expect(last.actor?.name).toBe(restore.json<OutageDetail>().events.at(-1)!.actorName);
    // Settled once: nothing left to do.
    expect(await settleStrandedLinks(t.database.db, new Date())).toBe(0);
  });
});
