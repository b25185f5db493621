import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** Earlier orders of the same customer or phone: within 24 h, 7 days, and same-matter complaints. */
export interface RepeatCounts {
  within24h: number;
  within7d: number;
  sameComplaint: number;
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
