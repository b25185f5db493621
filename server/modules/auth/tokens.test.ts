/**
 * API tokens: issued by an administrator for a user with scopes, shown once and stored hashed,
 * used with `Authorization: Bearer` (no CSRF), limited to the intersection of the user's roles and
 * the token's scopes on every route, and refused at once when revoked, expired or when the user is
 * locked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PERMISSIONS,
  ROLE_PERMISSIONS,
  permissionsOf,
  type Permission,
} from '../../../common/permissions.js';
import type { ApiToken } from '../../../common/schemas/tokens.js';
import {
  auditRowsFor,
  buildOrg,
  login,
  testApp,
  tokenClient,
  type Client,
  type TestApp,
  type TestOrg,
  forgetCachedPrincipals,
} from '../../db/test-helpers.js';
import { expectError, permissionRoutes } from '../../http/test-routes.js';

let t: TestApp;
let org: TestOrg;
let admin: Client;

beforeAll(async () => {
  t = await testApp();
  org = await buildOrg(t.database);
  admin = await login(t.app, org.users.admin!.username);
});
afterAll(() => t.close());

async function issue(user: string, scopes: readonly Permission[], extra: object = {}) {
  const res = await admin.post('/api/tokens', {
    name: `${user} 对接`,
    userId: org.users[user]!.id,
    scopes,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ token: ApiToken; secret: string }>();
}
const tokenRow = (id: string) =>
  t.database.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('issuing a token', () => {
  it('shows the secret once and stores only its hash', async () => {
    const { token, secret } = await issue('backoffice', ['org.view', 'dashboard.view'], {
      expiresInDays: 30,
    });
    expect(secret).toMatch(/^lx_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{40,}$/);
    expect(token).toMatchObject({
      userId: org.users.backoffice!.id,
      username: org.users.backoffice!.username,
      scopes: ['org.view', 'dashboard.view'],
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(secret).toContain(token.prefix);
    const days = (Date.parse(token.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const tail = secret.split('_').slice(2).join('_');
    const stored = JSON.stringify(await tokenRow(token.id));
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(tail);
    const listed = await admin.get('/api/tokens');
    expect(listed.json().items.map((i: ApiToken) => i.id)).toContain(token.id);
    expect(listed.body).not.toContain(tail);
    const audit = await auditRowsFor(t.database, token.id);
    expect(audit.map((a) => a.action)).toEqual(['token.create']);
    expect(audit[0]).toMatchObject({ actor_id: org.users.admin!.id, entity_type: 'api_token' });
    expect(audit[0]!.after).toMatchObject({
      userId: org.users.backoffice!.id,
      scopes: ['org.view', 'dashboard.view'],
    });
    expect(JSON.stringify(audit)).not.toContain(tail);
  });

  it('works with Bearer, needs no CSRF token, and records when it was last used', async () => {
    const { token, secret } = await issue('admin', ['org.view', 'org.manage']);
    expect((await tokenRow(token.id)).last_used_at).toBeNull();
    const api = tokenClient(t.app, secret);
    const me = await api.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      via: 'token',
      csrfToken: null,
      permissions: ['org.view', 'org.manage'],
    });
    expect((await tokenRow(token.id)).last_used_at).not.toBeNull();
    const created = await api.post('/api/org/units', {
      parentId: org.units.county1!.id,
      name: '接口创建的部门',
      code: `TK-${org.suffix}`,
      level: 'department',
      kind: 'office',
    });
    expect(created.statusCode, created.body).toBe(201);
    const audit = await auditRowsFor(t.database, created.json().id);
    expect(audit[0]).toMatchObject({ action: 'unit.create', actor_id: org.users.admin!.id });
    const listed = (await admin.get('/api/tokens'))
      .json()
      .items.find((i: ApiToken) => i.id === token.id);
    expect(listed.lastUsedAt).not.toBeNull();
  });
});

describe('scopes', () => {
  it.each([...PERMISSIONS])(
    'an administrator token without %s gets TOKEN_SCOPE_INSUFFICIENT on its routes only',
    async (missing) => {
      const { secret } = await issue(
        'admin',
        PERMISSIONS.filter((p) => p !== missing),
      );
      const api = tokenClient(t.app, secret);
      const wrong: string[] = [];
      const adminHas = ROLE_PERMISSIONS.admin;
      for (const r of permissionRoutes()) {
        const p = r.probe();
        const res = await api.request(p.method, p.url, p.body);
        const code = res.statusCode >= 400 ? res.json().error.code : undefined;
        // A scope cannot grant what the role lacks (the admin does not accept orders).
        const want = !adminHas.includes(r.needs)
          ? { status: 403, code: 'FORBIDDEN' }
          : r.needs === missing
            ? { status: 403, code: 'TOKEN_SCOPE_INSUFFICIENT' }
            : p.allowed;
        if (res.statusCode !== want.status || code !== want.code) {
          wrong.push(`${r.key} (${r.needs}): ${res.statusCode} ${code}`);
        }
      }
      expect(wrong).toEqual([]);
    },
  );

  it("a scope the user's roles lack grants nothing: FORBIDDEN, as without the scope", async () => {
    const { secret } = await issue('agent', [...PERMISSIONS]);
    const api = tokenClient(t.app, secret);
    expect((await api.get('/api/me')).json().permissions).toEqual(permissionsOf(['agent']));
    const wrong: string[] = [];
    for (const r of permissionRoutes()) {
      const p = r.probe();
      const res = await api.request(p.method, p.url, p.body);
      const code = res.statusCode >= 400 ? res.json().error.code : undefined;
      const want = ROLE_PERMISSIONS.agent.includes(r.needs)
        ? p.allowed
        : { status: 403, code: 'FORBIDDEN' };
      if (res.statusCode !== want.status || code !== want.code)
        wrong.push(`${r.key}: ${res.statusCode} ${code}`);
    }
    expect(wrong).toEqual([]);
    const narrow = tokenClient(t.app, (await issue('agent', ['profile.view'])).secret);
    expectError(await narrow.get('/api/users'), 'FORBIDDEN');
    expectError(await narrow.get('/api/dashboard/summary'), 'TOKEN_SCOPE_INSUFFICIENT');
  });
});

describe('refusals', () => {
  it('a revoked token is refused at once; the revocation is audited', async () => {
    const { token, secret } = await issue('backoffice', ['org.view']);
    const api = tokenClient(t.app, secret);
    expect((await api.get('/api/org/units')).statusCode).toBe(200);
    const res = await admin.delete(`/api/tokens/${token.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revokedAt).not.toBeNull();
    expectError(await api.get('/api/org/units'), 'UNAUTHENTICATED');
    expect((await auditRowsFor(t.database, token.id)).map((a) => a.action)).toEqual([
      'token.create',
      'token.revoke',
    ]);
  });

  it('an expired token is refused', async () => {
    const { token, secret } = await issue('backoffice', ['org.view'], { expiresInDays: 1 });
    const api = tokenClient(t.app, secret);
    expect((await api.get('/api/org/units')).statusCode).toBe(200);
    await t.database.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', token.id)
      .execute();
    forgetCachedPrincipals(t.database); // time passed: the server would see it at once
    expectError(await api.get('/api/org/units'), 'UNAUTHENTICATED');
  });

  it('the token of a locked user is refused until the user is unlocked', async () => {
    const { secret } = await issue('crew', ['dashboard.view']);
    const api = tokenClient(t.app, secret);
    expect((await api.get('/api/dashboard/summary')).statusCode).toBe(200);
    expect((await admin.post(`/api/users/${org.users.crew!.id}/lock`, {})).statusCode).toBe(200);
    const refused = await api.get('/api/dashboard/summary');
    expect([401, 423]).toContain(refused.statusCode);
    expectError(refused, refused.statusCode === 423 ? 'ACCOUNT_DISABLED' : 'UNAUTHENTICATED');
    await admin.post(`/api/users/${org.users.crew!.id}/unlock`, {});
    expect((await api.get('/api/dashboard/summary')).statusCode).toBe(200);
  });

  it.each([
    'Bearer',
    'Bearer ',
    'Bearer a b',
    'Bearer lx_nope_nope',
    'bearer lx_nope_nope',
    'Basic dXNlcjpwYXNz',
    'Token abc',
    `Bearer ${'x'.repeat(8000)}`,
    'Bearer \u00e9\u00e8',
    ',,,',
  ])(
    'a malformed or unknown Authorization header %j is a 401, and public routes ignore it',
    async (header) => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { authorization: header },
      });
      expectError(res, 'UNAUTHENTICATED');
      const health = await t.app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { authorization: header },
      });
      expect(health.statusCode).toBe(200);
    },
  );

  it('a county administrator sees and revokes only tokens of its own subtree', async () => {
    const inside = await issue('backoffice', ['org.view']);
    const outside = await issue('county2admin', ['org.view']);
    const c1 = await login(t.app, org.users.county1admin!.username);
    const ids = (await c1.get('/api/tokens')).json().items.map((i: ApiToken) => i.id);
    expect(ids).toContain(inside.token.id);
    expect(ids).not.toContain(outside.token.id);
    expectError(await c1.delete(`/api/tokens/${outside.token.id}`), 'OUT_OF_SCOPE');
    expect((await tokenRow(outside.token.id)).revoked_at).toBeNull();
    expect((await c1.delete(`/api/tokens/${inside.token.id}`)).statusCode).toBe(200);
  });
});
