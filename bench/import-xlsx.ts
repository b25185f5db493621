/**
 * Benchmark: importing a 100,000-row customer .xlsx (deterministic, generated here) through the
 * import job, into a fresh test organisation with its small network. Prints JSON lines.
 *   DATABASE_URL=postgres://… npx tsx bench/import-xlsx.ts       (PostgreSQL, the target)
 *   npx tsx bench/import-xlsx.ts --rows 20000                     (in-memory PGlite)
 *   … --save /tmp/customers.xlsx                                  (keep the generated file)
 * Target (issue 4, item 6): 100,000 rows in under 60 s on PostgreSQL.
 */
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { buildOrg, type TestOrg } from '../server/db/test-helpers.js';
import { buildNetwork } from '../server/modules/customers/test-support.js';
import { CUSTOMER_COLUMNS, runImport } from '../server/modules/imports/index.js';
import { newId } from '../server/platform/ids.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '7' },
    /** Also write the generated file here (to open it in Excel, or to profile the reader). */
    save: { type: 'string' },
  },
});
const ROWS = Number(values.rows);

/** A small seeded generator (mulberry32), so every run imports the same file. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强红梅海燕玉兰';
const STREETS = [
  '人民路',
  '中山路',
  '解放路',
  '建设路',
  '胜利街',
  '北京路',
  '八一大道',
  '青山湖大道',
  '阳明路',
  '象山路',
];
const ESTATES = [
  '阳光小区',
  '幸福家园',
  '锦绣花园',
  '翠苑',
  '金色家园',
  '滨江花园',
  '丽景湾',
  '怡园',
];

/** The rows of the file as the template's columns expect them. */
function* customerRows(org: TestOrg, rnd: () => number, n: number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const base = 3_600_000_000_000 + Math.floor(rnd() * 1e9) * 1000;
  for (let i = 0; i < n; i++) {
    const county = rnd() < 0.5 ? '1' : '2';
    const resident = rnd() < 0.9;
    const name = pick([...SURNAMES]) + pick([...GIVEN]) + (rnd() < 0.5 ? pick([...GIVEN]) : '');
    const mobile = `1${pick(['3', '5', '8'])}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
    const phones =
      rnd() < 0.3 ? `${mobile};0791-8${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}` : mobile;
    const arrears = rnd() < 0.05 ? (Math.floor(rnd() * 50000) / 100).toFixed(2) : '';
    const sensitive = rnd() < 0.01;
    const row: Record<string, string | number> = {
      accountNo: String(base + i),
      name: resident ? name : `${name.slice(0, 2)}商贸有限公司`,
      customerClass: resident ? '居民' : '非居民',
      industry: resident ? '' : '批发和零售业',
      voltageLevel: resident ? '' : '交流380V',
      tariffCategory: resident ? '' : '一般工商业用电',
      idType: resident ? '居民身份证' : '统一社会信用代码',
      idNo: resident
        ? `36010219${String(60 + Math.floor(rnd() * 40))}0101${String(1000 + (i % 9000))}`
        : `91360100MA${String(i).padStart(8, '0')}`,
      city: '甲市',
      county: county === '1' ? '一县' : '二县',
      street: pick(STREETS),
      detail: `${pick(ESTATES)}${1 + Math.floor(rnd() * 30)}栋${1 + Math.floor(rnd() * 4)}单元${100 + Math.floor(rnd() * 2000)}室`,
      lng: Math.round((115.8 + rnd() * 0.3) * 1e6) / 1e6,
      lat: Math.round((28.6 + rnd() * 0.2) * 1e6) / 1e6,
      phones,
      email: rnd() < 0.2 ? `u${i}@example.com` : '',
      wechatId: '',
      meterNo: `333${String(i).padStart(13, '0')}`,
      annualKwh: Math.floor(rnd() * (resident ? 6000 : 200000)),
      unitCode: org.units[`station${county}`]!.code,
      transformerCode: `${org.suffix}-C${county}-T${1 + Math.floor(rnd() * 4)}`,
      important: rnd() < 0.01 ? '是' : '否',
      highRisk: '否',
      sensitive: sensitive ? '是' : '否',
      sensitiveReason: sensitive ? '多次投诉' : '',
      vip: '否',
      arrears,
      arrearsSince: arrears ? '2026-09-01' : '',
      consentMessages: '是',
    };
    yield CUSTOMER_COLUMNS.map((c) => row[c.key] ?? '');
  }
}

/** Writes the workbook with exceljs's streaming writer (shared strings, as Excel saves them). */
async function buildXlsx(org: TestOrg, n: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('客户档案');
  ws.addRow(CUSTOMER_COLUMNS.map((c) => c.header)).commit();
  for (const r of customerRows(org, random(Number(values.seed)), n)) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

async function main() {
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 5 });
  try {
    await migrateToLatest(database.db);
    const org = await buildOrg(database);
    await buildNetwork(database, org);
    const t0 = performance.now();
    const file = await buildXlsx(org, ROWS);
    const generateSeconds = (performance.now() - t0) / 1000;
    if (values.save) fs.writeFileSync(values.save, file);
    const id = newId();
    const admin = org.users.provadmin!;
    await database.db
      .insertInto('data_imports')
      .values({
        id,
        kind: 'customers',
        mode: 'all_or_nothing',
        file_name: 'bench.xlsx',
        file_format: 'xlsx',
        file_size: file.length,
        content: file,
        created_by: admin.id,
        org_id: admin.unitId,
        province_id: org.units.province!.provinceId,
      })
      .execute();
    // Sample the progress as the UI would, to split reading/checking from writing.
    let readDoneAt: number | null = null;
    const started = performance.now();
    const poll = setInterval(() => {
      void database.db
        .selectFrom('data_imports')
        .select(['processed_rows', 'total_rows'])
        .where('id', '=', id)
        .executeTakeFirst()
        .then((r) => {
          if (readDoneAt === null && r && r.total_rows > 0) readDoneAt = performance.now();
        });
    }, 200);
    await runImport({ database, importId: id });
    clearInterval(poll);
    const seconds = (performance.now() - started) / 1000;
    const result = await database.db
      .selectFrom('data_imports')
      .select(['status', 'imported_rows', 'error_rows', 'failure'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    console.log(
      JSON.stringify({
        bench: 'import-xlsx',
        db: database.kind,
        rows: ROWS,
        fileMB: Math.round((file.length / 1024 / 1024) * 100) / 100,
        generateSeconds: Math.round(generateSeconds * 10) / 10,
        seconds: Math.round(seconds * 10) / 10,
        readAndCheckSeconds:
          readDoneAt === null ? null : Math.round(((readDoneAt - started) / 1000) * 10) / 10,
        rowsPerSecond: Math.round(ROWS / seconds),
        status: result.status,
        imported: result.imported_rows,
        errorRows: result.error_rows,
        failure: result.failure,
        target: 'under 60 s on PostgreSQL',
      }),
    );
  } finally {
    await database.close();
  }
}

await main();
