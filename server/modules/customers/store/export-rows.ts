import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { CustomerMark } from '../../../../common/customers/codes.js';
import type { SegmentRule } from '../../../../common/customers/segment-rule.js';
import type { DB } from '../../../db/schema.js';
import { MARK_CONDITION, ruleCondition } from './segments.js';

/** What an export selects: units under a path prefix, and the list filters. */
export interface ExportFilter {
  prefix: string;
  customerClass?: string | undefined;
  mark?: CustomerMark | undefined;
  rule?: SegmentRule | undefined;
}

/** One customer as the export writes it, phones as one ';'-joined list in their order. */
export interface ExportRow {
  id: string;
  account_no: string;
  name: string;
  customer_class: string;
  industry: string;
  voltage_level: string;
  tariff_category: string;
  id_type: string | null;
  id_no: string | null;
  addr_city: string;
  addr_county: string;
  addr_street: string;
  addr_detail: string;
  lat: number | null;
  lng: number | null;
  phones: string | null;
  email: string | null;
  wechat_id: string | null;
  meter_no: string | null;
  annual_kwh: number;
  unit_code: string;
  unit_name: string;
  transformer_code: string | null;
  is_important: boolean;
  is_high_risk: boolean;
  is_sensitive: boolean;
  sensitive_reason: string | null;
  is_vip: boolean;
  arrears_fen: number;
  arrears_since: string | null;
  consent_messages: boolean;
  status: string;
}

function where(f: ExportFilter) {
  const parts: Expression<SqlBool>[] = [
    sql<SqlBool>`o.path LIKE ${`${f.prefix.replace(/[\\%_]/g, '\\$&')}%`}`,
  ];
  if (f.customerClass) parts.push(sql<SqlBool>`c.customer_class = ${f.customerClass}`);
  if (f.mark) parts.push(MARK_CONDITION[f.mark]);
  if (f.rule) parts.push(ruleCondition(f.rule));
  return sql.join(parts, sql` AND `);
}

/** How many customers the export would hold, counting no further than `cap + 1`. */
export async function countExportRows(
  tx: Kysely<DB>,
  f: ExportFilter,
  cap: number,
): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM customers c JOIN org_units o ON o.id = c.org_id
      WHERE ${where(f)} LIMIT ${cap + 1}) x`.execute(tx);
  return r.rows[0]!.n;
}

/** The next page of the export after `afterId` (keyset paging by id, so each page is indexed). */
export async function exportRowsAfter(
  tx: Kysely<DB>,
  f: ExportFilter,
  afterId: string | null,
  limit: number,
): Promise<ExportRow[]> {
  const after = afterId === null ? sql`` : sql`AND c.id > ${afterId}::uuid`;
  const r = await sql<ExportRow>`
    SELECT c.id, c.account_no, c.name, c.customer_class, c.industry, c.voltage_level,
      c.tariff_category, c.id_type, c.id_no, c.addr_city, c.addr_county, c.addr_street,
      c.addr_detail, c.lat, c.lng, c.email, c.wechat_id, c.meter_no, c.annual_kwh,
      o.code AS unit_code, o.name AS unit_name, t.code AS transformer_code, c.is_important,
      c.is_high_risk, c.is_sensitive, c.sensitive_reason, c.is_vip, c.arrears_fen,
      c.arrears_since::text AS arrears_since, c.consent_messages, c.status,
      (SELECT string_agg(p.phone, ';' ORDER BY p.position) FROM customer_phones p
        WHERE p.customer_id = c.id) AS phones
    FROM customers c
    JOIN org_units o ON o.id = c.org_id
    LEFT JOIN grid_transformers t ON t.id = c.transformer_id
    WHERE ${where(f)} ${after}
    ORDER BY c.id
    LIMIT ${limit}`.execute(tx);
  return r.rows;
}

/** A segment's rule, when the segment's unit lies under the prefix. */
export async function segmentRuleUnder(
  tx: Kysely<DB>,
  segmentId: string,
  prefix: string,
): Promise<unknown> {
  const r = await tx
    .selectFrom('customer_segments as s')
    .innerJoin('org_units as o', 'o.id', 's.org_id')
    .select('s.rule')
    .where('s.id', '=', segmentId)
    .where(sql<SqlBool>`(${prefix} LIKE o.path || '%' OR o.path LIKE ${`${prefix}%`})`)
    .executeTakeFirst();
  return r?.rule;
}

/** A unit's path by id (for the export's unit filter). */
export async function unitPathOf(tx: Kysely<DB>, unitId: string): Promise<string | undefined> {
  const r = await tx
    .selectFrom('org_units')
    .select('path')
    .where('id', '=', unitId)
    .executeTakeFirst();
  return r?.path;
}
