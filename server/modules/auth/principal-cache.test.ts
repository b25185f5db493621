import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import {
  buildOrg,
  Client,
  login,
  testApp,
  testConfig,
  type TestApp,
  type TestOrg,
} from '../../db/test-helpers.js';
import { PrincipalCache } from './principal-cache.js';

describe('PrincipalCache', () => {
  it('serves a hit within the TTL and reloads after it', async () => {
    const cache = new PrincipalCache(50);
    let loads = 0;
    const load = () => Promise.resolve({ n: ++loads });
    expect(await cache.get('k', load)).toEqual({ n: 1 });
    expect(await cache.get('k', load)).toEqual({ n: 1 });
    await new Promise((r) => setTimeout(r, 60));
    expect(await cache.get('k', load)).toEqual({ n: 2 });
  });

  it('does not keep a read that raced a change', async () => {
    const cache = new PrincipalCache(10_000);
    let release!: () => void;
    const slow = cache.get(
      'k',
      () => new Promise<{ v: string }>((r) => (release = () => r({ v: 'old' }))),
    );
    cache.clear(); // a change committed while the read was in flight
    release();
    expect(await slow).toEqual({ v: 'old' });
    expect(await cache.get('k', () => Promise.resolve({ v: 'new' }))).toEqual({ v: 'new' });
  });

  it('caches nothing while the change feed is down, or with a TTL of 0', async () => {
    for (const cache of [new PrincipalCache(10_000), new PrincipalCache(0)]) {
      cache.setFeedUp(cache === undefined);
      let loads = 0;
      const load = () => Promise.resolve(++loads);
      await cache.get('k', load);
      await cache.get('k', load);
      expect(loads).toBe(2);
    }
  });
});

describe('principal cache in the app', () => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await testApp();
    org = await buildOrg(t.database);
  });
  afterAll(() => t.close());

  it('forgets a session at once when an administrator locks its user', async () => {
    const admin = await login(t.app, org.users.admin!.username);
    const crew = await login(t.app, org.users.crew!.username);
    expect((await crew.get('/api/me')).statusCode).toBe(200); // now cached
    expect((await admin.post(`/api/users/${org.users.crew!.id}/lock`)).statusCode).toBe(200);
    expect((await crew.get('/api/me')).statusCode).toBe(401);
  });

  it('shows a new role on the very next request', async () => {
    const admin = await login(t.app, org.users.admin!.username);
    const qa = await login(t.app, org.users.qa!.username);
    expect((await qa.get('/api/me')).json().roles).toEqual(['quality_inspector']);
    const user = (await admin.get(`/api/users/${org.users.qa!.id}`)).json();
    await admin.patch(`/api/users/${user.id}`, {
      version: user.version,
      roles: ['quality_inspector', 'trainer'],
    });
    expect((await qa.get('/api/me')).json().roles).toEqual(['quality_inspector', 'trainer']);
  });
});

// Two app instances on one PostgreSQL database stand for two server processes.
describe.skipIf(!testConfig().databaseUrl)('principal cache across processes (PostgreSQL)', () => {
  it('a logout in one process is honoured by the other', async () => {
    const a = await testApp();
    const dbB = await openDatabase({ databaseUrl: testConfig().databaseUrl });
    await migrateToLatest(dbB.db);
    const b = await buildApp({ config: testConfig(), database: dbB });
    try {
      const org = await buildOrg(a.database);
      const onA = await login(a.app, org.users.agent!.username);
      const onB = new Client(b, onA.cookie, onA.csrf);
      // Give B's listener a moment to be up, then fill its cache.
      await new Promise((r) => setTimeout(r, 200));
      expect((await onB.get('/api/me')).statusCode).toBe(200);
      expect((await onA.post('/api/auth/logout')).statusCode).toBe(200);
      let status = 200;
      for (let i = 0; i < 50 && status === 200; i++) {
        await new Promise((r) => setTimeout(r, 20));
        status = (await onB.get('/api/me')).statusCode;
      }
      expect(status).toBe(401);
    } finally {
      await b.close();
      await dbB.close();
      await a.close();
    }
  });
});
