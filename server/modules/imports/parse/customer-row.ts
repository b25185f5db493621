import {
  CUSTOMER_CLASS_LABELS,
  ID_TYPE_LABELS,
  INDUSTRY_LABELS,
  TARIFF_CATEGORY_LABELS,
  VOLTAGE_LEVEL_LABELS,
  type CustomerClass,
  type IdType,
  type PhoneLabel,
} from '../../../../common/customers/codes.js';
import { normalizePhone } from '../../../../common/customers/phone.js';
import type { ImportRowError } from '../../../../common/schemas/imports.js';
import type { CustomerRecord } from '../../customers/index.js';
import {
  readBool,
  readCode,
  readDate,
  readNumber,
  readText,
  readYuanAsFen,
  type Cell,
  type Read,
} from './cells.js';
import { CUSTOMER_COLUMNS, type CustomerColumnKey } from './columns.js';

/** A checked customer row before its unit and transformer are looked up. */
export type CustomerDraft = Omit<
  CustomerRecord,
  'id' | 'orgId' | 'provinceId' | 'transformerId'
> & {
  row: number;
  unitCode: string;
  transformerCode: string | null;
};

const HEADER = Object.fromEntries(CUSTOMER_COLUMNS.map((c) => [c.key, c.header])) as Record<
  CustomerColumnKey,
  string
>;

const ACCOUNT_NO = /^\d{10,16}$/;
const ID_NO = /^[0-9A-Z]{6,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_PHONES = 5;

/** The phones of one cell: split on ; ， , 、 or /, normalised, repeats dropped. */
export function readPhones(cell: Cell): Read<{ phone: string; label: PhoneLabel }[]> {
  const t = readText(cell, { max: 200 });
  if (!t.ok) return t;
  if (t.value === null) return { ok: true, value: [] };
  const parts = t.value
    .split(/[;；,，、/]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const phones: { phone: string; label: PhoneLabel }[] = [];
  for (const p of parts) {
    const phone = normalizePhone(p);
    if (!phone)
      return { ok: false, code: 'BAD_PHONE', message: `“${p.slice(0, 24)}”不是有效的电话号码` };
    if (phones.some((x) => x.phone === phone)) continue;
    phones.push({ phone, label: phone.startsWith('1') ? 'mobile' : 'home' });
  }
  if (phones.length > MAX_PHONES) {
    return { ok: false, code: 'TOO_MANY_PHONES', message: `最多 ${MAX_PHONES} 个号码` };
  }
  return { ok: true, value: phones };
}

function guessIdType(idNo: string): IdType {
  if (/^\d{17}[\dX]$/.test(idNo)) return 'id_card';
  if (idNo.length === 18) return 'uscc';
  return 'other';
}

/**
 * Checks one customer row. Every column is checked, so one pass reports all of a row's problems;
 * the result is a draft only when there are none.
 */
export function readCustomerRow(
  row: number,
  cell: (key: CustomerColumnKey) => Cell,
): { draft: CustomerDraft; errors: null } | { draft: null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const take = <T>(key: CustomerColumnKey, r: Read<T>, fallback: T): T => {
    if (r.ok) return r.value;
    errors.push({ row, column: HEADER[key], code: r.code, message: r.message });
    return fallback;
  };
  const fail = (key: CustomerColumnKey, code: string, message: string) =>
    errors.push({ row, column: HEADER[key], code, message });

  const accountNo = take(
    'accountNo',
    readText(cell('accountNo'), { max: 16, required: true }),
    null,
  );
  if (accountNo !== null && !ACCOUNT_NO.test(accountNo)) {
    fail('accountNo', 'BAD_ACCOUNT_NO', '户号须为 10–16 位数字');
  }
  const name = take('name', readText(cell('name'), { max: 64, required: true }), null);
  const customerClass = take(
    'customerClass',
    readCode(cell('customerClass'), CUSTOMER_CLASS_LABELS, { required: true }),
    null,
  );
  const resident = customerClass === ('resident' satisfies CustomerClass);
  // A resident's industry, voltage and tariff follow from the class; others must say.
  const industry = take('industry', readCode(cell('industry'), INDUSTRY_LABELS), null);
  const voltageLevel = take(
    'voltageLevel',
    readCode(cell('voltageLevel'), VOLTAGE_LEVEL_LABELS),
    null,
  );
  const tariffCategory = take(
    'tariffCategory',
    readCode(cell('tariffCategory'), TARIFF_CATEGORY_LABELS),
    null,
  );
  if (customerClass !== null && !resident) {
    if (industry === null && errorsFor('industry') === 0)
      fail('industry', 'REQUIRED', '非居民客户必填');
    if (voltageLevel === null && errorsFor('voltageLevel') === 0) {
      fail('voltageLevel', 'REQUIRED', '非居民客户必填');
    }
    if (tariffCategory === null && errorsFor('tariffCategory') === 0) {
      fail('tariffCategory', 'REQUIRED', '非居民客户必填');
    }
  }
  function errorsFor(key: CustomerColumnKey) {
    return errors.filter((e) => e.column === HEADER[key]).length;
  }

  let idNo = take('idNo', readText(cell('idNo'), { max: 20 }), null);
  if (idNo !== null) {
    idNo = idNo.toUpperCase();
    if (!ID_NO.test(idNo)) fail('idNo', 'BAD_ID_NO', '证件号码须为 6–20 位字母或数字');
  }
  let idType = take('idType', readCode(cell('idType'), ID_TYPE_LABELS), null);
  if (idType === null && idNo !== null) idType = guessIdType(idNo);

  const city = take('city', readText(cell('city'), { max: 32, required: true }), null);
  const county = take('county', readText(cell('county'), { max: 32, required: true }), null);
  const street = take('street', readText(cell('street'), { max: 64 }), null) ?? '';
  const detail = take('detail', readText(cell('detail'), { max: 128 }), null) ?? '';
  const lng = take('lng', readNumber(cell('lng'), { min: -180, max: 180 }), null);
  const lat = take('lat', readNumber(cell('lat'), { min: -90, max: 90 }), null);
  const phones = take('phones', readPhones(cell('phones')), []);
  const email = take('email', readText(cell('email'), { max: 254 }), null);
  if (email !== null && !EMAIL.test(email)) fail('email', 'BAD_EMAIL', '不是有效的电子邮箱');
  const wechatId = take('wechatId', readText(cell('wechatId'), { max: 64 }), null);
  const meterNo = take('meterNo', readText(cell('meterNo'), { max: 32 }), null);
  const annualKwh =
    take(
      'annualKwh',
      readNumber(cell('annualKwh'), { min: 0, max: 2_000_000_000, integer: true }),
      null,
    ) ?? 0;
  const unitCode = take('unitCode', readText(cell('unitCode'), { max: 64, required: true }), null);
  const transformerCode = take(
    'transformerCode',
    readText(cell('transformerCode'), { max: 64 }),
    null,
  );
  const important = take('important', readBool(cell('important'), false), false);
  const highRisk = take('highRisk', readBool(cell('highRisk'), false), false);
  const sensitive = take('sensitive', readBool(cell('sensitive'), false), false);
  const sensitiveReason = take(
    'sensitiveReason',
    readText(cell('sensitiveReason'), { max: 200 }),
    null,
  );
  if (sensitive && sensitiveReason === null && errorsFor('sensitiveReason') === 0) {
    fail('sensitiveReason', 'REQUIRED', '敏感客户须填写敏感原因');
  }
  const vip = take('vip', readBool(cell('vip'), false), false);
  const arrearsFen = take('arrears', readYuanAsFen(cell('arrears')), 0);
  const arrearsSince = take('arrearsSince', readDate(cell('arrearsSince')), null);
  const consentMessages = take('consentMessages', readBool(cell('consentMessages'), true), true);

  if (errors.length > 0) return { draft: null, errors };
  return {
    draft: {
      row,
      accountNo: accountNo!,
      name: name!,
      customerClass: customerClass!,
      industry: industry ?? 'resident_life',
      voltageLevel: voltageLevel ?? 'v220',
      tariffCategory: tariffCategory ?? 'resident',
      idType,
      idNo,
      address: { city: city!, county: county!, street, detail },
      lat,
      lng,
      email,
      wechatId,
      meterNo,
      annualKwh,
      important,
      highRisk,
      sensitive,
      sensitiveReason,
      vip,
      arrearsFen,
      arrearsSince,
      consentMessages,
      phones,
      unitCode: unitCode!,
      transformerCode,
    },
    errors: null,
  };
}
