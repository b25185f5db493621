/**
 * Test helpers: a migrated database (in-memory PGlite, or the PostgreSQL server named by
 * DATABASE_URL), the real app driven through inject(), and factories that build a fresh
 * organisation per test so that tests sharing one server database never see each other's rows.
 */
import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import type { App } from '../http/context.js';
import { clearPrincipalCache, hashPassword } from '../modules/auth/index.js';
import { newId } from '../platform/ids.js';
import { openDatabase, type Database } from './database.js';
import { migrateToLatest } from './migrate.js';

export const TEST_PASSWORD = 'Test@Pass2026';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL ?? '' }),
    dataDir: '/nonexistent',
    webDist: '/nonexistent',
    jobs: false,
    ...overrides,
  };
}

/** A migrated database: PostgreSQL when DATABASE_URL is set, else a fresh in-memory PGlite. */
export async function testDatabase(): Promise<Database> {
  const database = await openDatabase({ databaseUrl: testConfig().databaseUrl, poolSize: 5 });
  await migrateToLatest(database.db);
  return database;
}

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export async function testApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await testDatabase();
  const config = testConfig(overrides);
  const app = await buildApp({ config, database });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

const suffix = () => crypto.randomBytes(4).toString('hex');

export interface TestUnit {
  id: string;
  path: string;
  code: string;
  provinceId: string | null;
}

export interface TestUser {
  id: string;
  username: string;
  unitId: string;
}

/**
 * A fresh organisation: a national root, a province with its 95598 center, two cities and two
 * counties under the first city (each with a supply station), and one user per role.
 */
export async function buildOrg(database: Database) {
  const s = suffix();
  const db = database.db;
  const units: Record<string, TestUnit> = {};
  const add = async (
    key: string,
    parent: string | null,
    level: string,
    kind: string,
    name: string,
  ) => {
    const id = newId();
    const p = parent ? units[parent]! : null;
    const path = `${p?.path ?? '/'}${id}/`;
    const provinceId = level === 'province' ? id : (p?.provinceId ?? null);
    const code = `T${s}-${key}`;
    await db
      .insertInto('org_units')
      .values({
        id,
        parent_id: p?.id ?? null,
        name,
        code,
        level,
        kind,
        path,
        depth: path.split('/').length - 3,
        org_id: id,
        province_id: provinceId,
      })
      .execute();
    units[key] = { id, path, code, provinceId };
  };
  await add('root', null, 'national', 'company', '测试国网客服中心');
  await add('province', 'root', 'province', 'company', '测试省电力公司');
  await add('csc', 'province', 'department', 'service_center', '95598客户服务中心');
  await add('city1', 'province', 'city', 'company', '甲市供电公司');
  await add('city2', 'province', 'city', 'company', '乙市供电公司');
  await add('county1', 'city1', 'county', 'company', '一县供电公司');
  await add('county2', 'city1', 'county', 'company', '二县供电公司');
  await add('station1', 'county1', 'department', 'supply_station', '一县城关供电所');
  await add('station2', 'county2', 'department', 'supply_station', '二县城关供电所');
  await add('crew1', 'station1', 'department', 'repair_team', '一县抢修班');
  await add('dispatch1', 'city1', 'department', 'dispatch', '甲市配网调控中心');

  const hash = await hashPassword(TEST_PASSWORD);
  const users: Record<string, TestUser> = {};
  const person = async (key: string, roles: string[], unit: string, mustChange = false) => {
    const id = newId();
    const username = `${key}_${s}`.toLowerCase();
    await db
      .insertInto('users')
      .values({
        id,
        username,
        display_name: `测试${key}`,
        password_hash: hash,
        roles,
        org_id: units[unit]!.id,
        province_id: units[unit]!.provinceId,
        phone: '13812345678',
        email: `${username}@test.example`,
        must_change_password: mustChange,
      })
      .execute();
    users[key] = { id, username, unitId: units[unit]!.id };
  };
  await person('admin', ['admin'], 'root');
  await person('provadmin', ['admin'], 'province');
  await person('county1admin', ['admin'], 'county1');
  await person('county2admin', ['admin'], 'county2');
  await person('agent', ['agent'], 'csc');
  await person('lead', ['shift_lead'], 'csc');
  await person('teamlead', ['team_lead'], 'csc');
  await person('manager', ['center_manager'], 'csc');
  await person('dispatcher', ['dispatcher'], 'dispatch1');
  await person('crew', ['repair_crew'], 'crew1');
  await person('backoffice', ['back_office'], 'county1');
  await person('qa', ['quality_inspector'], 'csc');
  await person('trainer', ['trainer'], 'csc');
  await person('newbie', ['agent'], 'csc', true);
  return { units, users, suffix: s };
}
export type TestOrg = Awaited<ReturnType<typeof buildOrg>>;

/** A signed-in client for the app: cookie and CSRF header added to every request. */
export class Client {
  constructor(
    private readonly app: App,
    readonly cookie: string | null,
    readonly csrf: string | null,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...this.extraHeaders, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    return this.app.inject({
      method,
      url,
      headers: h,
      ...(body === undefined ? {} : { payload: body as object }),
    });
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  patch(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', url, body, headers);
  }
  put(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request('PUT', url, body, headers);
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request('DELETE', url, undefined, headers);
  }
}

/** Signs in through the real login route. */
export async function login(app: App, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'lx_session');
  const body = res.json<{ me: { csrfToken: string } }>();
  return new Client(app, `lx_session=${cookie!.value}`, body.me.csrfToken);
}

/** A client that sends an API token instead of a cookie. */
export function tokenClient(app: App, secret: string): Client {
  return new Client(app, null, null, { authorization: `Bearer ${secret}` });
}

/** Audit rows for an entity, oldest first. */
export async function auditRowsFor(database: Database, entityId: string) {
  return database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_id', '=', entityId)
    .orderBy('at')
    .execute();
}

/**
 * After a test edits sessions, tokens or users directly in the database (to make time pass), the
 * app must not answer from its principal cache: the application itself clears it on every change.
 */
export function forgetCachedPrincipals(database: Database): void {
  clearPrincipalCache(database.db);
}
