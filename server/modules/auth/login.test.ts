import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRowsFor,
  buildOrg,
  Client,
  login,
  TEST_PASSWORD,
  testApp,
  type TestApp,
  type TestOrg,
  forgetCachedPrincipals,
} from '../../db/test-helpers.js';

let t: TestApp;
let org: TestOrg;

beforeAll(async () => {
  t = await testApp();
  org = await buildOrg(t.database);
});
afterAll(() => t.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('login', () => {
  it('sets an httpOnly SameSite=Lax session cookie and returns me', async () => {
    const res = await post('/api/auth/login', {
      username: org.users.agent!.username,
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'lx_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.me.user.username).toBe(org.users.agent!.username);
    expect(body.me.roles).toEqual(['agent']);
    expect(body.me.permissions).toContain('dashboard.view');
    expect(body.me.permissions).not.toContain('user.manage');
    // The session id in the database is a hash, never the cookie value itself.
    const rows = await t.database.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', org.users.agent!.id)
      .execute();
    expect(rows.map((r) => r.id)).not.toContain(cookie.value);
  });

  it('is case-insensitive on the username', async () => {
    const res = await post('/api/auth/login', {
      username: org.users.lead!.username.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a wrong password with INVALID_CREDENTIALS in Chinese, English on request', async () => {
    const zh = await post('/api/auth/login', {
      username: org.users.qa!.username,
      password: 'Wrong@Pass2026',
    });
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(zh.json().error.message).toBe('用户名或密码错误。');
    const en = await post(
      '/api/auth/login',
      { username: org.users.qa!.username, password: 'Wrong@Pass2026' },
      { 'accept-language': 'en-US,en;q=0.9' },
    );
    expect(en.json().error.message).toBe('Wrong username or password.');
  });

  it('refuses an unknown user the same way', async () => {
    const res = await post('/api/auth/login', { username: 'nobody_here', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
    const u = org.users.trainer!;
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await post('/api/auth/login', {
        username: u.username,
        password: `Wrong@Pass${i}xx`,
      });
      codes.push(res.json().error.code);
    }
    expect(codes).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
    ]);
    const right = await post('/api/auth/login', { username: u.username, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    const row = await t.database.db
      .selectFrom('users')
      .select('locked_until')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    const minutes = (row.locked_until!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const audit = await auditRowsFor(t.database, u.id);
    expect(audit.map((a) => a.action)).toContain('auth.account_locked');

    // When the 15 minutes are over, the right password works again and the count restarts.
    await t.database.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', u.id)
      .execute();
    const after = await post('/api/auth/login', { username: u.username, password: TEST_PASSWORD });
    expect(after.statusCode).toBe(200);
  });
});

describe('session', () => {
  it('logout ends the session on the server', async () => {
    const c = await login(t.app, org.users.manager!.username);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    const again = await c.get('/api/me');
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('an expired session is refused with SESSION_EXPIRED', async () => {
    const c = await login(t.app, org.users.dispatcher!.username);
    await t.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', org.users.dispatcher!.id)
      .execute();
    forgetCachedPrincipals(t.database); // time passed: the server would see it at once
    const res = await c.get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('refuses unknown query parameters on GET routes without any', async () => {
    const c = await login(t.app, org.users.lead!.username);
    for (const url of ['/api/me?x=1', '/api/dashboard/summary?debug=true', '/api/health?a=b']) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('refuses requests without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('requires the CSRF header on cookie-authenticated writes', async () => {
    const c = await login(t.app, org.users.crew!.username);
    const noCsrf = new Client(t.app, c.cookie, null);
    const res = await noCsrf.post('/api/auth/logout');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = new Client(t.app, c.cookie, 'not-the-token');
    expect((await wrong.post('/api/auth/logout')).json().error.code).toBe('CSRF_TOKEN_INVALID');
    // The session is still alive: the forged logout changed nothing.
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
  });
});

describe('first login', () => {
  it('forces a password change before anything else, then lets the user in', async () => {
    const u = org.users.newbie!;
    const c = await login(t.app, u.username);
    const me = await c.get('/api/me');
    expect(me.json().user.mustChangePassword).toBe(true);
    const blocked = await c.get('/api/dashboard/summary');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await c.post('/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.json().error.code).toBe('PASSWORD_TOO_WEAK');
    const same = await c.post('/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: TEST_PASSWORD,
    });
    expect(same.json().error.code).toBe('PASSWORD_REUSED');
    const wrong = await c.post('/api/auth/change-password', {
      currentPassword: 'Nope@Nope2026',
      newPassword: 'Brand#New2026',
    });
    expect(wrong.json().error.code).toBe('WRONG_CURRENT_PASSWORD');

    const ok = await c.post('/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Brand#New2026',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.mustChangePassword).toBe(false);
    expect((await c.get('/api/dashboard/summary')).statusCode).toBe(200);
    const audit = await auditRowsFor(t.database, u.id);
    expect(audit.map((a) => a.action)).toContain('user.password_changed');
    await expect(login(t.app, u.username, 'Brand#New2026')).resolves.toBeInstanceOf(Client);
  });
});

describe('own profile', () => {
  it('lets a user change their own phone and e-mail, audited, and nothing else', async () => {
    const u = org.users.backoffice!;
    const c = await login(t.app, u.username);
    const res = await c.patch('/api/me', { phone: '13900001111', email: null });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.phone).toBe('13900001111');
    expect(res.json().user.email).toBeNull();
    expect((await c.get('/api/me')).json().user.phone).toBe('13900001111');
    const audit = await auditRowsFor(t.database, u.id);
    const row = audit.find((a) => a.action === 'user.update_own_profile')!;
    expect(row.before).toMatchObject({ phone: '13812345678' });
    expect(row.after).toEqual({ phone: '13900001111', email: null });

    const roles = await c.patch('/api/me', { roles: ['admin'] });
    expect(roles.statusCode).toBe(400);
    expect(roles.json().error.code).toBe('VALIDATION_FAILED');
    const badPhone = await c.patch('/api/me', { phone: '12345' });
    expect(badPhone.json().error.code).toBe('VALIDATION_FAILED');
    expect((await c.get('/api/me')).json().roles).toEqual(['back_office']);
  });
});
