/** Customer imports: good files (CSV and .xlsx), updates, all-or-nothing, good rows only, scope, permission. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataImportList } from '../../../common/schemas/imports.js';
import {
  auditRowsFor,
  buildOrg,
  login,
  testApp,
  type Client,
  type TestOrg,
} from '../../db/test-helpers.js';
import { buildNetwork, testAccountNo, type TestNetwork } from '../customers/test-support.js';
import { CUSTOMER_HEADER, csv, customerRow, importFile, upload, xlsx } from './test-support.js';

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
/** The 户号 of a sheet row (its first cell). */
const acct = (row: readonly unknown[]) =>
  typeof row[0] === 'string' || typeof row[0] === 'number' ? String(row[0]) : '';

async function customersByAccount(accounts: string[]) {
  return db().selectFrom('customers').selectAll().where('account_no', 'in', accounts).execute();
}

describe('customer imports', () => {
  it('a good CSV imports every row with its phones, transformer and a history row', async () => {
    const rows = [
      customerRow(org),
      customerRow(org, {
        客户分类: 'non_resident',
        行业分类: '制造业',
        电压等级: 'kv10',
        电价类别: '一般工商业用电',
      }),
    ];
    const accounts = rows.map((r) => acct(r));
    const imp = await importFile(
      t,
      admin,
      { kind: 'customers', mode: 'all_or_nothing' },
      {
        name: '客户.csv',
        data: csv([CUSTOMER_HEADER, ...rows]),
      },
    );
    expect(imp).toMatchObject({
      status: 'succeeded',
      totalRows: 2,
      importedRows: 2,
      errorRows: 0,
      phase: 'finished',
      fileFormat: 'csv',
    });
    const saved = await customersByAccount(accounts);
    expect(saved).toHaveLength(2);
    const first = saved.find((c) => c.account_no === accounts[0])!;
    expect(first).toMatchObject({
      name: '李四',
      customer_class: 'resident',
      industry: 'resident_life',
      transformer_id: net.transformers.c1t1,
      org_id: org.units.station1!.id,
      arrears_fen: 1250,
      arrears_since: '2026-10-01',
      id_type: 'id_card',
    });
    const second = saved.find((c) => c.account_no === accounts[1])!;
    expect(second).toMatchObject({
      customer_class: 'non_resident',
      industry: 'manufacturing',
      voltage_level: 'kv10',
      tariff_category: 'general_commercial',
    });
    const phones = await db()
      .selectFrom('customer_phones')
      .selectAll()
      .where('customer_id', '=', first.id)
      .orderBy('position')
      .execute();
    expect(phones.map((p) => [p.phone, p.label])).toEqual([
      ['13812345678', 'mobile'],
      ['079186123456', 'home'],
    ]);
    const history = await db()
      .selectFrom('customer_history')
      .selectAll()
      .where('customer_id', '=', first.id)
      .execute();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'import', actor_id: org.users.provadmin!.id });
    expect(history[0]!.changes).toMatchObject({
      import: [null, 'created'],
      importId: [null, imp.id],
    });
    const audit = await auditRowsFor(t.database, imp.id);
    expect(audit.map((a) => a.action)).toEqual(['import.create', 'import.run']);
    expect(audit[1]!.after).toMatchObject({ imported: 2, created: 2, updated: 0 });
  });

  it('a good .xlsx imports every row; typed cells (numbers, dates, formulas) are read', async () => {
    const a = testAccountNo();
    const rows = [
      customerRow(org, {
        户号: Number(a),
        欠费日期: new Date(Date.UTC(2026, 2, 5)),
        '欠费金额(元)': 8.8,
      }),
      customerRow(org, { 户名: { formula: '"王"&"五"', result: '王五' }, 欠费日期: 46000 }),
    ];
    const imp = await importFile(
      t,
      admin,
      { kind: 'customers', mode: 'all_or_nothing' },
      {
        name: 'customers.xlsx',
        data: await xlsx([CUSTOMER_HEADER, ...rows]),
      },
    );
    expect(imp, JSON.stringify(imp.errors)).toMatchObject({
      status: 'succeeded',
      totalRows: 2,
      importedRows: 2,
      errors: [],
    });
    const [c] = await customersByAccount([a]);
    expect(c).toMatchObject({ arrears_fen: 880, arrears_since: '2026-03-05' });
    const [w] = await customersByAccount([acct(rows[1]!)]);
    expect(w).toMatchObject({ name: '王五', arrears_since: '2025-12-09' });
  });

  it('a second import of the same 户号 updates the customer (history says updated)', async () => {
    const row = customerRow(org);
    const file = (name: string) => ({
      name: 'again.csv',
      data: csv([CUSTOMER_HEADER, customerRow(org, { 户号: row[0]!, 户名: name })]),
    });
    await importFile(t, admin, { kind: 'customers', mode: 'all_or_nothing' }, file('赵六'));
    const imp = await importFile(
      t,
      admin,
      { kind: 'customers', mode: 'all_or_nothing' },
      file('赵六改'),
    );
    expect(imp.status).toBe('succeeded');
    const [c] = await customersByAccount([acct(row)]);
    expect(c).toMatchObject({ name: '赵六改', version: 2 });
    const history = await db()
      .selectFrom('customer_history')
      .select('changes')
      .where('customer_id', '=', c!.id)
      .orderBy('at')
      .execute();
    expect(history.map((h) => (h.changes as { import: unknown[] }).import[1])).toEqual([
      'created',
      'updated',
    ]);
  });

  it('a bad file in all-or-nothing mode is rejected, writes nothing, and names rows and columns', async () => {
    const good = customerRow(org);
    const dup = customerRow(org);
    const rows = [
      good,
      customerRow(org, { 户号: '12AB', 客户分类: '外星人' }),
      customerRow(org, { 联系电话: '12345', 敏感客户: '是' }),
      customerRow(org, { 供电单位编码: 'NO-SUCH-UNIT' }),
      customerRow(org, { 台区编码: 'NO-SUCH-T' }),
      dup,
      customerRow(org, { 户号: dup[0]! }),
      customerRow(org, { 欠费日期: '2026-02-30', '欠费金额(元)': '1.234' }),
    ];
    const imp = await importFile(
      t,
      admin,
      { kind: 'customers', mode: 'all_or_nothing' },
      {
        name: 'bad.csv',
        data: csv([CUSTOMER_HEADER, ...rows]),
      },
    );
    expect(imp).toMatchObject({ status: 'rejected', totalRows: 8, importedRows: 0, errorRows: 7 });
    expect(await customersByAccount([acct(good)])).toHaveLength(0);
    const at = (row: number, column: string) =>
      imp.errors.filter((e) => e.row === row && e.column === column).map((e) => e.code);
    expect(at(3, '户号')).toEqual(['BAD_ACCOUNT_NO']);
    expect(at(3, '客户分类')).toEqual(['UNKNOWN_VALUE']);
    expect(at(4, '联系电话')).toEqual(['BAD_PHONE']);
    expect(at(4, '敏感原因')).toEqual(['REQUIRED']);
    expect(at(5, '供电单位编码')).toEqual(['UNIT_NOT_FOUND']);
    expect(at(6, '台区编码')).toEqual(['TRANSFORMER_NOT_FOUND']);
    expect(at(7, '户号')).toEqual(['DUPLICATE_IN_FILE']);
    expect(at(8, '户号')).toEqual(['DUPLICATE_IN_FILE']);
    expect(at(9, '欠费日期')).toEqual(['BAD_DATE']);
    expect(at(9, '欠费金额(元)')).toEqual(['BAD_AMOUNT']);
    expect(imp.errors.every((e) => e.message.length > 0)).toBe(true);
    expect(imp.errors.map((e) => e.row)).toEqual(
      [...imp.errors.map((e) => e.row)].sort((a, b) => a - b),
    );
  });

  it('good_rows mode imports the good rows and reports the rest in a downloadable CSV', async () => {
    const good = [customerRow(org), customerRow(org, {}, '2')];
    const bad = customerRow(org, { 户名: '', 经度: 999 });
    const imp = await importFile(
      t,
      admin,
      { kind: 'customers', mode: 'good_rows' },
      {
        name: 'mixed.xlsx',
        data: await xlsx([CUSTOMER_HEADER, good[0]!, bad, good[1]!]),
      },
    );
    expect(imp).toMatchObject({ status: 'succeeded', totalRows: 3, importedRows: 2, errorRows: 1 });
    expect(await customersByAccount(good.map((r) => acct(r)))).toHaveLength(2);
    expect(await customersByAccount([acct(bad)])).toHaveLength(0);
    const report = await admin.get(`/api/imports/${imp.id}/errors`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toMatch(/^text\/csv/);
    expect(report.headers['content-disposition']).toMatch(/^attachment/);
    expect(report.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = report.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('行号,列,错误代码,错误说明');
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^3,户名,REQUIRED,/)]);
  });

  it('a county admin cannot import into the other county: those rows are errors', async () => {
    const county1 = await login(t.app, org.users.county1admin!.username);
    const mine = customerRow(org, {}, '1');
    const theirs = customerRow(org, {}, '2');
    const imp = await importFile(
      t,
      county1,
      { kind: 'customers', mode: 'good_rows' },
      {
        name: 'scope.csv',
        data: csv([CUSTOMER_HEADER, mine, theirs]),
      },
    );
    expect(imp).toMatchObject({ status: 'succeeded', importedRows: 1, errorRows: 1 });
    expect(imp.errors).toEqual([
      expect.objectContaining({ row: 3, column: '供电单位编码', code: 'OUT_OF_SCOPE' }),
    ]);
    // A 户号 that belongs to the other county cannot be taken over either.
    await importFile(
      t,
      admin,
      { kind: 'customers', mode: 'all_or_nothing' },
      { name: 'c2.csv', data: csv([CUSTOMER_HEADER, customerRow(org, {}, '2')]) },
    );
    const other = customerRow(org, {}, '2');
    await importFile(
      t,
      admin,
      { kind: 'customers', mode: 'all_or_nothing' },
      { name: 'c2.csv', data: csv([CUSTOMER_HEADER, other]) },
    );
    const takeover = await importFile(
      t,
      county1,
      { kind: 'customers', mode: 'all_or_nothing' },
      {
        name: 'takeover.csv',
        data: csv([CUSTOMER_HEADER, customerRow(org, { 户号: other[0]!, 台区编码: '' }, '1')]),
      },
    );
    expect(takeover.status).toBe('rejected');
    expect(takeover.errors.map((e) => e.code)).toEqual(['ACCOUNT_OUT_OF_SCOPE']);
    // The county admin's list shows their own imports only; the province admin sees both.
    const list = (await county1.get('/api/imports')).json<DataImportList>();
    expect(list.items.every((i) => i.createdBy === org.users.county1admin!.username)).toBe(true);
    expect((await county1.get(`/api/imports/${takeover.id}`)).statusCode).toBe(200);
    const firstOfAdmin = (await admin.get('/api/imports?pageSize=100'))
      .json<DataImportList>()
      .items.find((i) => i.createdBy !== org.users.county1admin!.username)!;
    expect((await county1.get(`/api/imports/${firstOfAdmin.id}`)).json()).toMatchObject({
      error: { code: 'IMPORT_NOT_FOUND' },
    });
  });

  it('only administrators import: an agent gets 403 on every import route', async () => {
    const agent = await login(t.app, org.users.agent!.username);
    const res = await upload(
      t,
      agent,
      { kind: 'customers', mode: 'all_or_nothing' },
      { name: 'x.csv', data: csv([CUSTOMER_HEADER, customerRow(org)]) },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    for (const url of [
      '/api/imports',
      '/api/imports/templates/customers',
      '/api/exports/customers',
    ]) {
      expect((await agent.get(url)).statusCode, url).toBe(403);
    }
    expect(
      await db()
        .selectFrom('data_imports')
        .select('id')
        .where('created_by', '=', org.users.agent!.id)
        .execute(),
    ).toEqual([]);
  });
});
