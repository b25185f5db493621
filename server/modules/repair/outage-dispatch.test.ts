/**
 * Sending crews to outages through the real app: the suggestion by area overlap (a busy crew
 * skipped), one live job per outage and re-dispatch, send-back, refusals (wrong state, off duty,
 * other province), the board's outage section, the register's node search, and a fault order
 * linked to an outage after dispatch, whose crew job closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Job,
  MyJobs,
  OutageCrewSuggestion,
  RepairBoard,
} from '../../../common/schemas/repair.js';
import { buildOrg, login, testApp, type TestApp } from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { createOk, faultInput } from '../orders/test-support.js';
import {
  dispatchOk,
  dispatchOutageOk,
  faultOutage,
  jobAct,
  onDuty,
  orderOf,
  outageOf,
  repairWorld,
  type RepairWorld,
} from './test-support.js';

let t: TestApp;
let w: RepairWorld;

beforeAll(async () => {
  t = await testApp();
  w = await repairWorld(t.app, t.database);
  await onDuty(await w.as('crew'), w.crews.a);
  await onDuty(await w.as('crew2'), w.crews.b);
}, 120_000);
afterAll(async () => {
  await t.close();
});

const phone = () => `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const board = async () => {
  const res = await (await w.as('dispatcher')).get('/api/repair/board');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RepairBoard>();
};
const restore = async (id: string) => {
  const dispatcher = await w.as('dispatcher');
  const o = await outageOf(dispatcher, id);
  const res = await dispatcher.post(`/api/outages/${id}/actions/restore`, { version: o.version });
  expect(res.statusCode, res.body).toBe(200);
};

// First, while no outage covers the network: orders dispatched on their own.
describe('a dispatched fault order later linked to an outage', () => {
  it('leaves the board; a job not yet under way closes, one under way is kept', async () => {
    const agent = await w.as('agent');
    const dispatcher = await w.as('dispatcher');
    const crew = await w.as('crew');
    const waiting = await createOk(agent, faultInput(w.customers.urban, { callerPhone: phone() }));
    const moving = await createOk(agent, faultInput(w.customers.urban, { callerPhone: phone() }));
    const offered = await dispatchOk(dispatcher, waiting.id, w.crews.a.id);
    let going = await dispatchOk(dispatcher, moving.id, w.crews.a.id);
    going = await jobAct(crew, going, 'accept');
    going = await jobAct(crew, going, 'depart');

    // The dispatcher enters an outage over the transformer; both earlier calls join it.
    const outage = await faultOutage(dispatcher, { transformers: [w.net.transformers.c1t1] });
    for (const o of [waiting, moving]) {
      const now = await orderOf(agent, o.id);
      expect(now.state).toBe('linked');
      expect(now.outage).toMatchObject({ id: outage.id, via: 'manual' });
    }

    // The crew's stale screen still offers 接单: refused with the outage named.
    const refused = await crew.post(`/api/crew/jobs/${offered.id}/actions/accept`, {
      version: offered.version,
    });
    expectError(refused, 'REPAIR_JOB_ORDER_LINKED');
    expect(refused.json<{ error: { details: unknown } }>().error.details).toEqual({
      outage: outage.number,
    });

    // Reading the board closes it; the order no longer waits for a crew.
    const b = await board();
    expect(b.waiting.map((o) => o.id)).not.toContain(waiting.id);
    const crewA = b.crews.find((c) => c.id === w.crews.a.id)!;
    expect(crewA.jobs.map((j) => j.id)).toEqual([going.id]);
    const mine = (await crew.get('/api/crew/jobs')).json<MyJobs>();
    const closed = mine.items.find((j) => j.id === offered.id)!;
    expect(closed.state).toBe('cancelled');
    expect(closed.cancelled?.reason).toContain(outage.number);
    expect(closed.allowedActions).toEqual([]);
    expectError(
      await crew.post(`/api/crew/jobs/${offered.id}/actions/accept`, { version: closed.version }),
      'REPAIR_JOB_CLOSED',
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', offered.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('repair.job_cancel');

    // The crew on the way arrives and finishes; the order is left to the outage.
    going = await jobAct(crew, going, 'arrive', { lat: 28.5, lng: 115.9 });
    going = await jobAct(crew, going, 'complete', { result: '到场发现系线路故障，已报停电' });
    expect(going.state).toBe('done');
    expect((await orderOf(agent, moving.id)).state).toBe('linked');
    await restore(outage.id);
    expect((await orderOf(agent, moving.id)).state).not.toBe('linked');
    expect((await orderOf(agent, waiting.id)).state).not.toBe('linked');
  });
});

describe('the suggested crew for an outage', () => {
  it('is the free crew on duty whose area covers most of the scope; busy crews are skipped', async () => {
    const dispatcher = await w.as('dispatcher');
    // Outage 1 on c1t3 only: crew B (feeder c1f2) covers it.
    const o1 = await faultOutage(dispatcher, { transformers: [w.net.transformers.c1t3] });
    let s = (
      await dispatcher.get(`/api/repair/outages/${o1.id}/suggestion`)
    ).json<OutageCrewSuggestion>();
    expect(s.suggestedCrewId).toBe(w.crews.b.id);
    expect(s.candidates[0]).toMatchObject({ match: 'area', overlap: 1, suggested: true });
    expect(s.candidates.map((c) => c.crew.id)).not.toContain(w.crews.c.id);
    const j1 = await dispatchOutageOk(dispatcher, o1.id, w.crews.b.id);
    expect(j1).toMatchObject({ state: 'offered', suggested: true, order: null, outageId: o1.id });
    expect(j1.outage).toMatchObject({ number: o1.number, state: 'in_progress' });

    // Outage 2 on feeder c1f2 (c1t3, c1t4) and c1t1: B covers 2, A covers 1, but B is busy now.
    const o2 = await faultOutage(dispatcher, {
      feeders: [w.net.feeders.c1f2],
      transformers: [w.net.transformers.c1t1],
    });
    s = (
      await dispatcher.get(`/api/repair/outages/${o2.id}/suggestion`)
    ).json<OutageCrewSuggestion>();
    expect(s.candidates.map((c) => [c.crew.id, c.overlap, c.busy])).toEqual([
      [w.crews.b.id, 2, true],
      [w.crews.a.id, 1, false],
    ]);
    expect(s.suggestedCrewId).toBe(w.crews.a.id);

    // The board: both outages in progress, with job, clocks and counts.
    const b = await board();
    const row1 = b.outages.find((o) => o.id === o1.id)!;
    expect(row1.job?.id).toBe(j1.id);
    expect(row1.commitments.areaClass).toBe('urban');
    expect(row1.commitments.arrival).toMatchObject({ limitMinutes: 45, status: 'ok' });
    expect(row1.commitments.restoration).toBeNull();
    expect(row1.affectedCustomers).toBe(1);
    const row2 = b.outages.find((o) => o.id === o2.id)!;
    expect(row2.job).toBeNull();
    expect(row2.scope.map((n) => n.kind).sort()).toEqual(['feeder', 'transformer']);

    // B sends outage 1 back: it shows on the board with the reason, for another crew.
    const crew2 = await w.as('crew2');
    expectError(
      await crew2.post(`/api/crew/jobs/${j1.id}/actions/send_back`, { version: j1.version }),
      'VALIDATION_FAILED',
    );
    await jobAct(crew2, j1, 'send_back', { reason: '人员不足' });
    const after = (await board()).outages.find((o) => o.id === o1.id)!;
    expect(after.job).toBeNull();
    expect(after.sentBack).toMatchObject({ crew: '一县抢修二队', reason: '人员不足' });
    await restore(o1.id);
    await restore(o2.id);
  });
});

describe('one live job per outage', () => {
  it('refuses a second dispatch; re-dispatch closes a job not under way', async () => {
    const dispatcher = await w.as('dispatcher');
    const o = await faultOutage(dispatcher, { feeders: [w.net.feeders.c1f1] });
    const first = await dispatchOutageOk(dispatcher, o.id, w.crews.a.id);
    expectError(
      await dispatcher.post('/api/repair/outage-jobs', { outageId: o.id, crewId: w.crews.b.id }),
      'REPAIR_OUTAGE_HAS_JOB',
    );
    expectError(
      await dispatcher.post('/api/repair/outage-jobs', {
        outageId: o.id,
        crewId: w.crews.a.id,
        replace: true,
      }),
      'REPAIR_OUTAGE_HAS_JOB',
    );
    const second = await dispatchOutageOk(dispatcher, o.id, w.crews.b.id, { replace: true });
    const crew = await w.as('crew');
    const mine = (await crew.get('/api/crew/jobs')).json<MyJobs>();
    expect(mine.items.find((j) => j.id === first.id)).toMatchObject({
      state: 'cancelled',
      cancelled: { reason: '改派给 一县抢修二队' },
    });
    expectError(
      await crew.post(`/api/crew/jobs/${first.id}/actions/accept`, { version: first.version + 1 }),
      'REPAIR_JOB_CLOSED',
    );
    // Once the crew is on its way, the outage stays with it.
    const crew2 = await w.as('crew2');
    const going = await jobAct(crew2, await jobAct(crew2, second, 'accept'), 'depart');
    expect(going.state).toBe('en_route');
    expectError(
      await dispatcher.post('/api/repair/outage-jobs', {
        outageId: o.id,
        crewId: w.crews.a.id,
        replace: true,
      }),
      'REPAIR_JOB_UNDER_WAY',
    );
    const rows = await t.database.db
      .selectFrom('repair_jobs')
      .select('state')
      .where('outage_id', '=', o.id)
      .execute();
    expect(rows.map((r) => r.state).sort()).toEqual(['cancelled', 'en_route']);

    // The dispatcher restores it meanwhile: the crew on the way still completes its job.
    await restore(o.id);
    const done = await jobAct(crew2, await jobAct(crew2, going, 'arrive'), 'complete', {
      result: '到场时已送电，巡视无异常',
    });
    expect(done.state).toBe('done');
    expect((await outageOf(dispatcher, o.id)).state).toBe('restored');
  });
});

describe('refusals', () => {
  it('wrong outage state, off-duty crew, stale offers, another province, another crew', async () => {
    const dispatcher = await w.as('dispatcher');
    const draft = await faultOutage(
      dispatcher,
      { transformers: [w.net.transformers.c1t2] },
      { publish: false },
    );
    expectError(
      await dispatcher.post('/api/repair/outage-jobs', {
        outageId: draft.id,
        crewId: w.crews.a.id,
      }),
      'REPAIR_OUTAGE_NOT_DISPATCHABLE',
    );
    expectError(
      await dispatcher.get(`/api/repair/outages/${draft.id}/suggestion`),
      'REPAIR_OUTAGE_NOT_DISPATCHABLE',
    );
    const o = await faultOutage(dispatcher, { transformers: [w.net.transformers.c1t2] });
    expectError(
      await dispatcher.post('/api/repair/outage-jobs', { outageId: o.id, crewId: w.crews.c.id }),
      'REPAIR_CREW_OFF_DUTY',
    );
    // Another crew's member cannot act on the job; the agent cannot dispatch.
    const job: Job = await dispatchOutageOk(dispatcher, o.id, w.crews.a.id);
    expectError(
      await (
        await w.as('crew3')
      ).post(`/api/crew/jobs/${job.id}/actions/accept`, {
        version: job.version,
      }),
      'REPAIR_NOT_CREW_MEMBER',
    );
    expectError(
      await (
        await w.as('agent')
      ).post('/api/repair/outage-jobs', {
        outageId: o.id,
        crewId: w.crews.a.id,
      }),
      'FORBIDDEN',
    );

    // A dispatcher of another province sees neither the outage nor the crew.
    const other = await buildOrg(t.database);
    const foreign = await login(t.app, other.users.dispatcher!.username);
    expectError(
      await foreign.post('/api/repair/outage-jobs', { outageId: o.id, crewId: w.crews.a.id }),
      'OUTAGE_NOT_FOUND',
    );
    expectError(await foreign.get(`/api/repair/outages/${o.id}/suggestion`), 'OUTAGE_NOT_FOUND');
    expect((await foreign.get('/api/repair/board')).json<RepairBoard>().outages).toEqual([]);

    // Restored before the crew set out: the offer closes when the crew view is read.
    await restore(o.id);
    const crew = await w.as('crew');
    expectError(
      await crew.post(`/api/crew/jobs/${job.id}/actions/accept`, { version: job.version }),
      'REPAIR_JOB_CLOSED',
    );
    const mine = (await crew.get('/api/crew/jobs')).json<MyJobs>();
    expect(mine.items.find((j) => j.id === job.id)).toMatchObject({
      state: 'cancelled',
      cancelled: { reason: '停电已送电，无需出发' },
    });
    expectError(
      await dispatcher.post('/api/repair/outage-jobs', { outageId: o.id, crewId: w.crews.a.id }),
      'REPAIR_OUTAGE_NOT_DISPATCHABLE',
    );
  });
});

describe('service area picker', () => {
  it('finds feeders and transformers by code or name within the crew unit’s area', async () => {
    const dispatcher = await w.as('dispatcher');
    const find = async (query: string) => {
      const res = await dispatcher.get(`/api/repair/area-nodes?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: { kind: string; id: string; name: string }[] }>().items;
    };
    const station1 = w.org.units.station1!.id;
    const all = await find(`unitId=${station1}&q=${encodeURIComponent('城关')}`);
    expect(all.map((n) => n.id)).toEqual([
      w.net.feeders.c1f1,
      w.net.feeders.c1f2,
      w.net.transformers.c1t1,
      w.net.transformers.c1t2,
      w.net.transformers.c1t3,
      w.net.transformers.c1t4,
    ]);
    expect(await find(`unitId=${station1}&q=${encodeURIComponent('#3')}`)).toEqual([
      expect.objectContaining({ kind: 'transformer', id: w.net.transformers.c1t3 }),
    ]);
    expect((await find(`unitId=${station1}&kind=feeder`)).map((n) => n.id)).toEqual([
      w.net.feeders.c1f1,
      w.net.feeders.c1f2,
    ]);
    // The other county's network is not the station's; 100% is a literal, not a wildcard.
    expect(
      await find(`unitId=${w.org.units.station2!.id}&q=${encodeURIComponent('城关')}`),
    ).toEqual([]);
    expect(await find(`q=${encodeURIComponent('100%')}`)).toEqual([]);
    expectError(
      await (await w.as('county2admin')).get(`/api/repair/area-nodes?unitId=${station1}`),
      'OUT_OF_SCOPE',
    );
  });
});
