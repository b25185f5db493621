import { DEMO_CTI_SECRET } from '../../scripts/demo/contact.js';
import { check } from './helpers.js';

interface Session {
  cookie: string;
  csrfToken: string;
  unitId: string;
}

/** A signed-in API caller, for a test to set up or look up data beside the browser. */
export interface ApiClient {
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Signs in through the API; calls throw on any status but 2xx. */
export async function apiAs(url: string, username: string, password: string): Promise<ApiClient> {
  const s = await signIn(url, username, password);
  return {
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          cookie: s.cookie,
          'x-csrf-token': s.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      check(res.ok, `${method} ${path} succeeds (got ${res.status}: ${await res.clone().text()})`);
      return (await res.json()) as T;
    },
  };
}

async function signIn(url: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  check(res.ok, `API sign-in of ${username} succeeds (HTTP ${res.status})`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c.startsWith('lx_session='))
    .join('; ');
  const body = (await res.json()) as { me: { csrfToken: string | null; unit: { id: string } } };
  check(cookie !== '' && body.me.csrfToken !== null, 'a session cookie and a CSRF token');
  return { cookie, csrfToken: body.me.csrfToken ?? '', unitId: body.me.unit.id };
}

/** Creates an agent through the API as the administrator; returns the one-time password. */
export async function createUserThroughApi(
  url: string,
  opts: { admin: { username: string; password: string }; displayName: string },
): Promise<{ username: string; temporaryPassword: string }> {
  const admin = await signIn(url, opts.admin.username, opts.admin.password);
  // Unique per run, so the test also passes against a PostgreSQL database that keeps its rows.
  const username = `e2e${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const res = await fetch(`${url}/api/users`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: admin.cookie,
      'x-csrf-token': admin.csrfToken,
    },
    body: JSON.stringify({
      username,
      displayName: opts.displayName,
      roles: ['agent'],
      unitId: admin.unitId,
    }),
  });
  check(
    res.status === 201,
    `POST /api/users answers 201 (got ${res.status}: ${await res.clone().text()})`,
  );
  const body = (await res.json()) as { temporaryPassword: string };
  return { username, temporaryPassword: body.temporaryPassword };
}

/**
 * Posts one telephony event as a PBX bridge does (form-encoded, Zammad's generic CTI) with the
 * demo integration's secret; `user[]` may repeat in a URLSearchParams. Returns the answer.
 */
export async function postCti(
  url: string,
  fields: Record<string, string> | URLSearchParams,
): Promise<unknown> {
  const body = fields instanceof URLSearchParams ? fields : new URLSearchParams(fields);
  const res = await fetch(`${url}/api/cti/${DEMO_CTI_SECRET}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  check(
    res.ok,
    `CTI ${body.get('event')} accepted (got ${res.status}: ${await res.clone().text()})`,
  );
  return res.json();
}
