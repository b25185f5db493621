/** A mainland Chinese mobile (11 digits, 1[3-9]…) or a fixed line with its area code. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
