/**
 * People through the API: creating accounts with a temporary password, editing them with versions,
 * locking (sessions end at once), unlocking, resetting passwords, the guard against locking out
 * oneself, masking of contact details, and the audit trail, which never holds a password or hash.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassword } from '../../../common/password-policy.js';
import type { User } from '../../../common/schemas/users.js';
import {
  auditRowsFor,
  buildOrg,
  Client,
  login,
  TEST_PASSWORD,
  testApp,
  type TestApp,
  type TestOrg,
} from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { hashPassword } from './index.js';
import { newId } from '../../platform/ids.js';

/** A client that keeps every answer, to search them all for secrets at the end. */
class RecordingClient extends Client {
  static bodies: string[] = [];
  override async request(...args: Parameters<Client['request']>): Promise<LightMyRequestResponse> {
    const res = await super.request(...args);
    RecordingClient.bodies.push(res.body);
    return res;
  }
}
const recording = (c: Client) => new RecordingClient(t.app, c.cookie, c.csrf);

let t: TestApp;
let org: TestOrg;
let admin: Client;
const temporaryPasswords: string[] = [];

beforeAll(async () => {
  t = await testApp();
  org = await buildOrg(t.database);
  admin = recording(await login(t.app, org.users.admin!.username));
});
afterAll(() => t.close());

const uid = (k: string) => org.users[k]!.id;
const unit = (k: string) => org.units[k]!.id;
const getUser = async (id: string) => (await admin.get(`/api/users/${id}`)).json<User>();
const row = (id: string) =>
  t.database.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const tryLogin = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

async function createUser(fields: Partial<Record<string, unknown>> = {}) {
  const res = await admin.post('/api/users', {
    username: `u${Math.random().toString(36).slice(2, 10)}_${org.suffix}`,
    displayName: '新同事',
    roles: ['agent'],
    unitId: unit('csc'),
    phone: '13900001111',
    ...fields,
  });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json<{ user: User; temporaryPassword: string }>();
  temporaryPasswords.push(body.temporaryPassword);
  return body;
}

describe('creating a user', () => {
  it('answers 201 with a temporary password that meets the policy and must be changed', async () => {
    const { user, temporaryPassword } = await createUser({ email: 'new@example.com' });
    expect(checkPassword(temporaryPassword).ok).toBe(true);
    expect(user).toMatchObject({
      mustChangePassword: true,
      disabled: false,
      version: 1,
      roles: ['agent'],
    });
    expect(user.phone).toBe('13900001111');
    expect((await row(user.id)).password_hash).toMatch(/^\$argon2id\$/);
    const first = await tryLogin(user.username, temporaryPassword);
    expect(first.statusCode).toBe(200);
    expect(first.json().me.user.mustChangePassword).toBe(true);
    const audit = await auditRowsFor(t.database, user.id);
    expect(audit[0]).toMatchObject({
      action: 'user.create',
      actor_id: uid('admin'),
      org_id: unit('csc'),
    });
    expect(audit[0]!.after).toMatchObject({
      username: user.username,
      roles: ['agent'],
      mustChangePassword: true,
    });
  });

  it('refuses a username in use, whatever its case', async () => {
    const legacy = `Legacy_${org.suffix}`;
    await t.database.db
      .insertInto('users')
      .values({
        id: newId(),
        username: legacy,
        display_name: '旧系统导入',
        password_hash: await hashPassword(TEST_PASSWORD),
        roles: ['agent'],
        org_id: unit('csc'),
        province_id: unit('province'),
      })
      .execute();
    const body = { displayName: '重名', roles: ['agent'], unitId: unit('csc') };
    for (const username of [org.users.agent!.username, legacy.toLowerCase()]) {
      expectError(await admin.post('/api/users', { ...body, username }), 'USERNAME_TAKEN');
    }
    // Usernames are lower case by rule; upper case is a form error, not a lookup.
    const upper = await admin.post('/api/users', { ...body, username: legacy.toUpperCase() });
    expectError(upper, 'VALIDATION_FAILED');
    expect(upper.json().error.details[0].path).toBe('username');
  });

  it('concurrent creates of one username: one account, the others USERNAME_TAKEN', async () => {
    const username = `twin_${org.suffix}`;
    const units = ['csc', 'county1', 'county2', 'station1', 'crew1', 'city2'];
    const answers = await Promise.all(
      units.map((u) =>
        admin.post('/api/users', {
          username,
          displayName: '双胞胎',
          roles: ['agent'],
          unitId: unit(u),
        }),
      ),
    );
    const codes = answers.map((a) => (a.statusCode === 201 ? 'created' : a.json().error.code));
    expect(codes.sort()).toEqual([...units.slice(1).map(() => 'USERNAME_TAKEN'), 'created']);
    temporaryPasswords.push(
      ...answers.filter((a) => a.statusCode === 201).map((a) => a.json().temporaryPassword),
    );
  });

  it('refuses a unit that does not exist, is out of scope or is inactive', async () => {
    const body = { username: `nowhere_${org.suffix}`, displayName: '无处', roles: ['agent'] };
    expectError(await admin.post('/api/users', { ...body, unitId: newId() }), 'UNIT_NOT_FOUND');
    const c1 = await login(t.app, org.users.county1admin!.username);
    expectError(await c1.post('/api/users', { ...body, unitId: unit('county2') }), 'OUT_OF_SCOPE');
    const dept = await admin.post('/api/org/units', {
      parentId: unit('county1'),
      name: '待撤销部门',
      code: `OFF-${org.suffix}`,
      level: 'department',
      kind: 'office',
    });
    await admin.post(`/api/org/units/${dept.json().id}/deactivate`, { version: 1 });
    expectError(
      await admin.post('/api/users', { ...body, unitId: dept.json().id }),
      'UNIT_INACTIVE',
    );
    const { user } = await createUser();
    expectError(
      await admin.patch(`/api/users/${user.id}`, { version: 1, unitId: dept.json().id }),
      'UNIT_INACTIVE',
    );
  });
});

describe('editing a user', () => {
  it('changes roles, unit and contacts with a version, and records before and after', async () => {
    const { user } = await createUser();
    const res = await admin.patch(`/api/users/${user.id}`, {
      version: 1,
      roles: ['agent', 'trainer'],
      unitId: unit('county1'),
      phone: '0571-88886666',
      email: 'moved@example.com',
      displayName: '调岗同事',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      roles: ['agent', 'trainer'],
      unitId: unit('county1'),
      phone: '0571-88886666',
      email: 'moved@example.com',
      version: 2,
    });
    const cleared = await admin.patch(`/api/users/${user.id}`, {
      version: 2,
      phone: null,
      email: null,
    });
    expect(cleared.json()).toMatchObject({ phone: null, email: null, version: 3 });
    const update = (await auditRowsFor(t.database, user.id)).filter(
      (a) => a.action === 'user.update',
    );
    expect(update).toHaveLength(2);
    expect(update[0]!.before).toMatchObject({
      roles: ['agent'],
      unitId: unit('csc'),
      phone: '13900001111',
    });
    expect(update[0]!.after).toMatchObject({
      roles: ['agent', 'trainer'],
      unitId: unit('county1'),
    });
  });

  it('a stale version gets VERSION_CONFLICT and changes nothing', async () => {
    const { user } = await createUser();
    await admin.patch(`/api/users/${user.id}`, { version: 1, displayName: '第一次' });
    const before = await row(user.id);
    const res = await admin.patch(`/api/users/${user.id}`, { version: 1, roles: ['admin'] });
    expectError(res, 'VERSION_CONFLICT');
    expect(res.json().error.details).toEqual({ currentVersion: 2 });
    expect(await row(user.id)).toEqual(before);
    expect((await auditRowsFor(t.database, user.id)).map((a) => a.action)).toEqual([
      'user.create',
      'user.update',
    ]);
  });

  it('a change of roles applies to the open session at once', async () => {
    const lead = await login(t.app, org.users.lead!.username);
    expect((await lead.get('/api/users')).statusCode).toBe(200);
    const current = await getUser(uid('lead'));
    await admin.patch(`/api/users/${uid('lead')}`, { version: current.version, roles: ['agent'] });
    expectError(await lead.get('/api/users'), 'FORBIDDEN');
  });
});

describe('locking and unlocking', () => {
  it('lock ends the sessions at once and refuses sign-in; works with no body at all', async () => {
    const victim = await login(t.app, org.users.crew!.username);
    expect((await victim.get('/api/me')).statusCode).toBe(200);
    const res = await admin.request('POST', `/api/users/${uid('crew')}/lock`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().disabled).toBe(true);
    const next = await victim.get('/api/me');
    expect([401, 423]).toContain(next.statusCode);
    expectError(await tryLogin(org.users.crew!.username, TEST_PASSWORD), 'ACCOUNT_DISABLED');
    const audit = (await auditRowsFor(t.database, uid('crew'))).find(
      (a) => a.action === 'user.lock',
    );
    expect(audit).toMatchObject({
      before: { disabled: false },
      after: { disabled: true, sessionsEnded: 1 },
    });

    const unlocked = await admin.post(`/api/users/${uid('crew')}/unlock`, {});
    expect(unlocked.json().disabled).toBe(false);
    expect((await tryLogin(org.users.crew!.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('unlock also lifts a lock from failed sign-ins', async () => {
    const name = org.users.dispatcher!.username;
    for (let i = 0; i < 5; i++) await tryLogin(name, `Wrong@Pass${i}xx`);
    expectError(await tryLogin(name, TEST_PASSWORD), 'ACCOUNT_LOCKED');
    expect((await getUser(uid('dispatcher'))).lockedUntil).not.toBeNull();
    const res = await admin.post(`/api/users/${uid('dispatcher')}/unlock`, {});
    expect(res.json().lockedUntil).toBeNull();
    expect((await tryLogin(name, TEST_PASSWORD)).statusCode).toBe(200);
    const audit = (await auditRowsFor(t.database, uid('dispatcher'))).find(
      (a) => a.action === 'user.unlock',
    );
    expect(audit!.before).toMatchObject({ failedLogins: 5 });
    expect(audit!.after).toEqual({ disabled: false, lockedUntil: null, failedLogins: 0 });
  });

  it('an administrator cannot lock itself or drop its own admin role', async () => {
    const me = await getUser(uid('admin'));
    expectError(await admin.post(`/api/users/${uid('admin')}/lock`, {}), 'CANNOT_CHANGE_SELF');
    expectError(
      await admin.patch(`/api/users/${uid('admin')}`, { version: me.version, roles: ['agent'] }),
      'CANNOT_CHANGE_SELF',
    );
    expect(await getUser(uid('admin'))).toMatchObject({
      disabled: false,
      roles: ['admin'],
      version: me.version,
    });
    const more = await admin.patch(`/api/users/${uid('admin')}`, {
      version: me.version,
      roles: ['admin', 'trainer'],
    });
    expect(more.json().roles).toEqual(['admin', 'trainer']);
  });
});

describe('resetting a password', () => {
  it('stops the old password, ends the sessions and requires a change', async () => {
    const name = org.users.backoffice!.username;
    const victim = await login(t.app, name);
    const res = await admin.post(`/api/users/${uid('backoffice')}/reset-password`, {});
    expect(res.statusCode, res.body).toBe(200);
    const { user, temporaryPassword } = res.json<{ user: User; temporaryPassword: string }>();
    temporaryPasswords.push(temporaryPassword);
    expect(checkPassword(temporaryPassword).ok).toBe(true);
    expect(user.mustChangePassword).toBe(true);
    expectError(await victim.get('/api/me'), 'UNAUTHENTICATED');
    expectError(await tryLogin(name, TEST_PASSWORD), 'INVALID_CREDENTIALS');
    const again = await tryLogin(name, temporaryPassword);
    expect(again.json().me.user.mustChangePassword).toBe(true);
    const audit = (await auditRowsFor(t.database, uid('backoffice'))).find(
      (a) => a.action === 'user.password_reset',
    );
    expect(audit!.after).toEqual({ mustChangePassword: true, sessionsEnded: 1 });
  });
});

describe('contact details', () => {
  it('are masked for a lead (user.view without user.manage) and whole for an administrator', async () => {
    const lead = recording(await login(t.app, org.users.teamlead!.username));
    const masked = (await lead.get(`/api/users/${uid('agent')}`)).json<User>();
    expect(masked.phone).toBe('138****5678');
    expect(masked.email).toBe(`a***@test.example`);
    const listed = (await lead.get(`/api/users?q=${org.users.agent!.username}`)).json<{
      items: User[];
    }>();
    expect(listed.items[0]!.phone).toBe('138****5678');
    expect((await lead.get(`/api/users/${uid('teamlead')}`)).json().phone).toBe('13812345678');
    const full = await getUser(uid('agent'));
    expect(full.phone).toBe('13812345678');
    expect(full.email).toBe(`${org.users.agent!.username}@test.example`);
  });
});

describe('secrets', () => {
  it('no answer and no audit row holds a password hash or a temporary password', async () => {
    const db = t.database.db;
    const orgUnits = db
      .selectFrom('org_units')
      .select('id')
      .where('path', 'like', `${org.units.root!.path}%`);
    const hashes = (
      await db.selectFrom('users').select('password_hash').where('org_id', 'in', orgUnits).execute()
    ).map((r) => r.password_hash);
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('org_id', 'in', orgUnits)
      .execute();
    expect(audit.length).toBeGreaterThan(10);
    const auditText = JSON.stringify(audit);
    expect(auditText).not.toMatch(/argon2|password_?hash/i);
    for (const p of temporaryPasswords) expect(auditText).not.toContain(p);
    expect(RecordingClient.bodies.length).toBeGreaterThan(30);
    for (const body of RecordingClient.bodies) {
      expect(body).not.toMatch(/argon2|password_?hash/i);
      for (const h of hashes) expect(body).not.toContain(h);
    }
  });
});
