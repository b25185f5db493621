import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail, OrderList, OrderSla } from '../../../common/schemas/orders.js';
import { testApp, type TestApp } from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { act, createOk, faultInput, orderWorld, type OrderWorld } from './test-support.js';

let t: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  t = await testApp();
  w = await orderWorld(t.app, t.database);
});
afterAll(async () => {
  await t.close();
});

describe('the closed loop of a fault order', () => {
  it('accepts, routes to the station, and runs the repair clocks', async () => {
    const agent = await w.as('agent');
    const o = await createOk(agent, faultInput(w.customers.urban));
    expect(o.number).toMatch(/^\d{8}\d{5,}$/);
    expect(o.state).toBe('dispatched');
    expect(o.assignedUnit?.id).toBe(w.org.units.station1!.id);
    expect(o.areaClass).toBe('urban');
    expect(o.callerPhone).toBe('139****5678');
    const arrive = o.clocks.find((c) => c.step === 'arrive')!;
    expect(arrive.limit).toEqual({ unit: 'minutes', amount: 45 });
    expect(Date.parse(arrive.dueAt) - Date.parse(arrive.startedAt)).toBe(45 * 60_000);
    expect(o.timeline.map((e) => e.action)).toEqual(['accept', 'dispatch']);
    expect(o.allowedActions).not.toContain('acknowledge');

    const crew = await w.as('crew');
    let x = await crew.get(`/api/orders/${o.id}`).then((r) => r.json<OrderDetail>());
    expect(x.allowedActions).toContain('acknowledge');
    expect(x.callerPhone).toBe('13912345678');
    x = await act(crew, x, 'acknowledge');
    x = await act(crew, x, 'arrive');
    expect(x.state).toBe('on_site');
    x = await act(crew, x, 'repaired', { result: '更换熔断器后恢复供电' });
    x = await act(crew, x, 'return', { result: '已恢复供电' });
    expect(x.state).toBe('returned');
    x = await act(agent, x, 'review_pass');
    x = await act(agent, x, 'callback', { satisfaction: 'satisfied' });
    x = await act(agent, x, 'archive');
    expect(x.state).toBe('archived');
    expect(x.clocks.every((c) => c.stoppedAt !== null)).toBe(true);
    expect(x.timeline.map((e) => e.action)).toEqual([
      'accept',
      'dispatch',
      'acknowledge',
      'arrive',
      'repaired',
      'return',
      'review_pass',
      'callback',
      'archive',
    ]);

    const sla = await agent.get(`/api/orders/${o.id}/sla`);
    expect(sla.statusCode).toBe(200);
    const explained = sla.json<OrderSla>();
    expect(explained.clocks.find((c) => c.step === 'arrive')?.status).toBe('met');

    const list = await agent.get(`/api/orders?q=${o.number}`);
    expect(list.json<OrderList>().items.map((i) => i.id)).toEqual([o.id]);
  });

  it('answers 409 to a stale version and to an action the state does not allow', async () => {
    const agent = await w.as('agent');
    const o = await createOk(agent, faultInput(w.customers.urban));
    const crew = await w.as('crew');
    await act(crew, o, 'acknowledge');
    const stale = await crew.post(`/api/orders/${o.id}/actions/acknowledge`, {
      version: o.version,
    });
    expectError(stale, 'VERSION_CONFLICT');
    const wrong = await crew.post(`/api/orders/${o.id}/actions/return`, {
      version: o.version + 1,
      result: 'x',
    });
    expectError(wrong, 'ORDER_ACTION_NOT_ALLOWED');
  });
});
