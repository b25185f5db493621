/**
 * The wrap-up (话后小结): an enquiry answered on the call with the article used (counted as an
 * answer, the agent back to ready), an order named by the wrap-up, what each code requires, and
 * the refusals (during the call, twice, someone else's call, an unanswered call, an order that
 * does not exist) which change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AgentView,
  CallList,
  CallSummary,
  ScreenPop,
} from '../../../common/schemas/contact.js';
import { demoActors } from '../../../scripts/demo/actors.js';
import { seedKnowledge } from '../../../scripts/demo/knowledge.js';
import { testApp } from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { createOk, faultInput } from '../orders/test-support.js';
import { contactWorld, freshCallId, freshPhone, ready, type ContactWorld } from './test-support.js';

const t = await testApp();
let w: ContactWorld;
let articleId: string;

beforeAll(async () => {
  w = await contactWorld(t.app, t.database);
  const seed = await t.database.db.transaction().execute(async (tx) => {
    const users = [w.org.users.trainer!.username, w.org.users.manager!.username];
    const actors = await demoActors(tx, users);
    return seedKnowledge(
      tx,
      { author: actors.get(users[0]!)!, reviewer: actors.get(users[1]!)! },
      new Date(),
    );
  });
  articleId = [...seed.ids.values()][0]!;
});
afterAll(() => t.close());

/** A call the test agent (extension 8001) answers; hung up unless `talking`. Our id of it. */
async function answeredCall(opts: { talking?: boolean; from?: string } = {}): Promise<string> {
  await ready(w, 'agent', '8001');
  const callId = freshCallId();
  await w.cti({
    event: 'newCall',
    from: opts.from ?? freshPhone(),
    to: '95598',
    direction: 'in',
    callId,
    user: ['测试agent'],
  });
  await w.cti({ event: 'answer', callId, answeringNumber: '8001' });
  if (!opts.talking) await w.cti({ event: 'hangup', callId, cause: 'normalClearing' });
  return idOf(callId);
}

async function idOf(callId: string): Promise<string> {
  const list = (await (await w.as('lead')).get('/api/contact/calls?pageSize=200')).json<CallList>();
  return list.items.find((c) => c.callId === callId)!.id;
}

const wrapUp = async (id: string, body: Record<string, unknown>, user = 'agent') =>
  (await w.as(user)).post(`/api/contact/calls/${id}/wrap-up`, body);

const me = async () => (await (await w.as('agent')).get('/api/contact/me')).json<AgentView>();

async function answeredUses(id: string): Promise<number> {
  const rows = await t.database.db
    .selectFrom('knowledge_usage')
    .select('id')
    .where('article_id', '=', id)
    .where('kind', '=', 'answered')
    .execute();
  return rows.length;
}

describe('wrap-up', () => {
  it('an enquiry answered on the call: closed on the spot with the article, the use counted, the agent ready', async () => {
    const id = await answeredCall();
    expect((await me()).state).toBe('after_call_work');
    const unwrapped = (
      await (await w.as('agent')).get('/api/contact/calls?unwrapped=true&pageSize=200')
    ).json<CallList>();
    expect(unwrapped.items.map((c) => c.id)).toContain(id);
    const usesBefore = await answeredUses(articleId);

    const res = await wrapUp(id, {
      code: 'enquiry_answered',
      articleId,
      customerId: w.customers.one,
      note: ' 峰谷电价时段 ',
    });
    expect(res.statusCode, res.body).toBe(200);
    const call = res.json<CallSummary>();
    expect(call.wrapUp).toMatchObject({
      code: 'enquiry_answered',
      articleId,
      customerId: w.customers.one,
      orderIds: [],
      note: '峰谷电价时段',
      closedOnSpot: true,
      by: { id: w.org.users.agent!.id },
    });
    expect(call.wrapUpEndAt).not.toBeNull();
    expect(await answeredUses(articleId)).toBe(usesBefore + 1);
    const usage = await t.database.db
      .selectFrom('knowledge_usage')
      .select('contact_id')
      .where('article_id', '=', articleId)
      .where('contact_id', '=', id)
      .executeTakeFirst();
    expect(usage?.contact_id).toBe(id);
    expect((await me()).state).toBe('ready');
    const after = (
      await (await w.as('agent')).get('/api/contact/calls?unwrapped=true&pageSize=200')
    ).json<CallList>();
    expect(after.items.map((c) => c.id)).not.toContain(id);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', '=', 'contact.wrap_up')
      .execute();
    expect(audit).toHaveLength(1);

    // Once only.
    expectError(await wrapUp(id, { code: 'nuisance' }), 'CONTACT_WRAP_UP_DONE');
  });

  it('a call that became an order names it; the agent may go on not ready', async () => {
    const agent = await w.as('agent');
    const order = await createOk(agent, faultInput(w.customers.one, { callerPhone: w.phones.one }));
    const id = await answeredCall({ from: w.phones.one });
    const res = await wrapUp(id, {
      code: 'order_created',
      orderIds: [order.id, order.id],
      next: 'not_ready',
      nextReason: 'callback',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CallSummary>().wrapUp).toMatchObject({
      code: 'order_created',
      orderIds: [order.id],
      closedOnSpot: false,
    });
    expect(await me()).toMatchObject({ state: 'not_ready', reason: 'callback' });
    // The order's page lists the calls about it (关联来电).
    const about = (
      await agent.get(`/api/contact/calls?orderId=${order.id}&pageSize=20`)
    ).json<CallList>();
    expect(about.items.map((c) => c.id)).toEqual([id]);
    const none = (
      await agent.get(`/api/contact/calls?orderId=${crypto.randomUUID()}&pageSize=20`)
    ).json<CallList>();
    expect(none.total).toBe(0);
  });

  it('an order created during the call is attached at once, and the wrap-up keeps it', async () => {
    const agent = await w.as('agent');
    const id = await answeredCall({ talking: true, from: w.phones.one });
    const order = await createOk(agent, faultInput(w.customers.one, { callerPhone: w.phones.one }));
    const attach = (orderId: string, user = 'agent') =>
      w.as(user).then((c) => c.post(`/api/contact/calls/${id}/orders`, { orderId }));
    const res = await attach(order.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CallSummary>()).toMatchObject({ orderIds: [order.id], wrapUp: null });
    // The order's page lists the call while it is still going on.
    const about = (
      await agent.get(`/api/contact/calls?orderId=${order.id}&pageSize=20`)
    ).json<CallList>();
    expect(about.items.map((c) => c.id)).toEqual([id]);
    // A desk opened again on the call finds the order in the pop.
    const pop = (await agent.get(`/api/contact/calls/${id}/pop`)).json<ScreenPop>();
    expect(pop.callOrders).toEqual([{ id: order.id, number: order.number }]);
    // Twice is once, with one audit row; someone else's call, an unknown order: refused.
    expect((await attach(order.id)).json<CallSummary>().orderIds).toEqual([order.id]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', '=', 'contact.call_order')
      .execute();
    expect(audit).toHaveLength(1);
    expectError(await attach(order.id, 'lead'), 'CONTACT_CALL_NOT_YOURS');
    expectError(await attach(crypto.randomUUID()), 'ORDER_NOT_FOUND');
    expectError(
      await (await w.as('agent')).post(`/api/contact/calls/${id}/orders`, { orderId: 'x' }),
      'VALIDATION_FAILED',
    );

    // Hung up: the desk forgot the order (a reload), yet the wrap-up as 已建工单 stands on it.
    const callId = (await agent.get(`/api/contact/calls/${id}`)).json<{ callId: string }>().callId;
    await w.cti({ event: 'hangup', callId, cause: 'normalClearing' });
    const done = await wrapUp(id, { code: 'order_created' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<CallSummary>().wrapUp?.orderIds).toEqual([order.id]);
    const late = await createOk(agent, faultInput(w.customers.one, { callerPhone: w.phones.one }));
    expectError(await attach(late.id), 'CONTACT_WRAP_UP_DONE');
  });

  it('each code asks for what it needs; an unknown order or article changes nothing', async () => {
    const id = await answeredCall();
    const missing = await wrapUp(id, { code: 'enquiry_answered' });
    expectError(missing, 'CONTACT_WRAP_UP_INCOMPLETE');
    expect(missing.json<{ error: { details: { path: string[] }[] } }>().error.details).toEqual([
      expect.objectContaining({ path: ['articleId'] }),
    ]);
    expectError(await wrapUp(id, { code: 'order_created' }), 'CONTACT_WRAP_UP_INCOMPLETE');
    expectError(await wrapUp(id, { code: 'other' }), 'CONTACT_WRAP_UP_INCOMPLETE');
    expectError(await wrapUp(id, { code: 'other', note: '   ' }), 'VALIDATION_FAILED');
    expectError(
      await wrapUp(id, { code: 'urge', orderIds: [crypto.randomUUID()] }),
      'ORDER_NOT_FOUND',
    );
    expectError(
      await wrapUp(id, { code: 'enquiry_answered', articleId: crypto.randomUUID() }),
      'KNOWLEDGE_ARTICLE_NOT_FOUND',
    );
    expectError(
      await wrapUp(id, { code: 'nuisance', customerId: crypto.randomUUID() }),
      'CUSTOMER_NOT_FOUND',
    );
    expect((await wrapUp(id, { code: 'bogus' })).statusCode).toBe(400);
    // Nothing was recorded: the agent is still in after-call work and the call is unwrapped.
    expect((await me()).state).toBe('after_call_work');
    const list = (
      await (await w.as('agent')).get('/api/contact/calls?unwrapped=true&pageSize=200')
    ).json<CallList>();
    expect(list.items.find((c) => c.id === id)?.wrapUp).toBeNull();
    // A code that needs nothing more.
    const ok = await wrapUp(id, { code: 'wrong_number' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('not during the call, not someone else’s call, not an unanswered one', async () => {
    const id = await answeredCall({ talking: true });
    expectError(await wrapUp(id, { code: 'nuisance' }), 'CONTACT_CALL_NOT_ENDED');
    const callId = (await (await w.as('agent')).get(`/api/contact/calls/${id}`)).json<{
      callId: string;
    }>().callId;
    await w.cti({ event: 'hangup', callId, cause: 'normalClearing' });
    expectError(await wrapUp(id, { code: 'nuisance' }, 'lead'), 'CONTACT_WRAP_UP_NOT_YOURS');
    expect((await wrapUp(id, { code: 'nuisance' })).statusCode).toBe(200);

    const missed = freshCallId();
    await w.cti({
      event: 'newCall',
      from: freshPhone(),
      to: '95598',
      direction: 'in',
      callId: missed,
      user: ['测试agent'],
    });
    await w.cti({ event: 'hangup', callId: missed, cause: 'cancel' });
    expectError(
      await wrapUp(await idOf(missed), { code: 'nuisance' }),
      'CONTACT_CALL_NOT_ANSWERED',
    );
    // A trainer does not work the phone.
    expectError(await wrapUp(id, { code: 'nuisance' }, 'trainer'), 'FORBIDDEN');
  });
});
