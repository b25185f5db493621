/**
 * Test support for the unit suites: a signed-in administrator of a fresh organisation and small
 * helpers to create and read units and to check that a refused change left no audit row.
 */
import { expect } from 'vitest';
import type { UnitLevel } from '../../../common/org-levels.js';
import type { Unit } from '../../../common/schemas/units.js';
import { buildOrg, login, testApp } from '../../db/test-helpers.js';

/** A fresh app and organisation, with the root administrator signed in. */
export async function unitFixture() {
  const t = await testApp();
  const org = await buildOrg(t.database);
  const admin = await login(t.app, org.users.admin!.username);
  let n = 0;
  const code = () => `U${org.suffix}-${++n}`;
  const id = (k: string) => org.units[k]!.id;

  async function create(parentId: string, level: UnitLevel = 'department', extra: object = {}) {
    const res = await admin.post('/api/org/units', {
      parentId,
      name: `单位${n}`,
      code: code(),
      level,
      kind: 'office',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Unit>();
  }
  const get = async (unitId: string) => (await admin.get(`/api/org/units/${unitId}`)).json<Unit>();
  const row = (unitId: string) =>
    t.database.db
      .selectFrom('org_units')
      .selectAll()
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow();

  /** Audit rows about anything in the test organisation. */
  async function orgAuditCount(): Promise<number> {
    const r = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', 'in', (eb) =>
        eb.selectFrom('org_units').select('id').where('path', 'like', `${org.units.root!.path}%`),
      )
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Runs a refused change and checks that it left no audit row behind. */
  async function refusedWithoutTrace(run: () => Promise<void>): Promise<void> {
    const before = await orgAuditCount();
    await run();
    expect(await orgAuditCount()).toBe(before);
  }

  return { t, org, admin, code, id, create, get, row, orgAuditCount, refusedWithoutTrace };
}
export type UnitFixture = Awaited<ReturnType<typeof unitFixture>>;
