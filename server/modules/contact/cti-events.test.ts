/**
 * Telephony events in through the real app: Zammad's fields form-encoded and as JSON, every order
 * and duplicates, unknown and revoked tokens, blocked callers, malformed events, the event log,
 * and the live update that pops the screen of the ringing agent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentView, CallDetail, CallList } from '../../../common/schemas/contact.js';
import { testApp } from '../../db/test-helpers.js';
import { acceptsFor } from '../../http/live-events.js';
import { expectError } from '../../http/test-routes.js';
import type { LiveMessage } from '../../platform/live-hub.js';
import { contactWorld, freshCallId, freshPhone, ready, type ContactWorld } from './test-support.js';

const t = await testApp();
let w: ContactWorld;

beforeAll(async () => {
  w = await contactWorld(t.app, t.database);
});
afterAll(() => t.close());

const newCall = (callId: string, from: string, over: Record<string, string | string[]> = {}) => ({
  event: 'newCall',
  from,
  to: '95598',
  direction: 'in',
  callId,
  ...over,
});

async function callOf(callId: string): Promise<CallDetail> {
  const lead = await w.as('lead');
  const list = await lead.get('/api/contact/calls?pageSize=200');
  const hit = list.json<CallList>().items.find((c) => c.callId === callId);
  expect(hit, `call ${callId} in the log`).toBeDefined();
  return (await lead.get(`/api/contact/calls/${hit!.id}`)).json<CallDetail>();
}

/** Waits for the first live message a user would receive that matches. */
function nextMessage(
  accept: (m: LiveMessage) => boolean,
  match: (m: LiveMessage) => boolean,
  ms = 3000,
): Promise<LiveMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error('no live message'));
    }, ms);
    const stop = t.app.live.subscribe(
      (m) => accept(m) && match(m),
      (m) => {
        clearTimeout(timer);
        stop();
        resolve(m);
      },
    );
  });
}

describe('events in', () => {
  it('takes Zammad’s form-encoded events with user[] lists and answers {}', async () => {
    const callId = freshCallId();
    const from = freshPhone();
    const agentName = `测试agent`;
    let res = await w.cti(
      newCall(callId, from, { user: [agentName, '测试lead'], queue: 'fault' }),
      { form: true },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({});
    res = await w.cti(
      { event: 'answer', callId, direction: 'in', user: [agentName], from, to: '95598' },
      { form: true },
    );
    expect(res.json()).toEqual({});
    res = await w.cti({ event: 'hangup', callId, cause: 'normalClearing' }, { form: true });
    expect(res.json()).toEqual({});
    const call = await callOf(callId);
    expect(call).toMatchObject({
      direction: 'in',
      queue: 'fault',
      state: 'ended',
      outcome: 'answered',
      cause: 'normalClearing',
      users: [agentName, '测试lead'],
      agent: { id: w.org.users.agent!.id, name: agentName },
    });
    for (const k of ['ringAt', 'queuedAt', 'answeredAt', 'endedAt'] as const) {
      expect(call[k], k).not.toBeNull();
    }
    expect(call.events.map((e) => [e.event, e.result])).toEqual([
      ['newCall', 'applied'],
      ['answer', 'applied'],
      ['hangup', 'applied'],
    ]);
  });

  it('takes JSON with user as a string or a list, and ignores fields it does not know', async () => {
    const callId = freshCallId();
    const res = await w.cti({
      ...newCall(callId, freshPhone()),
      user: '测试teamlead',
      xcid: 'bridge-extra',
    });
    expect(res.statusCode, res.body).toBe(200);
    const call = await callOf(callId);
    expect(call.users).toEqual(['测试teamlead']);
    expect(call.state).toBe('ringing');
  });

  const ORDERS = [
    ['newCall', 'answer', 'hangup'],
    ['newCall', 'hangup', 'answer'],
    ['answer', 'newCall', 'hangup'],
    ['answer', 'hangup', 'newCall'],
    ['hangup', 'newCall', 'answer'],
    ['hangup', 'answer', 'newCall'],
  ] as const;

  it.each(ORDERS)(
    '%s → %s → %s, each sent twice, stores one answered call and logs the duplicates',
    async (...order) => {
      const callId = freshCallId();
      const from = freshPhone();
      const bodies = {
        newCall: newCall(callId, from, { queue: 'fault' }),
        answer: { event: 'answer', callId, answeringNumber: w.org.users.teamlead!.username },
        hangup: { event: 'hangup', callId, cause: 'normalClearing' },
      };
      for (const name of order) {
        for (const form of [false, true]) {
          const res = await w.cti(bodies[name], { form });
          expect(res.statusCode, res.body).toBe(200);
          expect(res.json()).toEqual({});
        }
      }
      const call = await callOf(callId);
      expect(call).toMatchObject({ state: 'ended', outcome: 'answered', queue: 'fault' });
      expect(call.agent?.id).toBe(w.org.users.teamlead!.id);
      expect(call.ringAt && call.answeredAt && call.endedAt).toBeTruthy();
      expect(call.events.map((e) => e.result)).toEqual([
        'applied',
        'duplicate',
        'applied',
        'duplicate',
        'applied',
        'duplicate',
      ]);
    },
  );

  it('a hangup before the answer is an abandoned or missed call with its cause', async () => {
    const a = freshCallId();
    await w.cti(newCall(a, freshPhone(), { queue: 'fault' }));
    await w.cti({ event: 'hangup', callId: a, cause: 'cancel' });
    expect(await callOf(a)).toMatchObject({
      outcome: 'abandoned',
      cause: 'cancel',
      answeredAt: null,
    });
    const b = freshCallId();
    await w.cti(newCall(b, freshPhone()));
    await w.cti({ event: 'hangup', callId: b, cause: 'noAnswer' });
    expect(await callOf(b)).toMatchObject({ outcome: 'missed', cause: 'noAnswer' });
    const lead = await w.as('lead');
    const unanswered = (
      await lead.get('/api/contact/calls?unanswered=true&pageSize=200')
    ).json<CallList>();
    const ids = unanswered.items.map((c) => c.callId);
    expect(ids).toEqual(expect.arrayContaining([a, b]));
    expect(unanswered.items.every((c) => c.outcome === 'missed' || c.outcome === 'abandoned')).toBe(
      true,
    );
  });

  it('keeps a recording reference sent with an event or later through the API', async () => {
    const callId = freshCallId();
    await w.cti(newCall(callId, freshPhone()));
    await w.cti({ event: 'hangup', callId, cause: 'normalClearing', recording: 'r/a.wav' });
    expect((await callOf(callId)).recording).toBe('r/a.wav');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/contact/recordings',
      headers: { authorization: `Bearer ${w.secret}` },
      payload: { callId, recording: 'nas://2026/03/a.wav' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await callOf(callId)).recording).toBe('nas://2026/03/a.wav');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/contact/recordings',
      headers: { authorization: `Bearer ${w.secret}` },
      payload: { callId: freshCallId(), recording: 'x.wav' },
    });
    expectError(unknown, 'CONTACT_CALL_NOT_FOUND');
  });
});

describe('the token', () => {
  it('an unknown token is a 401 JSON error, and nothing is stored', async () => {
    const callId = freshCallId();
    const res = await w.cti(newCall(callId, freshPhone()), { secret: `lxcti_${'B'.repeat(43)}` });
    expectError(res, 'CTI_TOKEN_INVALID');
    const list = (
      await (await w.as('lead')).get('/api/contact/calls?pageSize=200')
    ).json<CallList>();
    expect(list.items.some((c) => c.callId === callId)).toBe(false);
    // A path that is not a token at all is refused before any look-up.
    const bad = await t.app.inject({ method: 'POST', url: '/api/cti/abc', payload: {} });
    expectError(bad, 'VALIDATION_FAILED');
    const route = await w.route({ from: freshPhone() }, `lxcti_${'C'.repeat(43)}`);
    expectError(route, 'CTI_TOKEN_INVALID');
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/contact/route',
      payload: { from: freshPhone() },
    });
    expectError(none, 'CTI_TOKEN_INVALID');
  });

  it('a revoked token stops working at once; the secret is stored only as a hash', async () => {
    const admin = await w.as('admin');
    const created = await admin.post('/api/contact/integrations', {
      name: '备用交换机',
      unitId: w.org.units.csc!.id,
    });
    const { integration, secret, path } = created.json();
    expect(path).toBe(`/api/cti/${secret}`);
    const row = await t.database.db
      .selectFrom('contact_integrations')
      .selectAll()
      .where('id', '=', integration.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(secret);
    const callId = freshCallId();
    expect((await w.cti(newCall(callId, freshPhone()), { secret })).statusCode).toBe(200);
    const listed = (await admin.get('/api/contact/integrations')).json();
    expect(
      listed.items.find((i: { id: string }) => i.id === integration.id).lastUsedAt,
    ).not.toBeNull();
    expect((await admin.delete(`/api/contact/integrations/${integration.id}`)).statusCode).toBe(
      200,
    );
    expectError(await w.cti({ event: 'hangup', callId }, { secret }), 'CTI_TOKEN_INVALID');
    // Others' tokens are untouched; the agent may not manage tokens at all.
    expect((await w.cti(newCall(freshCallId(), freshPhone()))).statusCode).toBe(200);
    expectError(
      await (await w.as('agent')).delete(`/api/contact/integrations/${integration.id}`),
      'FORBIDDEN',
    );
  });
});

describe('blocked callers', () => {
  it('a blocked caller’s newCall is rejected as Zammad does, every time; others are not', async () => {
    const admin = await w.as('admin');
    const nuisance = freshPhone();
    const blocked = await admin.post('/api/contact/blocked', {
      number: `+86 ${nuisance}`,
      note: '骚扰电话',
      unitId: w.org.units.province!.id,
    });
    expect(blocked.statusCode, blocked.body).toBe(201);
    expect(blocked.json()).toMatchObject({ number: nuisance, note: '骚扰电话' });
    const twice = await admin.post('/api/contact/blocked', {
      number: nuisance,
      unitId: w.org.units.province!.id,
    });
    expectError(twice, 'CONTACT_BLOCKED_EXISTS');

    const callId = freshCallId();
    for (const form of [false, true]) {
      const res = await w.cti(newCall(callId, nuisance, { user: ['测试agent'] }), { form });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ action: 'reject', reason: 'busy' });
    }
    expect((await w.cti({ event: 'hangup', callId, cause: 'busy' })).json()).toEqual({});
    const call = await callOf(callId);
    // The PBX's hangup adds its cause; the call stays a blocked one.
    expect(call).toMatchObject({
      state: 'ended',
      outcome: 'blocked',
      answeredAt: null,
      cause: 'busy',
    });
    expect(call.events.map((e) => e.result)).toEqual(['rejected', 'rejected', 'applied']);

    // An outbound call to the number is not a caller to reject.
    const out = await w.cti({
      event: 'newCall',
      from: '8001',
      to: nuisance,
      direction: 'out',
      callId: freshCallId(),
    });
    expect(out.json()).toEqual({});

    // Unblocked, the caller gets through again.
    const id = blocked.json().id;
    expect((await admin.delete(`/api/contact/blocked/${id}`)).statusCode).toBe(200);
    expect((await w.cti(newCall(freshCallId(), nuisance))).json()).toEqual({});
  });
});

describe('malformed events', () => {
  const cases: [string, unknown][] = [
    ['no event', { callId: 'x', from: '1', to: '2', direction: 'in' }],
    ['an unknown event', { event: 'ringing', callId: 'x' }],
    ['no callId', { event: 'hangup' }],
    ['a callId over 250 characters', { event: 'hangup', callId: 'x'.repeat(251) }],
    ['an unknown cause', { event: 'hangup', callId: 'x', cause: 'meteor' }],
    ['a newCall without from', { event: 'newCall', callId: 'x', to: '95598', direction: 'in' }],
    ['a newCall without direction', { event: 'newCall', callId: 'x', from: '1', to: '2' }],
    ['a bad direction', { event: 'newCall', callId: 'x', from: '1', to: '2', direction: 'up' }],
    ['user as a number', { event: 'hangup', callId: 'x', user: 5 }],
    ['user as objects', { event: 'hangup', callId: 'x', user: [{ a: 1 }] }],
    ['a control character', { event: 'hangup', callId: 'x\u0000y' }],
    ['a list for a single field', { event: ['hangup', 'answer'], callId: 'x' }],
    ['not an object', ['hangup']],
  ];
  it.each(cases)('%s → 400 VALIDATION_FAILED', async (_label, body) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cti/${w.secret}`,
      payload: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 'VALIDATION_FAILED');
  });

  it.each([
    ['event=newCall&callId=x&from=1&to=2'],
    ['event=hangup&event=answer&callId=x'],
    ['event=hangup&callId=x&cause=meteor'],
    ['event=%ZZ&callId=x'],
    [''],
  ])('form %j → 400 VALIDATION_FAILED', async (payload) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cti/${w.secret}`,
      payload,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectError(res, 'VALIDATION_FAILED');
  });

  it('bad JSON, other content types and huge bodies are refused, never a 500', async () => {
    const send = (payload: string, type: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/cti/${w.secret}`,
        payload,
        headers: { 'content-type': type },
      });
    expectError(await send('{"event":', 'application/json'), 'INVALID_JSON');
    expectError(await send('event=hangup', 'text/plain'), 'UNSUPPORTED_MEDIA_TYPE');
    expectError(
      await send(
        `event=hangup&callId=${'x'.repeat(2 * 1024 * 1024)}`,
        'application/x-www-form-urlencoded',
      ),
      'PAYLOAD_TOO_LARGE',
    );
  });
});

describe('screen pop push', () => {
  it('a newCall reaches the ringing agent with the call id and number, not other agents', async () => {
    await ready(w, 'agent', '8001');
    const agent = await w.actorOf('agent');
    const other = await w.actorOf('teamlead');
    const callId = freshCallId();
    const from = freshPhone();
    const forAgent = nextMessage(acceptsFor(agent), (m) => m.payload.callId === callId);
    let leaked = false;
    const stop = t.app.live.subscribe(acceptsFor(other), (m) => {
      if (m.payload.callId === callId) leaked = true;
    });
    await w.cti(newCall(callId, from, { user: ['测试agent'] }));
    const m = await forAgent;
    stop();
    expect(m.topic).toBe('contact.call');
    expect(m.payload).toMatchObject({ event: 'newCall', number: from, state: 'ringing' });
    const detail = await callOf(callId);
    expect(m.payload.id).toBe(detail.id);
    expect(leaked).toBe(false);

    // The answer reaches the agent too, and her state follows the call.
    const answered = nextMessage(
      acceptsFor(agent),
      (m2) => m2.topic === 'contact.agent' && m2.payload.state === 'talking',
    );
    await w.cti({ event: 'answer', callId, answeringNumber: '8001' });
    await answered;
    const me = (await (await w.as('agent')).get('/api/contact/me')).json<AgentView>();
    expect(me).toMatchObject({ state: 'talking', extension: '8001' });
    expect(me.currentCall).toMatchObject({ id: detail.id, from });
    await w.cti({ event: 'hangup', callId, cause: 'normalClearing' });
    const after = (await (await w.as('agent')).get('/api/contact/me')).json<AgentView>();
    expect(after.state).toBe('after_call_work');
    expect(after.acwUntil).not.toBeNull();
  });
});
