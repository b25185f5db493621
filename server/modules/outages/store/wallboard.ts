/** SQL of the wall board's outage figures: the outages with the power off now. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { powerOffSql } from '../covering.js';

export interface PowerOffRow {
  id: string;
  number: string;
  title: string;
  category: string;
  state: string;
  since: Date | null;
  estimated_restore_at: Date | null;
  affected_customers: number;
}

/**
 * The outages under `prefix` with the power off at `at` (the earliest first, at most `limit`),
 * their number and the customers they cut off. `provinceId` (when the prefix lies in one) lets
 * the live-outage index answer.
 */
export async function powerOffOutages(
  tx: Kysely<DB>,
  o: { prefix: string; provinceId: string | null; at: Date; limit: number },
): Promise<{ rows: PowerOffRow[]; total: number; affected: number }> {
  const at = sql`${o.at}::timestamptz`;
  const r = await sql<PowerOffRow & { total: number; affected: number }>`
    SELECT o.id, o.number, o.title, o.category, o.state,
           coalesce(o.started_at, o.planned_start) AS since, o.estimated_restore_at,
           o.affected_customers,
           count(*) OVER ()::int AS total,
           (sum(o.affected_customers) OVER ())::int AS affected
      FROM outages o
     WHERE o.state IN ('published', 'in_progress', 'postponed')
       ${o.provinceId ? sql`AND o.province_id = ${o.provinceId}` : sql``}
       AND o.unit_path LIKE ${`${o.prefix}%`}
       AND ${powerOffSql(at)}
     ORDER BY coalesce(o.started_at, o.planned_start) NULLS LAST, o.id`.execute(tx);
  return {
    rows: r.rows.slice(0, o.limit),
    total: r.rows[0]?.total ?? 0,
    affected: r.rows[0]?.affected ?? 0,
  };
}
