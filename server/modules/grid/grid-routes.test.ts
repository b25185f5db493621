import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridCustomers, GridNodeDetail, GridNodeList } from '../../../common/schemas/grid.js';
import { buildOrg, login, testApp, type TestApp, type TestOrg } from '../../db/test-helpers.js';
import {
  addCustomers,
  buildNetwork,
  customerRecord,
  type TestNetwork,
} from '../customers/test-support.js';

let t: TestApp;
let org: TestOrg;
let net: TestNetwork;
// County 1: t1 has 3 customers (1 important), t2 has 2, t3 has 1, t4 none. County 2: t1 has 2.
const layout = { c1t1: 3, c1t2: 2, c1t3: 1, c2t1: 2 } as const;

beforeAll(async () => {
  t = await testApp();
  org = await buildOrg(t.database);
  net = await buildNetwork(t.database, org);
  const recs = Object.entries(layout).flatMap(([key, n]) =>
    Array.from({ length: n }, (_, i) =>
      customerRecord(org, {
        county: key.startsWith('c2') ? '2' : '1',
        transformerId: net.transformers[key as keyof typeof layout],
        important: key === 'c1t1' && i === 0,
        name: `网${key}${i}`,
      }),
    ),
  );
  await addCustomers(t.database, recs);
});
afterAll(async () => {
  await t.close();
});

describe('network browser routes', () => {
  it('lists the substations of the area with customer counts', async () => {
    const agent = await login(t.app, org.users.agent!.username);
    const res = await agent.get('/api/grid/substations');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<GridNodeList>();
    const c1 = list.items.find((s) => s.id === net.substations.c1)!;
    expect(c1).toMatchObject({
      customers: 6,
      importantCustomers: 1,
      children: 2,
      areaClass: 'urban',
    });
    expect(list.items.find((s) => s.id === net.substations.c2)!.customers).toBe(2);
  });

  it('drills down with counts that add up, and gives the path up from a transformer', async () => {
    const agent = await login(t.app, org.users.agent!.username);
    const sub = (
      await agent.get(`/api/grid/substation/${net.substations.c1}`)
    ).json<GridNodeDetail>();
    expect(sub.children.map((f) => [f.id, f.customers])).toEqual([
      [net.feeders.c1f1, 5],
      [net.feeders.c1f2, 1],
    ]);
    expect(sub.children.reduce((a, f) => a + f.customers, 0)).toBe(sub.node.customers);
    const feeder = (await agent.get(`/api/grid/feeder/${net.feeders.c1f2}`)).json<GridNodeDetail>();
    expect(feeder.children.map((x) => [x.id, x.customers])).toEqual([
      [net.transformers.c1t3, 1],
      [net.transformers.c1t4, 0],
    ]);
    const tr = (
      await agent.get(`/api/grid/transformer/${net.transformers.c1t1}`)
    ).json<GridNodeDetail>();
    expect(tr.ancestors.map((a) => a.id)).toEqual([net.substations.c1, net.feeders.c1f1]);
    expect(tr.node).toMatchObject({ customers: 3, importantCustomers: 1, capacityKva: 400 });
  });

  it('lists the customers under a node, important ones on request', async () => {
    const agent = await login(t.app, org.users.agent!.username);
    const all = (
      await agent.get(`/api/grid/substation/${net.substations.c1}/customers?pageSize=50`)
    ).json<GridCustomers>();
    expect(all.total).toBe(6);
    expect(all.items.every((c) => c.gridPath?.substation.id === net.substations.c1)).toBe(true);
    const important = (
      await agent.get(`/api/grid/feeder/${net.feeders.c1f1}/customers?important=true`)
    ).json<GridCustomers>();
    expect(important.total).toBe(1);
    expect(important.items[0]!.marks.important).toBe(true);
  });

  it('hides another county network and answers unknown nodes with 404', async () => {
    const county2 = await login(t.app, org.users.county2admin!.username);
    const list = (await county2.get('/api/grid/substations')).json<GridNodeList>();
    expect(list.items.map((s) => s.id)).toEqual([net.substations.c2]);
    const other = await county2.get(`/api/grid/feeder/${net.feeders.c1f1}`);
    expect(other.statusCode).toBe(404);
    const bad = await county2.get(`/api/grid/line/${net.feeders.c1f1}`);
    expect(bad.statusCode).toBe(400);
    const trainer = await login(t.app, org.users.trainer!.username);
    expect((await trainer.get('/api/grid/substations')).statusCode).toBe(403);
  });

  it('shows a crew the substations feeding its station', async () => {
    const crew = await login(t.app, org.users.crew!.username);
    const list = (await crew.get('/api/grid/substations')).json<GridNodeList>();
    expect(list.items.map((s) => s.id)).toEqual([net.substations.c1]);
  });
});
