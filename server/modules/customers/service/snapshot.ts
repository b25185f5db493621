import {
  maskAddressDetail,
  maskEmail,
  maskIdNo,
  maskPhone,
  maskWechat,
} from '../../../../common/customers/masking.js';
import type { CustomerRow } from '../store/read.js';

/**
 * What the history and the audit log keep of a customer: every field, with personal data masked,
 * so that the trail itself does not become a way round the masking.
 */
export type Snapshot = Record<string, unknown>;

export function snapshotOf(r: CustomerRow, phones: { phone: string; label: string }[]): Snapshot {
  return {
    accountNo: r.account_no,
    name: r.name,
    customerClass: r.customer_class,
    industry: r.industry,
    voltageLevel: r.voltage_level,
    tariffCategory: r.tariff_category,
    idType: r.id_type,
    idNo: r.id_no === null ? null : maskIdNo(r.id_no),
    address: `${r.addr_city}${r.addr_county}${r.addr_street}${maskAddressDetail(r.addr_detail)}`,
    lat: r.lat,
    lng: r.lng,
    phones: phones.map((p) => `${maskPhone(p.phone)}(${p.label})`).join(', '),
    email: r.email === null ? null : maskEmail(r.email),
    wechatId: r.wechat_id === null ? null : maskWechat(r.wechat_id),
    meterNo: r.meter_no,
    annualKwh: r.annual_kwh,
    unitId: r.org_id,
    transformerId: r.transformer_id,
    important: r.is_important,
    highRisk: r.is_high_risk,
    sensitive: r.is_sensitive,
    sensitiveReason: r.sensitive_reason,
    vip: r.is_vip,
    arrearsFen: r.arrears_fen,
    arrearsSince: r.arrears_since,
    consentMessages: r.consent_messages,
    status: r.status,
  };
}

/** Field → [before, after] for the fields that differ. */
export function diff(before: Snapshot, after: Snapshot): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      out[key] = [before[key] ?? null, after[key] ?? null];
    }
  }
  return out;
}
