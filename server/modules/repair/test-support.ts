/**
 * Test support for repair: an order world with crews, crew users and a photo to upload; outages
 * in progress and their dispatch.
 */
import zlib from 'node:zlib';
import { expect } from 'vitest';
import type { OrderDetail } from '../../../common/schemas/orders.js';
import type { OutageDetail } from '../../../common/schemas/outages.js';
import type { Crew, Job } from '../../../common/schemas/repair.js';
import type { Database } from '../../db/database.js';
import { hashPassword } from '../auth/index.js';
import { TEST_PASSWORD, type Client } from '../../db/test-helpers.js';
import type { App } from '../../http/context.js';
import { newId } from '../../platform/ids.js';
import { multipart } from '../imports/test-support.js';
import { orderWorld, type OrderWorld } from '../orders/test-support.js';

export interface RepairWorld extends OrderWorld {
  /** Crew A (一县抢修班, transformer c1t1), B (station 1, feeder c1f2), C (station 2). */
  crews: { a: Crew; b: Crew; c: Crew };
}

/** Adds a user the way buildOrg does, so that `w.as(key)` signs them in. */
async function addUser(database: Database, w: OrderWorld, key: string, unit: string) {
  const id = newId();
  const username = `${key}_${w.org.suffix}`.toLowerCase();
  const u = w.org.units[unit]!;
  await database.db
    .insertInto('users')
    .values({
      id,
      username,
      display_name: `测试${key}`,
      password_hash: await hashPassword(TEST_PASSWORD),
      roles: ['repair_crew'],
      org_id: u.id,
      province_id: u.provinceId,
      phone: '13812345678',
      email: `${username}@test.example`,
      must_change_password: false,
    })
    .execute();
  w.org.users[key] = { id, username, unitId: u.id };
}

export async function repairWorld(app: App, database: Database): Promise<RepairWorld> {
  const w = await orderWorld(app, database);
  await addUser(database, w, 'crew2', 'station1');
  await addUser(database, w, 'crew3', 'station2');
  const dispatcher = await w.as('dispatcher');
  const make = async (body: Record<string, unknown>) => {
    const res = await dispatcher.post('/api/repair/crews', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Crew>();
  };
  const a = await make({
    unitId: w.org.units.crew1!.id,
    name: '一县抢修一队',
    memberIds: [w.org.users.crew!.id],
    leaderId: w.org.users.crew!.id,
    transformerIds: [w.net.transformers.c1t1],
  });
  const b = await make({
    unitId: w.org.units.station1!.id,
    name: '一县抢修二队',
    memberIds: [w.org.users.crew2!.id],
    feederIds: [w.net.feeders.c1f2],
  });
  const c = await make({
    unitId: w.org.units.station2!.id,
    name: '二县抢修队',
    memberIds: [w.org.users.crew3!.id],
    feederIds: [w.net.feeders.c2f1],
  });
  return { ...w, crews: { a, b, c } };
}

/** Puts a crew on duty through its member. */
export async function onDuty(client: Client, crew: Pick<Crew, 'id'>): Promise<void> {
  const got = await client.get('/api/crew/jobs');
  expect(got.statusCode, got.body).toBe(200);
  const mine = got.json<{
    crews: { id: string; version: number }[];
  }>();
  const version = mine.crews.find((c) => c.id === crew.id)!.version;
  const res = await client.post('/api/crew/state', { crewId: crew.id, version, state: 'on_duty' });
  expect(res.statusCode, res.body).toBe(200);
}

export async function dispatchOk(client: Client, orderId: string, crewId: string): Promise<Job> {
  const res = await client.post('/api/repair/jobs', { orderId, crewId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Job>();
}

export async function jobAct(
  client: Client,
  job: Pick<Job, 'id' | 'version'>,
  action: string,
  extra: Record<string, unknown> = {},
): Promise<Job> {
  const res = await client.post(`/api/crew/jobs/${job.id}/actions/${action}`, {
    version: job.version,
    ...extra,
  });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json<Job>();
}

export async function orderOf(client: Client, id: string): Promise<OrderDetail> {
  const res = await client.get(`/api/orders/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<OrderDetail>();
}

/** A real 2×2 PNG, as a phone's photo would be checked by its bytes. */
export function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Uploads a photo to the order through the orders module's attachment route. */
export async function uploadPhoto(app: App, client: Client, orderId: string): Promise<string> {
  const body = multipart({}, { name: '现场.png', data: png() });
  const res = await app.inject({
    method: 'POST',
    url: `/api/orders/${orderId}/attachments`,
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      cookie: client.cookie!,
      'x-csrf-token': client.csrf!,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** A grid-fault outage over the nodes, published at once (so in progress), power off 10 min ago. */
export async function faultOutage(
  client: Client,
  scope: { feeders?: string[]; transformers?: string[] },
  over: Record<string, unknown> = {},
): Promise<OutageDetail> {
  const res = await client.post('/api/outages', {
    category: 'grid_fault',
    title: '10kV线路故障停电',
    reason: '线路跳闸',
    areaText: '城关镇一带',
    startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    scope: { feeders: [], transformers: [], addresses: [], ...scope },
    publish: true,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<OutageDetail>();
}

export async function outageOf(client: Client, id: string): Promise<OutageDetail> {
  const res = await client.get(`/api/outages/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<OutageDetail>();
}

export async function dispatchOutageOk(
  client: Client,
  outageId: string,
  crewId: string,
  extra: Record<string, unknown> = {},
): Promise<Job> {
  const res = await client.post('/api/repair/outage-jobs', { outageId, crewId, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Job>();
}

/** Sends a file to a job's photo route; the raw answer, for refusals too. */
export async function postJobPhoto(
  app: App,
  client: Client,
  jobId: string,
  file: { name: string; data: Buffer } = { name: '现场.png', data: png() },
) {
  const body = multipart({}, file);
  return app.inject({
    method: 'POST',
    url: `/api/crew/jobs/${jobId}/photos`,
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      cookie: client.cookie!,
      'x-csrf-token': client.csrf!,
    },
  });
}
