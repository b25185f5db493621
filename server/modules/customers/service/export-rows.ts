import type { Kysely } from 'kysely';
import {
  CUSTOMER_CLASS_LABELS,
  ID_TYPE_LABELS,
  INDUSTRY_LABELS,
  TARIFF_CATEGORY_LABELS,
  VOLTAGE_LEVEL_LABELS,
  type CustomerClass,
  type IdType,
  type Industry,
  type TariffCategory,
  type VoltageLevel,
} from '../../../../common/customers/codes.js';
import {
  maskAddressDetail,
  maskEmail,
  maskIdNo,
  maskPhone,
  maskWechat,
} from '../../../../common/customers/masking.js';
import { formatPhone } from '../../../../common/customers/phone.js';
import { SegmentRule } from '../../../../common/customers/segment-rule.js';
import type { ExportCustomersQuery } from '../../../../common/schemas/imports.js';
import type { DB } from '../../../db/schema.js';
import { inScope, scopePrefix, type Actor } from '../../../platform/actor.js';
import { authorize } from '../../auth/index.js';
import { CustomersError } from '../errors.js';
import { seesPersonalData } from '../policy.js';
import {
  countExportRows,
  exportRowsAfter,
  segmentRuleUnder,
  unitPathOf,
  type ExportFilter,
  type ExportRow,
} from '../store/export-rows.js';

/** One exported customer in the words of the import template (labels, 是/否, yuan). */
export interface CustomerExportLine {
  accountNo: string;
  name: string;
  customerClass: string;
  industry: string;
  voltageLevel: string;
  tariffCategory: string;
  idType: string;
  idNo: string;
  city: string;
  county: string;
  street: string;
  detail: string;
  lng: number | null;
  lat: number | null;
  phones: string;
  email: string;
  wechatId: string;
  meterNo: string;
  annualKwh: number;
  unitCode: string;
  unitName: string;
  transformerCode: string;
  important: string;
  highRisk: string;
  sensitive: string;
  sensitiveReason: string;
  vip: string;
  arrears: string;
  arrearsSince: string;
  consentMessages: string;
  status: string;
}

const PAGE = 2000;
const yesNo = (b: boolean) => (b ? '是' : '否');

function present(r: ExportRow, masked: boolean): CustomerExportLine {
  const phones = (r.phones ?? '')
    .split(';')
    .filter((p) => p !== '')
    .map((p) => (masked ? maskPhone(p) : formatPhone(p)));
  return {
    accountNo: r.account_no,
    name: r.name,
    customerClass: CUSTOMER_CLASS_LABELS[r.customer_class as CustomerClass]?.zh ?? r.customer_class,
    industry: INDUSTRY_LABELS[r.industry as Industry]?.zh ?? r.industry,
    voltageLevel: VOLTAGE_LEVEL_LABELS[r.voltage_level as VoltageLevel]?.zh ?? r.voltage_level,
    tariffCategory:
      TARIFF_CATEGORY_LABELS[r.tariff_category as TariffCategory]?.zh ?? r.tariff_category,
    idType: r.id_type ? (ID_TYPE_LABELS[r.id_type as IdType]?.zh ?? r.id_type) : '',
    idNo: r.id_no === null ? '' : masked ? maskIdNo(r.id_no) : r.id_no,
    city: r.addr_city,
    county: r.addr_county,
    street: r.addr_street,
    detail: masked ? maskAddressDetail(r.addr_detail) : r.addr_detail,
    lng: r.lng,
    lat: r.lat,
    phones: phones.join(';'),
    email: r.email === null ? '' : masked ? maskEmail(r.email) : r.email,
    wechatId: r.wechat_id === null ? '' : masked ? maskWechat(r.wechat_id) : r.wechat_id,
    meterNo: r.meter_no ?? '',
    annualKwh: r.annual_kwh,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    transformerCode: r.transformer_code ?? '',
    important: yesNo(r.is_important),
    highRisk: yesNo(r.is_high_risk),
    sensitive: yesNo(r.is_sensitive),
    sensitiveReason: r.sensitive_reason ?? '',
    vip: yesNo(r.is_vip),
    arrears: (Number(r.arrears_fen) / 100).toFixed(2),
    arrearsSince: r.arrears_since ?? '',
    consentMessages: yesNo(r.consent_messages),
    status: r.status === 'closed' ? '销户' : '正常',
  };
}

export interface CustomerExport {
  total: number;
  masked: boolean;
  lines: AsyncGenerator<CustomerExportLine>;
}

/**
 * The customers of an export in the actor's scope (narrowed by unit, class, mark or segment), at
 * most `max` of them (EXPORT_TOO_LARGE beyond), personal data masked unless the role needs it.
 * Rows are read page by page as the file is written.
 */
export async function exportCustomerRows(
  ctx: { tx: Kysely<DB>; actor: Actor },
  query: ExportCustomersQuery,
  max: number,
): Promise<CustomerExport> {
  const { tx, actor } = ctx;
  authorize(actor, 'customer.export');
  let prefix = scopePrefix(actor);
  if (query.unitId) {
    const path = await unitPathOf(tx, query.unitId);
    if (!path) throw new CustomersError('UNIT_NOT_FOUND');
    if (!inScope(actor, path)) throw new CustomersError('OUT_OF_SCOPE');
    prefix = path;
  }
  let rule: SegmentRule | undefined;
  if (query.segmentId) {
    const stored = await segmentRuleUnder(tx, query.segmentId, scopePrefix(actor));
    if (stored === undefined) throw new CustomersError('SEGMENT_NOT_FOUND');
    const parsed = SegmentRule.safeParse(stored);
    if (!parsed.success) throw new CustomersError('SEGMENT_NOT_FOUND');
    rule = parsed.data;
  }
  const filter: ExportFilter = {
    prefix,
    customerClass: query.customerClass,
    mark: query.mark,
    rule,
  };
  const total = await countExportRows(tx, filter, max);
  if (total > max) throw new CustomersError('EXPORT_TOO_LARGE', { max });
  const masked = !seesPersonalData(actor);
  async function* lines(): AsyncGenerator<CustomerExportLine> {
    let after: string | null = null;
    for (;;) {
      const page = await exportRowsAfter(tx, filter, after, PAGE);
      for (const r of page) yield present(r, masked);
      if (page.length < PAGE) return;
      after = page[page.length - 1]!.id;
    }
  }
  return { total, masked, lines: lines() };
}
