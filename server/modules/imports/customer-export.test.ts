/** The customer export: .xlsx in scope, masking, filters, audit. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, login, testApp, type Client, type TestOrg } from '../../db/test-helpers.js';
import { buildNetwork } from '../customers/test-support.js';
import { CUSTOMER_HEADER, csv, customerRow, importFile } from './test-support.js';

const t = await testApp();
let org: TestOrg;
let admin: Client;

beforeAll(async () => {
  org = await buildOrg(t.database);
  await buildNetwork(t.database, org);
  admin = await login(t.app, org.users.provadmin!.username);
});
afterAll(() => t.close());

const db = () => t.database.db;
/** The 户号 of a sheet row (its first cell). */
const acct = (row: readonly unknown[]) =>
  typeof row[0] === 'string' || typeof row[0] === 'number' ? String(row[0]) : '';

describe('customer export', () => {
  it('returns an .xlsx of the customers in scope, phones masked for an administrator, and audits it', async () => {
    const rows = [
      customerRow(org, { 重要客户: '是' }),
      customerRow(org, {}, '2'),
      customerRow(org),
    ];
    await importFile(
      t,
      admin,
      { kind: 'customers', mode: 'all_or_nothing' },
      { name: 'for-export.csv', data: csv([CUSTOMER_HEADER, ...rows]) },
    );
    const county1 = await login(t.app, org.users.county1admin!.username);
    const res = await county1.get('/api/exports/customers');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header.slice(0, 3)).toEqual(['户号', '户名', '客户分类']);
    const col = (name: string) => header.indexOf(name) + 1;
    const lines = new Map<string, ExcelJS.Row>();
    ws.eachRow((r, n) => {
      if (n > 1) lines.set(String(r.getCell(1).text), r);
    });
    expect(Number(res.headers['x-total-count'])).toBe(lines.size);
    const mine = lines.get(acct(rows[0]!))!;
    expect(mine).toBeDefined();
    expect(lines.has(acct(rows[1]!))).toBe(false); // county 2 is outside county 1
    expect(mine.getCell(col('联系电话')).value).toBe('138****5678;0791-****3456');
    expect(mine.getCell(col('证件号码')).value).toBe('360102********1234');
    expect(mine.getCell(col('详细地址')).value).toBe('****');
    expect(mine.getCell(col('重要客户')).value).toBe('是');
    expect(mine.getCell(col('供电单位编码')).value).toBe(org.units.station1!.code);

    const important = await county1.get('/api/exports/customers?mark=important');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(important.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.rowCount - 1).toBe(Number(important.headers['x-total-count']));
    expect(Number(important.headers['x-total-count'])).toBeLessThan(lines.size);

    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'customer.export')
      .where('actor_id', '=', org.users.county1admin!.id)
      .orderBy('at')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[1]!.after).toMatchObject({ filter: { mark: 'important' }, masked: true });

    expect(
      (await county1.get(`/api/exports/customers?unitId=${org.units.county2!.id}`)).json(),
    ).toMatchObject({ error: { code: 'OUT_OF_SCOPE' } });
    expect(
      (await county1.get(`/api/exports/customers?segmentId=${org.units.county2!.id}`)).json(),
    ).toMatchObject({ error: { code: 'SEGMENT_NOT_FOUND' } });
    const manager = await login(t.app, org.users.manager!.username);
    expect((await manager.get('/api/exports/customers?customerClass=resident')).statusCode).toBe(
      200,
    );
  });
});
