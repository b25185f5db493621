import type {
  CustomerClass,
  IdType,
  Industry,
  PhoneLabel,
  TariffCategory,
  VoltageLevel,
} from '../../../common/customers/codes.js';
import {
  maskAddressDetail,
  maskEmail,
  maskIdNo,
  maskPhone,
  maskWechat,
} from '../../../common/customers/masking.js';
import { formatPhone } from '../../../common/customers/phone.js';
import type {
  CustomerDetail,
  CustomerSummary,
  GridPath,
} from '../../../common/schemas/customers.js';
import type { AreaClass } from '../../db/schema.js';
import type { CustomerRow } from './store/read.js';

type Phones = Map<string, { phone: string; label: string }[]>;

function gridPath(r: CustomerRow): GridPath | null {
  if (!r.transformer_id || !r.f_id || !r.s_id) return null;
  return {
    substation: { id: r.s_id, code: r.s_code!, name: r.s_name! },
    feeder: { id: r.f_id, code: r.f_code!, name: r.f_name! },
    transformer: {
      id: r.transformer_id,
      code: r.t_code!,
      name: r.t_name!,
      areaClass: r.t_area as AreaClass,
    },
  };
}

/** The phones as the caller may see them. */
export function presentPhones(
  list: { phone: string; label: string }[] | undefined,
  masked: boolean,
): CustomerSummary['phones'] {
  return (list ?? []).map((p) => ({
    phone: masked ? maskPhone(p.phone) : formatPhone(p.phone),
    label: p.label as PhoneLabel,
  }));
}

/** A customer as look-ups and lists return it; personal data masked unless `masked` is false. */
export function presentSummary(r: CustomerRow, phones: Phones, masked: boolean): CustomerSummary {
  return {
    id: r.id,
    accountNo: r.account_no,
    name: r.name,
    customerClass: r.customer_class as CustomerClass,
    status: r.status as 'active' | 'closed',
    unitId: r.org_id,
    unitName: r.unit_name,
    address: {
      city: r.addr_city,
      county: r.addr_county,
      street: r.addr_street,
      detail: masked ? maskAddressDetail(r.addr_detail) : r.addr_detail,
    },
    phones: presentPhones(phones.get(r.id), masked),
    marks: {
      important: r.is_important,
      highRisk: r.is_high_risk,
      sensitive: r.is_sensitive,
      sensitiveReason: r.sensitive_reason,
      vip: r.is_vip,
      arrearsFen: r.arrears_fen,
      arrearsSince: r.arrears_since,
    },
    gridPath: gridPath(r),
    masked,
  };
}

/** The 360° view. */
export function presentDetail(
  r: CustomerRow,
  phones: Phones,
  opts: {
    masked: boolean;
    canReveal: boolean;
    canEdit: boolean;
    segments: CustomerDetail['segments'];
  },
): CustomerDetail {
  const m = opts.masked;
  return {
    ...presentSummary(r, phones, m),
    industry: r.industry as Industry,
    voltageLevel: r.voltage_level as VoltageLevel,
    tariffCategory: r.tariff_category as TariffCategory,
    idType: r.id_type as IdType | null,
    idNo: r.id_no === null ? null : m ? maskIdNo(r.id_no) : r.id_no,
    email: r.email === null ? null : m ? maskEmail(r.email) : r.email,
    wechatId: r.wechat_id === null ? null : m ? maskWechat(r.wechat_id) : r.wechat_id,
    meterNo: r.meter_no,
    annualKwh: r.annual_kwh,
    lat: r.lat,
    lng: r.lng,
    consentMessages: r.consent_messages,
    consentAt: r.consent_at?.toISOString() ?? null,
    transformerId: r.transformer_id,
    segments: opts.segments,
    canReveal: m && opts.canReveal,
    canEdit: opts.canEdit,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
