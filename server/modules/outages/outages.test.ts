import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AffectingAnswer,
  MajorEvent,
  OutageCustomers,
  OutageDetail,
  OutageList,
} from '../../../common/schemas/outages.js';
import { buildOrg, testApp, type TestApp, type TestOrg } from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import {
  addCustomers,
  buildNetwork,
  customerRecord,
  type TestNetwork,
} from '../customers/test-support.js';
import { login, type Client } from '../../db/test-helpers.js';

let t: TestApp;
let org: TestOrg;
let net: TestNetwork;
/** A network in another organisation: outside every service area of `org`. */
let foreign: TestNetwork;
const ids: Record<string, string> = {};
let phone = '';
const clients = new Map<string, Client>();
const as = async (user: string) => {
  let c = clients.get(user);
  if (!c) {
    c = await login(t.app, org.users[user]!.username);
    clients.set(user, c);
  }
  return c;
};

beforeAll(async () => {
  t = await testApp();
  org = await buildOrg(t.database);
  net = await buildNetwork(t.database, org);
  foreign = await buildNetwork(t.database, await buildOrg(t.database));
  phone = `135${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const recs = [
    // Feeder c1f1 feeds transformers c1t1 and c1t2; c1f2 feeds c1t3 and c1t4.
    customerRecord(org, {
      transformerId: net.transformers.c1t1,
      name: '城区甲',
      phones: [{ phone, label: 'mobile' }],
    }),
    customerRecord(org, { transformerId: net.transformers.c1t1, name: '城区乙' }),
    customerRecord(org, {
      transformerId: net.transformers.c1t2,
      name: '第一医院',
      important: true,
      address: { city: '甲市', county: '一县', street: '解放路', detail: '1号' },
    }),
    customerRecord(org, { transformerId: net.transformers.c1t3, name: '城区丙' }),
    customerRecord(org, { county: '2', transformerId: net.transformers.c2t1, name: '农村丁' }),
  ];
  await addCustomers(t.database, recs);
  ['a', 'b', 'hospital', 'c', 'rural'].forEach((k, i) => (ids[k] = recs[i]!.id));
});
afterAll(async () => {
  await t.close();
});

const inDays = (d: number, hours = 0) =>
  new Date(Date.now() + d * 86_400_000 + hours * 3_600_000).toISOString();

const planned = (over: Record<string, unknown> = {}) => ({
  category: 'planned',
  title: '10kV城关一线检修',
  reason: '线路设备年度检修',
  areaText: '城关镇人民路、解放路一带',
  plannedStart: inDays(10),
  plannedEnd: inDays(10, 8),
  scope: { feeders: [net.feeders.c1f1] },
  ...over,
});

describe('outage information', () => {
  it('covers the customers of a feeder, important ones counted and listed first', async () => {
    const d = await as('dispatcher');
    const res = await d.post('/api/outages', planned());
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json<OutageDetail>();
    expect(o.state).toBe('draft');
    expect(o.number).toMatch(/^TD\d{8}\d{5,}$/);
    expect(o.affectedCustomers).toBe(3);
    expect(o.importantCustomers).toBe(1);
    expect(o.scope.map((n) => n.kind)).toEqual(['feeder']);
    const people = await d.get(`/api/outages/${o.id}/customers`);
    const list = people.json<OutageCustomers>();
    expect(list.total).toBe(3);
    expect(list.items[0]!.name).toBe('第一医院');
    const important = await d.get(`/api/outages/${o.id}/customers?important=true`);
    expect(important.json<OutageCustomers>().items.map((c) => c.id)).toEqual([ids.hospital]);
  });

  it('draws the scope from supply addresses and reports the ones that match nobody', async () => {
    const d = await as('dispatcher');
    const res = await d.post(
      '/api/outages',
      planned({ scope: { addresses: ['解放路1号', '不存在路99号'] } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json<OutageDetail>();
    expect(o.scope.map((n) => n.id)).toEqual([net.transformers.c1t2]);
    expect(o.unmatchedAddresses).toEqual(['不存在路99号']);
    expect(o.affectedCustomers).toBe(1);
    expectError(
      await d.post('/api/outages', planned({ scope: { addresses: ['不存在路99号'] } })),
      'OUTAGE_SCOPE_EMPTY',
    );
  });

  it('refuses nodes outside the service area and bad windows, writing nothing', async () => {
    const d = await as('dispatcher');
    const before = (await d.get('/api/outages')).json<OutageList>().total;
    expectError(
      await d.post(
        '/api/outages',
        planned({ scope: { transformers: [foreign.transformers.c1t1] } }),
      ),
      'OUTAGE_NODE_NOT_FOUND',
    );
    expectError(
      await d.post('/api/outages', planned({ plannedEnd: inDays(9) })),
      'OUTAGE_TIMES_INVALID',
    );
    expectError(
      await d.post('/api/outages', planned({ plannedStart: undefined })),
      'OUTAGE_TIMES_INVALID',
    );
    expectError(await (await as('agent')).post('/api/outages', planned()), 'FORBIDDEN');
    expect((await d.get('/api/outages')).json<OutageList>().total).toBe(before);
  });

  it('publishes, flags a late notice, postpones with a reason and answers callers', async () => {
    const d = await as('dispatcher');
    let o = (
      await d.post('/api/outages', planned({ plannedStart: inDays(3), plannedEnd: inDays(3, 6) }))
    ).json<OutageDetail>();
    expect(o.allowedActions).toEqual(['publish', 'cancel']);
    const pub = await d.post(`/api/outages/${o.id}/actions/publish`, { version: o.version });
    expect(pub.statusCode, pub.body).toBe(200);
    o = pub.json<OutageDetail>();
    expect(o.state).toBe('published');
    expect(o.flags).toEqual(['late_notice']);
    // A stale version and a wrong-state action change nothing.
    expectError(
      await d.post(`/api/outages/${o.id}/actions/publish`, { version: o.version - 1 }),
      'VERSION_CONFLICT',
    );
    expectError(
      await d.post(`/api/outages/${o.id}/actions/restore`, { version: o.version }),
      'OUTAGE_ACTION_NOT_ALLOWED',
    );
    expectError(
      await d.post(`/api/outages/${o.id}/actions/postpone`, {
        version: o.version,
        plannedStart: inDays(4),
        plannedEnd: inDays(4, 6),
      }),
      'VALIDATION_FAILED',
    );
    const post = await d.post(`/api/outages/${o.id}/actions/postpone`, {
      version: o.version,
      plannedStart: inDays(4),
      plannedEnd: inDays(4, 6),
      reason: '天气原因',
    });
    expect(post.statusCode, post.body).toBe(200);
    o = post.json<OutageDetail>();
    expect(o.state).toBe('postponed');
    expect(o.delayReason).toBe('天气原因');
    expect(o.events.map((e) => e.action)).toEqual(['create', 'publish', 'postpone']);

    // The caller on the feeder hears of it, by customer and by phone; the rural one does not.
    const agent = await as('agent');
    const byPhone = (
      await agent.get(`/api/outages/affecting?phone=${phone}`)
    ).json<AffectingAnswer>();
    expect(byPhone.customers).toEqual([ids.a]);
    expect(byPhone.outages.map((x) => x.id)).toContain(o.id);
    const rural = (
      await agent.get(`/api/outages/affecting?customerId=${ids.rural}`)
    ).json<AffectingAnswer>();
    expect(rural.outages.map((x) => x.id)).not.toContain(o.id);
    expectError(await agent.get('/api/outages/affecting'), 'VALIDATION_FAILED');
    expectError(
      await agent.get(`/api/outages/affecting?customerId=${crypto.randomUUID()}`),
      'CUSTOMER_NOT_FOUND',
    );
  });

  it('runs a fault from entry to restoration, re-estimates with a reason, flags an overrun', async () => {
    const d = await as('dispatcher');
    const res = await d.post('/api/outages', {
      category: 'grid_fault',
      title: '10kV城关二线故障跳闸',
      reason: '线路故障',
      areaText: '城关二线沿线',
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      estimatedRestoreAt: inDays(0, 2),
      scope: { feeders: [net.feeders.c1f2] },
      publish: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    let o = res.json<OutageDetail>();
    expect(o.state).toBe('in_progress');
    expect(o.flags).toEqual([]);
    expectError(
      await d.post(`/api/outages/${o.id}/actions/estimate`, {
        version: o.version,
        estimatedRestoreAt: inDays(0, 3),
      }),
      'VALIDATION_FAILED',
    );
    const est = await d.post(`/api/outages/${o.id}/actions/estimate`, {
      version: o.version,
      estimatedRestoreAt: inDays(0, 3),
      reason: '需更换电缆',
      knownAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    });
    expect(est.statusCode, est.body).toBe(200);
    o = est.json<OutageDetail>();
    expect(o.flags).toEqual(['late_estimate']);
    expect(o.events.at(-1)!.data).toMatchObject({ reason: '需更换电缆' });
    const done = await d.post(`/api/outages/${o.id}/actions/restore`, { version: o.version });
    expect(done.statusCode, done.body).toBe(200);
    o = done.json<OutageDetail>();
    expect(o.state).toBe('restored');
    expect(o.allowedActions).toEqual([]);
    // Its notices are counted on the detail: the fault notice, the new estimate, the restoration.
    expect(o.notices.byTemplate.map((b) => b.template).sort()).toEqual([
      'outage.estimate_changed',
      'outage.fault',
      'outage.restored',
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', o.id)
      .orderBy('at')
      .execute();
    // The outage's own changes (the notices they queue are audited beside them).
    expect(audit.map((a) => a.action).filter((a) => a !== 'outage.notices_queued')).toEqual([
      'outage.create',
      'outage.publish',
      'outage.estimate',
      'outage.restore',
    ]);
    // Restored: callers are no longer answered from it.
    const agent = await as('agent');
    const a = (
      await agent.get(`/api/outages/affecting?customerId=${ids.c}`)
    ).json<AffectingAnswer>();
    expect(a.outages.map((x) => x.id)).not.toContain(o.id);
  });

  it('hides outages outside the service area', async () => {
    const d = await as('dispatcher');
    const o = (await d.post('/api/outages', planned())).json<OutageDetail>();
    const other = await login(t.app, org.users.county2admin!.username);
    expectError(await other.get(`/api/outages/${o.id}`), 'OUTAGE_NOT_FOUND');
    const list = (await other.get('/api/outages')).json<OutageList>();
    expect(list.items.map((x) => x.id)).not.toContain(o.id);
    const mine = (await d.get('/api/outages?state=draft&category=planned')).json<OutageList>();
    expect(mine.items.map((x) => x.id)).toContain(o.id);
  });

  it('files a major event whose script reaches the callers of its area', async () => {
    const lead = await as('lead');
    const now = Date.now();
    const res = await lead.post('/api/major-events', {
      title: '寒潮用电高峰',
      description: '寒潮期间负荷创新高，部分线路轮流限电。',
      script: '您好，受寒潮影响，您所在区域实行有序用电，预计今晚22时恢复。',
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      unitId: org.units.county1!.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json<MajorEvent>();
    const agent = await as('agent');
    const near = (
      await agent.get(`/api/outages/affecting?customerId=${ids.b}`)
    ).json<AffectingAnswer>();
    expect(near.majorEvents.map((x) => x.id)).toContain(e.id);
    const far = (
      await agent.get(`/api/outages/affecting?customerId=${ids.rural}`)
    ).json<AffectingAnswer>();
    expect(far.majorEvents.map((x) => x.id)).not.toContain(e.id);
    expectError(
      await lead.post('/api/major-events', {
        title: '错',
        description: '错',
        script: '错',
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now - 1).toISOString(),
      }),
      'OUTAGE_TIMES_INVALID',
    );
  });
});
