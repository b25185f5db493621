/**
 * Crew clocks: the arrival clock of a fault order given to a crew runs 45 / 90 / 120 minutes by
 * area class (natural time), reaches warning and overdue through the orders module's durable SLA
 * timers, and stops when the crew arrives; the restoration clock starts then (3 h urban, 4 h rural).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../common/schemas/orders.js';
import { testApp, type TestApp } from '../../db/test-helpers.js';
import { fireDueTimers } from '../orders/index.js';
import { createOk, faultInput } from '../orders/test-support.js';
import {
  dispatchOk,
  jobAct,
  onDuty,
  orderOf,
  repairWorld,
  type RepairWorld,
} from './test-support.js';

let t: TestApp;
let w: RepairWorld;

beforeAll(async () => {
  t = await testApp();
  w = await repairWorld(t.app, t.database);
  await onDuty(await w.as('crew'), w.crews.a);
  await onDuty(await w.as('crew3'), w.crews.c);
}, 120_000);
afterAll(async () => {
  await t.close();
});

const phone = () => `135${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const arriveEvents = (d: OrderDetail) =>
  d.timeline
    .filter((e) => e.action.startsWith('sla_') && e.data.step === 'arrive')
    .map((e) => e.action);

/** A fault order of the area class, given to the crew of its area and accepted. */
async function acceptedOrder(area: 'urban' | 'rural' | 'remote') {
  const agent = await w.as('agent');
  const base = faultInput(area === 'urban' ? w.customers.urban : w.customers.rural, {
    callerPhone: phone(),
  });
  const input =
    area === 'remote' ? { ...base, fields: { ...base.fields, areaClass: 'remote' } } : base;
  const o = await createOk(agent, input);
  const crewKey = area === 'urban' ? 'crew' : 'crew3';
  const crewId = area === 'urban' ? w.crews.a.id : w.crews.c.id;
  const job = await dispatchOk(await w.as('dispatcher'), o.id, crewId);
  const accepted = await jobAct(await w.as(crewKey), job, 'accept');
  return { o, job: accepted, crew: await w.as(crewKey) };
}

describe('the arrival clock of a crew’s job', () => {
  it.each([
    ['urban', 45],
    ['rural', 90],
    ['remote', 120],
  ] as const)('%s: %i minutes, warning then overdue', async (area, minutes) => {
    const { o } = await acceptedOrder(area);
    const clock = o.clocks.find((c) => c.step === 'arrive')!;
    expect(clock.limit).toEqual({ unit: 'minutes', amount: minutes });
    const start = Date.parse(clock.startedAt);
    await fireDueTimers(t.database.db, new Date(start + minutes * 0.8 * 60_000 + 30_000));
    let d = await orderOf(await w.as('agent'), o.id);
    expect(arriveEvents(d)).toEqual(['sla_warning']);
    expect(d.clocks.find((c) => c.step === 'arrive')?.status).toBe('warning');
    await fireDueTimers(t.database.db, new Date(start + (minutes + 1) * 60_000));
    d = await orderOf(await w.as('agent'), o.id);
    expect(arriveEvents(d)).toContain('sla_overdue');
    expect(d.clocks.find((c) => c.step === 'arrive')?.status).toBe('overdue');
    // The board shows it as overdue while it waits for the crew.
    const board = (await (await w.as('dispatcher')).get('/api/repair/board')).json<{
      crews: { jobs: { order: { id: string; slaStatus: string } | null }[] }[];
    }>();
    const shown = board.crews.flatMap((c) => c.jobs).find((j) => j.order?.id === o.id);
    expect(shown?.order?.slaStatus).toBe('overdue');
  });

  it('stops when the crew arrives in time, and starts the restoration clock (3 h urban)', async () => {
    const { o, job, crew } = await acceptedOrder('urban');
    const start = Date.parse(o.clocks.find((c) => c.step === 'arrive')!.startedAt);
    await jobAct(crew, job, 'arrive');
    await fireDueTimers(t.database.db, new Date(start + 50 * 60_000));
    const d = await orderOf(await w.as('agent'), o.id);
    expect(arriveEvents(d)).toEqual([]);
    expect(d.clocks.find((c) => c.step === 'arrive')?.status).toBe('met');
    const repair = d.clocks.find((c) => c.step === 'repair');
    expect(repair?.limit).toEqual({ unit: 'minutes', amount: 180 });
    expect(repair?.stoppedAt).toBeNull();
  });

  it('restoration: 4 h for a rural order once the crew is on site', async () => {
    const { o, job, crew } = await acceptedOrder('rural');
    await jobAct(crew, job, 'arrive');
    const d = await orderOf(await w.as('agent'), o.id);
    expect(d.clocks.find((c) => c.step === 'repair')?.limit).toEqual({
      unit: 'minutes',
      amount: 240,
    });
  });
});
