import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readBool, readDate, readNumber, readYuanAsFen, cellText } from './parse/cells.js';
import { mapHeader, CUSTOMER_COLUMNS } from './parse/columns.js';
import { readPhones } from './parse/customer-row.js';
import { decodeCsv, openTable, TableError } from './parse/table.js';

const value = <T>(r: { ok: true; value: T } | { ok: false; code: string }) =>
  r.ok ? r.value : r.code;

describe('cells', () => {
  it('reads yuan as fen, refusing a third decimal and negatives', () => {
    expect(value(readYuanAsFen('12.5'))).toBe(1250);
    expect(value(readYuanAsFen('¥1,234.56'))).toBe(123456);
    expect(value(readYuanAsFen(8.8))).toBe(880);
    expect(value(readYuanAsFen(''))).toBe(0);
    expect(value(readYuanAsFen('1.234'))).toBe('BAD_AMOUNT');
    expect(value(readYuanAsFen('-1'))).toBe('BAD_AMOUNT');
    expect(value(readYuanAsFen(0.001))).toBe('BAD_AMOUNT');
  });

  it('reads dates from date cells, Excel serials and the usual spellings', () => {
    expect(value(readDate(new Date(Date.UTC(2026, 0, 31))))).toBe('2026-01-31');
    expect(value(readDate(46000))).toBe('2025-12-09');
    expect(value(readDate('2026/3/1'))).toBe('2026-03-01');
    expect(value(readDate('2026年3月1日'))).toBe('2026-03-01');
    expect(value(readDate('2026-02-30'))).toBe('BAD_DATE');
    expect(value(readDate('yesterday'))).toBe('BAD_DATE');
    expect(value(readDate(1.5))).toBe('BAD_DATE');
    expect(value(readDate(''))).toBe(null);
  });

  it('reads 是/否 and its spellings', () => {
    expect(['是', 'Y', 'yes', 'TRUE', '1', true].map((v) => value(readBool(v, false)))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['否', 'n', '0', false].map((v) => value(readBool(v, true)))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(value(readBool('', true))).toBe(true);
    expect(value(readBool('maybe', true))).toBe('NOT_YES_NO');
  });

  it('keeps every digit of numbers typed as numbers and refuses huge or broken cells', () => {
    expect(value(cellText(3600000000000001))).toBe('3600000000000001');
    expect(value(cellText('x'.repeat(5000)))).toBe('TOO_LONG');
    expect(value(cellText('a\u0000b'))).toBe('BAD_TEXT');
    expect(value(cellText('a\ud800b'))).toBe('BAD_TEXT');
    expect(value(cellText({ error: '#N/A' }))).toBe('CELL_ERROR');
    expect(value(cellText('两行\n地址'))).toBe('两行 地址');
    expect(value(readNumber('1,234', { min: 0, max: 2000, integer: true }))).toBe(1234);
    expect(value(readNumber('1e400', { min: 0, max: 2000 }))).toBe('BAD_NUMBER');
  });

  it('splits, normalises and labels phones', () => {
    expect(value(readPhones('+86 138-1234-5678；0791-86123456，13812345678'))).toEqual([
      { phone: '13812345678', label: 'mobile' },
      { phone: '079186123456', label: 'home' },
    ]);
    expect(value(readPhones('12345'))).toBe('BAD_PHONE');
  });

  it('finds columns by Chinese header or English key, in any order and spacing', () => {
    const m = mapHeader(CUSTOMER_COLUMNS, [
      '\uFEFF户 号',
      'name',
      '欠费金额（元）',
      '客户分类',
      '地市',
      '区县',
      'unitCode',
      '户名',
    ]);
    expect(m.index.get('accountNo')).toBe(0);
    expect(m.index.get('arrears')).toBe(2);
    expect(m.missing).toEqual([]);
    expect(m.duplicate).toEqual(['户名']);
  });
});

describe('files', () => {
  it('decodes UTF-8 and falls back to GBK', () => {
    expect(decodeCsv(Buffer.from('户号', 'utf8'))).toBe('户号');
    expect(decodeCsv(Buffer.from([0xbb, 0xa7, 0xba, 0xc5]))).toBe('户号');
  });

  it('reads an .xlsx: shared, rich and inline strings, dates, booleans, errors, formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    // Only the first sheet is read.
    wb.addWorksheet('说明').addRow(['not this sheet']);
    ws.addRow(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    ws.addRow([
      { richText: [{ text: '富' }, { text: '文本 & <x>' }] },
      new Date(Date.UTC(2026, 4, 6)),
      true,
      { error: '#N/A' },
      { formula: '1+1', result: 2 },
      { formula: '1+1' },
      3600000000000001,
    ]);
    ws.addRow([]);
    ws.getCell('C4').value = 'sparse';
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const t = await openTable(buf, 'xlsx');
    expect(t.header).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    const rows = [];
    for await (const r of t.rows) rows.push(r);
    expect(rows[0]).toEqual({
      row: 2,
      cells: [
        '富文本 & <x>',
        new Date(Date.UTC(2026, 4, 6)),
        true,
        { error: '#N/A' },
        2,
        { error: '公式无计算结果' },
        3600000000000001,
      ],
    });
    expect(rows[1]).toEqual({ row: 4, cells: [null, null, 'sparse'] });
  });

  it('refuses what is not a table', async () => {
    await expect(openTable(Buffer.from('PK\x03\x04 broken'), 'xlsx')).rejects.toBeInstanceOf(
      TableError,
    );
    await expect(openTable(Buffer.from('\n\n'), 'csv')).rejects.toBeInstanceOf(TableError);
    await expect(
      openTable(Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x81]), 'csv'),
    ).rejects.toBeInstanceOf(TableError);
  });
});
