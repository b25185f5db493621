/**
 * Reading one cell the way people fill spreadsheets: numbers stored as text and text stored as
 * numbers, dates as Excel serials, 是/否 for yes/no, labels in place of codes. Each reader returns
 * the value or a problem (an error code and a Chinese message); nothing here throws.
 */

/** A cell after the file reader: xlsx gives typed values, CSV only strings. */
export type Cell = string | number | boolean | Date | null | { error: string };

export type Read<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (code: string, message: string): Read<never> => ({ ok: false, code, message });

/** The longest text any cell may hold; longer cells are refused before any other check. */
export const MAX_CELL_CHARS = 2000;

/** Excel's serial day 25569 is 1970-01-01; the last valid serial is 9999-12-31. */
const EXCEL_EPOCH_OFFSET = 25569;
const EXCEL_MAX_SERIAL = 2958465;

/** The cell as trimmed text ('' when empty); numbers keep all their digits (户号 stored as number). */
export function cellText(cell: Cell): Read<string> {
  if (cell === null) return ok('');
  if (typeof cell === 'string') {
    if (cell.length > MAX_CELL_CHARS) {
      return bad('TOO_LONG', `内容过长（超过 ${MAX_CELL_CHARS} 字）`);
    }
    // A line break inside a cell (Alt+Enter) is a space in our fields.
    const t = cell.replace(/[\r\n\t]+/g, ' ').trim();
    if (!t.isWellFormed() || /\p{Cc}/u.test(t)) {
      return bad('BAD_TEXT', '含有控制字符或无效字符');
    }
    return ok(t);
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return bad('BAD_NUMBER', '不是有效数字');
    // 3.6e12 would print in exponent form only beyond 1e21; integers print in full.
    return ok(Number.isInteger(cell) ? cell.toFixed(0) : String(cell));
  }
  if (typeof cell === 'boolean') return ok(cell ? '是' : '否');
  if (cell instanceof Date) return ok(isoDate(cell) ?? '');
  return bad('CELL_ERROR', `单元格为错误值 ${cell.error}`);
}

function isoDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().slice(0, 10);
}

/** Text with a maximum length; '' becomes null unless required. */
export function readText(
  cell: Cell,
  opts: { max: number; required?: boolean },
): Read<string | null> {
  const t = cellText(cell);
  if (!t.ok) return t;
  if (t.value === '') return opts.required ? bad('REQUIRED', '必填') : ok(null);
  if ([...t.value].length > opts.max) return bad('TOO_LONG', `最长 ${opts.max} 字`);
  return ok(t.value);
}

/** A coded value given as its code, its Chinese label or its English label. */
export function readCode<C extends string>(
  cell: Cell,
  labels: Record<C, { zh: string; en: string }>,
  opts: { required?: boolean; aliases?: Record<string, C> } = {},
): Read<C | null> {
  const t = cellText(cell);
  if (!t.ok) return t;
  if (t.value === '') return opts.required ? bad('REQUIRED', '必填') : ok(null);
  const want = t.value
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
  for (const [code, l] of Object.entries(labels) as [C, { zh: string; en: string }][]) {
    const zh = l.zh.replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
    if (
      want === code.toLowerCase() ||
      want === zh ||
      want === l.en.replace(/\s/g, '').toLowerCase()
    ) {
      return ok(code);
    }
  }
  const alias = opts.aliases?.[want];
  if (alias) return ok(alias);
  const allowed = Object.values<{ zh: string }>(labels)
    .map((l) => l.zh)
    .join('、');
  return bad('UNKNOWN_VALUE', `“${t.value.slice(0, 40)}”不是可选值（${allowed}）`);
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '有']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '无']);

/** 是/否 (also yes/no, Y/N, 1/0, TRUE/FALSE); empty gives the default. */
export function readBool(cell: Cell, dflt: boolean): Read<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  const t = cellText(cell);
  if (!t.ok) return t;
  if (t.value === '') return ok(dflt);
  const v = t.value.toLowerCase();
  if (YES.has(v)) return ok(true);
  if (NO.has(v)) return ok(false);
  return bad('NOT_YES_NO', '请填“是”或“否”');
}

/** A number within bounds (thousands separators allowed); empty is null. */
export function readNumber(
  cell: Cell,
  opts: { min: number; max: number; integer?: boolean; required?: boolean },
): Read<number | null> {
  let n: number;
  if (typeof cell === 'number') n = cell;
  else {
    const t = cellText(cell);
    if (!t.ok) return t;
    if (t.value === '') return opts.required ? bad('REQUIRED', '必填') : ok(null);
    const s = t.value.replace(/[,，\s]/g, '');
    if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s))
      return bad('BAD_NUMBER', '不是有效数字');
    n = Number(s);
  }
  if (!Number.isFinite(n)) return bad('BAD_NUMBER', '不是有效数字');
  if (opts.integer && !Number.isInteger(n)) return bad('NOT_INTEGER', '须为整数');
  if (n < opts.min || n > opts.max)
    return bad('OUT_OF_RANGE', `须在 ${opts.min} 到 ${opts.max} 之间`);
  return ok(n);
}

/** Yuan with at most two decimals (¥ and separators allowed) as integer fen. */
export function readYuanAsFen(cell: Cell): Read<number> {
  if (typeof cell === 'number') {
    const fen = Math.round(cell * 100);
    if (!Number.isFinite(cell) || Math.abs(cell * 100 - fen) > 1e-6) {
      return bad('BAD_AMOUNT', '金额最多两位小数');
    }
    if (fen < 0 || fen > Number.MAX_SAFE_INTEGER) return bad('OUT_OF_RANGE', '金额超出范围');
    return ok(fen);
  }
  const t = cellText(cell);
  if (!t.ok) return t;
  const s = t.value.replace(/[,，\s¥￥元]/g, '');
  if (s === '') return ok(0);
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return bad('BAD_AMOUNT', '金额须为不小于 0 的数字，最多两位小数');
  return ok(Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')));
}

/** A calendar date: a date cell, an Excel serial, or 2026-03-01 / 2026/3/1 / 2026年3月1日. */
export function readDate(cell: Cell): Read<string | null> {
  if (cell instanceof Date) {
    const d = isoDate(cell);
    return d ? ok(d) : bad('BAD_DATE', '不是有效日期');
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > EXCEL_MAX_SERIAL) {
      return bad('BAD_DATE', '不是有效日期');
    }
    return ok(new Date((cell - EXCEL_EPOCH_OFFSET) * 86_400_000).toISOString().slice(0, 10));
  }
  const t = cellText(cell);
  if (!t.ok) return t;
  if (t.value === '') return ok(null);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t.value);
  if (!m) {
    if (/^\d{5}$/.test(t.value)) return readDate(Number(t.value));
    return bad('BAD_DATE', '日期格式应为 YYYY-MM-DD');
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return bad('BAD_DATE', '不是有效日期');
  }
  if (y < 1900 || y > 2100) return bad('BAD_DATE', '日期超出范围');
  return ok(date.toISOString().slice(0, 10));
}
