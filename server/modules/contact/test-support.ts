/**
 * Test support for the contact module: a fresh organisation with a network and customers whose
 * phones are known, a PBX integration of the 95598 center (its secret), a skill and its queue,
 * and helpers to post CTI events as a PBX would (JSON or form-encoded).
 */
import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { CreatedIntegration, Skill } from '../../../common/schemas/contact.js';
import type { Database } from '../../db/database.js';
import { buildOrg, login, type Client, type TestOrg } from '../../db/test-helpers.js';
import type { App } from '../../http/context.js';
import { actorFromSession } from '../auth/index.js';
import type { Actor } from '../../platform/actor.js';
import {
  addCustomers,
  buildNetwork,
  customerRecord,
  type TestNetwork,
} from '../customers/test-support.js';

export interface ContactWorld {
  org: TestOrg;
  net: TestNetwork;
  /** The PBX secret of the center's integration. */
  secret: string;
  integrationId: string;
  skills: { fault: Skill; complaint: Skill };
  /** Phones: one customer; two customers; an important customer; nobody. */
  phones: { one: string; two: string; important: string; unknown: string };
  customers: { one: string; twoA: string; twoB: string; important: string };
  as: (user: string) => Promise<Client>;
  actorOf: (user: string) => Promise<Actor>;
  /** Posts one event as JSON (default) or form-encoded; returns the raw answer. */
  cti: (
    event: Record<string, string | string[] | undefined>,
    opts?: { form?: boolean; secret?: string },
  ) => Promise<LightMyRequestResponse>;
  route: (body: Record<string, string>, secret?: string) => Promise<LightMyRequestResponse>;
}

/** A mobile number no other test uses. */
export function freshPhone(): string {
  return `139${crypto.randomInt(10_000_000, 99_999_999)}`;
}

/** A PBX callId no other test uses. */
export function freshCallId(): string {
  return `call-${crypto.randomUUID()}`;
}

export function formBody(event: Record<string, string | string[] | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(event)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) p.append(`${k}[]`, x);
    else p.append(k, v);
  }
  return p.toString();
}

export async function contactWorld(app: App, database: Database): Promise<ContactWorld> {
  const org = await buildOrg(database);
  const net = await buildNetwork(database, org);
  const phones = {
    one: freshPhone(),
    two: freshPhone(),
    important: freshPhone(),
    unknown: freshPhone(),
  };
  const recs = [
    customerRecord(org, {
      transformerId: net.transformers.c1t1,
      name: '城区张',
      phones: [{ phone: phones.one, label: 'mobile' }],
    }),
    customerRecord(org, {
      transformerId: net.transformers.c1t2,
      name: '合用甲',
      phones: [{ phone: phones.two, label: 'mobile' }],
    }),
    customerRecord(org, {
      county: '2',
      transformerId: net.transformers.c2t1,
      name: '合用乙',
      phones: [{ phone: phones.two, label: 'home' }],
    }),
    customerRecord(org, {
      transformerId: net.transformers.c1t3,
      name: '医院',
      important: true,
      phones: [{ phone: phones.important, label: 'work' }],
    }),
  ];
  await addCustomers(database, recs);
  const clients = new Map<string, Client>();
  const as = async (user: string) => {
    let c = clients.get(user);
    if (!c) {
      c = await login(app, org.users[user]!.username);
      clients.set(user, c);
    }
    return c;
  };
  const admin = await as('admin');
  const created = await admin.post('/api/contact/integrations', {
    name: '测试交换机',
    unitId: org.units.csc!.id,
  });
  expect(created.statusCode, created.body).toBe(201);
  const integration = created.json<CreatedIntegration>();
  const skill = async (code: string, name: string) => {
    const res = await admin.post('/api/contact/skills', {
      code,
      name,
      unitId: org.units.csc!.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Skill>();
  };
  const skills = {
    fault: await skill('fault', '故障'),
    complaint: await skill('complaint', '投诉'),
  };
  const queue = await admin.post('/api/contact/queues', {
    name: 'fault',
    skillId: skills.fault.id,
    unitId: org.units.csc!.id,
  });
  expect(queue.statusCode, queue.body).toBe(201);
  return {
    org,
    net,
    secret: integration.secret,
    integrationId: integration.integration.id,
    skills,
    phones,
    customers: {
      one: recs[0]!.id,
      twoA: recs[1]!.id,
      twoB: recs[2]!.id,
      important: recs[3]!.id,
    },
    as,
    actorOf: async (user) => {
      const c = await as(user);
      return actorFromSession(database.db, c.cookie!.replace(/^lx_session=/, ''), 3600);
    },
    cti: (event, opts = {}) => {
      const secret = opts.secret ?? integration.secret;
      return app.inject({
        method: 'POST',
        url: `/api/cti/${secret}`,
        ...(opts.form
          ? {
              payload: formBody(event),
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
            }
          : { payload: event }),
      });
    },
    route: (body, secret) =>
      app.inject({
        method: 'POST',
        url: '/api/contact/route',
        payload: body,
        headers: { authorization: `Bearer ${secret ?? integration.secret}` },
      }),
  };
}

/** Agent user keys of buildOrg that work the phone. */
export const PHONE_USERS = ['agent', 'lead', 'teamlead'] as const;

/** Signs a test user in as an agent at an extension and makes them ready. */
export async function ready(w: ContactWorld, user: string, extension?: string): Promise<void> {
  const c = await w.as(user);
  const res = await c.put('/api/contact/me/state', {
    state: 'ready',
    ...(extension ? { extension } : {}),
  });
  expect(res.statusCode, res.body).toBe(200);
}
