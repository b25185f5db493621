/** The organisation units knowledge belongs to (read only). */
import type { Kysely } from 'kysely';
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
