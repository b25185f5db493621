import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { buildOrg, testDatabase, type TestOrg } from '../../db/test-helpers.js';
import { newId } from '../../platform/ids.js';
import { childrenOf, customersUnder, getNode, pathOfCustomer } from './store.js';

let database: Database;
let org: TestOrg;
// substation S → feeders F1 (transformers T1, T2) and F2 (T3); customers: 3 on T1, 1 on T2, 2 on T3.
const ids = { s: newId(), f1: newId(), f2: newId(), t1: newId(), t2: newId(), t3: newId() };
const customers: Record<string, string[]> = { t1: [], t2: [], t3: [] };

beforeAll(async () => {
  database = await testDatabase();
  org = await buildOrg(database);
  const db = database.db;
  const county = org.units.county1!;
  const station = org.units.station1!;
  const province = county.provinceId!;
  const code = (c: string) => `${org.suffix}-${c}`;
  await db
    .insertInto('grid_substations')
    .values({
      id: ids.s,
      code: code('S'),
      name: '城关110kV变电站',
      voltage_kv: 110,
      area_class: 'urban',
      lat: 28.1,
      lng: 115.2,
      org_id: county.id,
      province_id: province,
    })
    .execute();
  await db
    .insertInto('grid_feeders')
    .values([
      {
        id: ids.f1,
        substation_id: ids.s,
        code: code('F1'),
        name: '10kV城关一线',
        voltage_kv: 10,
        area_class: 'urban',
        org_id: county.id,
        province_id: province,
      },
      {
        id: ids.f2,
        substation_id: ids.s,
        code: code('F2'),
        name: '10kV城关二线',
        voltage_kv: 10,
        area_class: 'rural',
        org_id: county.id,
        province_id: province,
      },
    ])
    .execute();
  const t = (id: string, feeder: string, c: string, area: 'urban' | 'rural') => ({
    id,
    feeder_id: feeder,
    code: code(c),
    name: `${c}台区`,
    capacity_kva: 400,
    area_class: area,
    lat: null,
    lng: null,
    org_id: station.id,
    province_id: province,
  });
  await db
    .insertInto('grid_transformers')
    .values([
      t(ids.t1, ids.f1, 'T1', 'urban'),
      t(ids.t2, ids.f1, 'T2', 'urban'),
      t(ids.t3, ids.f2, 'T3', 'rural'),
    ])
    .execute();
  let n = 0;
  for (const [key, count] of [
    ['t1', 3],
    ['t2', 1],
    ['t3', 2],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const id = newId();
      customers[key]!.push(id);
      await db
        .insertInto('customers')
        .values({
          id,
          account_no: `${org.suffix}${n++}`,
          name: `客户${n}`,
          customer_class: 'resident',
          org_id: station.id,
          province_id: province,
          transformer_id: ids[key],
        })
        .execute();
    }
  }
});
afterAll(() => database.close());

describe('supply network queries', () => {
  it('walks from a customer up to its substation', async () => {
    const path = await pathOfCustomer(database.db, customers.t3![0]!);
    expect(path).toMatchObject({
      transformer_id: ids.t3,
      transformer_name: 'T3台区',
      area_class: 'rural',
      feeder_id: ids.f2,
      feeder_name: '10kV城关二线',
      substation_id: ids.s,
      substation_name: '城关110kV变电站',
    });
  });

  it('has no path for a customer not yet placed on the network', async () => {
    const id = newId();
    await database.db
      .insertInto('customers')
      .values({
        id,
        account_no: `${org.suffix}x`,
        name: '未挂接',
        customer_class: 'resident',
        org_id: org.units.station1!.id,
        province_id: org.units.county1!.provinceId!,
      })
      .execute();
    expect(await pathOfCustomer(database.db, id)).toBeUndefined();
  });

  it.each([
    ['substation', 's', 6],
    ['feeder', 'f1', 4],
    ['feeder', 'f2', 2],
    ['transformer', 't1', 3],
    ['transformer', 't2', 1],
  ] as const)('counts the customers under a %s', async (kind, key, expected) => {
    const r = await customersUnder(database.db, kind, ids[key], { page: 1, pageSize: 200 });
    expect(r.total).toBe(expected);
    expect(r.rows).toHaveLength(expected);
  });

  it('pages customers in account order', async () => {
    const first = await customersUnder(database.db, 'substation', ids.s, { page: 1, pageSize: 4 });
    const second = await customersUnder(database.db, 'substation', ids.s, { page: 2, pageSize: 4 });
    expect(first.rows).toHaveLength(4);
    expect(second.rows).toHaveLength(2);
    const all = [...first.rows, ...second.rows].map((r) => r.account_no);
    expect(all).toEqual([...all].sort());
    expect(first.total).toBe(6);
  });

  it('lists the next level down with customer counts, empty branches included', async () => {
    const feeders = await childrenOf(database.db, 'substation', ids.s);
    expect(feeders.map((f) => [f.name, f.customers])).toEqual([
      ['10kV城关一线', 4],
      ['10kV城关二线', 2],
    ]);
    const transformers = await childrenOf(database.db, 'feeder', ids.f1);
    expect(transformers.map((t) => [t.name, t.customers])).toEqual([
      ['T1台区', 3],
      ['T2台区', 1],
    ]);
    expect(await childrenOf(database.db, 'feeder', newId())).toEqual([]);
  });

  it('reads a node with its owning unit for scope checks', async () => {
    const node = await getNode(database.db, 'transformer', ids.t2);
    expect(node).toMatchObject({
      kind: 'transformer',
      name: 'T2台区',
      org_id: org.units.station1!.id,
    });
    expect(node!.unit_path).toBe(org.units.station1!.path);
    expect(await getNode(database.db, 'feeder', ids.t2)).toBeUndefined();
  });
});
