import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderList } from '../../../common/schemas/orders.js';
import { testApp, type TestApp } from '../../db/test-helpers.js';
import { createOk, faultInput, orderWorld, type OrderWorld } from './test-support.js';

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
const ids = (l: OrderList) => l.items.map((i) => i.id);

describe('the order list with words', () => {
  it('pages newest first, exactly, with the total', async () => {
    const agent = await w.as('agent');
    const made = [];
    for (let i = 0; i < 3; i++) {
      made.push(
        await createOk(
          agent,
          faultInput(w.customers.urban, { title: `鹦鹉撞线停电${i}`, callerPhone: phone() }),
        ),
      );
    }
    const newest = made.map((o) => o.id).reverse();
    const q = `/api/orders?q=${encodeURIComponent('鹦鹉')}&pageSize=2`;
    const first = await agent.get(q).then((r) => r.json<OrderList>());
    const second = await agent.get(`${q}&page=2`).then((r) => r.json<OrderList>());
    expect(ids(first)).toEqual(newest.slice(0, 2));
    expect(ids(second)).toEqual(newest.slice(2));
    expect([first.total, first.totalCapped]).toEqual([3, false]);
    const county1 = await w.as('county1admin');
    const inCounty = await county1.get(q).then((r) => r.json<OrderList>());
    expect(ids(inCounty)).toEqual(newest.slice(0, 2));
    expect(inCounty.total).toBe(3);
  });

  it('stays within the scope and the unit asked for', async () => {
    const agent = await w.as('agent');
    const o = await createOk(
      agent,
      faultInput(w.customers.urban, { title: '孔雀踩断引线', callerPhone: phone() }),
    );
    const q = `/api/orders?q=${encodeURIComponent('孔雀')}`;
    const county1 = await (await w.as('county1admin')).get(q).then((r) => r.json<OrderList>());
    expect(ids(county1)).toEqual([o.id]);
    const county2 = await (await w.as('county2admin')).get(q).then((r) => r.json<OrderList>());
    expect([ids(county2), county2.total]).toEqual([[], 0]);
    const u = w.org.units;
    const byUnit = await agent.get(`${q}&unitId=${u.county2!.id}`).then((r) => r.json<OrderList>());
    expect(ids(byUnit)).toEqual([]);
    const byOwnUnit = await agent
      .get(`${q}&unitId=${u.county1!.id}`)
      .then((r) => r.json<OrderList>());
    expect(ids(byOwnUnit)).toEqual([o.id]);
  });

  it('goes by the path: an order left with a path from before a unit moved is not under it', async () => {
    const agent = await w.as('agent');
    const o = await createOk(
      agent,
      faultInput(w.customers.urban, { title: '喜鹊筑巢跳闸', callerPhone: phone() }),
    );
    const u = w.org.units;
    // county1's id under city2, where county1 is not: the list must not show it in county1.
    const stale = `${u.city2!.path}${u.county1!.id}/`;
    await sql`UPDATE orders SET unit_path = ${stale} WHERE id = ${o.id}`.execute(t.database.db);
    const q = `/api/orders?q=${encodeURIComponent('喜鹊')}`;
    const county1 = await (await w.as('county1admin')).get(q).then((r) => r.json<OrderList>());
    expect(ids(county1)).toEqual([]);
    const all = await agent.get(q).then((r) => r.json<OrderList>());
    expect(ids(all)).toEqual([o.id]);
  });
});
