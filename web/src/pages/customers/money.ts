// Money is kept in fen (integers) everywhere; yuan appear only at the edge of the screen.
const YUAN = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 123456 fen → ¥1,234.56 */
export function formatFen(fen: number): string {
  return `¥${YUAN.format(fen / 100)}`;
}

/** A yuan amount typed in a form → fen, rounded to the fen so 0.1 + 0.2 stays 30. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

const NUMBER = new Intl.NumberFormat('zh-CN');

/** 1000000 → 1,000,000 */
export function formatNumber(n: number): string {
  return NUMBER.format(n);
}
