import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** Earlier orders of the same customer or phone: within 24 h, 7 days, and same-matter complaints. */
export interface RepeatCounts {
  within24h: number;
  within7d: number;
  sameComplaint: number;
}

export async function repeatCounts(
  tx: Kysely<DB>,
  o: {
    customerId: string | null;
    phone: string | null;
    at: Date;
    complaintSubtype: string | null;
  },
): Promise<RepeatCounts> {
  if (!o.customerId && !o.phone) return { within24h: 0, within7d: 0, sameComplaint: 0 };
  const day = new Date(o.at.getTime() - 86_400_000);
  const week = new Date(o.at.getTime() - 7 * 86_400_000);
  // Same matter: a complaint of the same subtype by the same customer or phone within 90 days.
  const quarter = new Date(o.at.getTime() - 90 * 86_400_000);
  const who = sql`(${o.customerId !== null ? sql`customer_id = ${o.customerId}` : sql`false`}
    OR ${o.phone !== null ? sql`caller_phone = ${o.phone}` : sql`false`})`;
  const r = await sql<{ d: number; w: number; c: number }>`
    SELECT count(*) FILTER (WHERE accepted_at > ${day})::int AS d,
           count(*) FILTER (WHERE accepted_at > ${week})::int AS w,
           count(*) FILTER (WHERE type_code = 'complaint'
                              AND subtype_code IS NOT DISTINCT FROM ${o.complaintSubtype}
                              AND ${o.complaintSubtype !== null})::int AS c
      FROM orders
     WHERE ${who} AND accepted_at > ${quarter} AND accepted_at <= ${o.at}`.execute(tx);
  const row = r.rows[0]!;
  return { within24h: row.d, within7d: row.w, sameComplaint: row.c };
}

export interface UnitRef {
  id: string;
  name: string;
  path: string;
  active: boolean;
  province_id: string | null;
}

export async function unitById(tx: Kysely<DB>, id: string): Promise<UnitRef | null> {
  const row = await tx
    .selectFrom('org_units')
    .select(['id', 'name', 'path', 'active', 'province_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/** Active units under a path, for the dispatch and location pickers. */
export async function unitsUnder(tx: Kysely<DB>, prefix: string) {
  return tx
    .selectFrom('org_units')
    .select([
      'id',
      'parent_id',
      'name',
      'code',
      'level',
      'kind',
      'depth',
      'province_id',
      'version',
      'updated_at',
    ])
    .where('path', 'like', `${prefix}%`)
    .where('active', '=', true)
    .orderBy('path')
    .limit(5000)
    .execute();
}
