/**
 * Test support for imports: multipart uploads through the real app, customer and network sheets
 * as CSV or .xlsx, and a shortcut that uploads a file and runs its job.
 */
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { DataImport } from '../../../common/schemas/imports.js';
import type { Client, TestApp, TestOrg } from '../../db/test-helpers.js';
import { testAccountNo } from '../customers/test-support.js';
import { runImport } from './service/run-import.js';

export type Sheet = (
  string | number | boolean | Date | null | { formula: string; result?: unknown }
)[][];

/** A multipart/form-data body with fields first, then the file. */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; data: Buffer },
): { payload: Buffer; contentType: string } {
  const boundary = `----lx${crypto.randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Sends an upload as the signed-in client. */
export function upload(
  t: TestApp,
  client: Client,
  fields: Record<string, string>,
  file?: { name: string; data: Buffer },
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url: '/api/imports',
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      cookie: client.cookie!,
      'x-csrf-token': client.csrf!,
      ...headers,
    },
  });
}

export function csv(rows: Sheet): Buffer {
  const cell = (v: Sheet[number][number]) => {
    const s =
      v === null
        ? ''
        : v instanceof Date
          ? v.toISOString().slice(0, 10)
          : typeof v === 'object'
            ? typeof v.result === 'string'
              ? v.result
              : ''
            : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`, 'utf8');
}

export async function xlsx(rows: Sheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const CUSTOMER_HEADER = [
  '户号',
  '户名',
  '客户分类',
  '行业分类',
  '电压等级',
  '电价类别',
  '证件号码',
  '地市',
  '区县',
  '街道',
  '详细地址',
  '联系电话',
  '供电单位编码',
  '台区编码',
  '重要客户',
  '敏感客户',
  '敏感原因',
  '欠费金额(元)',
  '欠费日期',
];

/** A good customer row under station 1 or 2 (county 1 or 2), on that county's first transformer. */
export function customerRow(
  org: TestOrg,
  over: Partial<Record<string, Sheet[number][number]>> = {},
  county: '1' | '2' = '1',
) {
  const base: Record<string, Sheet[number][number]> = {
    户号: testAccountNo(),
    户名: '李四',
    客户分类: '居民',
    行业分类: '',
    电压等级: '',
    电价类别: '',
    证件号码: '360102199001011234',
    地市: '甲市',
    区县: county === '1' ? '一县' : '二县',
    街道: '人民路',
    详细地址: '幸福小区1栋101室',
    联系电话: '13812345678；0791-86123456',
    供电单位编码: org.units[`station${county}`]!.code,
    台区编码: `${org.suffix}-C${county}-T1`,
    重要客户: '否',
    敏感客户: '否',
    敏感原因: '',
    '欠费金额(元)': '12.50',
    欠费日期: '2026-10-01',
  };
  const row = { ...base, ...over };
  return CUSTOMER_HEADER.map((h) => row[h] ?? null);
}

/** Uploads a file, runs its job, and returns the import as the API then shows it. */
export async function importFile(
  t: TestApp,
  client: Client,
  fields: { kind: string; mode: string },
  file: { name: string; data: Buffer },
): Promise<DataImport> {
  const res = await upload(t, client, fields, file);
  if (res.statusCode !== 202) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  const { id } = res.json<DataImport>();
  await runImport({ database: t.database, importId: id });
  return (await client.get(`/api/imports/${id}`)).json<DataImport>();
}
