/**
 * The notify API through the real app: template editing with its checks, versions and audit; the
 * delivery log limited to the service area with masked addresses; retry; the in-app inbox; and
 * customers' channel opt-outs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CustomerChannels,
  DeliveryDetail,
  DeliveryList,
  InboxList,
  TemplateDetail,
  TemplateList,
} from '../../../common/schemas/notify.js';
import {
  auditRowsFor,
  buildOrg,
  login,
  testApp,
  type Client,
  type TestApp,
  type TestOrg,
} from '../../db/test-helpers.js';
import { acceptsFor } from '../../http/live-events.js';
import { expectError } from '../../http/test-routes.js';
import { dispatchOutbox } from '../../jobs/outbox-dispatcher.js';
import type { LiveMessage } from '../../platform/live-hub.js';
import { actorFromSession } from '../auth/index.js';
import { addCustomers, customerRecord } from '../customers/test-support.js';
import { logTransport } from './channels/log-transport.js';
import { notify, sendDueNotifications, type NotifyRequest } from './index.js';

let t: TestApp;
let org: TestOrg;
let admin: Client;
let lead: Client;
let agent: Client;
let county1admin: Client;
const c: Record<string, string> = {};

const transports = { sms: logTransport('sms', null), email: logTransport('email', null) };
const send = () =>
  sendDueNotifications({
    db: t.database.db,
    transports,
    clock: () => new Date(Date.now() + 2000),
    unitPathPrefix: org.units.root!.path,
  });
const queue = (req: NotifyRequest) => t.database.db.transaction().execute((tx) => notify(tx, req));
const vars = { reason: '检修', start: '8:00', end: '18:00', area: '人民路' };

beforeAll(async () => {
  t = await testApp();
  org = await buildOrg(t.database);
  const recs = {
    one: customerRecord(org, {
      name: '一县客户',
      phones: [{ phone: '13911112222', label: 'mobile' }],
    }),
    two: customerRecord(org, {
      county: '2',
      name: '二县客户',
      phones: [{ phone: '13933334444', label: 'mobile' }],
    }),
  };
  await addCustomers(t.database, Object.values(recs));
  c.one = recs.one.id;
  c.two = recs.two.id;
  admin = await login(t.app, org.users.admin!.username);
  lead = await login(t.app, org.users.lead!.username);
  agent = await login(t.app, org.users.agent!.username);
  county1admin = await login(t.app, org.users.county1admin!.username);
});
afterAll(() => t.close());

describe('templates', () => {
  it('lists the seeded zh-CN templates and the variables', async () => {
    const res = await lead.get('/api/notify/templates');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<TemplateList>();
    const codes = list.items.map((i) => i.code);
    for (const code of [
      'outage.planned',
      'outage.temporary',
      'outage.fault',
      'outage.restored',
      'outage.estimate_changed',
    ]) {
      expect(codes).toContain(code);
    }
    expect(list.variables).toContain('estimate');
    const fault = list.items.find((i) => i.code === 'outage.fault')!;
    expect(fault.variables.sort()).toEqual(['area', 'customerName', 'estimate', 'reason']);
  });

  it('is not for agents', async () => {
    expectError(await agent.get('/api/notify/templates'), 'FORBIDDEN');
  });

  it('refuses an unknown variable and a stray brace on save, naming them', async () => {
    const res = await admin.post('/api/notify/templates', {
      code: `test.s${org.suffix}.bad`,
      name: '错误模板',
      channel: 'sms',
      body: '尊敬的{customerName}：您的电费{amount}元 {area',
    });
    expectError(res, 'NOTIFY_TEMPLATE_INVALID');
    expect(res.json().error.details).toEqual([
      { field: 'body', reason: 'unknown_variable', at: 'amount' },
      { field: 'body', reason: 'unbalanced_brace', at: 'mount}元 {area' },
    ]);
  });

  it('creates, edits with versions and history, and audits each save', async () => {
    const code = `test.s${org.suffix}`;
    const created = await admin.post('/api/notify/templates', {
      code,
      name: '测试模板',
      channel: 'sms',
      body: '{customerName}：{area}停电。',
    });
    expect(created.statusCode, created.body).toBe(201);
    const t1 = created.json<TemplateDetail>();
    expect(t1).toMatchObject({ code, version: 1, variables: ['customerName', 'area'] });

    expectError(
      await admin.post('/api/notify/templates', { code, name: 'x', channel: 'sms', body: 'x' }),
      'NOTIFY_TEMPLATE_CODE_TAKEN',
    );
    const bad = await admin.patch(`/api/notify/templates/${t1.id}`, {
      version: 1,
      body: '{nope}',
    });
    expectError(bad, 'NOTIFY_TEMPLATE_INVALID');

    const edited = await admin.patch(`/api/notify/templates/${t1.id}`, {
      version: 1,
      body: '{customerName}：{area}预计{estimate}送电。',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const t2 = edited.json<TemplateDetail>();
    expect(t2.version).toBe(2);
    expect(t2.variables).toEqual(['customerName', 'area', 'estimate']);
    expect(t2.history.map((h) => [h.version, h.body])).toEqual([
      [2, '{customerName}：{area}预计{estimate}送电。'],
      [1, '{customerName}：{area}停电。'],
    ]);
    expectError(
      await admin.patch(`/api/notify/templates/${t1.id}`, { version: 1, active: false }),
      'VERSION_CONFLICT',
    );
    expectError(
      await lead.patch(`/api/notify/templates/${t1.id}`, { version: 2, active: false }),
      'FORBIDDEN',
    );
    const audit = await auditRowsFor(t.database, t1.id);
    expect(audit.map((a) => a.action)).toEqual([
      'notify.template.create',
      'notify.template.update',
    ]);
    expect(audit[1]!.before).toMatchObject({ version: 1 });
    expect(audit[1]!.after).toMatchObject({ version: 2 });
  });
});

describe('the delivery log', () => {
  let one: string;
  let two: string;
  let failed: string;

  beforeAll(async () => {
    one = (await queue({ template: 'outage.planned', to: { customerId: c.one! }, vars })).id;
    two = (await queue({ template: 'outage.planned', to: { customerId: c.two! }, vars })).id;
    failed = (
      await queue({
        template: 'outage.planned',
        to: { customerId: c.one! },
        vars: { reason: '检修' },
        source: { type: 'outage', id: 'T-1' },
      })
    ).id;
    await send();
  });

  it('shows a lead every delivery of the province, addresses masked', async () => {
    const res = await lead.get('/api/notify/deliveries?template=outage.planned&pageSize=200');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<DeliveryList>();
    const ids = list.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([one, two, failed]));
    const mine = list.items.find((i) => i.id === one)!;
    expect(mine).toMatchObject({
      status: 'sent',
      channel: 'sms',
      recipientKind: 'customer',
      customerName: '一县客户',
      address: '139****2222',
      attempts: 1,
    });
    expect(res.body).not.toContain('13911112222');
    expect(list.items.find((i) => i.id === failed)).toMatchObject({
      status: 'failed',
      errorCode: 'NOTIFY_VARIABLE_MISSING',
      sourceType: 'outage',
      sourceId: 'T-1',
    });
  });

  it('shows a county only its own customers’ deliveries', async () => {
    const list = (
      await county1admin.get('/api/notify/deliveries?pageSize=200')
    ).json<DeliveryList>();
    const ids = list.items.map((i) => i.id);
    expect(ids).toContain(one);
    expect(ids).not.toContain(two);
    expectError(
      await county1admin.get(`/api/notify/deliveries/${two}`),
      'NOTIFY_DELIVERY_NOT_FOUND',
    );
  });

  it('filters by status', async () => {
    const list = (
      await lead.get('/api/notify/deliveries?status=failed&pageSize=200')
    ).json<DeliveryList>();
    expect(list.items.every((i) => i.status === 'failed')).toBe(true);
    expect(list.items.map((i) => i.id)).toContain(failed);
  });

  it('shows the rendered message and the attempts', async () => {
    const res = await lead.get(`/api/notify/deliveries/${one}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<DeliveryDetail>();
    expect(d.body).toContain('尊敬的一县客户');
    expect(d.provider).toBe('log');
    expect(d.attemptLog).toMatchObject([{ attempt: 1, outcome: 'sent' }]);
  });

  it('lets an admin send a failed delivery again, audited; not a sent one', async () => {
    expectError(await lead.post(`/api/notify/deliveries/${failed}/retry`), 'FORBIDDEN');
    expectError(
      await admin.post(`/api/notify/deliveries/${one}/retry`),
      'NOTIFY_RETRY_NOT_ALLOWED',
    );
    const res = await admin.post(`/api/notify/deliveries/${failed}/retry`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<DeliveryDetail>().status).toBe('pending');
    const audit = await auditRowsFor(t.database, failed);
    expect(audit.map((a) => a.action)).toEqual(['notify.delivery.retry']);
  });

  it('refuses malformed filters', async () => {
    expectError(await lead.get('/api/notify/deliveries?status=lost'), 'VALIDATION_FAILED');
    expectError(await lead.get('/api/notify/deliveries?pageSize=500'), 'VALIDATION_FAILED');
  });
});

/** What the live streams of a user receive, as the SSE route filters it. */
async function liveOf(client: Client) {
  const actor = await actorFromSession(
    t.database.db,
    client.cookie!.replace(/^lx_session=/, ''),
    3600,
  );
  const got: LiveMessage[] = [];
  const stop = t.app.live.subscribe(acceptsFor(actor), (m) => {
    if (m.topic === 'notify.inbox') got.push(m);
  });
  return { got, stop };
}

/** Dispatches the outbox, then waits (NOTIFY on a server is asynchronous) for `n` messages. */
async function dispatchUntil(got: readonly LiveMessage[], n: number) {
  await dispatchOutbox(t.database, t.app.live);
  for (let i = 0; i < 100 && got.length < n; i++) await new Promise((r) => setTimeout(r, 30));
}

describe('the inbox', () => {
  it('holds the user’s in-app messages; marking read is per user', async () => {
    const leadLive = await liveOf(lead);
    const agentLive = await liveOf(agent);
    await queue({
      template: 'system.notice',
      to: { userId: org.users.lead!.id },
      vars: { title: '重要客户停电', message: '医院停电，请优先处理。' },
    });
    await send();
    const res = await lead.get('/api/notify/inbox');
    expect(res.statusCode, res.body).toBe(200);
    const inbox = res.json<InboxList>();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ title: '重要客户停电', readAt: null });
    const id = inbox.items[0]!.id;

    expect((await agent.get('/api/notify/inbox')).json<InboxList>().total).toBe(0);
    expectError(await agent.post(`/api/notify/inbox/${id}/read`), 'NOTIFY_MESSAGE_NOT_FOUND');

    // The new message is pushed to the lead's streams, and to no one else's.
    await dispatchUntil(leadLive.got, 1);
    expect(leadLive.got.map((m) => m.payload)).toEqual([
      expect.objectContaining({ userId: org.users.lead!.id, change: 'new' }),
    ]);

    const read = await lead.post(`/api/notify/inbox/${id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    const after = (await lead.get('/api/notify/inbox?unread=true')).json<InboxList>();
    expect(after).toMatchObject({ unread: 0, total: 0, items: [] });
    // Reading it is pushed too (the lead's other tabs drop the count); reading again is not.
    expect((await lead.post(`/api/notify/inbox/${id}/read`)).statusCode).toBe(200);
    await dispatchUntil(leadLive.got, 3);
    expect(leadLive.got.map((m) => m.payload.change)).toEqual(['new', 'read']);
    leadLive.stop();
    agentLive.stop();
    expect(agentLive.got).toEqual([]);
  });
});

describe('customer opt-outs', () => {
  it('are set by customer managers in their area, audited, and stop that channel', async () => {
    expectError(
      await agent.put(`/api/notify/customers/${c.one}/opt-outs`, { channels: ['sms'] }),
      'FORBIDDEN',
    );
    const res = await lead.put(`/api/notify/customers/${c.one}/opt-outs`, {
      channels: ['sms'],
      reason: '客户来电要求不再接收短信',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CustomerChannels>()).toEqual({
      customerId: c.one,
      consentMessages: true,
      optOuts: [{ channel: 'sms', reason: '客户来电要求不再接收短信' }],
    });
    expect((await auditRowsFor(t.database, c.one!)).map((a) => a.action)).toContain(
      'notify.opt_outs.update',
    );
    const { id } = await queue({ template: 'outage.planned', to: { customerId: c.one! }, vars });
    await send();
    const d = (await lead.get(`/api/notify/deliveries/${id}`)).json<DeliveryDetail>();
    expect(d).toMatchObject({ status: 'skipped', skipReason: 'opted_out', attempts: 0 });

    const cleared = await lead.put(`/api/notify/customers/${c.one}/opt-outs`, { channels: [] });
    expect(cleared.json<CustomerChannels>().optOuts).toEqual([]);
  });

  it('a customer outside the area does not exist', async () => {
    expectError(
      await county1admin.get(`/api/notify/customers/${c.two}/channels`),
      'CUSTOMER_NOT_FOUND',
    );
  });
});
