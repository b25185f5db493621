/** SQL of votes (helpful / not helpful) and usage counts. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../platform/ids.js';

export async function voteOf(
  tx: Kysely<DB>,
  articleId: string,
  userId: string,
): Promise<boolean | null> {
  const row = await tx
    .selectFrom('knowledge_votes')
    .select('helpful')
    .where('article_id', '=', articleId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.helpful ?? null;
}

/** Sets or takes back a person's vote, then recounts the article's votes from the votes kept. */
export async function setVote(
  tx: Kysely<DB>,
  articleId: string,
  userId: string,
  helpful: boolean | null,
  now: Date,
): Promise<void> {
  if (helpful === null) {
    await tx
      .deleteFrom('knowledge_votes')
      .where('article_id', '=', articleId)
      .where('user_id', '=', userId)
      .execute();
  } else {
    await tx
      .insertInto('knowledge_votes')
      .values({ article_id: articleId, user_id: userId, helpful, at: now })
      .onConflict((oc) => oc.columns(['article_id', 'user_id']).doUpdateSet({ helpful, at: now }))
      .execute();
  }
  await sql`
    UPDATE knowledge_articles a SET
      helpful_count = (SELECT count(*)::int FROM knowledge_votes v
                        WHERE v.article_id = a.id AND v.helpful),
      unhelpful_count = (SELECT count(*)::int FROM knowledge_votes v
                          WHERE v.article_id = a.id AND NOT v.helpful)
     WHERE a.id = ${articleId}`.execute(tx);
}

export async function recordUsage(
  tx: Kysely<DB>,
  u: {
    articleId: string;
    versionNo: number;
    userId: string;
    kind: string;
    query: string | null;
    contactId: string | null;
    orgId: string;
    provinceId: string | null;
    at: Date;
  },
): Promise<void> {
  await tx
    .insertInto('knowledge_usage')
    .values({
      id: newId(),
      article_id: u.articleId,
      version_no: u.versionNo,
      user_id: u.userId,
      kind: u.kind,
      query: u.query,
      contact_id: u.contactId,
      org_id: u.orgId,
      province_id: u.provinceId,
      at: u.at,
    })
    .execute();
  await tx
    .updateTable('knowledge_articles')
    .set({ use_count: sql`use_count + 1` })
    .where('id', '=', u.articleId)
    .execute();
}

export async function countsOf(tx: Kysely<DB>, articleId: string) {
  return tx
    .selectFrom('knowledge_articles')
    .select(['use_count', 'helpful_count', 'unhelpful_count'])
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
}
