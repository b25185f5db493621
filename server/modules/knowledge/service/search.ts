/**
 * Searching the knowledge base as agents ask it (家里停电了, 峰谷电价怎么算): the words are cut
 * with jieba, widened by synonyms, matched in the GIN index and ranked by relevance and
 * freshness; each hit carries its title and a snippet with the matched words marked.
 */
import type { Kysely } from 'kysely';
import type {
  KnowledgeArticleList,
  KnowledgeListQuery,
  KnowledgeSearchQuery,
  KnowledgeSearchResult,
  PublicKnowledgeArticle,
  PublicKnowledgeArticleQuery,
  PublicKnowledgeQuery,
  PublicKnowledgeResult,
} from '../../../../common/schemas/knowledge.js';
import type { DB } from '../../../db/schema.js';
import { AppError } from '../../../platform/app-error.js';
import { authorize } from '../../auth/index.js';
import { KnowledgeError } from '../errors.js';
import { presentHit, presentListRow } from '../presenters.js';
import { articleById, versionOf } from '../store/articles.js';
import { listArticles as listRows, searchVersions } from '../store/search.js';
import { activeUnitByCode } from '../store/units.js';
import { highlightAll, snippet } from '../text/highlight.js';
import { queryWords, tsqueryText } from '../text/search-words.js';
import { categorySubtree } from './categories.js';
import { isEditor, viewerOf, type ReadCtx } from './context.js';
import { liveReadable } from './load.js';

export async function searchKnowledge(
  ctx: ReadCtx,
  q: KnowledgeSearchQuery,
): Promise<KnowledgeSearchResult> {
  authorize(ctx.actor, 'knowledge.view');
  const drafts = q.drafts === 'true';
  if (drafts && !isEditor(ctx.actor))
    throw new AppError('FORBIDDEN', { permission: 'knowledge.edit' });
  const { words, groups, weights, terms } = queryWords(q.q ?? '');
  // Words were given but all of them are words a search ignores (的, 怎么): nothing to find.
  if (q.q !== undefined && terms.length === 0) return { items: [], total: 0, words };
  const { rows, total } = await searchVersions(ctx.tx, {
    tsquery: tsqueryText(terms),
    rankQueries: groups.map((g, i) => ({ tsquery: tsqueryText(g)!, weight: weights[i]! })),
    filters: {
      audience: q.audience,
      kind: q.kind,
      scenario: q.scenario,
      orderType: q.orderType,
      categoryIds: q.categoryId ? await categorySubtree(ctx, q.categoryId) : undefined,
    },
    mode: drafts ? 'drafts' : 'live',
    viewer: viewerOf(ctx.actor),
    now: ctx.now,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: rows.map((r) => presentHit(r, terms, ctx.now)),
    total,
    words,
  };
}

/** Articles for the management pages; the review queue is `state=review`. */
export async function listKnowledge(
  ctx: ReadCtx,
  q: KnowledgeListQuery,
): Promise<KnowledgeArticleList> {
  authorize(ctx.actor, 'knowledge.view');
  const editor = isEditor(ctx.actor);
  if (q.state !== 'published' && q.state !== 'all' && !editor)
    throw new AppError('FORBIDDEN', { permission: 'knowledge.edit' });
  const rows = await listRows(ctx.tx, {
    viewer: viewerOf(ctx.actor),
    state: q.state,
    editor,
    kind: q.kind,
    createdBy: q.mine === 'true' ? ctx.actor.userId : undefined,
    categoryIds: q.categoryId ? await categorySubtree(ctx, q.categoryId) : undefined,
    now: ctx.now,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map((r) => presentListRow(r, ctx.now)), total: rows[0]?.total ?? 0 };
}

/** The public site's search: published articles for the public audience, no login. */
export async function searchPublic(
  ctx: { tx: Kysely<DB>; now: Date },
  q: PublicKnowledgeQuery,
): Promise<PublicKnowledgeResult> {
  const site = await publicSite(ctx.tx, q.unit);
  const { groups, weights, terms } = queryWords(q.q ?? '');
  if (q.q !== undefined && terms.length === 0) return { items: [], total: 0 };
  const { rows, total } = await searchVersions(ctx.tx, {
    tsquery: tsqueryText(terms),
    rankQueries: groups.map((g, i) => ({ tsquery: tsqueryText(g)!, weight: weights[i]! })),
    filters: { audience: 'public', kind: 'article' },
    mode: 'live',
    // A company's site reads as someone of that company would: its area and the units above.
    viewer: site ? { prefix: site.path, unitPath: site.path } : null,
    now: ctx.now,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: rows.map((r) => ({
      id: r.article_id,
      title: r.title,
      titleHighlight: highlightAll(r.title, terms),
      snippet: snippet(r.body_text, terms),
      tags: r.tags,
      updatedAt: r.updated_at.toISOString(),
    })),
    total,
  };
}

/** The company a public site names by its code; null for none (a national site). */
async function publicSite(tx: Kysely<DB>, code: string | undefined) {
  if (code === undefined) return null;
  const unit = await activeUnitByCode(tx, code);
  if (!unit) throw new KnowledgeError('KNOWLEDGE_UNIT_NOT_FOUND', { unit: code });
  return unit;
}

/** One public article as the public site shows it; anything else is not found. */
export async function publicArticle(
  ctx: { tx: Kysely<DB>; now: Date },
  id: string,
  q: PublicKnowledgeArticleQuery = {},
): Promise<PublicKnowledgeArticle> {
  const site = await publicSite(ctx.tx, q.unit);
  const article = await articleById(ctx.tx, id);
  const live =
    article?.live_no != null && article.kind === 'article'
      ? await versionOf(ctx.tx, id, article.live_no)
      : null;
  if (
    !article ||
    !live ||
    live.audience !== 'public' ||
    !liveReadable({ article, live, working: null }, ctx.now) ||
    // Another province's article is not this site's to show.
    (site && !site.path.startsWith(article.unit_path) && !article.unit_path.startsWith(site.path))
  )
    throw new KnowledgeError('KNOWLEDGE_ARTICLE_NOT_FOUND');
  return {
    id,
    title: live.title,
    bodyHtml: live.body_html,
    tags: live.tags,
    category: live.category_name,
    updatedAt: (live.published_at ?? live.updated_at).toISOString(),
  };
}
