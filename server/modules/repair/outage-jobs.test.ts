/**
 * A crew working an outage through the real app: accept, depart, arrive with position (the
 * arrival commitment stops, the restoration one starts), photos on the job, and completion,
 * which restores the outage in the same transaction and returns its linked fault orders.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobPhoto, MyJobs, RepairBoard } from '../../../common/schemas/repair.js';
import { testApp, type TestApp } from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { createOk, faultInput } from '../orders/test-support.js';
import {
  dispatchOutageOk,
  faultOutage,
  jobAct,
  onDuty,
  orderOf,
  outageOf,
  postJobPhoto,
  repairWorld,
  type RepairWorld,
} from './test-support.js';

let t: TestApp;
let w: RepairWorld;
let dataDir: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lx-repair-outage-'));
  t = await testApp({ dataDir });
  w = await repairWorld(t.app, t.database);
  await onDuty(await w.as('crew'), w.crews.a);
  await onDuty(await w.as('crew2'), w.crews.b);
}, 120_000);
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('an outage job from offer to restoration', () => {
  it('drives the crew, stops the arrival clock, and restores the outage with its orders', async () => {
    const dispatcher = await w.as('dispatcher');
    const agent = await w.as('agent');
    const crew = await w.as('crew');
    const outage = await faultOutage(dispatcher, { transformers: [w.net.transformers.c1t1] });
    // A caller under the outage is answered from it: the order waits, linked.
    const call = await createOk(
      agent,
      faultInput(w.customers.urban, { callerPhone: '13700001111' }),
    );
    expect(call.state).toBe('linked');

    let job = await dispatchOutageOk(dispatcher, outage.id, w.crews.a.id);
    const mine = (await crew.get('/api/crew/jobs')).json<MyJobs>();
    const shown = mine.items.find((j) => j.id === job.id)!;
    expect(shown.allowedActions).toEqual(['accept', 'send_back']);
    expect(shown.outage).toMatchObject({
      number: outage.number,
      areaText: '城关镇一带',
      affectedCustomers: 1,
      linkedOrders: 1,
      scope: [expect.objectContaining({ kind: 'transformer', id: w.net.transformers.c1t1 })],
    });
    expect(shown.commitments?.arrival).toMatchObject({ limitMinutes: 45, status: 'ok' });
    expect(shown.commitments?.arrival.startedAt).toBe(outage.startedAt);

    job = await jobAct(crew, job, 'accept');
    job = await jobAct(crew, job, 'depart', { lat: 28.51, lng: 115.91 });
    let b = (await dispatcher.get('/api/repair/board')).json<RepairBoard>();
    expect(b.crews.find((c) => c.id === w.crews.a.id)?.state).toBe('en_route');
    expect(b.outages.find((o) => o.id === outage.id)?.job?.state).toBe('en_route');

    job = await jobAct(crew, job, 'arrive', { lat: 28.5, lng: 115.9 });
    expect(job.arrived).toMatchObject({ lat: 28.5, lng: 115.9 });
    expect(job.commitments?.arrival.status).toBe('met');
    expect(job.commitments?.restoration).toMatchObject({ limitMinutes: 180, status: 'ok' });
    b = (await dispatcher.get('/api/repair/board')).json<RepairBoard>();
    const row = b.outages.find((o) => o.id === outage.id)!;
    expect(row.commitments.restoration?.startedAt).toBe(job.arrived!.at);
    // Arriving drives no order: the caller's order still waits for the outage.
    expect((await orderOf(agent, call.id)).state).toBe('linked');

    // Photos go on the job: checked by their bytes; only the job's own are taken.
    const refused = await postJobPhoto(t.app, crew, job.id, {
      name: '现场.png',
      data: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
    });
    expectError(refused, 'ATTACHMENT_REFUSED');
    const res = await postJobPhoto(t.app, crew, job.id);
    expect(res.statusCode, res.body).toBe(201);
    const photo = res.json<JobPhoto>();
    expect(photo).toMatchObject({ fileName: '现场.png', contentType: 'image/png' });
    expectError(await postJobPhoto(t.app, await w.as('crew2'), job.id), 'REPAIR_NOT_CREW_MEMBER');
    expectError(
      await crew.post(`/api/crew/jobs/${job.id}/actions/complete`, {
        version: job.version,
        result: '已修复',
        photoIds: [w.crews.b.id],
      }),
      'REPAIR_PHOTO_INVALID',
    );

    job = await jobAct(crew, job, 'complete', {
      result: '更换跌落式熔断器，恢复送电',
      cause: '雷击',
      photoIds: [photo.id],
      lat: 28.5,
      lng: 115.9,
    });
    expect(job).toMatchObject({ state: 'done', photoIds: [photo.id], cause: '雷击' });
    expect(job.outage?.state).toBe('restored');
    expect(job.commitments?.restoration?.status).toBe('met');

    const after = await outageOf(dispatcher, outage.id);
    expect(after.state).toBe('restored');
    expect(after.restoredAt).toBe(job.completed!.at);
    const restoreEvent = after.events.find((e) => e.action === 'restore')!;
    expect(restoreEvent.actorName).toBe('测试crew');
    // The linked call is returned together with the outage.
    const returned = await orderOf(agent, call.id);
    expect(returned.state).not.toBe('linked');
    expect(returned.result).toContain(outage.number);

    b = (await dispatcher.get('/api/repair/board')).json<RepairBoard>();
    expect(b.outages.map((o) => o.id)).not.toContain(outage.id);
    expect(b.crews.find((c) => c.id === w.crews.a.id)?.state).toBe('on_duty');

    const photoRes = await dispatcher.get(`/api/repair/jobs/${job.id}/photos/${photo.id}`);
    expect(photoRes.statusCode).toBe(200);
    expect(photoRes.headers['content-type']).toBe('image/png');
    expectError(
      await (await w.as('county2admin')).get(`/api/repair/jobs/${job.id}/photos/${photo.id}`),
      'REPAIR_JOB_NOT_FOUND',
    );
    // Done: no more photos.
    expectError(await postJobPhoto(t.app, crew, job.id), 'REPAIR_JOB_ACTION_NOT_ALLOWED');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', job.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'repair.dispatch',
      'repair.job_accept',
      'repair.job_arrive',
      'repair.job_complete',
      'repair.job_depart',
      'repair.job_photo',
    ]);
    const complete = audit.find((a) => a.action === 'repair.job_complete')!;
    expect(complete.after).toMatchObject({ outageRestored: outage.id });
    const outageAudit = await t.database.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('entity_id', '=', outage.id)
      .where('action', '=', 'outage.restore')
      .execute();
    expect(outageAudit.map((a) => a.actor_id)).toEqual([w.org.users.crew!.id]);
  });

  it('a rural outage commits 90 minutes to arrive and 4 hours to restore; restored scope kept', async () => {
    const dispatcher = await w.as('dispatcher');
    const outage = await faultOutage(dispatcher, { feeders: [w.net.feeders.c2f1] });
    const b = (await dispatcher.get('/api/repair/board')).json<RepairBoard>();
    const row = b.outages.find((o) => o.id === outage.id)!;
    expect(row.commitments).toMatchObject({
      areaClass: 'rural',
      arrival: { limitMinutes: 90, status: 'ok' },
      restoration: null,
    });
    await onDuty(await w.as('crew3'), w.crews.c);
    const crew3 = await w.as('crew3');
    let job = await dispatchOutageOk(dispatcher, outage.id, w.crews.c.id);
    job = await jobAct(crew3, job, 'accept');
    job = await jobAct(crew3, job, 'arrive');
    expect(job.commitments?.restoration?.limitMinutes).toBe(240);
    job = await jobAct(crew3, job, 'complete', {
      result: '抢修完成',
      restoredScope: '河口#2台区仍停电',
    });
    const after = await outageOf(dispatcher, outage.id);
    expect(after).toMatchObject({ state: 'restored', restoredScope: '河口#2台区仍停电' });
  });
});
