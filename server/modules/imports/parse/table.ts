import { parse as parseCsv } from 'csv-parse/sync';
import type { Cell } from './cells.js';
import { readXlsxRows } from './xlsx-reader.js';

export type FileFormat = 'csv' | 'xlsx';

/** One data row: its number as a spreadsheet shows it (the header is row 1) and its cells. */
export interface RawRow {
  row: number;
  cells: Cell[];
}

export interface Table {
  header: string[];
  rows: AsyncGenerator<RawRow>;
}

/** The file cannot be read as a table at all; the message says why, in Chinese. */
export class TableError extends Error {}

/** The most data rows one file may hold. */
export const MAX_ROWS = 300_000;
/** Columns past this are ignored (an extract may carry many we do not use). */
const MAX_COLUMNS = 200;

/** The format by the file name, or null when it is neither CSV nor .xlsx. */
export function formatOf(fileName: string): FileFormat | null {
  const m = /\.(csv|xlsx)$/i.exec(fileName.trim());
  return m ? (m[1]!.toLowerCase() as FileFormat) : null;
}

/** Whether the bytes look like the format claims: .xlsx is a ZIP archive, CSV is not binary. */
export function looksLike(content: Buffer, format: FileFormat): boolean {
  if (format === 'xlsx')
    return content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const head = content.subarray(0, 4096);
  return !head.includes(0) && !head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}

/**
 * CSV text: UTF-8 (with or without BOM); bytes that are not valid UTF-8 are read as GBK, which
 * is what Excel in China saves by default.
 */
export function decodeCsv(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    try {
      return new TextDecoder('gbk', { fatal: true }).decode(content);
    } catch {
      throw new TableError('文件既不是 UTF-8 也不是 GBK 编码的文本');
    }
  }
}

const isEmpty = (cells: Cell[]) => cells.every((c) => c === null || c === '');

/** Opens the file: the header (the first non-empty row) and the data rows after it. */
export async function openTable(content: Buffer, format: FileFormat): Promise<Table> {
  const all = format === 'csv' ? csvRows(content) : xlsxRows(content);
  let first: IteratorResult<RawRow>;
  do first = await next(all);
  while (!first.done && isEmpty(first.value.cells));
  if (first.done) throw new TableError('文件中没有表头行');
  const header = first.value.cells
    .slice(0, MAX_COLUMNS)
    .map((c) => (typeof c === 'string' ? c : c === null ? '' : String(c as string | number)));
  async function* rows(): AsyncGenerator<RawRow> {
    let n = 0;
    for (;;) {
      const r = await next(all);
      if (r.done) return;
      if (isEmpty(r.value.cells)) continue;
      n += 1;
      if (n > MAX_ROWS) throw new TableError(`文件超过 ${MAX_ROWS} 行，请拆分后分批导入`);
      yield r.value;
    }
  }
  return { header, rows: rows() };
}

async function next(it: AsyncGenerator<RawRow>): Promise<IteratorResult<RawRow>> {
  try {
    return await it.next();
  } catch (e) {
    if (e instanceof TableError) throw e;
    throw new TableError(
      `文件无法读取：${e instanceof Error ? e.message.slice(0, 200) : '格式错误'}`,
    );
  }
}

// eslint-disable-next-line @typescript-eslint/require-await
async function* csvRows(content: Buffer): AsyncGenerator<RawRow> {
  const text = decodeCsv(content).replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    const parsed: unknown = parseCsv(text, {
      delimiter: [',', '\t'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: 1_000_000,
    });
    records = parsed as string[][];
  } catch (e) {
    throw new TableError(`CSV 格式错误：${e instanceof Error ? e.message.slice(0, 200) : ''}`);
  }
  for (let i = 0; i < records.length; i++) {
    yield { row: i + 1, cells: records[i]!.slice(0, MAX_COLUMNS) };
  }
}

/** Reads the first worksheet. */
async function* xlsxRows(content: Buffer): AsyncGenerator<RawRow> {
  yield* readXlsxRows(content, MAX_COLUMNS);
}
