import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Taxonomy } from '../../../../common/orders/taxonomy.js';

export interface TaxonomyRow {
  version: number;
  tree: Taxonomy;
  note: string | null;
  created_at: Date;
}

/** The newest version number. */
export async function latestTaxonomyVersion(tx: Kysely<DB>): Promise<number> {
  const row = await tx
    .selectFrom('order_taxonomies')
    .select(sql<number>`max(version)::int`.as('v'))
    .executeTakeFirst();
  return row?.v ?? 0;
}

export async function getTaxonomy(tx: Kysely<DB>, version: number): Promise<TaxonomyRow | null> {
  const row = await tx
    .selectFrom('order_taxonomies')
    .select(['version', 'tree', 'note', 'created_at'])
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? { ...row, tree: row.tree as Taxonomy } : null;
}

/** Inserts the next version; a concurrent publisher of the same number gets a unique violation. */
export async function insertTaxonomy(
  tx: Kysely<DB>,
  row: { version: number; tree: Taxonomy; note: string | null; createdBy: string },
): Promise<Date> {
  const out = await tx
    .insertInto('order_taxonomies')
    .values({
      version: row.version,
      tree: JSON.stringify(row.tree),
      note: row.note,
      created_by: row.createdBy,
    })
    .returning('created_at')
    .executeTakeFirstOrThrow();
  return out.created_at;
}
