/**
 * The screen pop: known, unknown and shared numbers; grid path and marks; outages covering the
 * caller; open orders; the repeat-call warning; the greeting by hour and on a holiday (fixed
 * clock); masking of the caller's number for agents the call is not for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallList, ScreenPop } from '../../../common/schemas/contact.js';
import { testApp } from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { createOk, faultInput } from '../orders/test-support.js';
import { screenPop } from './service/pop.js';
import { contactWorld, freshCallId, freshPhone, type ContactWorld } from './test-support.js';

const t = await testApp();
let w: ContactWorld;

beforeAll(async () => {
  w = await contactWorld(t.app, t.database);
});
afterAll(() => t.close());

/** Rings the test agent with a call from `from`; returns our id of the call. */
async function ring(from: string, user = '测试agent'): Promise<string> {
  const callId = freshCallId();
  const res = await w.cti({
    event: 'newCall',
    from,
    to: '95598',
    direction: 'in',
    callId,
    user: [user],
  });
  expect(res.statusCode, res.body).toBe(200);
  const list = (await (await w.as('lead')).get('/api/contact/calls?pageSize=200')).json<CallList>();
  return list.items.find((c) => c.callId === callId)!.id;
}

async function pop(id: string, user = 'agent'): Promise<ScreenPop> {
  const started = performance.now();
  const res = await (await w.as(user)).get(`/api/contact/calls/${id}/pop`);
  expect(res.statusCode, res.body).toBe(200);
  expect(performance.now() - started).toBeLessThan(2000);
  return res.json<ScreenPop>();
}

describe('screen pop', () => {
  it('a known number: the customer with grid path and marks, masked for the agent; open orders', async () => {
    const agent = await w.as('agent');
    const order = await createOk(agent, faultInput(w.customers.one, { callerPhone: w.phones.one }));
    const p = await pop(await ring(w.phones.one));
    expect(p.number).toBe(w.phones.one);
    expect(p.match).toBe('one');
    expect(p.customers).toHaveLength(1);
    const c = p.customers[0]!;
    expect(c).toMatchObject({ id: w.customers.one, name: '城区张', masked: true });
    expect(c.gridPath?.transformer.id).toBe(w.net.transformers.c1t1);
    expect(c.marks).toMatchObject({
      important: false,
      highRisk: false,
      sensitive: false,
      arrearsFen: 0,
    });
    expect(c.phones[0]!.phone).toMatch(/^139\*{4}\d{4}$/);
    expect(p.orders.map((o) => o.id)).toContain(order.id);
    // The ringing agent sees the caller's number in full; the call is hers.
    expect(p.call.from).toBe(w.phones.one);
    expect(p.repeat.calls24h).toBe(0);
    expect(p.greeting.text).toContain('国家电网95598');
  });

  it('an important customer’s marks come with the pop', async () => {
    const p = await pop(await ring(w.phones.important));
    expect(p.customers[0]!.marks.important).toBe(true);
  });

  it('a shared number gives the candidates; an unknown one gives none', async () => {
    const shared = await pop(await ring(w.phones.two));
    expect(shared.match).toBe('several');
    expect(shared.customers.map((c) => c.id).sort()).toEqual(
      [w.customers.twoA, w.customers.twoB].sort(),
    );
    const unknown = await pop(await ring(w.phones.unknown));
    expect(unknown).toMatchObject({ match: 'none', customers: [], orders: [], outages: [] });
    // A number the PBX sends that is no phone number at all (anonymous) pops nothing, no error.
    const anon = await pop(await ring('anonymous'));
    expect(anon).toMatchObject({ number: null, match: 'none' });
  });

  it('warns of a repeat call from the same number within 24 h, naming the last agent', async () => {
    const caller = freshPhone();
    const first = freshCallId();
    await w.cti({ event: 'newCall', from: caller, to: '95598', direction: 'in', callId: first });
    await w.cti({
      event: 'answer',
      callId: first,
      answeringNumber: w.org.users.teamlead!.username,
    });
    await w.cti({ event: 'hangup', callId: first, cause: 'normalClearing' });
    const p = await pop(await ring(caller));
    expect(p.repeat).toMatchObject({ calls24h: 1, lastAgent: '测试teamlead' });
    expect(p.repeat.lastAt).not.toBeNull();
    // Older than a day, it is no repeat.
    await t.database.db
      .updateTable('contact_calls')
      .set({ first_seen_at: new Date(Date.now() - 25 * 3_600_000) })
      .where('call_id', '=', first)
      .execute();
    expect((await pop(await ring(caller))).repeat.calls24h).toBe(1); // the previous ring, not the old call
  });

  it('shows the outage covering the caller and the script of its major event', async () => {
    const dispatcher = await w.as('dispatcher');
    const outage = await dispatcher.post('/api/outages', {
      category: 'grid_fault',
      title: '10kV城关一线故障停电',
      reason: '线路跳闸',
      areaText: '城关镇一带',
      startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      scope: { feeders: [], transformers: [w.net.transformers.c1t1], addresses: [] },
      publish: true,
    });
    expect(outage.statusCode, outage.body).toBe(201);
    const lead = await w.as('lead');
    const event = await lead.post('/api/major-events', {
      title: '城关停电应答口径',
      description: '城关一线故障',
      script: '您好，城关一线故障正在抢修，预计两小时内恢复供电。',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      outageId: outage.json().id,
      unitId: w.org.units.county1!.id,
    });
    expect(event.statusCode, event.body).toBe(201);
    const p = await pop(await ring(w.phones.one));
    expect(p.outages.map((o) => o.id)).toContain(outage.json().id);
    expect(p.majorEvents.map((e) => e.script)).toContain(
      '您好，城关一线故障正在抢修，预计两小时内恢复供电。',
    );
    // The shared number's other customer (county 2) is not covered, the first is: still shown.
    const unknown = await pop(await ring(w.phones.unknown));
    expect(unknown.outages).toEqual([]);
  });

  it('greets by the hour and festively on a holiday (fixed clock, China time)', async () => {
    const id = await ring(w.phones.one);
    const actor = await w.actorOf('agent');
    const at = (iso: string) => screenPop({ tx: t.database.db, actor, now: new Date(iso) }, id);
    expect((await at('2026-03-10T09:00:00+08:00')).greeting).toMatchObject({
      salutation: '早上好',
      festive: null,
      holiday: null,
    });
    expect((await at('2026-03-10T15:00:00+08:00')).greeting.salutation).toBe('下午好');
    expect((await at('2026-03-10T20:00:00+08:00')).greeting.salutation).toBe('晚上好');
    const spring = (await at('2026-02-17T10:00:00+08:00')).greeting;
    expect(spring).toMatchObject({ salutation: '早上好', festive: '新春快乐', holiday: '春节' });
    expect(spring.text.startsWith('新春快乐！早上好')).toBe(true);
    // The Saturday make-up working day (调休) before the holiday is no holiday.
    expect((await at('2026-02-14T10:00:00+08:00')).greeting.festive).toBeNull();
    // 清明 has no festive greeting; a year without a schedule greets plainly.
    expect((await at('2026-04-05T10:00:00+08:00')).greeting.festive).toBeNull();
    expect((await at('2031-10-01T10:00:00+08:00')).greeting.festive).toBeNull();
  });

  it('another agent sees the caller’s number masked; out of scope or unknown → not found', async () => {
    const id = await ring(w.phones.one);
    const other = await pop(id, 'teamlead');
    expect(other.call.from).toMatch(/^139\*{4}\d{4}$/);
    expect(other.customers).toHaveLength(1);
    expectError(
      await (await w.as('agent')).get(`/api/contact/calls/${crypto.randomUUID()}/pop`),
      'CONTACT_CALL_NOT_FOUND',
    );
    expectError(await (await w.as('dispatcher')).get(`/api/contact/calls/${id}/pop`), 'FORBIDDEN');
  });
});
