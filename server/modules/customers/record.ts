import type {
  CustomerClass,
  IdType,
  Industry,
  PhoneLabel,
  TariffCategory,
  VoltageLevel,
} from '../../../common/customers/codes.js';

/**
 * A customer fully resolved and checked, ready to be written: the shape the service, the importer
 * and the demo generator all hand to the store. Phones are normalised digits.
 */
export interface CustomerRecord {
  id: string;
  accountNo: string;
  name: string;
  customerClass: CustomerClass;
  industry: Industry;
  voltageLevel: VoltageLevel;
  tariffCategory: TariffCategory;
  idType: IdType | null;
  idNo: string | null;
  address: { city: string; county: string; street: string; detail: string };
  lat: number | null;
  lng: number | null;
  email: string | null;
  wechatId: string | null;
  meterNo: string | null;
  annualKwh: number;
  important: boolean;
  highRisk: boolean;
  sensitive: boolean;
  sensitiveReason: string | null;
  vip: boolean;
  arrearsFen: number;
  arrearsSince: string | null;
  consentMessages: boolean;
  orgId: string;
  provinceId: string;
  transformerId: string | null;
  phones: { phone: string; label: PhoneLabel }[];
}

/** The address as one line, the way it is searched and printed. */
export function addressLine(a: CustomerRecord['address']): string {
  return `${a.city}${a.county}${a.street}${a.detail}`;
}
