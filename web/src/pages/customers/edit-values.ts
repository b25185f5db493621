import type {
  CustomerClass,
  Industry,
  PhoneLabel,
  TariffCategory,
  VoltageLevel,
} from '../../../../common/customers/codes.ts';
import type { CustomerDetail, UpdateCustomerInput } from '../../../../common/schemas/customers.ts';
import { blankToNull } from '../../components/form-values.ts';
import { fenToYuan, yuanToFen } from './money.ts';

/** The form of the edit drawer. */
export interface EditValues {
  name: string;
  customerClass: CustomerClass;
  industry: Industry;
  voltageLevel: VoltageLevel;
  tariffCategory: TariffCategory;
  meterNo?: string;
  annualKwh: number;
  phones: { phone: string; label: PhoneLabel }[];
  email?: string;
  wechatId?: string;
  address: { city: string; county: string; street: string; detail: string };
  important: boolean;
  highRisk: boolean;
  sensitive: boolean;
  sensitiveReason?: string;
  vip: boolean;
  arrearsYuan: number;
  consentMessages: boolean;
}

/**
 * Which personal fields the form may send. A masked value (138****5678) must never travel back
 * as if it were the number, so a field is editable only once its full value is on screen.
 */
export interface Editable {
  phones: boolean;
  email: boolean;
  wechatId: boolean;
  address: boolean;
}

export function formValues(c: CustomerDetail): EditValues {
  return {
    name: c.name,
    customerClass: c.customerClass,
    industry: c.industry,
    voltageLevel: c.voltageLevel,
    tariffCategory: c.tariffCategory,
    meterNo: c.meterNo ?? undefined,
    annualKwh: c.annualKwh,
    phones: c.phones.map((p) => ({ ...p })),
    email: c.email ?? undefined,
    wechatId: c.wechatId ?? undefined,
    address: { ...c.address },
    important: c.marks.important,
    highRisk: c.marks.highRisk,
    sensitive: c.marks.sensitive,
    sensitiveReason: c.marks.sensitiveReason ?? undefined,
    vip: c.marks.vip,
    arrearsYuan: fenToYuan(c.marks.arrearsFen),
    consentMessages: c.consentMessages,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const changed = <T>(next: T, before: T): T | undefined => (same(next, before) ? undefined : next);

function marksPatch(v: EditValues, c: CustomerDetail): UpdateCustomerInput['marks'] {
  const m = c.marks;
  const reason = v.sensitive ? blankToNull(v.sensitiveReason) : null;
  const out = {
    important: changed(v.important, m.important),
    highRisk: changed(v.highRisk, m.highRisk),
    sensitive: changed(v.sensitive, m.sensitive),
    sensitiveReason: changed(reason, m.sensitiveReason),
    vip: changed(v.vip, m.vip),
    arrearsFen: changed(yuanToFen(v.arrearsYuan ?? 0), m.arrearsFen),
  };
  return Object.values(out).some((x) => x !== undefined) ? out : undefined;
}

/** Only what changed, with the version read; personal fields only where `editable` allows. */
export function updateInput(
  v: EditValues,
  c: CustomerDetail,
  editable: Editable,
): UpdateCustomerInput {
  const phones = v.phones.map((p) => ({ phone: p.phone.trim(), label: p.label }));
  const address = {
    city: v.address.city.trim(),
    county: v.address.county.trim(),
    street: v.address.street.trim(),
    detail: v.address.detail.trim(),
  };
  return {
    version: c.version,
    name: changed(v.name.trim(), c.name),
    customerClass: changed(v.customerClass, c.customerClass),
    industry: changed(v.industry, c.industry),
    voltageLevel: changed(v.voltageLevel, c.voltageLevel),
    tariffCategory: changed(v.tariffCategory, c.tariffCategory),
    meterNo: changed(blankToNull(v.meterNo), c.meterNo),
    annualKwh: changed(v.annualKwh ?? 0, c.annualKwh),
    phones: editable.phones ? changed(phones, c.phones) : undefined,
    email: editable.email ? changed(blankToNull(v.email), c.email) : undefined,
    wechatId: editable.wechatId ? changed(blankToNull(v.wechatId), c.wechatId) : undefined,
    address: editable.address ? changed(address, c.address) : undefined,
    marks: marksPatch(v, c),
    consentMessages: changed(v.consentMessages, c.consentMessages),
  };
}

/** Whether the input changes anything beyond the version. */
export function hasChanges(input: UpdateCustomerInput): boolean {
  return Object.entries(input).some(([k, x]) => k !== 'version' && x !== undefined);
}
