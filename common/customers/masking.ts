/**
 * Masking of personal data in responses (rules: 138****5678; ID numbers keep the first 6 and the
 * last 4; the address keeps city, county and street and hides the detail).
 */

/** 13812345678 → 138****5678; landlines keep the area code and the last 4 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) {
    return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  }
  if (digits.startsWith('0') && digits.length >= 10) {
    const area = digits.startsWith('01') || digits.startsWith('02') ? 3 : 4;
    return `${digits.slice(0, area)}-****${digits.slice(-4)}`;
  }
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** 360102199001011234 → 360102********1234; short numbers keep only the last 4. */
export function maskIdNo(idNo: string): string {
  if (idNo.length >= 15)
    return `${idNo.slice(0, 6)}${'*'.repeat(idNo.length - 10)}${idNo.slice(-4)}`;
  if (idNo.length <= 4) return '*'.repeat(idNo.length);
  return `${'*'.repeat(idNo.length - 4)}${idNo.slice(-4)}`;
}

/** The address detail (building, unit, room) is replaced entirely. */
export function maskAddressDetail(detail: string): string {
  return detail === '' ? '' : '****';
}

/** a***@example.com */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '****';
  return `${email[0]}***${email.slice(at)}`;
}

export function maskWechat(id: string): string {
  return id.length <= 2 ? '**' : `${id.slice(0, 2)}****`;
}
