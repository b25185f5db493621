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

let phoneSeq = Math.floor(Math.random() * 1e7);
/** A caller phone no other test uses (the PostgreSQL database is shared by parallel files). */
const freshPhone = () => `137${String(phoneSeq++ % 1e8).padStart(8, '0')}`;

const complaint = (customerId: string, over: Record<string, unknown> = {}) => ({
  typeCode: 'complaint',
  subtypeCode: 'service',
  title: '投诉营业厅服务态度',
  description: '客户投诉营业厅工作人员态度生硬。',
  customerId,
  callerPhone: freshPhone(),
  fields: {
    complaintClass: 'service',
    grade: 'general',
    emotion: 'agitated',
    confidentiality: 'none',
    overLevel: false,
  },
  ...over,
});

describe('accepting orders', () => {
  it('refuses a type without its required fields, and unknown types, changing nothing', async () => {
    const agent = await w.as('agent');
    const before = await agent.get('/api/orders').then((r) => r.json<OrderList>().total);
    const res = await agent.post('/api/orders', complaint(w.customers.urban, { fields: {} }));
    expectError(res, 'ORDER_FIELDS_MISSING');
    const missing = res.json<{ error: { details: { path: string[] }[] } }>().error.details;
    expect(missing.map((d) => d.path[1])).toEqual([
      'complaintClass',
      'grade',
      'emotion',
      'confidentiality',
      'overLevel',
    ]);
    expectError(
      await agent.post('/api/orders', complaint(w.customers.urban, { subtypeCode: 'nope' })),
      'ORDER_TYPE_UNKNOWN',
    );
    const after = await agent.get('/api/orders').then((r) => r.json<OrderList>().total);
    expect(after).toBe(before);
  });

  it('is idempotent with an Idempotency-Key: a retry gets the first order back', async () => {
    const agent = await w.as('agent');
    const key = { 'idempotency-key': `k-${crypto.randomUUID()}` };
    const body = faultInput(w.customers.urban, { callerPhone: freshPhone() });
    const a = await agent.post('/api/orders', body, key);
    const b = await agent.post('/api/orders', body, key);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json<OrderDetail>().id).toBe(a.json<OrderDetail>().id);
    const n = await t.database.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', '=', a.json<OrderDetail>().id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('gives unique numbers to orders created at the same moment', async () => {
    const agent = await w.as('agent');
    const made = await Promise.all(
      Array.from({ length: 8 }, () =>
        agent.post('/api/orders', faultInput(w.customers.urban, { callerPhone: freshPhone() })),
      ),
    );
    const numbers = made.map((r) => r.json<OrderDetail>().number);
    expect(made.every((r) => r.statusCode === 201)).toBe(true);
    expect(new Set(numbers).size).toBe(8);
  });

  it('flags repeat contacts and escalates the third complaint on the same matter', async () => {
    const agent = await w.as('agent');
    const phone = freshPhone();
    const first = await createOk(agent, complaint(w.customers.rural, { callerPhone: phone }));
    expect(first.flags).not.toContain('repeat_24h');
    const second = await createOk(agent, complaint(w.customers.rural, { callerPhone: phone }));
    expect(second.flags).toEqual(expect.arrayContaining(['repeat_24h', 'repeat_7d']));
    expect(second.repeat24h).toBe(1);
    expect(second.flags).not.toContain('repeat_complaint');
    const third = await createOk(agent, complaint(w.customers.rural, { callerPhone: phone }));
    expect(third.flags).toEqual(
      expect.arrayContaining(['repeat_complaint', 'supervised', 'escalated']),
    );
  });

  it('escalates a major complaint with a 15-minute supervisor clock, and marks sensitive customers', async () => {
    const agent = await w.as('agent');
    const o = await createOk(
      agent,
      complaint(w.customers.sensitive, {
        fields: {
          complaintClass: 'service',
          grade: 'major',
          emotion: 'very_agitated',
          confidentiality: 'confidential',
          overLevel: true,
          overLevelReason: '对县公司处理不满',
        },
      }),
    );
    expect(o.flags).toEqual(
      expect.arrayContaining(['sensitive_customer', 'escalated', 'over_level']),
    );
    const esc = o.clocks.find((c) => c.step === 'escalation')!;
    expect(esc.limit).toEqual({ unit: 'minutes', amount: 15 });
    const lead = await w.as('lead');
    const x = await act(lead, o, 'supervise', { reason: '值长已审核，督办县公司' });
    expect(x.clocks.find((c) => c.step === 'escalation')?.status).toBe('met');
    expect(x.flags).toContain('supervised');
  });

  it('requires the reason of going over the local company', async () => {
    const agent = await w.as('agent');
    const res = await agent.post(
      '/api/orders',
      complaint(w.customers.urban, {
        fields: {
          complaintClass: 'service',
          grade: 'general',
          emotion: 'calm',
          confidentiality: 'none',
          overLevel: true,
        },
      }),
    );
    expectError(res, 'ORDER_FIELDS_MISSING');
  });
});

describe('scope and roles', () => {
  it('shows an order to the units that serve it and to the center, to nobody else', async () => {
    const agent = await w.as('agent');
    const o = await createOk(agent, faultInput(w.customers.urban, { callerPhone: freshPhone() }));
    expect((await (await w.as('crew')).get(`/api/orders/${o.id}`)).statusCode).toBe(200);
    expect((await (await w.as('dispatcher')).get(`/api/orders/${o.id}`)).statusCode).toBe(200);
    expect((await (await w.as('qa')).get(`/api/orders/${o.id}`)).statusCode).toBe(200);
    expectError(await (await w.as('county2admin')).get(`/api/orders/${o.id}`), 'ORDER_NOT_FOUND');
    expectError(await (await w.as('trainer')).get(`/api/orders/${o.id}`), 'FORBIDDEN');
    const crewList = await (await w.as('crew')).get('/api/orders?open=true');
    expect(crewList.json<OrderList>().items.some((i) => i.id === o.id)).toBe(true);
    // The quality inspector sees but may not act.
    const qa = await w.as('qa');
    const seen = await qa.get(`/api/orders/${o.id}`).then((r) => r.json<OrderDetail>());
    expect(seen.allowedActions).toEqual([]);
    expectError(
      await qa.post(`/api/orders/${o.id}/actions/acknowledge`, { version: seen.version }),
      'FORBIDDEN',
    );
  });

  it('lets one of two concurrent actions win; the other gets 409', async () => {
    const agent = await w.as('agent');
    const o = await createOk(agent, faultInput(w.customers.urban, { callerPhone: freshPhone() }));
    const crew = await w.as('crew');
    const dispatcher = await w.as('dispatcher');
    const [a, b] = await Promise.all([
      crew.post(`/api/orders/${o.id}/actions/acknowledge`, { version: o.version }),
      dispatcher.post(`/api/orders/${o.id}/actions/acknowledge`, { version: o.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json<{ error: { code: string } }>().error.code).toBe('VERSION_CONFLICT');
    const now = await agent.get(`/api/orders/${o.id}`).then((r) => r.json<OrderDetail>());
    expect(now.timeline.filter((e) => e.action === 'acknowledge')).toHaveLength(1);
  });
});

describe('suspension, merge and re-open', () => {
  it('stops the clock while suspended and moves the deadline by the pause', async () => {
    const agent = await w.as('agent');
    const o = await createOk(agent, faultInput(w.customers.urban, { callerPhone: freshPhone() }));
    const crew = await w.as('crew');
    let x = await act(crew, o, 'acknowledge');
    x = await act(crew, x, 'request_suspension', { reason: '客户不在家，约定明日上门' });
    expect(x.flags).toContain('suspension_requested');
    expect(x.allowedActions).not.toContain('approve_suspension');
    const lead = await w.as('lead');
    x = await lead.get(`/api/orders/${o.id}`).then((r) => r.json<OrderDetail>());
    expect(x.allowedActions).toEqual(
      expect.arrayContaining(['approve_suspension', 'reject_suspension']),
    );
    x = await act(lead, x, 'approve_suspension');
    expect(x.state).toBe('suspended');
    expect(x.slaStatus).toBe('paused');
    const arriveBefore = x.clocks.find((c) => c.step === 'arrive')!;
    await new Promise((r) => setTimeout(r, 50));
    x = await act(crew, x, 'resume');
    expect(x.state).toBe('handling');
    const arriveAfter = x.clocks.find((c) => c.step === 'arrive')!;
    expect(Date.parse(arriveAfter.dueAt)).toBeGreaterThan(Date.parse(arriveBefore.dueAt));
    const sla = await agent.get(`/api/orders/${o.id}/sla`).then((r) => r.json<OrderSla>());
    const arrive = sla.clocks.find((c) => c.step === 'arrive')!;
    expect(arrive.pauses).toHaveLength(1);
    expect(arrive.pauses[0]!.to).not.toBeNull();
  });

  it('merges a duplicate under its master and closes it with the master', async () => {
    const agent = await w.as('agent');
    const phone = freshPhone();
    const master = await createOk(agent, faultInput(w.customers.urban, { callerPhone: phone }));
    const dup = await createOk(agent, faultInput(w.customers.urban, { callerPhone: phone }));
    const other = await createOk(
      agent,
      faultInput(w.customers.rural, { callerPhone: freshPhone() }),
    );
    expectError(
      await agent.post(`/api/orders/${other.id}/actions/merge`, {
        version: other.version,
        masterId: master.id,
      }),
      'ORDER_MERGE_INVALID',
    );
    const child = await act(agent, dup, 'merge', { masterId: master.id });
    expect(child.state).toBe('merged');
    expect(child.master?.id).toBe(master.id);
    const crew = await w.as('crew');
    let m = await crew.get(`/api/orders/${master.id}`).then((r) => r.json<OrderDetail>());
    expect(m.children.map((c) => c.id)).toEqual([dup.id]);
    m = await act(crew, m, 'acknowledge');
    m = await act(crew, m, 'arrive');
    m = await act(crew, m, 'repaired', { result: '已修复' });
    m = await act(crew, m, 'return', { result: '已修复' });
    m = await act(agent, m, 'review_pass');
    m = await act(agent, m, 'callback', { satisfaction: 'dissatisfied', body: '客户认为到达太慢' });
    // A dissatisfied callback: the lead re-opens, the unit handles again.
    const lead = await w.as('lead');
    m = await act(lead, m, 'reopen', { reason: '回访不满意，重新处理' });
    expect(m.state).toBe('handling');
    m = await act(crew, m, 'arrive');
    m = await act(crew, m, 'repaired', { result: '更换线路' });
    m = await act(crew, m, 'return', { result: '更换线路' });
    m = await act(agent, m, 'review_pass');
    m = await act(agent, m, 'callback', { satisfaction: 'satisfied' });
    m = await act(agent, m, 'archive');
    const closed = await agent.get(`/api/orders/${dup.id}`).then((r) => r.json<OrderDetail>());
    expect(closed.state).toBe('archived');
    expect(closed.timeline.at(-1)?.action).toBe('close_with_master');
  });

  it('terminates with a reason (服务终止) and refuses actions afterwards', async () => {
    const agent = await w.as('agent');
    const o = await createOk(agent, complaint(w.customers.urban));
    const lead = await w.as('lead');
    expectError(
      await lead.post(`/api/orders/${o.id}/actions/terminate`, { version: o.version }),
      'VALIDATION_FAILED',
    );
    const x = await act(lead, o, 'terminate', { reason: '客户诉求已进入诉讼程序' });
    expect(x.state).toBe('terminated');
    // The center may still write to the customer and note internally; nothing else.
    expect(x.allowedActions).toEqual(['reply', 'note']);
    expectError(
      await agent.post(`/api/orders/${o.id}/actions/urge`, { version: x.version, body: '催' }),
      'ORDER_ACTION_NOT_ALLOWED',
    );
  });

  it('counts urging on the order', async () => {
    const agent = await w.as('agent');
    const o = await createOk(agent, complaint(w.customers.urban));
    let x = await act(agent, o, 'urge', { body: '客户来电催办' });
    x = await act(agent, x, 'urge', { body: '客户再次催办' });
    expect(x.urgeCount).toBe(2);
    const list = await agent.get('/api/orders?sort=-urgeCount&open=true&type=complaint');
    expect(list.json<OrderList>().items[0]?.id).toBe(o.id);
  });
});
