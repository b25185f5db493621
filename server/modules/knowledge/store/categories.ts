/** SQL of knowledge categories. */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { KnowledgeCategoriesTable } from '../../../db/schema-knowledge.js';
import { visibleSql, type Viewer } from './search.js';

export type CategoryRow = Selectable<KnowledgeCategoriesTable> & { articles: number };

/** The categories a viewer sees, with the number of live articles filed directly in each. */
export async function visibleCategories(
  tx: Kysely<DB>,
  viewer: Viewer,
  now: Date,
): Promise<CategoryRow[]> {
  const r = await sql<CategoryRow>`
    SELECT k.*, (
      SELECT count(*)::int FROM knowledge_versions v
       WHERE v.category_id = k.id AND v.current AND v.state = 'published'
         AND (v.expires_at IS NULL OR v.expires_at > ${now})
    ) AS articles
      FROM knowledge_categories k
     WHERE ${visibleSql(sql.ref('k.unit_path'), viewer)}
     ORDER BY k.position, k.name`.execute(tx);
  return r.rows;
}

export async function categoryById(tx: Kysely<DB>, id: string, lock = false) {
  let q = tx.selectFrom('knowledge_categories').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) ?? null;
}

/** A sibling of the same name under the same parent in the same unit, if any. */
export async function siblingNamed(
  tx: Kysely<DB>,
  orgId: string,
  parentId: string | null,
  name: string,
) {
  let q = tx
    .selectFrom('knowledge_categories')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', '=', name);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  return (await q.executeTakeFirst()) ?? null;
}

export async function insertCategory(
  tx: Kysely<DB>,
  row: Insertable<KnowledgeCategoriesTable>,
): Promise<void> {
  await tx.insertInto('knowledge_categories').values(row).execute();
}

export async function updateCategory(
  tx: Kysely<DB>,
  id: string,
  patch: { name?: string; parent_id?: string | null; position?: number },
  now: Date,
): Promise<void> {
  await tx
    .updateTable('knowledge_categories')
    .set({ ...patch, version: sql`version + 1`, updated_at: now })
    .where('id', '=', id)
    .execute();
}
