/**
 * Agents: states set from the desktop and moved by calls, the time kept in each, after-call work
 * ending by itself, what a lead sees (and does not), skills, and the routing endpoint's choice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AgentList,
  AgentStateHistory,
  AgentView,
  RouteAnswer,
} from '../../../common/schemas/contact.js';
import { buildOrg, login, testApp } from '../../db/test-helpers.js';
import { actorFromSession } from '../auth/index.js';
import { expectError } from '../../http/test-routes.js';
import { expireAfterCallWork } from './index.js';
import { agentStateHistory, setMyState } from './service/agents.js';
import { contactWorld, freshCallId, freshPhone, ready, type ContactWorld } from './test-support.js';

const t = await testApp();
let w: ContactWorld;

beforeAll(async () => {
  w = await contactWorld(t.app, t.database);
});
afterAll(() => t.close());

const meta = { ip: null, requestId: null, userAgent: null };

async function me(user: string): Promise<AgentView> {
  return (await (await w.as(user)).get('/api/contact/me')).json<AgentView>();
}

/** Frees every agent of the test org from routing holds (each routing test starts clean). */
async function releaseHolds() {
  await t.database.db
    .updateTable('contact_agents')
    .set({ reserved_until: null })
    .where('unit_path', 'like', `${w.org.units.root!.path}%`)
    .execute();
}

describe('agent states', () => {
  it('signs in, goes not ready with a reason, and is refused what the machine forbids', async () => {
    const c = await w.as('lead');
    expect((await me('lead')).state).toBe('signed_out');
    let res = await c.put('/api/contact/me/state', { state: 'ready', extension: '8102' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AgentView>()).toMatchObject({
      state: 'ready',
      extension: '8102',
      reason: null,
    });
    expectError(
      await c.put('/api/contact/me/state', { state: 'not_ready' }),
      'CONTACT_REASON_REQUIRED',
    );
    res = await c.put('/api/contact/me/state', { state: 'not_ready', reason: 'meeting' });
    expect(res.json<AgentView>()).toMatchObject({ state: 'not_ready', reason: 'meeting' });
    expect((await c.put('/api/contact/me/state', { state: 'after_call_work' })).statusCode).toBe(
      400,
    );
    expect((await c.put('/api/contact/me/state', { state: 'break' })).json().state).toBe('break');
    // Audited like every change.
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', w.org.users.lead!.id)
      .where('action', '=', 'contact.agent_state')
      .execute();
    expect(audit.length).toBe(3);
    // A trainer does not work the phone.
    expectError(
      await (await w.as('trainer')).put('/api/contact/me/state', { state: 'ready' }),
      'FORBIDDEN',
    );
  });

  it('a call moves the agent to talking, the hangup to after-call work; no button during a call', async () => {
    await ready(w, 'agent', '8001');
    const callId = freshCallId();
    await w.cti({
      event: 'newCall',
      from: freshPhone(),
      to: '95598',
      direction: 'in',
      callId,
      user: ['测试agent'],
    });
    await w.cti({ event: 'answer', callId, answeringNumber: '8001' });
    expect((await me('agent')).state).toBe('talking');
    expectError(
      await (await w.as('agent')).put('/api/contact/me/state', { state: 'break' }),
      'CONTACT_STATE_NOT_ALLOWED',
    );
    await w.cti({ event: 'hangup', callId, cause: 'normalClearing' });
    const acw = await me('agent');
    expect(acw.state).toBe('after_call_work');
    expect(acw.currentCall?.callId).toBe(callId);
    // The agent ends her after-call work: the call's wrap-up end is stamped.
    const res = await (await w.as('agent')).put('/api/contact/me/state', { state: 'ready' });
    expect(res.json<AgentView>()).toMatchObject({ state: 'ready', currentCall: null });
    const call = await t.database.db
      .selectFrom('contact_calls')
      .select('wrap_up_end_at')
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow();
    expect(call.wrap_up_end_at).not.toBeNull();
  });

  it('after-call work ends by itself after the unit’s limit (60 s by default, configurable)', async () => {
    const admin = await w.as('admin');
    const settings = await admin.get(`/api/contact/settings?unitId=${w.org.units.csc!.id}`);
    expect(settings.json()).toMatchObject({ acwMaxSeconds: 60, own: false });
    const put = await admin.put('/api/contact/settings', {
      unitId: w.org.units.csc!.id,
      acwMaxSeconds: 30,
    });
    expect(put.json()).toMatchObject({ acwMaxSeconds: 30, own: true });

    await ready(w, 'teamlead', '8103');
    const callId = freshCallId();
    await w.cti({
      event: 'answer',
      callId,
      direction: 'in',
      from: freshPhone(),
      to: '95598',
      answeringNumber: '8103',
    });
    await w.cti({ event: 'hangup', callId, cause: 'normalClearing' });
    const acw = await me('teamlead');
    expect(acw.state).toBe('after_call_work');
    const until = Date.parse(acw.acwUntil!);
    expect(until - Date.parse(acw.since!)).toBe(30_000);
    // Not yet due: nothing moves; once due, the sweep makes the agent ready and stamps the call.
    await expireAfterCallWork(t.database, new Date(until - 1000));
    expect((await me('teamlead')).state).toBe('after_call_work');
    expect(await expireAfterCallWork(t.database, new Date(until + 1000))).toBeGreaterThanOrEqual(1);
    expect((await me('teamlead')).state).toBe('ready');
    const call = await t.database.db
      .selectFrom('contact_calls')
      .select('wrap_up_end_at')
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow();
    expect(call.wrap_up_end_at).not.toBeNull();
  });

  it('keeps the time in each state, with totals per state over a window', async () => {
    // A fresh org, so that the history is only what this test writes, at a fixed clock.
    const org = await buildOrg(t.database);
    const c = await login(t.app, org.users.agent!.username);
    const actor = await actorFromSession(
      t.database.db,
      c.cookie!.replace(/^lx_session=/, ''),
      3600,
    );
    const T = Date.UTC(2026, 2, 2, 1, 0, 0);
    const at = (min: number) => new Date(T + min * 60_000);
    const set = (
      min: number,
      state: 'ready' | 'not_ready' | 'break' | 'signed_out',
      reason?: 'meal',
    ) =>
      t.database.db
        .transaction()
        .execute((tx) =>
          setMyState(
            { tx, actor, meta, now: at(min), notify: false },
            { state, ...(reason ? { reason } : {}) },
          ),
        );
    await set(0, 'ready');
    await set(10, 'not_ready', 'meal');
    await set(40, 'ready');
    await set(45, 'break');
    await set(60, 'signed_out');
    await set(70, 'ready');
    const history = await agentStateHistory(
      { tx: t.database.db, actor, now: at(80) },
      org.users.agent!.id,
      { from: at(5).toISOString(), to: at(120).toISOString() },
    );
    expect(history.totals).toEqual({
      signed_out: 0,
      ready: 5 * 60 + 5 * 60 + 10 * 60,
      not_ready: 30 * 60,
      break: 15 * 60,
      talking: 0,
      after_call_work: 0,
    });
    expect(history.items.map((i) => [i.state, i.reason, i.seconds])).toEqual([
      ['ready', null, 300],
      ['not_ready', 'meal', 1800],
      ['ready', null, 300],
      ['break', null, 900],
      ['ready', null, 600],
    ]);
    // Through HTTP: her own history with contact.use; a bad window is a 400.
    const own = await c.get(
      `/api/contact/agents/${org.users.agent!.id}/states?from=${at(0).toISOString()}&to=${at(60).toISOString()}`,
    );
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<AgentStateHistory>().totals.break).toBe(900);
    expectError(
      await c.get(
        `/api/contact/agents/${org.users.agent!.id}/states?from=${at(60).toISOString()}&to=${at(0).toISOString()}`,
      ),
      'VALIDATION_FAILED',
    );
    // Another agent's history needs a lead.
    expectError(
      await c.get(
        `/api/contact/agents/${org.users.lead!.id}/states?from=${at(0).toISOString()}&to=${at(60).toISOString()}`,
      ),
      'FORBIDDEN',
    );
  });
});

describe('what a lead sees', () => {
  it('agents of the lead’s area with state and since; not another organisation’s', async () => {
    const other = await buildOrg(t.database);
    const stranger = await login(t.app, other.users.agent!.username);
    await stranger.put('/api/contact/me/state', { state: 'ready' });
    const lead = await w.as('lead');
    const list = (await lead.get('/api/contact/agents')).json<AgentList>();
    const ids = list.items.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([w.org.users.agent!.id, w.org.users.teamlead!.id]));
    expect(ids).not.toContain(other.users.agent!.id);
    // Only phone workers: not the dispatcher or the trainer.
    expect(ids).not.toContain(w.org.users.trainer!.id);
    expect(ids).not.toContain(w.org.users.dispatcher!.id);
    const agent = list.items.find((a) => a.id === w.org.users.agent!.id)!;
    expect(agent.since).not.toBeNull();
    // By state and by unit.
    const readyOnly = (await lead.get('/api/contact/agents?state=ready')).json<AgentList>();
    expect(readyOnly.items.every((a) => a.state === 'ready')).toBe(true);
    const county = (
      await lead.get(`/api/contact/agents?unitId=${w.org.units.county1!.id}`)
    ).json<AgentList>();
    expect(county.items).toEqual([]);
    const outside = (
      await lead.get(`/api/contact/agents?unitId=${other.units.csc!.id}`)
    ).json<AgentList>();
    expect(outside.items).toEqual([]);
    expectError(
      await lead.get(
        `/api/contact/agents/${other.users.agent!.id}/states?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z`,
      ),
      'CONTACT_AGENT_NOT_FOUND',
    );
    // Agents do not watch others.
    expectError(await (await w.as('agent')).get('/api/contact/agents'), 'FORBIDDEN');
  });

  it('the administrator sets extensions and skills (with levels) of agents in scope', async () => {
    const admin = await w.as('admin');
    const res = await admin.put(`/api/contact/agents/${w.org.users.agent!.id}/profile`, {
      extension: '8001',
      skills: [
        { skillId: w.skills.fault.id, level: 2 },
        { skillId: w.skills.complaint.id, level: 1 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AgentView>().skills.map((s) => [s.code, s.level])).toEqual([
      ['complaint', 1],
      ['fault', 2],
    ]);
    expectError(
      await admin.put(`/api/contact/agents/${w.org.users.agent!.id}/profile`, {
        skills: [{ skillId: crypto.randomUUID(), level: 1 }],
      }),
      'CONTACT_SKILL_NOT_FOUND',
    );
    // A county administrator does not reach the center's agents.
    const county = await login(t.app, w.org.users.county1admin!.username);
    expectError(
      await county.put(`/api/contact/agents/${w.org.users.agent!.id}/profile`, {
        extension: '9' + '001',
      }),
      'CONTACT_AGENT_NOT_FOUND',
    );
  });
});

describe('routing', () => {
  beforeAll(async () => {
    const admin = await w.as('admin');
    const skills = async (user: string, list: { skillId: string; level: number }[]) => {
      const res = await admin.put(`/api/contact/agents/${w.org.users[user]!.id}/profile`, {
        skills: list,
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await skills('agent', [{ skillId: w.skills.fault.id, level: 1 }]);
    await skills('teamlead', [{ skillId: w.skills.fault.id, level: 3 }]);
    await skills('lead', [{ skillId: w.skills.complaint.id, level: 2 }]);
    await ready(w, 'agent', '8001');
    await ready(w, 'teamlead', '8103');
    await ready(w, 'lead', '8102');
  });

  const idle = async (user: string, secondsAgo: number) => {
    await t.database.db
      .updateTable('contact_agents')
      .set({
        state: 'ready',
        idle_since: new Date(Date.now() - secondsAgo * 1000),
        reserved_until: null,
      })
      .where('user_id', '=', w.org.users[user]!.id)
      .execute();
  };

  it('rings the longest-idle ready agent with the queue’s skill, and holds her for the ring', async () => {
    await idle('agent', 600);
    await idle('teamlead', 60);
    await idle('lead', 6000);
    const first = await w.route({ queue: 'fault', from: freshPhone() });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<RouteAnswer>()).toMatchObject({
      agent: { id: w.org.users.agent!.id, extension: '8001', displayName: '测试agent' },
      reason: 'longest_idle',
      skill: 'fault',
    });
    // She is held: the next call goes to the other agent with the skill, then nobody is left.
    const second = (await w.route({ queue: 'fault', from: freshPhone() })).json<RouteAnswer>();
    expect(second.agent?.id).toBe(w.org.users.teamlead!.id);
    const third = (await w.route({ queue: 'fault', from: freshPhone() })).json<RouteAnswer>();
    expect(third).toMatchObject({ agent: null, reason: 'no_agent_ready' });
    // A queue with no mapping takes anyone ready; the complaint skill only the lead has.
    await releaseHolds();
    const any = (await w.route({ queue: 'no-such-queue', from: freshPhone() })).json<RouteAnswer>();
    expect(any).toMatchObject({ agent: { id: w.org.users.lead!.id }, skill: null });
  });

  it('a repeat caller within 24 h gets the agent who answered last, if she is ready', async () => {
    await releaseHolds();
    const caller = freshPhone();
    const callId = freshCallId();
    await w.cti({
      event: 'newCall',
      from: caller,
      to: '95598',
      direction: 'in',
      callId,
      queue: 'fault',
    });
    await w.cti({ event: 'answer', callId, answeringNumber: '8103' });
    await w.cti({ event: 'hangup', callId, cause: 'normalClearing' });
    await idle('agent', 900);
    await idle('teamlead', 5);
    const again = (await w.route({ queue: 'fault', from: caller })).json<RouteAnswer>();
    expect(again).toMatchObject({ agent: { id: w.org.users.teamlead!.id }, reason: 'last_agent' });
    // Not ready, the last agent is skipped for the longest idle.
    await releaseHolds();
    await (
      await w.as('teamlead')
    ).put('/api/contact/me/state', { state: 'not_ready', reason: 'meal' });
    const other = (await w.route({ queue: 'fault', from: caller })).json<RouteAnswer>();
    expect(other).toMatchObject({ agent: { id: w.org.users.agent!.id }, reason: 'longest_idle' });
    // Two days later the caller is no longer a repeat caller.
    await t.database.db
      .updateTable('contact_calls')
      .set({ first_seen_at: new Date(Date.now() - 2 * 86_400_000) })
      .where('call_id', '=', callId)
      .execute();
    await idle('teamlead', 5);
    await idle('agent', 900);
    const later = (await w.route({ queue: 'fault', from: caller })).json<RouteAnswer>();
    expect(later).toMatchObject({ agent: { id: w.org.users.agent!.id }, reason: 'longest_idle' });
  });

  it('an important customer keeps her last agent even after 24 h', async () => {
    await releaseHolds();
    const callId = freshCallId();
    await w.cti({
      event: 'newCall',
      from: w.phones.important,
      to: '95598',
      direction: 'in',
      callId,
    });
    await w.cti({ event: 'answer', callId, answeringNumber: '8103' });
    await w.cti({ event: 'hangup', callId, cause: 'normalClearing' });
    await t.database.db
      .updateTable('contact_calls')
      .set({ first_seen_at: new Date(Date.now() - 5 * 86_400_000) })
      .where('call_id', '=', callId)
      .execute();
    await idle('teamlead', 5);
    await idle('agent', 900);
    const r = (await w.route({ queue: 'fault', from: w.phones.important })).json<RouteAnswer>();
    expect(r).toMatchObject({ agent: { id: w.org.users.teamlead!.id }, reason: 'last_agent' });
  });

  it('says why nobody rings', async () => {
    await releaseHolds();
    await t.database.db
      .updateTable('contact_agents')
      .set({ state: 'break' })
      .where('unit_path', 'like', `${w.org.units.root!.path}%`)
      .execute();
    expect((await w.route({ queue: 'fault', from: freshPhone() })).json()).toMatchObject({
      agent: null,
      reason: 'no_agent_ready',
    });
    await idle('agent', 100);
    const admin = await w.as('admin');
    const q = await admin.post('/api/contact/queues', {
      name: 'complaint',
      skillId: w.skills.complaint.id,
      unitId: w.org.units.csc!.id,
    });
    expect(q.statusCode, q.body).toBe(201);
    expect((await w.route({ queue: 'complaint', from: freshPhone() })).json()).toMatchObject({
      agent: null,
      reason: 'no_agent_with_skill',
      skill: 'complaint',
    });
  });
});
