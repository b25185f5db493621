import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { VOLTAGE_RANK, type VoltageLevel } from '../../../../common/customers/codes.js';
import { DEFAULT_SEGMENTS, type SegmentRule } from '../../../../common/customers/segment-rule.js';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../platform/ids.js';

export interface SegmentRow {
  id: string;
  code: string;
  name: string;
  description: string;
  service: string;
  rule: unknown;
  priority: number;
  active: boolean;
  org_id: string;
  province_id: string | null;
  version: number;
  updated_at: Date;
}

/**
 * The SQL form of a segment rule over `customers as c`; it must agree with matchesRule() in
 * common/customers/segment-rule.ts (a test runs both over the same customers).
 */
export function ruleCondition(rule: SegmentRule): Expression<SqlBool> {
  const parts: ReturnType<typeof sql<SqlBool>>[] = [];
  if (rule.classes) parts.push(sql<SqlBool>`c.customer_class = ANY(${rule.classes}::text[])`);
  if (rule.industries) parts.push(sql<SqlBool>`c.industry = ANY(${rule.industries}::text[])`);
  if (rule.voltageAtLeast) {
    const min = VOLTAGE_RANK[rule.voltageAtLeast];
    const levels = (Object.keys(VOLTAGE_RANK) as VoltageLevel[]).filter(
      (v) => VOLTAGE_RANK[v] >= min,
    );
    parts.push(sql<SqlBool>`c.voltage_level = ANY(${levels}::text[])`);
  }
  if (rule.minAnnualKwh !== undefined)
    parts.push(sql<SqlBool>`c.annual_kwh >= ${rule.minAnnualKwh}`);
  if (rule.maxAnnualKwh !== undefined)
    parts.push(sql<SqlBool>`c.annual_kwh <= ${rule.maxAnnualKwh}`);
  if (rule.important !== undefined) parts.push(sql<SqlBool>`c.is_important = ${rule.important}`);
  if (rule.highRisk !== undefined) parts.push(sql<SqlBool>`c.is_high_risk = ${rule.highRisk}`);
  if (rule.sensitive !== undefined) parts.push(sql<SqlBool>`c.is_sensitive = ${rule.sensitive}`);
  if (rule.vip !== undefined) parts.push(sql<SqlBool>`c.is_vip = ${rule.vip}`);
  if (rule.minArrearsFen !== undefined) {
    parts.push(sql<SqlBool>`c.arrears_fen >= ${rule.minArrearsFen}`);
  }
  if (parts.length === 0) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

/** Writes the default segments (rules.md §6) for an organisation that has none yet. */
export async function insertDefaultSegments(
  tx: Kysely<DB>,
  owner: { orgId: string; provinceId: string | null },
): Promise<number> {
  const existing = await tx
    .selectFrom('customer_segments')
    .select('id')
    .where('org_id', '=', owner.orgId)
    .limit(1)
    .executeTakeFirst();
  if (existing) return 0;
  await tx
    .insertInto('customer_segments')
    .values(
      DEFAULT_SEGMENTS.map((s) => ({
        id: newId(),
        code: s.code,
        name: s.name,
        description: s.description,
        service: s.service,
        rule: JSON.stringify(s.rule),
        priority: s.priority,
        org_id: owner.orgId,
        province_id: owner.provinceId,
      })),
    )
    .execute();
  return DEFAULT_SEGMENTS.length;
}
