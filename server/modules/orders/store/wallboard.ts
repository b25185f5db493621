/** SQL of the wall board's order figures: orders accepted per hour today, and those at risk. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/**
 * Where to count: a province (by its own column, as the order list scopes a province: its
 * indexes then answer alone), a subtree, or a subtree inside a province.
 */
export interface WallboardScope {
  provinceId: string | null;
  pathPrefix: string | null;
}

const inScope = (s: WallboardScope) =>
  sql.join(
    [
      ...(s.provinceId ? [sql`o.province_id = ${s.provinceId}`] : []),
      ...(s.pathPrefix ? [sql`o.unit_path LIKE ${`${s.pathPrefix}%`}`] : []),
      sql`true`,
    ],
    sql` AND `,
  );

/** Orders accepted in [start, end), by hour from `start` (China time has no daylight saving). */
export async function ordersByHour(
  tx: Kysely<DB>,
  scope: WallboardScope,
  start: Date,
  end: Date,
): Promise<{ hour: number; orders: number }[]> {
  const r = await sql<{ hour: number; orders: number }>`
    SELECT floor(extract(epoch FROM (o.accepted_at - ${start}::timestamptz)) / 3600)::int AS hour,
           count(*)::int AS orders
      FROM orders o
     WHERE ${inScope(scope)}
       AND o.accepted_at >= ${start} AND o.accepted_at < ${end}
     GROUP BY 1`.execute(tx);
  return r.rows;
}

/** Open orders at risk (the partial index of 0008 holds exactly these), counted by status. */
export async function atRiskCounts(
  tx: Kysely<DB>,
  scope: WallboardScope,
): Promise<{ sla_status: string; n: number }[]> {
  const r = await sql<{ sla_status: string; n: number }>`
    SELECT o.sla_status, count(*)::int AS n
      FROM orders o
     WHERE ${inScope(scope)}
       AND o.state NOT IN ('archived', 'terminated', 'merged')
       AND o.sla_status IN ('warning', 'critical', 'overdue')
     GROUP BY 1`.execute(tx);
  return r.rows;
}

export interface AtRiskRow {
  id: string;
  number: string;
  taxonomy_version: number;
  type_code: string;
  subtype_code: string | null;
  state: string;
  sla_status: string;
  due_at: Date | null;
}

/** The most urgent open orders at risk: overdue first, then critical, then by due time. */
export async function mostUrgent(
  tx: Kysely<DB>,
  scope: WallboardScope,
  limit: number,
): Promise<AtRiskRow[]> {
  const r = await sql<AtRiskRow>`
    SELECT o.id, o.number, o.taxonomy_version, o.type_code, o.subtype_code, o.state,
           o.sla_status, o.due_at
      FROM orders o
     WHERE ${inScope(scope)}
       AND o.state NOT IN ('archived', 'terminated', 'merged')
       AND o.sla_status IN ('warning', 'critical', 'overdue')
     ORDER BY CASE o.sla_status WHEN 'overdue' THEN 0 WHEN 'critical' THEN 1 ELSE 2 END,
              o.due_at NULLS LAST, o.id
     LIMIT ${limit}`.execute(tx);
  return r.rows;
}
