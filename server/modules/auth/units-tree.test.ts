/**
 * Reshaping the organisation tree through the API: moving a subtree (paths, depths, provinces and
 * the people in it follow) and deactivating or re-activating units, each with its audit row.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../../common/schemas/units.js';
import { auditRowsFor, login } from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { unitFixture, type UnitFixture } from './unit-test-support.js';

let f: UnitFixture;
beforeAll(async () => {
  f = await unitFixture();
});
afterAll(() => f.t.close());

describe('moving a subtree', () => {
  it('rewrites path, depth and province of every descendant; their people follow', async () => {
    const a = await f.create(f.id('county1'));
    const b = await f.create(a.id);
    const c = await f.create(b.id);
    const province2 = await f.create(f.id('root'), 'province');
    const city3 = await f.create(province2.id, 'city');
    const person = await f.admin.post('/api/users', {
      username: `mover_${f.org.suffix}`,
      displayName: '随迁人员',
      roles: ['agent'],
      unitId: b.id,
    });
    expect(person.statusCode).toBe(201);
    const userId = person.json().user.id as string;

    // Rows that keep copies of their unit's path and province: a crew of the station under
    // county 2 and a knowledge category of the department that moves first.
    const station2 = await f.row(f.id('station2'));
    const crewId = crypto.randomUUID();
    const categoryId = crypto.randomUUID();
    await f.t.database.db
      .insertInto('repair_crews')
      .values({
        id: crewId,
        name: '随迁抢修队',
        org_id: station2.id,
        unit_path: station2.path,
        province_id: station2.province_id!,
        shift_start: '08:00',
        shift_end: '20:00',
      })
      .execute();
    await sql`INSERT INTO knowledge_categories (id, name, org_id, unit_path, province_id)
              VALUES (${categoryId}, '随迁分类', ${c.id}, ${(await f.row(c.id)).path},
                      ${(await f.row(c.id)).province_id})`.execute(f.t.database.db);
    const copies = async () => ({
      crew: await f.t.database.db
        .selectFrom('repair_crews')
        .select(['unit_path', 'province_id'])
        .where('id', '=', crewId)
        .executeTakeFirstOrThrow(),
      category: (
        await sql<{ unit_path: string; province_id: string | null }>`
          SELECT unit_path, province_id FROM knowledge_categories WHERE id = ${categoryId}`.execute(
          f.t.database.db,
        )
      ).rows[0]!,
    });

    // A department moves under another county of the same province.
    const moved = await f.admin.post(`/api/org/units/${a.id}/move`, {
      version: 1,
      parentId: f.id('county2'),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const county2 = await f.row(f.id('county2'));
    expect((await f.row(a.id)).path).toBe(`${county2.path}${a.id}/`);
    expect((await f.row(b.id)).path).toBe(`${county2.path}${a.id}/${b.id}/`);
    expect((await f.row(c.id)).path).toBe(`${county2.path}${a.id}/${b.id}/${c.id}/`);
    expect((await f.get(a.id)).parentId).toBe(f.id('county2'));
    expect((await f.get(b.id)).parentId).toBe(a.id);
    expect((await f.get(c.id)).depth).toBe(county2.depth + 3);
    const found = await f.admin.get(`/api/users?unitId=${f.id('county2')}`);
    expect(found.json().items.map((x: { id: string }) => x.id)).toContain(userId);
    expect((await f.admin.get(`/api/users/${userId}`)).json()).toMatchObject({ unitId: b.id });
    const c2admin = await login(f.t.app, f.org.users.county2admin!.username);
    expect((await c2admin.get(`/api/users/${userId}`)).statusCode).toBe(200);
    expect((await copies()).category.unit_path).toBe((await f.row(c.id)).path);
    expect((await copies()).crew.unit_path).toBe(station2.path);

    // The whole county moves to a city of another province.
    const c2 = await f.get(f.id('county2'));
    const far = await f.admin.post(`/api/org/units/${c2.id}/move`, {
      version: c2.version,
      parentId: city3.id,
    });
    expect(far.statusCode, far.body).toBe(200);
    for (const u of [c2.id, a.id, b.id, c.id, f.id('station2')]) {
      expect((await f.get(u)).provinceId, u).toBe(province2.id);
    }
    const people = await f.t.database.db
      .selectFrom('users')
      .select(['id', 'province_id'])
      .where('id', 'in', [userId, f.org.users.county2admin!.id])
      .execute();
    expect(people.map((p) => p.province_id)).toEqual([province2.id, province2.id]);
    // The copies followed: the crew stays in the scope of its own (moved) county's people.
    expect(await copies()).toEqual({
      crew: { unit_path: (await f.row(f.id('station2'))).path, province_id: province2.id },
      category: { unit_path: (await f.row(c.id)).path, province_id: province2.id },
    });
    const crews = await (
      await login(f.t.app, f.org.users.county2admin!.username)
    ).get('/api/repair/crews');
    expect(crews.statusCode, crews.body).toBe(200);
    expect(crews.json<{ items: { id: string }[] }>().items.map((x) => x.id)).toContain(crewId);
    const audit = (await auditRowsFor(f.t.database, c2.id)).filter((x) => x.action === 'unit.move');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ parentId: f.id('city1') });
    expect(audit[0]!.after).toMatchObject({
      parentId: city3.id,
      subtreeUnits: 5,
      rowsFollowed: { repair_crews: 1, knowledge_categories: 1 },
    });
  });

  it('refuses to move a unit under itself or its descendants, across levels, or stale', async () => {
    const a = await f.create(f.id('county1'));
    const b = await f.create(a.id);
    const off = await f.create(f.id('county1'));
    await f.admin.post(`/api/org/units/${off.id}/deactivate`, { version: 1 });
    const county1 = await f.get(f.id('county1'));
    const before = await f.row(a.id);
    await f.refusedWithoutTrace(async () => {
      const m = (unitId: string, body: object) =>
        f.admin.post(`/api/org/units/${unitId}/move`, body);
      expectError(await m(a.id, { version: 1, parentId: b.id }), 'UNIT_MOVE_INTO_ITSELF');
      expectError(await m(a.id, { version: 1, parentId: a.id }), 'UNIT_MOVE_INTO_ITSELF');
      expectError(
        await m(county1.id, { version: county1.version, parentId: f.id('province') }),
        'UNIT_LEVEL_INVALID',
      );
      expectError(
        await m(county1.id, { version: county1.version, parentId: f.id('csc') }),
        'UNIT_LEVEL_INVALID',
      );
      expectError(await m(a.id, { version: 1, parentId: off.id }), 'UNIT_INACTIVE');
      expectError(await m(a.id, { version: 7, parentId: f.id('station1') }), 'VERSION_CONFLICT');
      expectError(
        await m(f.id('root'), { version: 1, parentId: f.id('province') }),
        'UNIT_ROOT_IMMUTABLE',
      );
    });
    expect(await f.row(a.id)).toEqual(before);
  });
});

describe('deactivating and activating', () => {
  it('is refused while active users remain below; after locking them the whole subtree goes', async () => {
    const d = await f.create(f.id('county1'));
    const e = await f.create(d.id);
    const created = await f.admin.post('/api/users', {
      username: `stay_${f.org.suffix}`,
      displayName: '在岗人员',
      roles: ['agent'],
      unitId: e.id,
    });
    const userId = created.json().user.id as string;
    await f.refusedWithoutTrace(async () => {
      const res = await f.admin.post(`/api/org/units/${d.id}/deactivate`, { version: 1 });
      expectError(res, 'UNIT_HAS_ACTIVE_USERS');
      expect(res.json().error.details).toEqual({ activeUsers: 1 });
    });
    expect((await f.get(e.id)).active).toBe(true);

    expect((await f.admin.post(`/api/users/${userId}/lock`, {})).statusCode).toBe(200);
    const off = await f.admin.post(`/api/org/units/${d.id}/deactivate`, { version: 1 });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await f.get(e.id)).active).toBe(false);
    const listed = (await f.admin.get('/api/org/units')).json().items.map((u: Unit) => u.id);
    expect(listed).not.toContain(d.id);
    expect(listed).not.toContain(e.id);
    const all = (await f.admin.get('/api/org/units?includeInactive=true'))
      .json()
      .items.map((u: Unit) => u.id);
    expect(all).toEqual(expect.arrayContaining([d.id, e.id]));
    const audit = (await auditRowsFor(f.t.database, d.id)).map((a) => [
      a.action,
      a.before,
      a.after,
    ]);
    expect(audit).toContainEqual([
      'unit.deactivate',
      { active: true },
      { active: false, subtreeUnits: 2 },
    ]);

    // Activation goes top-down: a child needs an active parent.
    const child = await f.get(e.id);
    await f.refusedWithoutTrace(async () => {
      const res = await f.admin.post(`/api/org/units/${e.id}/activate`, { version: child.version });
      expectError(res, 'UNIT_INACTIVE');
    });
    const parent = await f.get(d.id);
    expect(
      (await f.admin.post(`/api/org/units/${d.id}/activate`, { version: parent.version })).json()
        .active,
    ).toBe(true);
    expect(
      (await f.admin.post(`/api/org/units/${e.id}/activate`, { version: child.version })).json()
        .active,
    ).toBe(true);
    expect((await auditRowsFor(f.t.database, e.id)).map((a) => a.action)).toEqual([
      'unit.create',
      'unit.activate',
    ]);
  });
});
