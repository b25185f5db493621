import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../server/db/database.js';
import type { DB, OrgUnitsTable } from '../../server/db/schema.js';
import { hashPassword, recordAudit } from '../../server/modules/auth/index.js';
import { insertNetwork } from './network.js';
import { SeededRandom } from './random.js';
import {
  BUSINESS,
  DEMO_PASSWORD,
  DEMO_USERS,
  GIVEN,
  SURNAMES,
  TERRITORY,
  type PlacedUnit,
  type UnitSpec,
} from './territory.js';

export interface DemoOptions {
  customers: number;
  seed: number;
}

export interface DemoSummary {
  units: number;
  users: number;
  customers: number;
}

// Demo ids carry a fixed clock (2026-01-01), so the same seed gives the same ids everywhere.
const EPOCH = Date.UTC(2026, 0, 1);

async function insertUnits(tx: Kysely<DB>, rnd: SeededRandom): Promise<Map<string, PlacedUnit>> {
  const placed = new Map<string, PlacedUnit>();
  const rows: Insertable<OrgUnitsTable>[] = [];
  const walk = (spec: UnitSpec, parent: PlacedUnit | null, depth: number) => {
    const id = rnd.uuid(EPOCH + placed.size);
    const path = `${parent?.path ?? '/'}${id}/`;
    const provinceId = spec.level === 'province' ? id : (parent?.provinceId ?? null);
    const unit = { id, path, provinceId, spec };
    placed.set(spec.key, unit);
    rows.push({
      id,
      parent_id: parent?.id ?? null,
      name: spec.name,
      code: spec.code,
      level: spec.level,
      kind: spec.kind,
      path,
      depth,
      org_id: id,
      province_id: provinceId,
    });
    for (const child of spec.children ?? []) walk(child, unit, depth + 1);
  };
  walk(TERRITORY, null, 0);
  await tx.insertInto('org_units').values(rows).execute();
  return placed;
}

function personName(rnd: SeededRandom): string {
  const given =
    rnd.next() < 0.5 ? rnd.pick([...GIVEN]) : rnd.pick([...GIVEN]) + rnd.pick([...GIVEN]);
  return rnd.pick([...SURNAMES]) + given;
}

async function insertCustomers(
  tx: Kysely<DB>,
  rnd: SeededRandom,
  units: Map<string, PlacedUnit>,
  count: number,
  transformersOf: Map<string, string[]>,
): Promise<void> {
  const stations = [...units.values()].filter((u) => u.spec.kind === 'supply_station');
  const batch: {
    id: string;
    account_no: string;
    name: string;
    customer_class: string;
    org_id: string;
    province_id: string;
    transformer_id: string;
  }[] = [];
  for (let i = 0; i < count; i++) {
    const station = stations[i % stations.length]!;
    const cls = rnd.weighted([
      ['resident', 90],
      ['non_resident', 9],
      ['large', 1],
    ] as const);
    const name =
      cls === 'resident'
        ? personName(rnd)
        : `${station.spec.name.slice(0, 2)}${rnd.pick(['鑫源', '华泰', '恒通', '兴旺', '宏达', '永安', '金穗'])}${rnd.pick(BUSINESS)}`;
    batch.push({
      id: rnd.uuid(EPOCH + 1_000_000 + i),
      // 户号: 10 digits, unique within the province.
      account_no: String(3_100_000_000 + i * 7 + rnd.int(0, 6)),
      name,
      customer_class: cls,
      org_id: station.id,
      province_id: station.provinceId!,
      transformer_id: rnd.pick(transformersOf.get(station.id)!),
    });
    if (batch.length === 2000 || i === count - 1) {
      await tx.insertInto('customers').values(batch).execute();
      batch.length = 0;
    }
  }
}

/**
 * Builds the demo territory: the national center, one province (示范省电力公司) with 3 cities and
 * 8 counties, their departments, supply stations and crews, a login for every role, and
 * customers. The same seed always gives the same data.
 */
export async function loadDemo(database: Database, opts: DemoOptions): Promise<DemoSummary> {
  const rnd = new SeededRandom(opts.seed);
  const hash = await hashPassword(DEMO_PASSWORD);
  return database.db.transaction().execute(async (tx) => {
    const units = await insertUnits(tx, rnd);
    await tx
      .insertInto('users')
      .values(
        DEMO_USERS.map((u, i) => {
          const unit = units.get(u.unit);
          if (!unit) throw new Error(`Demo user ${u.username}: no unit ${u.unit}`);
          return {
            id: rnd.uuid(EPOCH + 100_000 + i),
            username: u.username,
            display_name: u.name,
            password_hash: hash,
            roles: u.roles,
            org_id: unit.id,
            province_id: unit.provinceId,
            phone: u.phone,
            email: `${u.username}@demo.lianxin.example`,
            must_change_password: false,
          };
        }),
      )
      .execute();
    const transformersOf = await insertNetwork(tx, rnd, units, opts.customers, EPOCH + 500_000);
    await insertCustomers(tx, rnd, units, opts.customers, transformersOf);
    const root = units.get('national')!;
    await recordAudit(
      tx,
      { actor: null, meta: { ip: null, requestId: null, userAgent: 'demo-loader' } },
      {
        action: 'demo.load',
        entityType: 'system',
        entityId: null,
        after: { seed: opts.seed, customers: opts.customers, users: DEMO_USERS.length },
        orgId: root.id,
        provinceId: null,
      },
    );
    return { units: units.size, users: DEMO_USERS.length, customers: opts.customers };
  });
}

/** Whether the database holds no organisation yet (a first start). */
export async function isEmpty(database: Database): Promise<boolean> {
  const row = await database.db.selectFrom('org_units').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
