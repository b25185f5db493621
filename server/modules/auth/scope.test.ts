/**
 * Data scope and the permission matrix: a county administrator works only inside its county, a
 * province-scoped role sees its whole province, and every role gets exactly the routes that
 * ROLE_PERMISSIONS grants it (checked route by route against the running app).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, ROLE_PERMISSIONS, type Role } from '../../../common/permissions.js';
import {
  buildOrg,
  login,
  testApp,
  type Client,
  type TestApp,
  type TestOrg,
} from '../../db/test-helpers.js';
import {
  documentedRoutes,
  expectError,
  fillPath,
  permissionRoutes,
  ROUTE_ACCESS,
  unknownId,
} from '../../http/test-routes.js';

let t: TestApp;
let org: TestOrg;
let c1: Client;
let root: Client;

beforeAll(async () => {
  t = await testApp();
  org = await buildOrg(t.database);
  c1 = await login(t.app, org.users.county1admin!.username);
  root = await login(t.app, org.users.admin!.username);
});
afterAll(() => t.close());

const unit = (k: string) => org.units[k]!.id;
const user = (k: string) => org.users[k]!.id;
const ids = (res: { json: () => { items: { id: string }[] } }) =>
  res
    .json()
    .items.map((i) => i.id)
    .sort();
const sorted = (xs: string[]) => [...xs].sort();

async function unitRow(id: string) {
  return t.database.db
    .selectFrom('org_units')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}
async function userRow(id: string) {
  return t.database.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('a county administrator works inside its county only', () => {
  it('lists only the units and users of its subtree', async () => {
    expect(ids(await c1.get('/api/org/units'))).toEqual(
      sorted([unit('county1'), unit('station1'), unit('crew1')]),
    );
    expect(ids(await c1.get('/api/org/units?includeInactive=true'))).toEqual(
      sorted([unit('county1'), unit('station1'), unit('crew1')]),
    );
    const users = await c1.get('/api/users?pageSize=200');
    expect(ids(users)).toEqual(sorted([user('county1admin'), user('backoffice'), user('crew')]));
    expect(users.json().total).toBe(3);
    expect(ids(await c1.get(`/api/users?unitId=${unit('station1')}`))).toEqual([user('crew')]);
    expectError(await c1.get(`/api/users?unitId=${unit('county2')}`), 'OUT_OF_SCOPE');
    expectError(await c1.get(`/api/users?unitId=${unit('province')}`), 'OUT_OF_SCOPE');
  });

  it('reads and changes the units and users of county1', async () => {
    expect((await c1.get(`/api/org/units/${unit('crew1')}`)).statusCode).toBe(200);
    const station = (await c1.get(`/api/org/units/${unit('station1')}`)).json();
    const renamed = await c1.patch(`/api/org/units/${unit('station1')}`, {
      version: station.version,
      name: '一县城关供电所（新）',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const bo = (await c1.get(`/api/users/${user('backoffice')}`)).json();
    const edited = await c1.patch(`/api/users/${user('backoffice')}`, {
      version: bo.version,
      displayName: '一县业务员',
    });
    expect(edited.statusCode, edited.body).toBe(200);
  });

  it('gets OUT_OF_SCOPE for any unit outside county1, and nothing changes', async () => {
    for (const k of ['county2', 'station2', 'city1', 'province', 'root', 'csc']) {
      const before = await unitRow(unit(k));
      const v = { version: before.version };
      expectError(await c1.get(`/api/org/units/${unit(k)}`), 'OUT_OF_SCOPE');
      expectError(await c1.patch(`/api/org/units/${unit(k)}`, { ...v, name: 'x' }), 'OUT_OF_SCOPE');
      expectError(await c1.post(`/api/org/units/${unit(k)}/deactivate`, v), 'OUT_OF_SCOPE');
      expectError(await c1.post(`/api/org/units/${unit(k)}/activate`, v), 'OUT_OF_SCOPE');
      expectError(
        await c1.post(`/api/org/units/${unit(k)}/move`, { ...v, parentId: unit('county1') }),
        'OUT_OF_SCOPE',
      );
      expect(await unitRow(unit(k)), k).toEqual(before);
    }
  });

  it('cannot create a unit or a user in county2, nor move a unit or a user there', async () => {
    expectError(
      await c1.post('/api/org/units', {
        parentId: unit('county2'),
        name: '越权部门',
        code: `X-${org.suffix}`,
        level: 'department',
        kind: 'office',
      }),
      'OUT_OF_SCOPE',
    );
    expectError(
      await c1.post('/api/users', {
        username: `x_${org.suffix}`,
        displayName: '越权用户',
        roles: ['agent'],
        unitId: unit('county2'),
      }),
      'OUT_OF_SCOPE',
    );
    const station = await unitRow(unit('station1'));
    expectError(
      await c1.post(`/api/org/units/${unit('station1')}/move`, {
        version: station.version,
        parentId: unit('county2'),
      }),
      'OUT_OF_SCOPE',
    );
    expect(await unitRow(unit('station1'))).toEqual(station);
    const bo = await userRow(user('backoffice'));
    expectError(
      await c1.patch(`/api/users/${user('backoffice')}`, {
        version: bo.version,
        unitId: unit('county2'),
      }),
      'OUT_OF_SCOPE',
    );
    expect(await userRow(user('backoffice'))).toEqual(bo);
    const db = t.database.db;
    expect(
      await db.selectFrom('org_units').select('id').where('code', '=', `X-${org.suffix}`).execute(),
    ).toEqual([]);
    expect(
      await db.selectFrom('users').select('id').where('username', '=', `x_${org.suffix}`).execute(),
    ).toEqual([]);
  });

  it('cannot read, change, lock, unlock or reset the password of county2 users', async () => {
    for (const k of ['county2admin', 'provadmin', 'admin', 'agent']) {
      const before = await userRow(user(k));
      expectError(await c1.get(`/api/users/${user(k)}`), 'OUT_OF_SCOPE');
      expectError(
        await c1.patch(`/api/users/${user(k)}`, { version: before.version, displayName: 'x' }),
        'OUT_OF_SCOPE',
      );
      for (const action of ['lock', 'unlock', 'reset-password']) {
        expectError(await c1.post(`/api/users/${user(k)}/${action}`, {}), 'OUT_OF_SCOPE');
      }
      expectError(
        await c1.post('/api/tokens', { name: 'x', userId: user(k), scopes: ['org.view'] }),
        'OUT_OF_SCOPE',
      );
      expect(await userRow(user(k)), k).toEqual(before);
    }
  });

  it('cannot move or deactivate the top of its own scope', async () => {
    const county = await unitRow(unit('county1'));
    expectError(
      await c1.post(`/api/org/units/${unit('county1')}/move`, {
        version: county.version,
        parentId: unit('station1'),
      }),
      'UNIT_ROOT_IMMUTABLE',
    );
    expectError(
      await c1.post(`/api/org/units/${unit('county1')}/deactivate`, { version: county.version }),
      'UNIT_ROOT_IMMUTABLE',
    );
  });

  it('sees only audit entries about its own subtree', async () => {
    const c2unit = await unitRow(unit('county2'));
    const changed = await root.patch(`/api/org/units/${unit('county2')}`, {
      version: c2unit.version,
      name: '二县供电公司（审计）',
    });
    expect(changed.statusCode).toBe(200);
    const mine = await c1.get('/api/audit?pageSize=200');
    expect(mine.statusCode).toBe(200);
    const scope = new Set([unit('county1'), unit('station1'), unit('crew1')]);
    const items = mine.json<{ items: { unitId: string; entityId: string }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((i) => !scope.has(i.unitId))).toEqual([]);
    expect((await c1.get(`/api/audit?entityId=${unit('county2')}`)).json().total).toBe(0);
    expect((await root.get(`/api/audit?entityId=${unit('county2')}`)).json().total).toBe(1);
  });
});

describe('scope by role', () => {
  const provinceUnits = () =>
    Object.entries(org.units)
      .filter(([k]) => k !== 'root')
      .map(([, u]) => u.id);

  it.each([['lead'], ['teamlead'], ['qa'], ['manager']])(
    '%s (province scope) sees every unit and person of the province, nothing above',
    async (who) => {
      const c = await login(t.app, org.users[who]!.username);
      const perms = ROLE_PERMISSIONS[(await c.get('/api/me')).json().roles[0] as Role];
      if (perms.includes('org.view')) {
        expect(ids(await c.get('/api/org/units'))).toEqual(sorted(provinceUnits()));
        expectError(await c.get(`/api/org/units/${unit('root')}`), 'OUT_OF_SCOPE');
      }
      const users = await c.get('/api/users?pageSize=200');
      const everyone = Object.entries(org.users).filter(([k]) => k !== 'admin');
      expect(ids(users)).toEqual(sorted(everyone.map(([, u]) => u.id)));
      expect((await c.get(`/api/users/${user('county2admin')}`)).statusCode).toBe(200);
      expectError(await c.get(`/api/users/${user('admin')}`), 'OUT_OF_SCOPE');
    },
  );

  it('an agent (province scope, no org.view) counts the whole province on the dashboard', async () => {
    const agent = await login(t.app, org.users.agent!.username);
    const summary = (await agent.get('/api/dashboard/summary')).json();
    const everything = (await root.get('/api/dashboard/summary')).json();
    expect(summary.units).toBe(provinceUnits().length);
    expect(everything.units).toBe(provinceUnits().length + 1);
    expect(summary.users).toBe(Object.keys(org.users).length - 1);
  });

  it.each([
    ['dispatcher', ['dispatch1']],
    ['backoffice', ['county1', 'station1', 'crew1']],
  ])('%s (subtree scope) sees only its own unit and below', async (who, units) => {
    const c = await login(t.app, org.users[who]!.username);
    expect(ids(await c.get('/api/org/units'))).toEqual(sorted(units.map(unit)));
    expectError(await c.get(`/api/org/units/${unit('county2')}`), 'OUT_OF_SCOPE');
  });
});

const USER_OF_ROLE: Record<Role, string> = {
  agent: 'agent',
  shift_lead: 'lead',
  team_lead: 'teamlead',
  center_manager: 'manager',
  dispatcher: 'dispatcher',
  repair_crew: 'crew',
  back_office: 'backoffice',
  quality_inspector: 'qa',
  trainer: 'trainer',
  admin: 'admin',
};

describe('the permission matrix, route by route', () => {
  it('describes every route of the app', async () => {
    const routes = (await documentedRoutes(t.app)).map((r) => r.key);
    expect(Object.keys(ROUTE_ACCESS).sort()).toEqual(routes.sort());
    expect(Object.keys(USER_OF_ROLE).sort()).toEqual([...ROLES].sort());
  });

  it.each([...ROLES])('%s gets exactly the routes its permissions allow', async (role) => {
    const c = await login(t.app, org.users[USER_OF_ROLE[role]]!.username);
    const mismatches: string[] = [];
    for (const r of permissionRoutes()) {
      const p = r.probe();
      const allowed = ROLE_PERMISSIONS[role].includes(r.needs);
      const res = await c.request(p.method, p.url, p.body);
      const code = res.statusCode >= 400 ? res.json().error.code : undefined;
      const want = allowed ? p.allowed : { status: 403, code: 'FORBIDDEN' };
      if (res.statusCode !== want.status || code !== want.code) {
        mismatches.push(`${r.key} (${r.needs}, allowed=${allowed}): ${res.statusCode} ${code}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect((await c.get('/api/me')).statusCode).toBe(200);
  });

  it('every route but the public ones refuses a caller without a session', async () => {
    const routes = await documentedRoutes(t.app);
    for (const r of routes) {
      const url = fillPath(r.path, {
        id: unknownId(),
        phone: '13800000000',
        kind: 'feeder',
        year: '2026',
        action: 'note',
        attachmentId: unknownId(),
        token: 'lxcti_probe',
      });
      const res = await t.app.inject({ method: r.method, url, payload: {} });
      if (ROUTE_ACCESS[r.key]?.needs === 'public') {
        expect(res.statusCode, r.key).not.toBe(401);
      } else {
        expectError(res, 'UNAUTHENTICATED');
      }
    }
  });

  it('anyone may read their own user record; others need user.view', async () => {
    const agent = await login(t.app, org.users.agent!.username);
    const own = await agent.get(`/api/users/${user('agent')}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().phone).toBe('13812345678');
    expectError(await agent.get(`/api/users/${user('lead')}`), 'FORBIDDEN');
  });
});
