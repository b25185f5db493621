/**
 * Creating and renaming units through the API: level rules, unique codes (also under concurrent
 * requests), inactive parents, versions, idempotent creation, and the audit row that lands in the
 * same transaction as every change and never without one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNIT_LEVELS, levelFitsUnder, type UnitLevel } from '../../../common/org-levels.js';
import type { Unit } from '../../../common/schemas/units.js';
import { auditRowsFor, login } from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { unitFixture, type UnitFixture } from './unit-test-support.js';

let f: UnitFixture;
beforeAll(async () => {
  f = await unitFixture();
});
afterAll(() => f.t.close());

describe('creating a unit', () => {
  const parents = ['root', 'province', 'city1', 'county1', 'station1'] as const;
  const levelOf: Record<(typeof parents)[number], UnitLevel> = {
    root: 'national',
    province: 'province',
    city1: 'city',
    county1: 'county',
    station1: 'department',
  };
  const cases = parents.flatMap((p) => UNIT_LEVELS.map((level) => [p, level] as const));

  it.each(cases)('under %s at level %s follows levelFitsUnder', async (parent, level) => {
    const fits = levelFitsUnder(level, levelOf[parent]);
    const c = f.code();
    const auditBefore = await f.orgAuditCount();
    const res = await f.admin.post('/api/org/units', {
      parentId: f.id(parent),
      name: `${level} 单位`,
      code: c,
      level,
      kind: 'marketing',
    });
    if (!fits) {
      expectError(res, 'UNIT_LEVEL_INVALID');
      expect(await f.orgAuditCount()).toBe(auditBefore);
      return;
    }
    expect(res.statusCode, res.body).toBe(201);
    const u = res.json<Unit>();
    const p = await f.row(f.id(parent));
    expect(u).toMatchObject({ parentId: p.id, level, code: c, active: true, version: 1 });
    expect(u.depth).toBe(p.depth + 1);
    expect(u.kind).toBe(level === 'department' ? 'marketing' : 'company');
    expect(u.provinceId).toBe(level === 'province' ? u.id : p.province_id);
    expect((await f.row(u.id)).path).toBe(`${p.path}${u.id}/`);
    const audit = await auditRowsFor(f.t.database, u.id);
    expect(audit.map((a) => a.action)).toEqual(['unit.create']);
    expect(audit[0]!.after).toMatchObject({ code: c, level, parentId: p.id });
    expect(audit[0]!.actor_id).toBe(f.org.users.admin!.id);
  });

  it('refuses a code already in use, whatever its case', async () => {
    const taken = f.org.units.county2!.code;
    for (const variant of [taken, taken.toLowerCase(), taken.toUpperCase()]) {
      await f.refusedWithoutTrace(async () => {
        const res = await f.admin.post('/api/org/units', {
          parentId: f.id('county1'),
          name: '重复编码',
          code: variant,
          level: 'department',
          kind: 'office',
        });
        expectError(res, 'UNIT_CODE_TAKEN');
      });
    }
    const mine = await f.create(f.id('county1'));
    const v = { version: mine.version };
    await f.refusedWithoutTrace(async () => {
      expectError(
        await f.admin.patch(`/api/org/units/${mine.id}`, { ...v, code: taken.toLowerCase() }),
        'UNIT_CODE_TAKEN',
      );
    });
    // Changing only the case of its own code is not a clash.
    const recased = await f.admin.patch(`/api/org/units/${mine.id}`, {
      ...v,
      code: mine.code.toLowerCase(),
    });
    expect(recased.json().code).toBe(mine.code.toLowerCase());
  });

  it('concurrent creates with one code (under different parents) give one unit and 409s, never a 500', async () => {
    // Different parents, so that nothing but the unique index stands between the twins.
    const parents = Object.keys(f.org.units);
    for (let round = 0; round < 3; round++) {
      const c = f.code();
      const answers = await Promise.all(
        parents.map((p) =>
          f.admin.post('/api/org/units', {
            parentId: f.id(p),
            name: '并发',
            code: c,
            level: 'department',
            kind: 'office',
          }),
        ),
      );
      const codes = answers.map((a) => (a.statusCode === 201 ? 'created' : a.json().error.code));
      expect(codes.sort()).toEqual([...parents.slice(1).map(() => 'UNIT_CODE_TAKEN'), 'created']);
      const rows = await f.t.database.db
        .selectFrom('org_units')
        .select('id')
        .where('code', '=', c)
        .execute();
      expect(rows).toHaveLength(1);
    }
  });

  it('concurrent renames of several units to one code: one wins, the others 409, never a 500', async () => {
    const units = await Promise.all([1, 2, 3, 4, 5, 6].map(() => f.create(f.id('county1'))));
    for (let round = 0; round < 3; round++) {
      const c = f.code();
      const current = await Promise.all(units.map((u) => f.get(u.id)));
      const answers = await Promise.all(
        current.map((u) =>
          f.admin.patch(`/api/org/units/${u.id}`, { version: u.version, code: c }),
        ),
      );
      const codes = answers.map((a) => (a.statusCode === 200 ? 'renamed' : a.json().error.code));
      expect(codes.sort()).toEqual([...units.slice(1).map(() => 'UNIT_CODE_TAKEN'), 'renamed']);
    }
  });

  it('refuses an inactive parent with UNIT_INACTIVE', async () => {
    const parent = await f.create(f.id('county1'));
    const off = await f.admin.post(`/api/org/units/${parent.id}/deactivate`, {
      version: parent.version,
    });
    expect(off.statusCode).toBe(200);
    await f.refusedWithoutTrace(async () => {
      const res = await f.admin.post('/api/org/units', {
        parentId: parent.id,
        name: '停用单位下',
        code: f.code(),
        level: 'department',
        kind: 'office',
      });
      expectError(res, 'UNIT_INACTIVE');
    });
  });
});

describe('renaming with a version', () => {
  it('bumps the version and records before and after in the same transaction', async () => {
    const u = await f.create(f.id('county1'));
    const res = await f.admin.patch(`/api/org/units/${u.id}`, {
      version: 1,
      name: '新名字',
      code: `${u.code}x`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '新名字', code: `${u.code}x`, version: 2 });
    const [, update] = await auditRowsFor(f.t.database, u.id);
    expect(update).toMatchObject({ action: 'unit.update', entity_type: 'unit' });
    expect(update!.before).toMatchObject({ name: u.name, code: u.code });
    expect(update!.after).toMatchObject({ name: '新名字', code: `${u.code}x` });
    // now() is the transaction's start: equal times mean the change and its record share it.
    expect(update!.at.getTime()).toBe((await f.row(u.id)).updated_at.getTime());
  });

  it('a stale version gets VERSION_CONFLICT and changes nothing', async () => {
    const u = await f.create(f.id('county1'));
    await f.admin.patch(`/api/org/units/${u.id}`, { version: 1, name: '第一次' });
    const before = await f.row(u.id);
    await f.refusedWithoutTrace(async () => {
      const res = await f.admin.patch(`/api/org/units/${u.id}`, { version: 1, name: '第二次' });
      expectError(res, 'VERSION_CONFLICT');
      expect(res.json().error.details).toEqual({ currentVersion: 2 });
    });
    expect(await f.row(u.id)).toEqual(before);
  });

  it('when the audit row cannot be written, the change does not happen either', async () => {
    const u = await f.create(f.id('county1'));
    const fn = `lx_test_fail_${f.org.suffix}`;
    await f.t.database.executeSql(
      `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.entity_id = '${u.id}' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$;
       CREATE TRIGGER ${fn} BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION ${fn}();`,
    );
    try {
      const res = await f.admin.patch(`/api/org/units/${u.id}`, { version: 1, name: '不应生效' });
      expect(res.statusCode).toBe(500);
    } finally {
      await f.t.database.executeSql(`DROP TRIGGER ${fn} ON audit_log; DROP FUNCTION ${fn}();`);
    }
    expect(await f.get(u.id)).toMatchObject({ name: u.name, version: 1 });
  });
});

describe('Idempotency-Key on POST /api/org/units', () => {
  it('a retry with the same key and body replays the first answer; one unit, one audit row', async () => {
    const key = `key-${f.org.suffix}-1`;
    const body = {
      parentId: f.id('county1'),
      name: '幂等',
      code: f.code(),
      level: 'department',
      kind: 'office',
    };
    // All at once: the twins wait for the first and replay its answer.
    const [first, ...again] = await Promise.all(
      [1, 2, 3, 4].map(() => f.admin.post('/api/org/units', body, { 'idempotency-key': key })),
    );
    expect(first!.statusCode, first!.body).toBe(201);
    again.push(await f.admin.post('/api/org/units', body, { 'idempotency-key': key }));
    for (const a of again) {
      expect(a.statusCode).toBe(201);
      expect(a.json()).toEqual(first!.json());
    }
    const rows = await f.t.database.db
      .selectFrom('org_units')
      .select('id')
      .where('code', '=', body.code)
      .execute();
    expect(rows).toEqual([{ id: first!.json().id }]);
    expect((await auditRowsFor(f.t.database, first!.json().id)).map((a) => a.action)).toEqual([
      'unit.create',
    ]);

    await f.refusedWithoutTrace(async () => {
      const other = await f.admin.post(
        '/api/org/units',
        { ...body, name: '别的' },
        { 'idempotency-key': key },
      );
      expectError(other, 'IDEMPOTENCY_KEY_REUSED');
    });
  });

  it('concurrent requests with one key and different bodies: one unit, the others 422', async () => {
    const key = `key-${f.org.suffix}-3`;
    const answers = await Promise.all(
      ['county1', 'station1', 'crew1', 'csc'].map((p) =>
        f.admin.post(
          '/api/org/units',
          { parentId: f.id(p), name: '争用', code: f.code(), level: 'department', kind: 'office' },
          { 'idempotency-key': key },
        ),
      ),
    );
    const codes = answers.map((a) => (a.statusCode === 201 ? 'created' : a.json().error.code));
    expect(codes.sort()).toEqual([
      'IDEMPOTENCY_KEY_REUSED',
      'IDEMPOTENCY_KEY_REUSED',
      'IDEMPOTENCY_KEY_REUSED',
      'created',
    ]);
  });

  it('keys belong to their user: another administrator with the same key creates its own unit', async () => {
    const key = `key-${f.org.suffix}-2`;
    const prov = await login(f.t.app, f.org.users.provadmin!.username);
    const one = await f.admin.post(
      '/api/org/units',
      {
        parentId: f.id('county1'),
        name: '甲',
        code: f.code(),
        level: 'department',
        kind: 'office',
      },
      { 'idempotency-key': key },
    );
    const two = await prov.post(
      '/api/org/units',
      {
        parentId: f.id('county1'),
        name: '乙',
        code: f.code(),
        level: 'department',
        kind: 'office',
      },
      { 'idempotency-key': key },
    );
    expect([one.statusCode, two.statusCode]).toEqual([201, 201]);
    expect(one.json().id).not.toBe(two.json().id);
  });
});
