/**
 * The wall board (大屏) against a real database: each figure exactly, from calls, agents, orders
 * and outages built for a fixed day; the SQL buckets agree with the pure rules; what a lead of
 * another area and an agent get; the live nudge leads' boards receive, coalesced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bucketCalls,
  chinaDay,
  fullDay,
  type CallTimes,
} from '../../../common/contact/wallboard-figures.js';
import type { Wallboard } from '../../../common/schemas/wallboard.js';
import { buildOrg, login, testApp, type TestOrg } from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { newId } from '../../platform/ids.js';
import { actorFromSession } from '../auth/index.js';
import { createOk, faultInput } from '../orders/test-support.js';
import { wallboard } from './service/wallboard.js';
import { callsByHour } from './store/wallboard.js';
import { contactWorld, freshCallId, freshPhone, type ContactWorld } from './test-support.js';

const t = await testApp();
let w: ContactWorld;
let other: TestOrg;

// 2026-03-02 14:00 China time: a fixed day, so that every figure is known.
const NOW = new Date('2026-03-02T14:00:00+08:00');
const at = (china: string) => new Date(`2026-03-02T${china}+08:00`);
const plus = (d: Date, secs: number) => new Date(d.getTime() + secs * 1000);

type TestCall = CallTimes & { queue?: string; unit?: string };

/** The calls of the fixed day (and around it), as the PBX's events would have left them. */
function dayCalls(): TestCall[] {
  const answered = (arrived: Date, wait: number, talking = false): TestCall => ({
    direction: 'in',
    state: talking ? 'talking' : 'ended',
    outcome: talking ? null : 'answered',
    arrivedAt: arrived,
    answeredAt: plus(arrived, wait),
    endedAt: talking ? null : plus(arrived, wait + 180),
  });
  const unanswered = (arrived: Date, wait: number, outcome: 'abandoned' | 'missed'): TestCall => ({
    direction: 'in',
    state: 'ended',
    outcome,
    arrivedAt: arrived,
    answeredAt: null,
    endedAt: plus(arrived, wait),
  });
  const ringing = (arrived: Date, queue: string): TestCall => ({
    direction: 'in',
    state: 'ringing',
    outcome: null,
    arrivedAt: arrived,
    answeredAt: null,
    endedAt: null,
    queue,
  });
  return [
    answered(at('00:00:00'), 3),
    answered(at('09:00:00'), 5),
    answered(at('09:10:00'), 15),
    answered(at('09:15:00'), 40),
    unanswered(at('09:20:00'), 2, 'abandoned'), // short abandon
    unanswered(at('09:25:00'), 30, 'abandoned'),
    unanswered(at('09:30:00'), 8, 'missed'),
    answered(at('10:30:00'), 10, true), // talking now
    ringing(plus(NOW, -45), 'fault'), // waiting beyond 20 s
    ringing(plus(NOW, -5), 'complaint'),
    ringing(plus(NOW, -3 * 3600), 'fault'), // lost its hangup: stale
    { ...answered(at('11:00:00'), 2), direction: 'out' },
    { ...unanswered(at('11:05:00'), 0, 'missed'), outcome: 'blocked' },
    // Rang yesterday, answered after midnight: yesterday's call.
    answered(new Date('2026-03-01T23:59:50+08:00'), 25),
    // Another county's office: outside the center, inside the lead's area.
    { ...answered(at('12:00:00'), 4), unit: 'county1' },
  ];
}

async function insertCalls(calls: TestCall[]): Promise<void> {
  await t.database.db
    .insertInto('contact_calls')
    .values(
      calls.map((c) => {
        const unit = w.org.units[c.unit ?? 'csc']!;
        return {
          id: newId(),
          integration_id: w.integrationId,
          call_id: freshCallId(),
          direction: c.direction,
          from_number: freshPhone(),
          to_number: '95598',
          caller_number: null,
          queue: c.queue ?? null,
          state: c.state,
          outcome: c.outcome,
          cause: null,
          first_seen_at: c.arrivedAt,
          ring_at: c.arrivedAt,
          answered_at: c.answeredAt,
          ended_at: c.endedAt,
          org_id: unit.id,
          unit_path: unit.path,
          province_id: unit.provinceId,
          updated_at: c.arrivedAt,
        };
      }),
    )
    .execute();
}

/** An outage row as the outages module keeps it (only what the board reads matters here). */
async function insertOutage(o: {
  unit: string;
  state: string;
  startedAt?: Date;
  plannedStart?: Date;
  plannedEnd?: Date;
  affected: number;
}): Promise<string> {
  const unit = w.org.units[o.unit]!;
  const id = newId();
  await t.database.db
    .insertInto('outages')
    .values({
      id,
      number: `TDW${id.replace(/-/g, '').slice(-12)}`,
      category: o.startedAt ? 'grid_fault' : 'planned',
      state: o.state,
      title: `测试停电 ${o.unit}`,
      reason: '线路检修',
      area_text: '测试区域',
      planned_start: o.plannedStart ?? null,
      planned_end: o.plannedEnd ?? null,
      started_at: o.startedAt ?? null,
      affected_customers: o.affected,
      org_id: unit.id,
      unit_path: unit.path,
      province_id: unit.provinceId!,
    })
    .execute();
  return id;
}

const orders: Record<string, string> = {};
const outages: Record<string, string> = {};

beforeAll(async () => {
  w = await contactWorld(t.app, t.database);
  other = await buildOrg(t.database);
  await insertCalls(dayCalls());

  // Agents: ready (for 10 minutes), not ready in a meeting, on a break.
  const state = async (user: string, body: Record<string, string>) => {
    const res = await (await w.as(user)).put('/api/contact/me/state', body);
    expect(res.statusCode, res.body).toBe(200);
  };
  await state('lead', { state: 'ready' });
  await state('teamlead', { state: 'not_ready', reason: 'meeting' });
  await state('agent', { state: 'break' });
  await t.database.db
    .updateTable('contact_agents')
    .set({ state_since: plus(NOW, -600) })
    .where('user_id', '=', w.org.users.lead!.id)
    .execute();

  // Orders: accepted at fixed times of the day, with their time-limit status.
  const agent = await w.as('agent');
  const order = async (
    key: string,
    acceptedAt: Date,
    slaStatus: string,
    dueAt: Date | null,
    state?: string,
  ) => {
    const o = await createOk(agent, faultInput(w.customers.one, { callerPhone: freshPhone() }));
    orders[key] = o.id;
    await t.database.db
      .updateTable('orders')
      .set({
        accepted_at: acceptedAt,
        sla_status: slaStatus,
        due_at: dueAt,
        ...(state ? { state } : {}),
      })
      .where('id', '=', o.id)
      .execute();
  };
  await order('warning', at('09:05:00'), 'warning', plus(NOW, 600));
  await order('overdue', at('09:40:00'), 'overdue', plus(NOW, -300));
  await order('fine', at('10:20:00'), 'ok', plus(NOW, 3600));
  await order('closed', at('10:50:00'), 'overdue', plus(NOW, -900), 'archived');
  await order('yesterday', new Date('2026-03-01T23:00:00+08:00'), 'critical', plus(NOW, 60));

  // Outages: one in progress, one planned window that has begun, one ahead, one restored.
  outages.fault = await insertOutage({
    unit: 'county1',
    state: 'in_progress',
    startedAt: plus(NOW, -3600),
    affected: 120,
  });
  outages.planned = await insertOutage({
    unit: 'county2',
    state: 'published',
    plannedStart: plus(NOW, -1800),
    plannedEnd: plus(NOW, 7200),
    affected: 30,
  });
  await insertOutage({
    unit: 'county1',
    state: 'published',
    plannedStart: plus(NOW, 86_400),
    plannedEnd: plus(NOW, 90_000),
    affected: 40,
  });
  await insertOutage({
    unit: 'county2',
    state: 'restored',
    startedAt: plus(NOW, -7200),
    affected: 50,
  });
});
afterAll(() => t.close());

/** Just after the next whole second (when boards are nudged and counts start afresh). */
async function nextTick(): Promise<void> {
  const now = Date.now();
  await new Promise((r) => setTimeout(r, 1000 - (now % 1000) + 30));
}

async function boardOf(user: string, q: { unitId?: string } = {}, org?: TestOrg) {
  let actor = await w.actorOf(user);
  if (org) {
    const c = await login(t.app, org.users[user]!.username);
    actor = await actorFromSession(t.database.db, c.cookie!.replace(/^lx_session=/, ''), 3600);
  }
  return wallboard({ tx: t.database.db, actor, now: NOW }, q);
}

describe('the figures of a day', () => {
  it('counts the queue, the service level, speed of answer and abandonment exactly', async () => {
    const b = await boardOf('lead');
    expect(b.at).toBe(NOW.toISOString());
    expect(b.day).toBe('2026-03-02');
    expect(b.area).toEqual({ unitId: w.org.units.province!.id, name: '测试省电力公司' });
    expect(b.queue).toEqual({
      waiting: 2,
      longestWaitSeconds: 45,
      byQueue: [
        { queue: 'complaint', waiting: 1, longestWaitSeconds: 5 },
        { queue: 'fault', waiting: 1, longestWaitSeconds: 45 },
      ],
    });
    // 11 offered today: 6 answered (5 within 20 s), 2 abandoned, 1 short abandon, 2 ringing.
    expect(b.today).toEqual({
      calls: 11,
      answered: 6,
      answeredInSl: 5,
      abandoned: 2,
      shortAbandoned: 1,
      waitingOverSl: 1,
      serviceLevel: 5 / 9,
      averageSpeedOfAnswer: (3 + 5 + 15 + 40 + 10 + 4) / 6,
      abandonRate: 2 / 8,
    });
    expect(b.hours).toHaveLength(24);
    expect(b.hours[0]).toEqual({
      hour: 0,
      calls: 1,
      answered: 1,
      abandoned: 0,
      serviceLevel: 1,
      orders: 0,
    });
    expect(b.hours[9]).toEqual({
      hour: 9,
      calls: 6,
      answered: 3,
      abandoned: 2,
      serviceLevel: 2 / 5,
      orders: 2,
    });
    expect(b.hours[10]).toMatchObject({ calls: 1, answered: 1, orders: 2 });
    expect(b.hours[11]).toMatchObject({ calls: 0, orders: 0 });
    expect(b.hours[13]).toMatchObject({ calls: 2, answered: 0, serviceLevel: 0 });
    expect(b.hours[23]).toEqual({
      hour: 23,
      calls: 0,
      answered: 0,
      abandoned: 0,
      serviceLevel: null,
      orders: 0,
    });
  });

  it('the database counts every hour as the pure rules do', async () => {
    const calls = dayCalls();
    const day = chinaDay(NOW);
    const sql = await callsByHour(t.database.db, {
      prefix: w.org.units.province!.path,
      start: day.start,
      now: NOW,
    });
    expect(fullDay(sql)).toEqual(bucketCalls(calls, NOW));
  });

  it('agents by state, with the longest time in each', async () => {
    const b = await boardOf('lead');
    const by = Object.fromEntries(b.agents.byState.map((s) => [s.state, s]));
    expect(b.agents.signedIn).toBe(3);
    expect(by.ready).toEqual({ state: 'ready', count: 1, longestSeconds: 600 });
    expect(by.not_ready).toMatchObject({ count: 1 });
    expect(by.break).toMatchObject({ count: 1 });
    expect(by.talking).toEqual({ state: 'talking', count: 0, longestSeconds: null });
    expect(b.agents.notReadyReasons).toEqual([{ reason: 'meeting', count: 1 }]);
  });

  it('orders per hour and the open orders at risk, overdue first', async () => {
    const b = await boardOf('lead');
    expect(b.orders).toMatchObject({
      today: 4,
      atRisk: { warning: 1, critical: 1, overdue: 1 },
    });
    expect(b.orders!.top.map((o) => [o.id, o.slaStatus])).toEqual([
      [orders.overdue, 'overdue'],
      [orders.yesterday, 'critical'],
      [orders.warning, 'warning'],
    ]);
    expect(b.orders!.top[0]).toMatchObject({
      typeName: { zh: '故障报修/低压故障', en: expect.any(String) as string },
      dueAt: plus(NOW, -300).toISOString(),
    });
  });

  it('the outages with the power off now, the earliest first', async () => {
    const b = await boardOf('lead');
    expect(b.outages).toMatchObject({ active: 2, affectedCustomers: 150 });
    expect(b.outages!.items.map((o) => [o.id, o.since])).toEqual([
      [outages.fault, plus(NOW, -3600).toISOString()],
      [outages.planned, plus(NOW, -1800).toISOString()],
    ]);
  });

  it('one unit of the area: only what lies under it', async () => {
    const b = await boardOf('lead', { unitId: w.org.units.county1!.id });
    expect(b.area.name).toBe('一县供电公司');
    expect(b.today.calls).toBe(1);
    expect(b.queue.waiting).toBe(0);
    expect(b.agents.signedIn).toBe(0);
    expect(b.outages).toMatchObject({ active: 1, affectedCustomers: 120 });
  });
});

describe('who sees what', () => {
  it('a lead of another area sees none of it; asking for a unit of this one is not found', async () => {
    const b = await boardOf('lead', {}, other);
    expect(b.area.unitId).toBe(other.units.province!.id);
    expect(b.queue.waiting).toBe(0);
    expect(b.today.calls).toBe(0);
    expect(b.today.serviceLevel).toBeNull();
    expect(b.agents.signedIn).toBe(0);
    expect(b.orders).toMatchObject({ today: 0, atRisk: { warning: 0, critical: 0, overdue: 0 } });
    expect(b.outages).toMatchObject({ active: 0, affectedCustomers: 0, items: [] });
    const lead = await login(t.app, other.users.lead!.username);
    expectError(
      await lead.get(`/api/contact/wallboard?unitId=${w.org.units.csc!.id}`),
      'UNIT_NOT_FOUND',
    );
  });

  it('an agent or a crew (no contact.monitor) is refused; the center manager is not', async () => {
    expectError(await (await w.as('agent')).get('/api/contact/wallboard'), 'FORBIDDEN');
    expectError(await (await w.as('crew')).get('/api/contact/wallboard'), 'FORBIDDEN');
    const res = await (await w.as('manager')).get('/api/contact/wallboard');
    expect(res.statusCode, res.body).toBe(200);
  });

  it('over HTTP, today: a ringing call from the PBX is waiting on the next whole second', async () => {
    const lead = await w.as('lead');
    const board = async () => (await lead.get('/api/contact/wallboard')).json<Wallboard>();
    const before = await board();
    const callId = freshCallId();
    const res = await w.cti({
      event: 'newCall',
      from: freshPhone(),
      to: '95598',
      direction: 'in',
      callId,
      queue: 'fault',
    });
    expect(res.statusCode, res.body).toBe(200);
    // Boards are nudged on the next whole second; what they read then holds the call.
    await nextTick();
    const after = await board();
    expect(after.queue.waiting).toBe(before.queue.waiting + 1);
    expect(after.today.calls).toBe(before.today.calls + 1);
    await w.cti({ event: 'hangup', callId, cause: 'cancel' });
    await nextTick();
    expect((await board()).queue.waiting).toBe(before.queue.waiting);
  });

  it('boards asking within one second share one count; the next second counts afresh', async () => {
    const lead = await w.as('lead');
    const manager = await w.as('manager');
    await nextTick();
    const [a, b] = await Promise.all([
      lead.get('/api/contact/wallboard'),
      manager.get('/api/contact/wallboard'),
    ]);
    const c = await lead.get('/api/contact/wallboard');
    expect(a.json<Wallboard>().at).toBe(b.json<Wallboard>().at);
    expect(c.json<Wallboard>().at).toBe(a.json<Wallboard>().at);
    await nextTick();
    const d = await lead.get('/api/contact/wallboard');
    expect(d.json<Wallboard>().at > a.json<Wallboard>().at).toBe(true);
  });
});

describe('live nudges to wall boards', () => {
  let port = 0;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });

  /** Opens /api/events as a user; `text()` is everything received so far. */
  async function stream(cookie: string | null) {
    const ac = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/events`, {
      headers: { cookie: cookie ?? '' },
      signal: ac.signal,
    });
    let text = '';
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          text += dec.decode(value);
        }
      } catch {
        /* aborted */
      }
    })();
    return { text: () => text, close: () => ac.abort() };
  }
  const nudges = (text: string) => text.split('event: wallboard').length - 1;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  async function until(check: () => boolean, ms: number) {
    const deadline = Date.now() + ms;
    while (!check() && Date.now() < deadline) await sleep(25);
  }

  it('a call in the area nudges its leads’ boards (not agents, not other areas), coalesced', async () => {
    const lead = await stream((await w.as('lead')).cookie);
    const agent = await stream((await w.as('agent')).cookie);
    const otherLead = await stream((await login(t.app, other.users.lead!.username)).cookie);
    try {
      await sleep(200);
      const callId = freshCallId();
      const call = (id: string) => ({
        event: 'newCall',
        direction: 'in',
        from: freshPhone(),
        to: '95598',
        callId: id,
        queue: 'fault',
      });
      expect((await w.cti(call(callId))).statusCode).toBe(200);
      await until(() => nudges(lead.text()) >= 1, 3000);
      expect(nudges(lead.text())).toBe(1);
      // The nudge says only that something changed.
      expect(lead.text()).toMatch(/event: wallboard\ndata: \{"at":"[^"]+"\}\n\n/);

      // A burst of 40 events in well under a second: one more nudge at the end of the window,
      // not forty.
      await sleep(1100);
      const started = Date.now();
      const ids = Array.from({ length: 20 }, () => freshCallId());
      for (const id of ids) {
        await w.cti(call(id));
        await w.cti({ event: 'hangup', callId: id, cause: 'cancel' });
      }
      await w.cti({ event: 'hangup', callId, cause: 'cancel' });
      const windows = Math.ceil((Date.now() - started) / 1000);
      await sleep(1300);
      const burst = nudges(lead.text()) - 1;
      expect(burst).toBeGreaterThanOrEqual(1);
      expect(burst).toBeLessThanOrEqual(windows + 1);
      expect(nudges(agent.text())).toBe(0);
      expect(nudges(otherLead.text())).toBe(0);
    } finally {
      lead.close();
      agent.close();
      otherLead.close();
    }
  });
});
