/**
 * Outage notices end to end through the app: each outage action queues its notices (who gets
 * what), a repeated action sends nothing twice, fault notices to important customers carry the
 * 10-minute deadline and a late one shows in the summary and the delivery log, restoration
 * reaches the callers of linked orders; the in-app inbox is marked read all at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryList, InboxList } from '../../../../common/schemas/notify.js';
import type { OutageDetail } from '../../../../common/schemas/outages.js';
import {
  auditRowsFor,
  buildOrg,
  login,
  testApp,
  type Client,
  type TestApp,
  type TestOrg,
} from '../../../db/test-helpers.js';
import type { Actor } from '../../../platform/actor.js';
import {
  addCustomers,
  buildNetwork,
  customerRecord,
  type TestNetwork,
} from '../../customers/test-support.js';
import { outageById } from '../store.js';
import { notify, sendDueNotifications, type Transport } from '../../notify/index.js';
import { noticePlan, outageNoticeSummary, queueOutageNotices } from './notices.js';

let t: TestApp;
let org: TestOrg;
let net: TestNetwork;
const ids: Record<string, string> = {};
const clients = new Map<string, Client>();
const as = async (user: string) => {
  let c = clients.get(user);
  if (!c) {
    c = await login(t.app, org.users[user]!.username);
    clients.set(user, c);
  }
  return c;
};

/** The log channel's behaviour without the log: every message accepted. */
const accept: Transport = { provider: 'test', send: () => Promise.resolve({ providerRef: null }) };
const transports = { sms: accept, email: accept };
/** Sends what is due of this organisation (the sender's clock a little ahead of the database). */
async function send() {
  while (
    (await sendDueNotifications({
      db: t.database.db,
      transports,
      clock: () => new Date(Date.now() + 2000),
      batch: 200,
      unitPathPrefix: org.units.root!.path,
    })) === 200
  );
}

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function deliveries(outageId: string) {
  return t.database.db
    .selectFrom('notify_deliveries')
    .selectAll()
    .where('source_type', '=', 'outage')
    .where('source_id', '=', outageId)
    .orderBy('created_at')
    .execute();
}

/** template → the names of the recipients (customers by name, phones by number), sorted. */
async function who(outageId: string) {
  const rows = await deliveries(outageId);
  const names = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
  const out: Record<string, string[]> = {};
  for (const r of rows) {
    (out[r.template_code] ??= []).push(
      r.customer_id ? (names.get(r.customer_id) ?? r.customer_id) : r.address!,
    );
  }
  for (const k of Object.keys(out)) out[k]!.sort();
  return out;
}

async function create(body: Record<string, unknown>) {
  const d = await as('dispatcher');
  const res = await d.post('/api/outages', {
    title: '10kV城关一线检修',
    reason: '线路设备年度检修',
    areaText: '城关镇人民路一带',
    scope: { feeders: [net.feeders.c1f1] },
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<OutageDetail>();
}

async function act(o: { id: string }, action: string, body: Record<string, unknown> = {}) {
  const d = await as('dispatcher');
  const current = (await d.get(`/api/outages/${o.id}`)).json<OutageDetail>();
  const res = await d.post(`/api/outages/${o.id}/actions/${action}`, {
    version: current.version,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<OutageDetail>();
}

/** Runs the notices of an action again for the outage as it is now: must queue nothing. */
async function repeat(outageId: string, action: Parameters<typeof queueOutageNotices>[2]) {
  const u = org.users.dispatcher!;
  const actor = { userId: u.id, username: u.username, displayName: '调度' } as Actor;
  return t.database.db.transaction().execute(async (tx) => {
    const row = (await outageById(tx, outageId))!;
    const meta = { ip: null, requestId: null, userAgent: null };
    return queueOutageNotices({ tx, actor, meta, now: new Date() }, row, action);
  });
}

beforeAll(async () => {
  t = await testApp();
  org = await buildOrg(t.database);
  net = await buildNetwork(t.database, org);
  const mobile = (n: number) => [
    { phone: `1360000${String(n).padStart(4, '0')}`, label: 'mobile' as const },
  ];
  // Feeder c1f1 feeds c1t1 and c1t2; c1t3 is on c1f2; c2t1 in county 2.
  const recs = {
    a: customerRecord(org, {
      transformerId: net.transformers.c1t1,
      name: '城区甲',
      phones: mobile(1),
    }),
    refused: customerRecord(org, {
      transformerId: net.transformers.c1t1,
      name: '拒收乙',
      consentMessages: false,
      phones: mobile(2),
    }),
    hospital: customerRecord(org, {
      transformerId: net.transformers.c1t2,
      name: '第一医院',
      important: true,
      phones: mobile(3),
    }),
    outside: customerRecord(org, {
      transformerId: net.transformers.c1t3,
      name: '城区丙',
      phones: mobile(4),
    }),
    rural: customerRecord(org, {
      county: '2',
      transformerId: net.transformers.c2t1,
      name: '农村丁',
      phones: mobile(5),
    }),
  };
  await addCustomers(t.database, Object.values(recs));
  for (const [k, r] of Object.entries(recs)) ids[k] = r.id;
});

afterAll(async () => {
  await t.close();
});

describe('notices of a planned outage', () => {
  it('publish tells every affected customer once; postpone and cancel tell those told', async () => {
    const o = await create({
      category: 'planned',
      plannedStart: hours(240),
      plannedEnd: hours(248),
    });
    expect(await who(o.id)).toEqual({});

    await act(o, 'publish');
    expect(await who(o.id)).toEqual({ 'outage.planned': ['a', 'hospital', 'refused'] });
    expect(await repeat(o.id, 'publish')).toEqual([
      { template: 'outage.planned', audience: 'affected', recipients: 3, queued: 0 },
    ]);
    await send();
    const rows = await deliveries(o.id);
    const a = rows.find((r) => r.customer_id === ids.a)!;
    expect(a.status).toBe('sent');
    expect(a.body).toMatch(
      /^尊敬的城区甲：因线路设备年度检修，计划于\d+月\d+日 \d\d:\d\d至\d+月\d+日 \d\d:\d\d对城关镇人民路一带停电/,
    );
    expect(rows.find((r) => r.customer_id === ids.refused)).toMatchObject({
      status: 'skipped',
      skip_reason: 'consent_withdrawn',
    });
    // The dispatcher who published gets a receipt in the inbox, once.
    const inbox = (await (await as('dispatcher')).get('/api/notify/inbox')).json<InboxList>();
    const receipts = inbox.items.filter((m) => m.title === `停电通知已提交发送：${o.number}`);
    expect(receipts.map((m) => m.body)).toEqual([
      `10kV城关一线检修（${o.number}）：计划停电通知 3 条已提交发送，发送结果见通知记录。`,
    ]);

    // The refusing customer was never told: the updates go to the two who were.
    await act(o, 'postpone', {
      plannedStart: hours(300),
      plannedEnd: hours(306),
      reason: '天气原因',
    });
    expect((await who(o.id))['outage.postponed']).toEqual(['a', 'hospital']);
    expect(await repeat(o.id, 'postpone')).toMatchObject([{ queued: 0 }]);
    // A second postponement is a new version: told again.
    await act(o, 'postpone', {
      plannedStart: hours(320),
      plannedEnd: hours(326),
      reason: '施工调整',
    });
    expect((await who(o.id))['outage.postponed']).toEqual(['a', 'a', 'hospital', 'hospital']);

    await act(o, 'cancel', { reason: '检修计划调整' });
    expect((await who(o.id))['outage.cancelled']).toEqual(['a', 'hospital']);
    await send();
    const cancelled = (await deliveries(o.id)).find(
      (r) => r.template_code === 'outage.cancelled' && r.customer_id === ids.a,
    )!;
    expect(cancelled.status).toBe('sent');
    expect(cancelled.body).toContain(`（编号${o.number}）已取消，原因：检修计划调整。详询95598。`);
    const audit = await auditRowsFor(t.database, o.id);
    expect(audit.filter((r) => r.action === 'outage.notices_queued')).toHaveLength(4);
  });

  it('a temporary outage tells the important customers first, owed 24 hours ahead', async () => {
    const o = await create({
      category: 'temporary',
      plannedStart: hours(30),
      plannedEnd: hours(34),
    });
    await act(o, 'publish');
    expect(await who(o.id)).toEqual({ 'outage.temporary': ['a', 'hospital', 'refused'] });
    const rows = await deliveries(o.id);
    const hospital = rows.find((r) => r.customer_id === ids.hospital)!;
    const a = rows.find((r) => r.customer_id === ids.a)!;
    expect(hospital.due_by!.getTime()).toBe(new Date(o.plannedStart!).getTime() - 86_400_000);
    expect(a.due_by).toBeNull();
    expect(hospital.next_attempt_at.getTime()).toBeLessThan(a.next_attempt_at.getTime());
    // Starting it tells nobody again; the customers knew the window.
    await act(o, 'start');
    expect((await deliveries(o.id)).length).toBe(3);
  });

  it('enforcement outages (arrears …) send no outage notices', () => {
    const row = {
      category: 'arrears',
      state: 'published',
      started_at: null,
      created_at: new Date(),
      planned_start: new Date(),
      published_at: new Date(),
    };
    for (const action of ['publish', 'restore', 'cancel'] as const) {
      expect(noticePlan(row, action)).toEqual([]);
    }
    expect(noticePlan({ ...row, category: 'planned', state: 'draft' }, 'create')).toEqual([]);
    expect(
      noticePlan({ ...row, category: 'orderly_use' }, 'create').map((s) => s.template),
    ).toEqual(['outage.planned']);
  });
});

describe('notices of a fault outage', () => {
  it('tells important customers at once with a 10-minute deadline, then all; restoration reaches callers', async () => {
    const started = new Date(Date.now() - 2 * 60_000);
    const o = await create({
      category: 'grid_fault',
      startedAt: started.toISOString(),
      publish: true,
    });
    expect(o.state).toBe('in_progress');
    expect(await who(o.id)).toEqual({ 'outage.fault': ['a', 'hospital', 'refused'] });
    let rows = await deliveries(o.id);
    const hospital = rows.find((r) => r.customer_id === ids.hospital)!;
    expect(hospital.due_by!.getTime()).toBe(started.getTime() + 10 * 60_000);
    expect(rows.filter((r) => r.due_by !== null)).toHaveLength(1);
    for (const r of rows.filter((x) => x.customer_id !== ids.hospital)) {
      expect(r.next_attempt_at.getTime()).toBeGreaterThan(hospital.next_attempt_at.getTime());
    }
    expect(await repeat(o.id, 'start')).toMatchObject([{ queued: 0 }, { queued: 0 }]);
    await send();
    rows = await deliveries(o.id);
    expect(rows.find((r) => r.customer_id === ids.hospital)!.body).toBe(
      '尊敬的第一医院：城关镇人民路一带因线路设备年度检修停电，抢修人员正在处理，预计待定恢复供电。详询95598。',
    );
    // Sent within 10 minutes of the power going off: on time.
    expect((await outageNoticeSummary(t.database.db, o.id)).late).toBe(0);

    // A new estimate goes to those told (not to the customer who refuses messages), once.
    const estimate = hours(3);
    await act(o, 'estimate', { estimatedRestoreAt: estimate });
    expect((await who(o.id))['outage.estimate_changed']).toEqual(['a', 'hospital']);
    expect(await repeat(o.id, 'estimate')).toMatchObject([{ queued: 0 }]);

    // Callers: one outside the scope (told by phone), one a customer inside it (told as such).
    const agent = await as('agent');
    const order = async (customerId: string, callerPhone: string) => {
      const res = await agent.post('/api/orders', {
        typeCode: 'fault',
        subtypeCode: 'lv_fault',
        title: '家中停电',
        description: '客户反映家中突然停电，邻居家也没电。',
        customerId,
        callerName: '张先生',
        callerPhone,
        fields: { faultTime: '2026-11-23T08:00:00+08:00', voltageSide: 'lv', urgency: 'normal' },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const inside = await order(ids.a!, '13911112222');
    const outsideOrder = await order(ids.rural!, '13933334444');
    await t.database.db
      .insertInto('outage_orders')
      .values({ order_id: outsideOrder, outage_id: o.id, via: 'manual' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const links = await t.database.db
      .selectFrom('outage_orders')
      .select('order_id')
      .where('outage_id', '=', o.id)
      .execute();
    expect(links.map((l) => l.order_id)).toContain(inside);

    await act(o, 'restore');
    expect((await who(o.id))['outage.restored']).toEqual([
      '13933334444',
      'a',
      'hospital',
      'refused',
    ]);
    expect(await repeat(o.id, 'restore')).toMatchObject([{ queued: 0 }, { queued: 0 }]);
    await send();
    const toCaller = (await deliveries(o.id)).find((r) => r.address === '13933334444')!;
    expect(toCaller.status).toBe('sent');
    expect(toCaller.body).toMatch(/^尊敬的客户：城关镇人民路一带已于\d+月\d+日 \d\d:\d\d恢复供电/);

    const summary = await outageNoticeSummary(t.database.db, o.id);
    expect(summary.byTemplate.find((x) => x.template === 'outage.restored')).toEqual({
      template: 'outage.restored',
      queued: 0,
      sent: 3,
      failed: 0,
      skippedConsent: 1,
      skippedOther: 0,
      late: 0,
    });
    expect(summary.total).toBe(3 + 2 + 4);
  });

  it('a fault notice sent more than 10 minutes after the power went off is late', async () => {
    const o = await create({
      category: 'grid_fault',
      startedAt: new Date(Date.now() - 15 * 60_000).toISOString(),
      publish: true,
    });
    const admin = await as('admin');
    const q = `/api/notify/deliveries?sourceType=outage&sourceId=${o.id}`;
    // Queued but unsent past the deadline: late already.
    let late = (await admin.get(`${q}&late=true`)).json<DeliveryList>();
    expect(late.items.map((d) => [d.customerId, d.status, d.late])).toEqual([
      [ids.hospital, 'pending', true],
    ]);
    await send();
    const all = (await admin.get(q)).json<DeliveryList>();
    expect(all.total).toBe(3);
    expect(all.items.every((d) => d.sourceId === o.id)).toBe(true);
    late = (await admin.get(`${q}&late=true`)).json<DeliveryList>();
    expect(late.items).toHaveLength(1);
    expect(late.items[0]).toMatchObject({ customerId: ids.hospital, status: 'sent', late: true });
    expect(new Date(late.items[0]!.finishedAt!).getTime()).toBeGreaterThan(
      new Date(late.items[0]!.dueBy!).getTime(),
    );
    expect((await admin.get(`${q}&late=false`)).json<DeliveryList>().total).toBe(2);
    const summary = await outageNoticeSummary(t.database.db, o.id);
    expect(summary.late).toBe(1);
    expect(summary.byTemplate).toEqual([
      {
        template: 'outage.fault',
        queued: 0,
        sent: 2,
        failed: 0,
        skippedConsent: 1,
        skippedOther: 0,
        late: 1,
      },
    ]);
    // Bad filters are refused, not a 500.
    expect((await admin.get(`${q}&late=maybe`)).statusCode).toBe(400);
    expect((await admin.get(`/api/notify/deliveries?sourceType=Outage;drop`)).statusCode).toBe(400);
  });
});

describe('the in-app inbox', () => {
  it('marks all of one user’s messages read, not another user’s', async () => {
    const me = org.users.lead!;
    const other = org.users.agent!;
    await t.database.db.transaction().execute(async (tx) => {
      for (const [userId, n] of [
        [me.id, 1],
        [me.id, 2],
        [other.id, 3],
      ] as const) {
        await notify(tx, {
          template: 'system.notice',
          to: { userId },
          vars: { title: `停电通知${n}`, message: `第${n}条` },
        });
      }
    });
    await send();
    const d = await as('lead');
    let inbox = (await d.get('/api/notify/inbox?unread=true')).json<InboxList>();
    expect(inbox.unread).toBe(2);
    const res = await d.post('/api/notify/inbox/read-all');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, marked: 2 });
    inbox = (await d.get('/api/notify/inbox')).json<InboxList>();
    expect(inbox.unread).toBe(0);
    expect(inbox.items.every((m) => m.readAt !== null)).toBe(true);
    expect((await d.post('/api/notify/inbox/read-all')).json()).toEqual({ ok: true, marked: 0 });
    const agent = await as('agent');
    expect((await agent.get('/api/notify/inbox')).json<InboxList>().unread).toBe(1);
    const audit = await auditRowsFor(t.database, me.id);
    expect(audit.filter((r) => r.action === 'notify.inbox.read_all')).toHaveLength(1);
  });
});
