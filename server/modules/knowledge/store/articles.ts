/** SQL of knowledge articles, their versions and their flow events. */
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type {
  KnowledgeArticlesTable,
  KnowledgeVersionsTable,
} from '../../../db/schema-knowledge.js';
import { newId } from '../../../platform/ids.js';

export type ArticleRow = Selectable<KnowledgeArticlesTable> & { unit_name: string };
export type VersionRow = Omit<Selectable<KnowledgeVersionsTable>, 'search_vec' | 'head_vec'> & {
  category_name: string | null;
};

/** The content columns of a version (everything a person edits). */
export type VersionContent = Pick<
  Insertable<KnowledgeVersionsTable>,
  | 'title'
  | 'body_source'
  | 'body_html'
  | 'body_text'
  | 'summary'
  | 'tags'
  | 'audience'
  | 'category_id'
  | 'order_types'
  | 'effective_from'
  | 'expires_at'
  | 'change_note'
> & { search_vec: unknown; head_vec: unknown };

export async function articleById(
  tx: Kysely<DB>,
  id: string,
  lock = false,
): Promise<ArticleRow | null> {
  let q = tx
    .selectFrom('knowledge_articles as a')
    .innerJoin('org_units as u', 'u.id', 'a.org_id')
    .selectAll('a')
    .select('u.name as unit_name')
    .where('a.id', '=', id);
  if (lock) q = q.forUpdate('a');
  return (await q.executeTakeFirst()) ?? null;
}

const versionColumns = (tx: Kysely<DB>) =>
  tx
    .selectFrom('knowledge_versions as v')
    .leftJoin('knowledge_categories as c', 'c.id', 'v.category_id')
    .select([
      'v.article_id',
      'v.no',
      'v.state',
      'v.current',
      'v.title',
      'v.body_source',
      'v.body_html',
      'v.body_text',
      'v.summary',
      'v.tags',
      'v.audience',
      'v.category_id',
      'v.order_types',
      'v.effective_from',
      'v.expires_at',
      'v.kind',
      'v.scenario',
      'v.unit_path',
      'v.change_note',
      'v.created_by',
      'v.created_by_name',
      'v.created_at',
      'v.submitted_by',
      'v.submitted_at',
      'v.reviewed_by',
      'v.reviewed_by_name',
      'v.reviewed_at',
      'v.reject_reason',
      'v.published_at',
      'v.updated_at',
      'c.name as category_name',
    ]);

export async function versionOf(
  tx: Kysely<DB>,
  articleId: string,
  no: number,
): Promise<VersionRow | null> {
  return (
    (await versionColumns(tx)
      .where('v.article_id', '=', articleId)
      .where('v.no', '=', no)
      .executeTakeFirst()) ?? null
  );
}

/** Every version of an article, newest first. */
export async function versionsOf(tx: Kysely<DB>, articleId: string): Promise<VersionRow[]> {
  return versionColumns(tx).where('v.article_id', '=', articleId).orderBy('v.no', 'desc').execute();
}

export async function insertArticle(
  tx: Kysely<DB>,
  row: Insertable<KnowledgeArticlesTable>,
): Promise<void> {
  await tx.insertInto('knowledge_articles').values(row).execute();
}

export async function insertVersion(
  tx: Kysely<DB>,
  row: Omit<Insertable<KnowledgeVersionsTable>, 'search_vec' | 'head_vec'> & {
    search_vec: unknown;
    head_vec: unknown;
  },
): Promise<void> {
  await tx.insertInto('knowledge_versions').values(row).execute();
}

export async function updateVersion(
  tx: Kysely<DB>,
  articleId: string,
  no: number,
  patch: Omit<Updateable<KnowledgeVersionsTable>, 'search_vec' | 'head_vec'> & {
    search_vec?: unknown;
    head_vec?: unknown;
  },
): Promise<void> {
  await tx
    .updateTable('knowledge_versions')
    .set(patch)
    .where('article_id', '=', articleId)
    .where('no', '=', no)
    .execute();
}

/** Changes the article row and bumps its version (optimistic locking). */
export async function updateArticle(
  tx: Kysely<DB>,
  id: string,
  patch: Updateable<KnowledgeArticlesTable>,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('knowledge_articles')
    .set({ ...patch, version: sql`version + 1`, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function insertEvent(
  tx: Kysely<DB>,
  e: {
    articleId: string;
    versionNo: number;
    at: Date;
    action: string;
    actorId: string | null;
    actorName: string;
    note?: string | null;
  },
): Promise<void> {
  await tx
    .insertInto('knowledge_events')
    .values({
      id: newId(),
      article_id: e.articleId,
      version_no: e.versionNo,
      at: e.at,
      action: e.action,
      actor_id: e.actorId,
      actor_name: e.actorName,
      note: e.note ?? null,
    })
    .execute();
}

export async function eventsOf(tx: Kysely<DB>, articleId: string) {
  return tx
    .selectFrom('knowledge_events')
    .select(['at', 'action', 'version_no', 'actor_name', 'note'])
    .where('article_id', '=', articleId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/**
 * Published versions whose expiry date has passed (as of `now`), locked for the sweep that
 * marks them expired.
 */
export async function dueExpiries(tx: Kysely<DB>, now: Date, limit = 500) {
  return tx
    .selectFrom('knowledge_versions as v')
    .innerJoin('knowledge_articles as a', 'a.id', 'v.article_id')
    .select(['v.article_id', 'v.no', 'v.title', 'a.org_id', 'a.province_id', 'a.unit_path'])
    .where('v.state', '=', 'published')
    .where('v.expires_at', '<=', now)
    .orderBy('v.expires_at')
    .limit(limit)
    .forUpdate('v')
    .skipLocked()
    .execute();
}
