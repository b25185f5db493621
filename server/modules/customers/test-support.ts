/**
 * Test support: a small supply network and a handful of customers with known phones, names,
 * addresses and marks, placed in a fresh test organisation (server/db/test-helpers.ts buildOrg).
 * County 1 and county 2 each get a substation → 2 feeders → 2 transformers each.
 */
import type { Database } from '../../db/database.js';
import type { TestOrg } from '../../db/test-helpers.js';
import { newId } from '../../platform/ids.js';
import type { CustomerRecord } from './record.js';
import { insertCustomersBulk } from './store/bulk-insert.js';

export interface TestNetwork {
  substations: Record<'c1' | 'c2', string>;
  feeders: Record<'c1f1' | 'c1f2' | 'c2f1' | 'c2f2', string>;
  transformers: Record<
    'c1t1' | 'c1t2' | 'c1t3' | 'c1t4' | 'c2t1' | 'c2t2' | 'c2t3' | 'c2t4',
    string
  >;
}

export async function buildNetwork(database: Database, org: TestOrg): Promise<TestNetwork> {
  const db = database.db;
  const net = { substations: {}, feeders: {}, transformers: {} } as TestNetwork;
  for (const c of ['1', '2'] as const) {
    const county = org.units[`county${c}`]!;
    const station = org.units[`station${c}`]!;
    const province = county.provinceId!;
    const subId = newId();
    net.substations[`c${c}`] = subId;
    const code = `${org.suffix}-C${c}`;
    await db
      .insertInto('grid_substations')
      .values({
        id: subId,
        code: `${code}-S1`,
        name: c === '1' ? '一县城关110kV变电站' : '二县35kV变电站',
        voltage_kv: c === '1' ? 110 : 35,
        area_class: c === '1' ? 'urban' : 'rural',
        lat: 28.5,
        lng: 115.9,
        org_id: county.id,
        province_id: province,
      })
      .execute();
    for (const f of ['1', '2'] as const) {
      const feederId = newId();
      net.feeders[`c${c}f${f}`] = feederId;
      await db
        .insertInto('grid_feeders')
        .values({
          id: feederId,
          substation_id: subId,
          code: `${code}-F${f}`,
          name: `10kV${c === '1' ? '城关' : '河口'}${f === '1' ? '一' : '二'}线`,
          voltage_kv: 10,
          area_class: c === '1' ? 'urban' : 'rural',
          org_id: county.id,
          province_id: province,
        })
        .execute();
      for (const t of f === '1' ? (['1', '2'] as const) : (['3', '4'] as const)) {
        const tId = newId();
        net.transformers[`c${c}t${t}`] = tId;
        await db
          .insertInto('grid_transformers')
          .values({
            id: tId,
            feeder_id: feederId,
            code: `${code}-T${t}`,
            name: `${c === '1' ? '城关' : '河口'}#${t}台区`,
            capacity_kva: 400,
            area_class: c === '1' ? 'urban' : 'rural',
            lat: 28.5,
            lng: 115.9,
            org_id: station.id,
            province_id: province,
          })
          .execute();
      }
    }
  }
  return net;
}

let accountSeq = 0;
/** A fresh 户号 that no other test uses (unique within the province anyway). */
export function testAccountNo(): string {
  accountSeq += 1;
  return `${Date.now() % 1e9}`.padStart(9, '0') + String(accountSeq % 10_000).padStart(4, '0');
}

/** A complete customer record with plain defaults; override what a test cares about. */
export function customerRecord(
  org: TestOrg,
  over: Partial<CustomerRecord> & { county?: '1' | '2' } = {},
): CustomerRecord {
  const station = org.units[`station${over.county ?? '1'}`]!;
  const rest = { ...over };
  delete rest.county;
  return {
    id: newId(),
    accountNo: testAccountNo(),
    name: '张三',
    customerClass: 'resident',
    industry: 'resident_life',
    voltageLevel: 'v220',
    tariffCategory: 'resident',
    idType: 'id_card',
    idNo: '360102199001011234',
    address: { city: '甲市', county: '一县', street: '人民路', detail: '阳光小区3栋2单元501室' },
    lat: 28.6,
    lng: 115.9,
    email: null,
    wechatId: null,
    meterNo: null,
    annualKwh: 2400,
    important: false,
    highRisk: false,
    sensitive: false,
    sensitiveReason: null,
    vip: false,
    arrearsFen: 0,
    arrearsSince: null,
    consentMessages: true,
    orgId: station.id,
    provinceId: station.provinceId!,
    transformerId: null,
    phones: [],
    ...rest,
  };
}

/** Writes customers through the bulk path and returns their ids in order. */
export async function addCustomers(
  database: Database,
  records: CustomerRecord[],
): Promise<string[]> {
  await insertCustomersBulk(database.db, records);
  return records.map((r) => r.id);
}
