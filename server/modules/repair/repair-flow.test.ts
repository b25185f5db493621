/**
 * The repair flow through the real app: the crew register in scope, the board and the suggested
 * crew, dispatch, and a crew member accepting, arriving and completing with a photo, which drives
 * the order through the orders module; with the refusals on the way.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Crew,
  CrewList,
  CrewSuggestion,
  MyJobs,
  RepairBoard,
} from '../../../common/schemas/repair.js';
import { testApp, type TestApp } from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { createOk, faultInput } from '../orders/test-support.js';
import {
  dispatchOk,
  jobAct,
  onDuty,
  orderOf,
  repairWorld,
  uploadPhoto,
  type RepairWorld,
} from './test-support.js';

let t: TestApp;
let w: RepairWorld;
let dataDir: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lx-repair-'));
  t = await testApp({ dataDir });
  w = await repairWorld(t.app, t.database);
  await onDuty(await w.as('crew'), w.crews.a);
  await onDuty(await w.as('crew2'), w.crews.b);
}, 120_000);
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const phone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

describe('crew register', () => {
  it('lists crews of the actor’s area only; another county’s admin sees none of them', async () => {
    const dispatcher = await w.as('dispatcher');
    const list = (await dispatcher.get('/api/repair/crews')).json<CrewList>();
    expect(list.items.map((c) => c.name)).toEqual(
      expect.arrayContaining(['一县抢修一队', '一县抢修二队', '二县抢修队']),
    );
    const a = list.items.find((c) => c.id === w.crews.a.id)!;
    expect(a.members.map((m) => m.id)).toEqual([w.org.users.crew!.id]);
    expect(a.area).toEqual([
      expect.objectContaining({ kind: 'transformer', id: w.net.transformers.c1t1 }),
    ]);

    const other = await w.as('county2admin');
    const theirs = (await other.get('/api/repair/crews')).json<CrewList>();
    expect(theirs.items.map((c) => c.id)).toEqual([w.crews.c.id]);
    expectError(await other.get(`/api/repair/crews/${w.crews.a.id}`), 'CREW_NOT_FOUND');
    expectError(
      await other.patch(`/api/repair/crews/${w.crews.a.id}`, { version: 1, name: 'x' }),
      'CREW_NOT_FOUND',
    );
    expectError(
      await other.post('/api/repair/crews', { unitId: w.org.units.station1!.id, name: '越界队' }),
      'OUT_OF_SCOPE',
    );
  });

  it('checks members, area and version; audits the change', async () => {
    const dispatcher = await w.as('dispatcher');
    expectError(
      await dispatcher.post('/api/repair/crews', {
        unitId: w.org.units.station1!.id,
        name: '坏队员',
        memberIds: [w.org.users.agent!.id],
      }),
      'CREW_MEMBER_INVALID',
    );
    expectError(
      await dispatcher.post('/api/repair/crews', {
        unitId: w.org.units.station1!.id,
        name: '坏区域',
        transformerIds: [w.net.transformers.c2t1],
      }),
      'CREW_AREA_INVALID',
    );
    const created = await dispatcher.post('/api/repair/crews', {
      unitId: w.org.units.station1!.id,
      name: '临时队',
    });
    expect(created.statusCode, created.body).toBe(201);
    const crew = created.json<Crew>();
    const r = await dispatcher.patch(`/api/repair/crews/${crew.id}`, {
      version: crew.version,
      vehicle: '赣A00001',
      transformerIds: [w.net.transformers.c1t3],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<Crew>().area.map((a) => a.id)).toEqual([w.net.transformers.c1t3]);
    expectError(
      await dispatcher.patch(`/api/repair/crews/${crew.id}`, {
        version: crew.version,
        vehicle: 'x',
      }),
      'VERSION_CONFLICT',
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', crew.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['repair.crew_create', 'repair.crew_update']);
    const agent = await w.as('agent');
    expectError(await agent.get('/api/repair/crews'), 'FORBIDDEN');
  });
});

describe('dispatch and the crew’s work', () => {
  it('suggests the crew owning the transformer, and the crew drives the order to returned', async () => {
    const agent = await w.as('agent');
    const o = await createOk(agent, faultInput(w.customers.urban, { callerPhone: phone() }));
    expect(o.state).toBe('dispatched');
    const dispatcher = await w.as('dispatcher');
    const board = (await dispatcher.get('/api/repair/board')).json<RepairBoard>();
    expect(board.waiting.map((x) => x.id)).toContain(o.id);
    const s = (
      await dispatcher.get(`/api/repair/orders/${o.id}/suggestion`)
    ).json<CrewSuggestion>();
    expect(s.suggestedCrewId).toBe(w.crews.a.id);
    expect(s.candidates[0]).toMatchObject({ match: 'transformer', suggested: true });
    expect(s.candidates.map((c) => c.crew.id)).not.toContain(w.crews.c.id);

    let job = await dispatchOk(dispatcher, o.id, w.crews.a.id);
    expect(job).toMatchObject({ state: 'offered', suggested: true });
    expectError(
      await dispatcher.post('/api/repair/jobs', { orderId: o.id, crewId: w.crews.b.id }),
      'REPAIR_ORDER_HAS_JOB',
    );
    const after = (await dispatcher.get('/api/repair/board')).json<RepairBoard>();
    expect(after.waiting.map((x) => x.id)).not.toContain(o.id);

    const crew = await w.as('crew');
    const other = await w.as('crew2');
    const mine = (await crew.get('/api/crew/jobs')).json<MyJobs>();
    expect(mine.items.find((j) => j.id === job.id)?.allowedActions).toEqual([
      'accept',
      'send_back',
    ]);
    const url = (a: string) => `/api/crew/jobs/${job.id}/actions/${a}`;
    expectError(
      await other.post(url('accept'), { version: job.version }),
      'REPAIR_NOT_CREW_MEMBER',
    );
    expectError(
      await crew.post(url('arrive'), { version: job.version }),
      'REPAIR_JOB_ACTION_NOT_ALLOWED',
    );
    expectError(await crew.post(url('send_back'), { version: job.version }), 'VALIDATION_FAILED');

    job = await jobAct(crew, job, 'accept');
    expect(job.state).toBe('accepted');
    expect((await orderOf(agent, o.id)).state).toBe('handling');
    expectError(
      await crew.post(url('accept'), { version: job.version }),
      'REPAIR_JOB_ACTION_NOT_ALLOWED',
    );
    expectError(await crew.post(url('depart'), { version: job.version - 1 }), 'VERSION_CONFLICT');

    job = await jobAct(crew, job, 'depart', { lat: 28.68, lng: 115.89 });
    expect(job.departed).toMatchObject({ lat: 28.68, lng: 115.89 });
    let crews = (await dispatcher.get('/api/repair/crews')).json<CrewList>();
    expect(crews.items.find((c) => c.id === w.crews.a.id)?.state).toBe('en_route');

    job = await jobAct(crew, job, 'arrive', { lat: 28.6, lng: 115.9 });
    let d = await orderOf(agent, o.id);
    expect(d.state).toBe('on_site');
    expect(d.clocks.find((c) => c.step === 'arrive')?.status).toBe('met');
    expect(d.stamps.arrivedAt).not.toBeNull();

    const photo = await uploadPhoto(t.app, crew, o.id);
    expectError(await crew.post(url('complete'), { version: job.version }), 'VALIDATION_FAILED');
    expectError(
      await crew.post(url('complete'), {
        version: job.version,
        result: '已修复',
        photoIds: [w.crews.b.id],
      }),
      'REPAIR_PHOTO_INVALID',
    );
    job = await jobAct(crew, job, 'complete', {
      result: '更换低压熔丝，恢复供电',
      cause: '熔丝熔断',
      photoIds: [photo],
    });
    expect(job).toMatchObject({
      state: 'done',
      result: '更换低压熔丝，恢复供电',
      photoIds: [photo],
    });
    d = await orderOf(agent, o.id);
    expect(d.state).toBe('returned');
    expect(d.result).toContain('熔丝熔断');
    const byCrew = d.timeline
      .filter((e) => e.actor?.id === w.org.users.crew!.id)
      .map((e) => e.action);
    expect(byCrew).toEqual(
      expect.arrayContaining(['acknowledge', 'arrive', 'repaired', 'return', 'attach']),
    );
    crews = (await dispatcher.get('/api/repair/crews')).json<CrewList>();
    expect(crews.items.find((c) => c.id === w.crews.a.id)?.state).toBe('on_duty');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', job.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'repair.dispatch',
      'repair.job_accept',
      'repair.job_arrive',
      'repair.job_complete',
      'repair.job_depart',
    ]);
    const outbox = await t.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'repair.changed')
      .execute();
    expect(outbox.filter((r) => (r.payload as { jobId?: string }).jobId === job.id)).toHaveLength(
      5,
    );
    const states = await t.database.db
      .selectFrom('repair_crew_states')
      .select('to_state')
      .where('job_id', '=', job.id)
      .orderBy('at')
      .execute();
    expect(states.map((s) => s.to_state)).toEqual(['en_route', 'on_site', 'on_duty']);
  });

  it('a send back needs a reason and puts the order back on the board with it', async () => {
    const agent = await w.as('agent');
    const o = await createOk(agent, faultInput(w.customers.urban, { callerPhone: phone() }));
    const dispatcher = await w.as('dispatcher');
    let job = await dispatchOk(dispatcher, o.id, w.crews.a.id);
    const crew = await w.as('crew');
    // A crew holding a job cannot go off duty.
    const mine = (await crew.get('/api/crew/jobs')).json<MyJobs>();
    const a = mine.crews.find((c) => c.id === w.crews.a.id)!;
    expectError(
      await crew.post('/api/crew/state', { crewId: a.id, version: a.version, state: 'off_duty' }),
      'CREW_BUSY',
    );
    job = await jobAct(crew, job, 'send_back', { reason: '车辆故障，无法出车' });
    expect(job.sentBack?.reason).toBe('车辆故障，无法出车');
    const board = (await dispatcher.get('/api/repair/board')).json<RepairBoard>();
    expect(board.waiting.find((x) => x.id === o.id)?.sentBackReason).toBe('车辆故障，无法出车');
    // It can go to another crew now.
    const again = await dispatchOk(dispatcher, o.id, w.crews.b.id);
    expect(again.state).toBe('offered');
  });

  it('refuses an off-duty crew and an order that is not a dispatched fault', async () => {
    const agent = await w.as('agent');
    const dispatcher = await w.as('dispatcher');
    const o = await createOk(agent, faultInput(w.customers.urban, { callerPhone: phone() }));
    expectError(
      await dispatcher.post('/api/repair/jobs', { orderId: o.id, crewId: w.crews.c.id }),
      'REPAIR_CREW_OFF_DUTY',
    );
    const enquiry = await createOk(agent, {
      typeCode: 'enquiry',
      subtypeCode: 'tariff',
      title: '咨询电价',
      description: '咨询阶梯电价',
      callerName: '王先生',
      callerPhone: phone(),
      locationUnitId: w.org.units.county1!.id,
    });
    expectError(
      await dispatcher.post('/api/repair/jobs', { orderId: enquiry.id, crewId: w.crews.a.id }),
      'REPAIR_ORDER_NOT_DISPATCHABLE',
    );
  });
});
