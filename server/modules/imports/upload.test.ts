/** The upload route: 202 and idempotency, refused files, multipart only, GBK CSV, templates. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataImport } from '../../../common/schemas/imports.js';
import { buildOrg, login, testApp, type Client, type TestOrg } from '../../db/test-helpers.js';
import { buildNetwork, testAccountNo } from '../customers/test-support.js';
import { runImport } from './service/run-import.js';
import { CUSTOMER_HEADER, csv, customerRow, importFile, upload } from './test-support.js';

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

async function customersByAccount(accounts: string[]) {
  return db().selectFrom('customers').selectAll().where('account_no', 'in', accounts).execute();
}

describe('the upload', () => {
  const good = () => ({ name: 'ok.csv', data: csv([CUSTOMER_HEADER, customerRow(org)]) });

  it('answers 202 with the queued import; an Idempotency-Key replays it', async () => {
    const file = good();
    const first = await upload(t, admin, { kind: 'customers', mode: 'good_rows' }, file, {
      'idempotency-key': `k-${org.suffix}`,
    });
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({
      status: 'queued',
      phase: 'queued',
      kind: 'customers',
      mode: 'good_rows',
      fileName: 'ok.csv',
      createdBy: org.users.provadmin!.username,
    });
    const again = await upload(t, admin, { kind: 'customers', mode: 'good_rows' }, file, {
      'idempotency-key': `k-${org.suffix}`,
    });
    expect(again.json<DataImport>().id).toBe(first.json<DataImport>().id);
    await runImport({ database: t.database, importId: first.json<DataImport>().id });
    // A second run of a finished import changes nothing.
    await runImport({ database: t.database, importId: first.json<DataImport>().id });
    expect((await admin.get(`/api/imports/${first.json<DataImport>().id}`)).json()).toMatchObject({
      status: 'succeeded',
      importedRows: 1,
    });
  });

  it('refuses files that are not CSV or .xlsx, empty files, and files without the required columns', async () => {
    const cases: [Record<string, string>, { name: string; data: Buffer } | undefined, string][] = [
      [
        { kind: 'customers', mode: 'good_rows' },
        { name: 'x.txt', data: Buffer.from('户号\n1') },
        'IMPORT_FILE_INVALID',
      ],
      [
        { kind: 'customers', mode: 'good_rows' },
        { name: 'x.csv', data: Buffer.alloc(0) },
        'IMPORT_FILE_INVALID',
      ],
      [
        { kind: 'customers', mode: 'good_rows' },
        { name: 'x.xlsx', data: Buffer.from('not a zip') },
        'IMPORT_FILE_INVALID',
      ],
      [
        { kind: 'customers', mode: 'good_rows' },
        { name: 'x.xlsx', data: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]) },
        'IMPORT_FILE_INVALID',
      ],
      [
        { kind: 'customers', mode: 'good_rows' },
        {
          name: 'x.csv',
          data: csv([
            ['户号', '户名'],
            ['3600000000001', '张'],
          ]),
        },
        'IMPORT_FILE_INVALID',
      ],
      [{ kind: 'network', mode: 'good_rows' }, good(), 'IMPORT_FILE_INVALID'],
      [{ kind: 'customers', mode: 'good_rows' }, undefined, 'VALIDATION_FAILED'],
      [{ kind: 'people', mode: 'good_rows' }, good(), 'VALIDATION_FAILED'],
      [{ kind: 'customers', mode: 'good_rows', extra: '1' }, good(), 'VALIDATION_FAILED'],
    ];
    for (const [fields, file, code] of cases) {
      const res = await upload(t, admin, fields, file);
      expect(res.statusCode, `${JSON.stringify(fields)} ${file?.name}`).toBe(400);
      expect(res.json(), file?.name).toMatchObject({ error: { code } });
    }
    const missing = await upload(
      t,
      admin,
      { kind: 'customers', mode: 'good_rows' },
      {
        name: 'x.csv',
        data: csv([
          ['户号', '户名'],
          ['3600000000001', '张'],
        ]),
      },
    );
    expect(missing.json()).toMatchObject({
      error: { details: { missingColumns: ['客户分类', '地市', '区县', '供电单位编码'] } },
    });
  });

  it('takes multipart only: JSON gets 415, a body past 50 MB gets 413', async () => {
    const json = await admin.post('/api/imports', { kind: 'customers', mode: 'good_rows' });
    expect(json.statusCode).toBe(415);
    const big = await upload(
      t,
      admin,
      { kind: 'customers', mode: 'good_rows' },
      { name: 'big.csv', data: Buffer.alloc(50 * 1024 * 1024 + 10, 0x41) },
    );
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('reads GBK CSV (as Excel in China saves it) and English headers', async () => {
    const a = testAccountNo();
    const text = `accountNo,name,customerClass,city,county,unitCode,phones\r\n${a},陈七,居民,甲市,一县,${org.units.station1!.code},13900001111\r\n`;
    const gbk = Buffer.from(new Uint8Array(encodeGbk(text)));
    const imp = await importFile(
      t,
      admin,
      { kind: 'customers', mode: 'all_or_nothing' },
      { name: 'gbk.csv', data: gbk },
    );
    expect(imp).toMatchObject({ status: 'succeeded', importedRows: 1 });
    expect((await customersByAccount([a]))[0]).toMatchObject({ name: '陈七', addr_county: '一县' });
  });

  it('serves templates that the importer reads back (headers and example row)', async () => {
    for (const kind of ['customers', 'network']) {
      const res = await admin.get(`/api/imports/templates/${kind}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
      expect(header[0]).toBe(kind === 'customers' ? '户号' : '类型');
      expect(wb.worksheets[0]!.rowCount).toBeGreaterThan(1);
    }
    expect((await admin.get('/api/imports/templates/people')).statusCode).toBe(400);
  });
});

/** The few GBK bytes the test needs, without an encoder library: through a reverse table. */
function encodeGbk(s: string): number[] {
  const decoder = new TextDecoder('gbk');
  const out: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    let found = false;
    for (let hi = 0x81; hi <= 0xfe && !found; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (decoder.decode(new Uint8Array([hi, lo])) === ch) {
          out.push(hi, lo);
          found = true;
          break;
        }
      }
    }
    if (!found) throw new Error(`no GBK for ${ch}`);
  }
  return out;
}
