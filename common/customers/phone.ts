/**
 * Normalises a phone number as caller ID or a person gives it: digits only, without +86 / 0086,
 * and without the trunk 0 some exchanges put before a mobile (013812345678). Landlines keep their
 * area code (0791-86123456 → 079186123456). Returns null when no phone number is left.
 */
export function normalizePhone(raw: string): string | null {
  let d = raw.replace(/[\s\-()（）+]/g, '');
  if (!/^\d+$/.test(d)) return null;
  if (d.startsWith('0086')) d = d.slice(4);
  else if (d.startsWith('86') && d.length === 13) d = d.slice(2);
  if (d.length === 12 && /^01[3-9]/.test(d)) d = d.slice(1);
  if (/^1[3-9]\d{9}$/.test(d)) return d;
  if (/^0\d{9,11}$/.test(d)) return d;
  return null;
}

/** How a normalised number is shown: mobiles as they are, landlines as 0791-86123456. */
export function formatPhone(digits: string): string {
  if (!digits.startsWith('0')) return digits;
  const area = digits.startsWith('01') || digits.startsWith('02') ? 3 : 4;
  return `${digits.slice(0, area)}-${digits.slice(area)}`;
}
