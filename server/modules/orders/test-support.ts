/** Test support for orders: an organisation with a network and customers, and order helpers. */
import { expect } from 'vitest';
import type { CreateOrderInput, OrderDetail } from '../../../common/schemas/orders.js';
import type { Database } from '../../db/database.js';
import { buildOrg, login, type Client, type TestOrg } from '../../db/test-helpers.js';
import type { App } from '../../http/context.js';
import {
  addCustomers,
  buildNetwork,
  customerRecord,
  type TestNetwork,
} from '../customers/test-support.js';

export interface OrderWorld {
  org: TestOrg;
  net: TestNetwork;
  /** Customers on county 1's transformer c1t1 (urban; station 1) and county 2's c2t1 (rural). */
  customers: { urban: string; rural: string; sensitive: string; important: string };
  as: (user: string) => Promise<Client>;
}

export async function orderWorld(app: App, database: Database): Promise<OrderWorld> {
  const org = await buildOrg(database);
  const net = await buildNetwork(database, org);
  const recs = [
    customerRecord(org, { transformerId: net.transformers.c1t1, name: '城区张' }),
    customerRecord(org, { county: '2', transformerId: net.transformers.c2t1, name: '农村李' }),
    customerRecord(org, {
      transformerId: net.transformers.c1t2,
      name: '敏感王',
      sensitive: true,
      sensitiveReason: '多次投诉媒体',
    }),
    customerRecord(org, { transformerId: net.transformers.c1t3, name: '医院', important: true }),
  ];
  await addCustomers(database, recs);
  const clients = new Map<string, Client>();
  return {
    org,
    net,
    customers: {
      urban: recs[0]!.id,
      rural: recs[1]!.id,
      sensitive: recs[2]!.id,
      important: recs[3]!.id,
    },
    as: async (user) => {
      let c = clients.get(user);
      if (!c) {
        c = await login(app, org.users[user]!.username);
        clients.set(user, c);
      }
      return c;
    },
  };
}

/** A fault order body for a customer (urban by default). */
export function faultInput(customerId: string, over: Partial<CreateOrderInput> = {}) {
  return {
    typeCode: 'fault',
    subtypeCode: 'lv_fault',
    title: '家中停电',
    description: '客户反映家中突然停电，邻居家也没电。',
    customerId,
    callerName: '张先生',
    callerPhone: '13912345678',
    fields: { faultTime: '2026-11-23T08:00:00+08:00', voltageSide: 'lv', urgency: 'normal' },
    ...over,
  };
}

export async function createOk(client: Client, body: unknown): Promise<OrderDetail> {
  const res = await client.post('/api/orders', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<OrderDetail>();
}

/** Takes an action and expects it to succeed. */
export async function act(
  client: Client,
  order: Pick<OrderDetail, 'id' | 'version'>,
  action: string,
  extra: Record<string, unknown> = {},
): Promise<OrderDetail> {
  const res = await client.post(`/api/orders/${order.id}/actions/${action}`, {
    version: order.version,
    ...extra,
  });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json<OrderDetail>();
}
