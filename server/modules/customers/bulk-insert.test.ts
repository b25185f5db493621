import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { buildOrg, testDatabase, type TestOrg } from '../../db/test-helpers.js';
import { newId } from '../../platform/ids.js';
import { insertCustomersBulk } from './store/bulk-insert.js';
import { buildNetwork, customerRecord, type TestNetwork } from './test-support.js';

let database: Database;
let org: TestOrg;
let net: TestNetwork;

beforeAll(async () => {
  database = await testDatabase();
  org = await buildOrg(database);
  net = await buildNetwork(database, org);
});
afterAll(async () => {
  await database.close();
});

describe('bulk insert of customers', () => {
  it('writes customers, their phones and a searchable vector', async () => {
    const a = customerRecord(org, {
      name: '欧阳晓明',
      transformerId: net.transformers.c1t1,
      phones: [
        { phone: '13912345678', label: 'mobile' },
        { phone: '079186123456', label: 'home' },
      ],
    });
    const b = customerRecord(org, { name: '李四', county: '2' });
    const res = await insertCustomersBulk(database.db, [a, b]);
    expect(res).toMatchObject({ inserted: 2, updated: 0 });
    const phones = await database.db
      .selectFrom('customer_phones')
      .select(['phone', 'label', 'position'])
      .where('customer_id', '=', a.id)
      .orderBy('position')
      .execute();
    expect(phones).toEqual([
      { phone: '13912345678', label: 'mobile', position: 0 },
      { phone: '079186123456', label: 'home', position: 1 },
    ]);
    const hit = await database.db
      .selectFrom('customers')
      .select('id')
      .where(sql<boolean>`search_vec @@ ${"'阳晓':A"}::tsquery`)
      .where('province_id', '=', a.provinceId)
      .execute();
    expect(hit.map((h) => h.id)).toEqual([a.id]);
  });

  it('updates an existing 户号 in place when asked, and fails otherwise', async () => {
    const a = customerRecord(org, { phones: [{ phone: '13700000001', label: 'mobile' }] });
    await insertCustomersBulk(database.db, [a]);
    const again = {
      ...a,
      id: newId(),
      name: '王五',
      phones: [{ phone: '13700000002', label: 'work' as const }],
    };
    await expect(insertCustomersBulk(database.db, [again])).rejects.toThrow();
    const res = await insertCustomersBulk(database.db, [again], { onExisting: 'update' });
    expect(res).toMatchObject({ inserted: 0, updated: 1 });
    expect(res.ids.get(a.accountNo)).toBe(a.id);
    const row = await database.db
      .selectFrom('customers')
      .select(['name', 'version'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: '王五', version: 2 });
    const phones = await database.db
      .selectFrom('customer_phones')
      .select('phone')
      .where('customer_id', '=', a.id)
      .execute();
    expect(phones).toEqual([{ phone: '13700000002' }]);
  });
});
