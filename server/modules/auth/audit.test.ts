/**
 * The audit log: GET /api/audit filters and pages entries in the caller's scope, newest first; the
 * log is append-only in the database itself, and the API has no way to write to it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../common/schemas/audit.js';
import {
  buildOrg,
  login,
  testApp,
  type Client,
  type TestApp,
  type TestOrg,
} from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';

let t: TestApp;
let org: TestOrg;
let admin: Client;
let prov: Client;
let unitId: string;
let userId: string;

async function list(c: Client, query: string): Promise<{ items: AuditEntry[]; total: number }> {
  const res = await c.get(`/api/audit?pageSize=200&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await testApp();
  org = await buildOrg(t.database);
  admin = await login(t.app, org.users.admin!.username);
  prov = await login(t.app, org.users.provadmin!.username);
  // A known history: unit created and renamed twice, a user created and locked, by two actors.
  const unit = await admin.post('/api/org/units', {
    parentId: org.units.county1!.id,
    name: '审计部门',
    code: `AUD-${org.suffix}`,
    level: 'department',
    kind: 'office',
  });
  unitId = unit.json().id;
  await admin.patch(`/api/org/units/${unitId}`, { version: 1, name: '审计部门二' });
  await prov.patch(`/api/org/units/${unitId}`, { version: 2, name: '审计部门三' });
  const user = await prov.post('/api/users', {
    username: `audited_${org.suffix}`,
    displayName: '被审计',
    roles: ['agent'],
    unitId,
  });
  userId = user.json().user.id;
  await admin.post(`/api/users/${userId}/lock`, {});
  // Another organisation's history, which must never show up here.
  const other = await buildOrg(t.database);
  const otherAdmin = await login(t.app, other.users.admin!.username);
  await otherAdmin.post(`/api/users/${other.users.agent!.id}/lock`, {});
});
afterAll(() => t.close());

describe('GET /api/audit', () => {
  it('lists newest first, only within the caller’s scope', async () => {
    const all = await list(admin, '');
    expect(all.total).toBe(all.items.length);
    const times = all.items.map((i) => i.at);
    expect(times).toEqual([...times].sort().reverse());
    const orgUnits = new Set(
      (
        await t.database.db
          .selectFrom('org_units')
          .select('id')
          .where('path', 'like', `${org.units.root!.path}%`)
          .execute()
      ).map((r) => r.id),
    );
    expect(all.items.filter((i) => !orgUnits.has(i.unitId!))).toEqual([]);
    expect(all.items.map((i) => i.action)).toEqual(
      expect.arrayContaining([
        'unit.create',
        'unit.update',
        'user.create',
        'user.lock',
        'auth.login',
      ]),
    );
    // The province administrator does not see what happened at the national root (its login).
    const provinceOnly = await list(prov, `action=auth.login`);
    expect(provinceOnly.items.map((i) => i.actorName)).not.toContain(org.users.admin!.username);
    expect((await list(admin, 'action=auth.login')).items.map((i) => i.actorName)).toContain(
      org.users.admin!.username,
    );
  });

  it('filters by actor, action, entity type and entity id, alone and together', async () => {
    const byProv = await list(admin, `actor=${org.users.provadmin!.username}`);
    expect(new Set(byProv.items.map((i) => i.actorId))).toEqual(new Set([org.users.provadmin!.id]));
    expect(byProv.items.map((i) => i.action)).toEqual(['user.create', 'unit.update', 'auth.login']);

    const unitRows = await list(admin, `entityId=${unitId}`);
    expect(unitRows.items.map((i) => i.action)).toEqual([
      'unit.update',
      'unit.update',
      'unit.create',
    ]);
    expect(unitRows.items[0]).toMatchObject({
      entityType: 'unit',
      before: { name: '审计部门二' },
      after: { name: '审计部门三' },
    });

    const userRows = await list(admin, `entityType=user&entityId=${userId}`);
    expect(userRows.items.map((i) => i.action)).toEqual(['user.lock', 'user.create']);
    const both = await list(
      admin,
      `action=unit.update&actor=${org.users.admin!.username}&entityId=${unitId}`,
    );
    expect(both.items).toHaveLength(1);
    expect(both.items[0]!.after).toMatchObject({ name: '审计部门二' });
    expect((await list(admin, 'entityType=api_token')).total).toBe(0);
    expect((await list(admin, 'action=no.such.action')).total).toBe(0);
  });

  it('filters by time: from is inclusive, to exclusive', async () => {
    const rows = (await list(admin, `entityId=${unitId}`)).items;
    const middle = rows[1]!.at;
    const from = await list(admin, `entityId=${unitId}&from=${encodeURIComponent(middle)}`);
    expect(from.items.map((i) => i.id)).toEqual([rows[0]!.id, rows[1]!.id]);
    const to = await list(admin, `entityId=${unitId}&to=${encodeURIComponent(middle)}`);
    expect(to.items.map((i) => i.id)).toEqual([rows[2]!.id]);
    const zone = new Date(Date.parse(middle) + 8 * 3600_000).toISOString().replace('Z', '+08:00');
    const east = await list(admin, `entityId=${unitId}&from=${encodeURIComponent(zone)}`);
    expect(east.items.map((i) => i.id)).toEqual(from.items.map((i) => i.id));
    expect((await list(admin, 'from=2099-01-01T00:00:00Z')).total).toBe(0);
  });

  it('pages without gaps or repeats', async () => {
    const all = await list(admin, '');
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 3) + 1; page++) {
      const res = await admin.get(`/api/audit?pageSize=3&page=${page}`);
      const body = res.json<{ items: AuditEntry[]; total: number }>();
      expect(body.total).toBe(all.total);
      seen.push(...body.items.map((i) => i.id));
    }
    expect(seen).toEqual(all.items.map((i) => i.id));
  });

  it('is refused without audit.view', async () => {
    const agent = await login(t.app, org.users.agent!.username);
    expectError(await agent.get('/api/audit'), 'FORBIDDEN');
  });
});

describe('the audit log cannot be changed', () => {
  /** Runs SQL in a transaction that is rolled back whatever happens, so a broken guard harms no one. */
  async function attempt(statement: ReturnType<typeof sql>) {
    return t.database.db.transaction().execute(async (tx) => {
      await statement.execute(tx);
      throw new Error('the statement went through');
    });
  }

  it('UPDATE, DELETE and TRUNCATE fail in the database', async () => {
    const target = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', unitId)
      .orderBy('at')
      .executeTakeFirstOrThrow();
    await expect(
      attempt(sql`update audit_log set action = 'x' where id = ${target.id}`),
    ).rejects.toThrow(/append-only/);
    await expect(attempt(sql`delete from audit_log where id = ${target.id}`)).rejects.toThrow(
      /append-only/,
    );
    await expect(attempt(sql`truncate audit_log`)).rejects.toThrow(/append-only/);
    const after = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(target);
  });

  it('the API has no route that writes to it', async () => {
    const before = (await list(admin, '')).total;
    const id = (await list(admin, '')).items[0]!.id;
    for (const [method, url] of [
      ['POST', '/api/audit'],
      ['PUT', '/api/audit'],
      ['PATCH', '/api/audit'],
      ['DELETE', '/api/audit'],
      ['PATCH', `/api/audit/${id}`],
      ['PUT', `/api/audit/${id}`],
      ['DELETE', `/api/audit/${id}`],
    ] as const) {
      const res = await admin.request(
        method,
        url,
        method === 'DELETE' ? undefined : { action: 'x' },
      );
      expect([404, 405], `${method} ${url}`).toContain(res.statusCode);
      expect(['NOT_FOUND', 'METHOD_NOT_ALLOWED']).toContain(res.json().error.code);
    }
    expect((await list(admin, '')).total).toBe(before);
  });
});
