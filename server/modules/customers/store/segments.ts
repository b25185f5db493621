import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import {
  VOLTAGE_RANK,
  type CustomerMark,
  type VoltageLevel,
} from '../../../../common/customers/codes.js';
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

/** The SQL condition of each customer mark over `customers as c`. */
export const MARK_CONDITION: Record<CustomerMark, Expression<SqlBool>> = {
  important: sql<SqlBool>`c.is_important`,
  highRisk: sql<SqlBool>`c.is_high_risk`,
  sensitive: sql<SqlBool>`c.is_sensitive`,
  vip: sql<SqlBool>`c.is_vip`,
  arrears: sql<SqlBool>`c.arrears_fen > 0`,
};

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

const SEGMENT_COLUMNS = [
  's.id',
  's.code',
  's.name',
  's.description',
  's.service',
  's.rule',
  's.priority',
  's.active',
  's.org_id',
  's.province_id',
  's.version',
  's.updated_at',
] as const;

export async function getSegment(
  tx: Kysely<DB>,
  id: string,
): Promise<(SegmentRow & { unit_path: string }) | undefined> {
  return tx
    .selectFrom('customer_segments as s')
    .innerJoin('org_units as o', 'o.id', 's.org_id')
    .select([...SEGMENT_COLUMNS, 'o.path as unit_path'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** Active segments defined at this unit or above it (a province's segments cover its counties). */
export async function segmentsForUnit(tx: Kysely<DB>, unitPath: string): Promise<SegmentRow[]> {
  return tx
    .selectFrom('customer_segments as s')
    .innerJoin('org_units as o', 'o.id', 's.org_id')
    .select(SEGMENT_COLUMNS)
    .where('s.active', '=', true)
    .where(sql<boolean>`${unitPath} LIKE o.path || '%'`)
    .orderBy('s.priority')
    .orderBy('s.code')
    .execute();
}

/**
 * Segments an actor sees: those defined above or at the top of their scope, and those defined
 * inside it.
 */
export async function segmentsVisible(
  tx: Kysely<DB>,
  scopePrefix: string,
): Promise<(SegmentRow & { unit_path: string })[]> {
  return tx
    .selectFrom('customer_segments as s')
    .innerJoin('org_units as o', 'o.id', 's.org_id')
    .select([...SEGMENT_COLUMNS, 'o.path as unit_path'])
    .where((eb) =>
      eb.or([
        eb(sql.val(scopePrefix), 'like', sql<string>`o.path || '%'`),
        eb('o.path', 'like', `${scopePrefix}%`),
      ]),
    )
    .orderBy('s.priority')
    .orderBy('s.code')
    .execute();
}

/**
 * How many customers in the scope fall in each segment, in one pass over the customers: a
 * filtered count per segment, limited to the part of the tree each segment covers.
 */
export async function countSegments(
  tx: Kysely<DB>,
  scopePrefix: string,
  segments: { id: string; rule: SegmentRule; unitPath: string }[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (segments.length === 0) return out;
  const columns = segments.map(
    (s, i) =>
      sql`count(*) FILTER (WHERE ${ruleCondition(s.rule)} AND o.path LIKE ${`${s.unitPath}%`})::int AS ${sql.ref(`n${i}`)}`,
  );
  const row = await sql<Record<string, number>>`
    SELECT ${sql.join(columns, sql`, `)}
    FROM customers c JOIN org_units o ON o.id = c.org_id
    WHERE o.path LIKE ${`${scopePrefix}%`}`.execute(tx);
  const counts = row.rows[0] ?? {};
  segments.forEach((s, i) => out.set(s.id, counts[`n${i}`] ?? 0));
  return out;
}

export async function segmentCodeExists(
  tx: Kysely<DB>,
  orgId: string,
  code: string,
): Promise<boolean> {
  const row = await tx
    .selectFrom('customer_segments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export interface SegmentInsert {
  id: string;
  code: string;
  name: string;
  description: string;
  service: string;
  rule: SegmentRule;
  priority: number;
  active: boolean;
  orgId: string;
  provinceId: string | null;
}

export async function insertSegment(tx: Kysely<DB>, s: SegmentInsert): Promise<void> {
  await tx
    .insertInto('customer_segments')
    .values({
      id: s.id,
      code: s.code,
      name: s.name,
      description: s.description,
      service: s.service,
      rule: JSON.stringify(s.rule),
      priority: s.priority,
      active: s.active,
      org_id: s.orgId,
      province_id: s.provinceId,
    })
    .execute();
}

export async function updateSegmentRow(
  tx: Kysely<DB>,
  id: string,
  version: number,
  patch: Partial<
    Pick<SegmentInsert, 'name' | 'description' | 'service' | 'rule' | 'priority' | 'active'>
  >,
): Promise<boolean> {
  const { rule, ...rest } = patch;
  const res = await tx
    .updateTable('customer_segments')
    .set({
      ...rest,
      ...(rule ? { rule: JSON.stringify(rule) } : {}),
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}
