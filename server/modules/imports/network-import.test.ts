/** Network imports: substation → feeder → transformer, updates, parents and scope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, login, testApp, type Client, type TestOrg } from '../../db/test-helpers.js';
import { buildNetwork, type TestNetwork } from '../customers/test-support.js';
import { csv, importFile, xlsx } from './test-support.js';

const t = await testApp();
let org: TestOrg;
let net: TestNetwork;
let admin: Client;

beforeAll(async () => {
  org = await buildOrg(t.database);
  net = await buildNetwork(t.database, org);
  admin = await login(t.app, org.users.provadmin!.username);
});
afterAll(() => t.close());

const db = () => t.database.db;

describe('network imports', () => {
  const HEADER = [
    '类型',
    '编码',
    '名称',
    '上级编码',
    '电压等级(kV)',
    '容量(kVA)',
    '区域类别',
    '经度',
    '纬度',
    '供电单位编码',
  ];

  it('builds substation → feeder → transformer (children before parents in the file), and a second import updates', async () => {
    const s = `N${org.suffix}`;
    const unit = org.units.county1!.code;
    const station = org.units.station1!.code;
    const rows = [
      ['台区', `${s}-T1`, '新村#1台区', `${s}-F1`, '', 315, '农村', 115.1, 28.1, station],
      ['线路', `${s}-F1`, '10kV新村线', `${s}-S1`, '', '', '农村', '', '', unit],
      ['变电站', `${s}-S1`, '新村35kV变电站', '', 35, '', '农村', 115, 28, unit],
      [
        '台区',
        `${s}-T2`,
        '旧村#2台区',
        `${org.suffix}-C1-F2`,
        '',
        200,
        '特殊边远',
        '',
        '',
        station,
      ],
    ];
    const imp = await importFile(
      t,
      admin,
      { kind: 'network', mode: 'all_or_nothing' },
      { name: 'net.xlsx', data: await xlsx([HEADER, ...rows]) },
    );
    expect(imp).toMatchObject({ status: 'succeeded', totalRows: 4, importedRows: 4, errorRows: 0 });
    const sub = await db()
      .selectFrom('grid_substations')
      .selectAll()
      .where('code', '=', `${s}-S1`)
      .executeTakeFirstOrThrow();
    const feeder = await db()
      .selectFrom('grid_feeders')
      .selectAll()
      .where('code', '=', `${s}-F1`)
      .executeTakeFirstOrThrow();
    const t1 = await db()
      .selectFrom('grid_transformers')
      .selectAll()
      .where('code', '=', `${s}-T1`)
      .executeTakeFirstOrThrow();
    const t2 = await db()
      .selectFrom('grid_transformers')
      .selectAll()
      .where('code', '=', `${s}-T2`)
      .executeTakeFirstOrThrow();
    expect(sub).toMatchObject({
      voltage_kv: 35,
      area_class: 'rural',
      org_id: org.units.county1!.id,
    });
    expect(feeder).toMatchObject({ substation_id: sub.id, voltage_kv: 10 });
    expect(t1).toMatchObject({
      feeder_id: feeder.id,
      capacity_kva: 315,
      org_id: org.units.station1!.id,
    });
    expect(t2).toMatchObject({ feeder_id: net.feeders.c1f2, area_class: 'remote' });

    const again = await importFile(
      t,
      admin,
      { kind: 'network', mode: 'all_or_nothing' },
      {
        name: 'net2.csv',
        data: csv([
          HEADER,
          ['台区', `${s}-T1`, '新村#1台区（增容）', `${s}-F1`, '', 630, '城区', '', '', station],
        ]),
      },
    );
    expect(again).toMatchObject({ status: 'succeeded', importedRows: 1 });
    const t1b = await db()
      .selectFrom('grid_transformers')
      .selectAll()
      .where('code', '=', `${s}-T1`)
      .executeTakeFirstOrThrow();
    expect(t1b).toMatchObject({
      id: t1.id,
      capacity_kva: 630,
      area_class: 'urban',
      version: 2,
      name: '新村#1台区（增容）',
    });
  });

  it('reports missing parents, bad parent rows and rows out of scope', async () => {
    const s = `M${org.suffix}`;
    const county1 = await login(t.app, org.users.county1admin!.username);
    const rows = [
      ['变电站', `${s}-S1`, '坏站', '', '', '', '城区', '', '', org.units.county1!.code],
      ['线路', `${s}-F1`, '坏站下的线', `${s}-S1`, 10, '', '城区', '', '', org.units.county1!.code],
      [
        '台区',
        `${s}-T1`,
        '孤儿台区',
        `${s}-NOPE`,
        '',
        100,
        '城区',
        '',
        '',
        org.units.station1!.code,
      ],
      ['变电站', `${s}-S2`, '别县站', '', 110, '', '城区', '', '', org.units.county2!.code],
      [
        '线路',
        `${org.suffix}-C2-F1`,
        '改别县线',
        `${org.suffix}-C2-S1`,
        10,
        '',
        '城区',
        '',
        '',
        org.units.county1!.code,
      ],
    ];
    const imp = await importFile(
      t,
      county1,
      { kind: 'network', mode: 'good_rows' },
      { name: 'bad-net.csv', data: csv([HEADER, ...rows]) },
    );
    expect(imp).toMatchObject({ status: 'succeeded', importedRows: 0, errorRows: 5 });
    expect(imp.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '电压等级(kV)', 'REQUIRED'],
      [3, '上级编码', 'PARENT_INVALID'],
      [4, '上级编码', 'PARENT_NOT_FOUND'],
      [5, '供电单位编码', 'OUT_OF_SCOPE'],
      [6, '编码', 'NODE_OUT_OF_SCOPE'],
    ]);
  });
});
