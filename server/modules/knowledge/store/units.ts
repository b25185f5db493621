/** The organisation units knowledge belongs to (read only). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

export async function unitById(tx: Kysely<DB>, id: string) {
  return (
    (await tx
      .selectFrom('org_units')
      .select(['id', 'path', 'province_id', 'name'])
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

/** An active unit by its code (case-insensitive), for the public site that names its company. */
export async function activeUnitByCode(tx: Kysely<DB>, code: string) {
  return (
    (await tx
      .selectFrom('org_units')
      .select(['id', 'path'])
      .where(sql`lower(code)`, '=', code.toLowerCase())
      .where('active', '=', true)
      .executeTakeFirst()) ?? null
  );
}
