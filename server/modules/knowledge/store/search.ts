/**
 * The knowledge search in SQL: tsqueries over the current versions' words (GIN indexes), ranked
 * by relevance and freshness, filtered by audience, category, order type and visibility.
 *
 * Ranking every match of a common word (停电 is in half of all articles) costs a rank over each
 * one's full word vector, which is what makes a naive search slow on 10,000 articles. So it
 * goes in tiers, as relevance does anyway (a title word weighs ten times a body word):
 * 1. articles matching in the title or tags, ranked on that small vector (head_vec);
 * 2. the first RERANK of them re-ranked on all their words (title, tags and body);
 * 3. only when fewer than RERANK match in title or tags: the articles matching in the body
 *    alone, ranked on all their words, after them.
 * The page of hits is then joined to its articles.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** Who is searching: their service area and unit (articles above and below them are visible). */
export interface Viewer {
  prefix: string;
  unitPath: string;
}

export interface SearchFilters {
  audience?: string | undefined;
  categoryIds?: string[] | undefined;
  orderType?: string | undefined;
  kind?: string | undefined;
  scenario?: string | undefined;
}

export interface SearchParams {
  /** The tsquery text, or null to list without words (most used first). */
  tsquery: string | null;
  /** One tsquery per query word and its synonyms: the rank sums one match per group. */
  rankQueries: { tsquery: string; weight: number }[];
  filters: SearchFilters;
  /**
   * `live`: published and valid versions only (agents, the public site); `drafts`: drafts,
   * reviews and expired versions of the editor's own area too, one per article.
   */
  mode: 'live' | 'drafts';
  /** null: every unit's articles (the public site). */
  viewer: Viewer | null;
  now: Date;
  limit: number;
  offset: number;
}

export interface SearchRow {
  article_id: string;
  no: number;
  score: number;
  state: string;
  title: string;
  body_text: string;
  tags: string[];
  audience: string;
  category_id: string | null;
  category_name: string | null;
  order_types: string[];
  kind: string;
  scenario: string | null;
  expires_at: Date | null;
  updated_at: Date;
  demo: boolean;
  use_count: number;
  helpful_count: number;
  unhelpful_count: number;
}

/** How many of the title and tag matches are re-ranked on all their words. */
export const RERANK = 50;

/** A month, in seconds: the scale of the freshness boost. */
const MONTH_S = 30 * 86_400;

/**
 * Weights of D, C, B, A: body words (C) count a tenth of title words (A), tags (B) almost half,
 * so an article about the asked subject outranks one that mentions it in passing.
 */
const WEIGHTS = sql.lit('{0.05,0.1,0.4,1.0}');

/** Visible to a viewer: articles of their area, and articles of the units above them. */
export function visibleSql(column: RawBuilder<unknown>, viewer: Viewer): RawBuilder<boolean> {
  return sql<boolean>`(${column} LIKE ${viewer.prefix + '%'} OR ${viewer.unitPath} LIKE ${column} || '%')`;
}

type Vector = 'head_vec' | 'search_vec';

function filterSql(p: SearchParams): RawBuilder<unknown>[] {
  const f = p.filters;
  const w: RawBuilder<unknown>[] = [sql`v.current`];
  const valid = sql`v.state = 'published'
    AND (v.effective_from IS NULL OR v.effective_from <= ${p.now})
    AND (v.expires_at IS NULL OR v.expires_at > ${p.now})`;
  if (p.mode === 'live' || !p.viewer) w.push(valid);
  else w.push(sql`((${valid}) OR v.unit_path LIKE ${p.viewer.prefix + '%'})`);
  if (p.viewer) w.push(visibleSql(sql.ref('v.unit_path'), p.viewer));
  if (f.audience) w.push(sql`v.audience = ${f.audience}`);
  if (f.kind) w.push(sql`v.kind = ${f.kind}`);
  if (f.scenario) w.push(sql`v.scenario = ${f.scenario}`);
  if (f.orderType) w.push(sql`v.order_types @> ARRAY[${f.orderType}]::text[]`);
  if (f.categoryIds) w.push(sql`v.category_id = ANY(${f.categoryIds}::uuid[])`);
  return w;
}

const fresh = sql`coalesce(v.published_at, v.updated_at)`;

/**
 * Relevance on one vector (each word group counted once, divided by the log of the length so a
 * long article does not win by size) times a freshness boost of up to 25 % that fades over
 * months.
 */
function scoreSql(p: SearchParams, vector: Vector): RawBuilder<number> {
  const relevance = sql.join(
    p.rankQueries.map(
      (q) =>
        sql`${q.weight}::float8 * ts_rank(${WEIGHTS}::float4[], ${sql.ref(`v.${vector}`)},
              to_tsquery('simple', ${q.tsquery}), 1)`,
    ),
    sql` + `,
  );
  return sql<number>`((${relevance})
    * (1 + 0.25 / (1 + greatest(0, extract(epoch FROM ${p.now}::timestamptz - ${fresh}))
        / ${MONTH_S})))::float8`;
}

interface Candidate {
  article_id: string;
  no: number;
  score: number;
  total: number;
}

const DETAILS = sql`v.article_id, v.no, v.state, v.title, v.body_text, v.tags, v.audience,
  v.category_id, c.name AS category_name, v.order_types, v.kind, v.scenario, v.expires_at,
  coalesce(v.published_at, v.updated_at) AS updated_at, a.demo, a.use_count, a.helpful_count,
  a.unhelpful_count`;

/**
 * Tiers 1 and 2 in one statement: the title and tag matches, ranked on their small vector with
 * one rank over the whole query; the first RERANK of them ranked again on all their words, word
 * group by word group; the requested page of that order, with the number of matches.
 */
async function headPage(tx: Kysely<DB>, p: SearchParams & { tsquery: string }) {
  const q = sql`to_tsquery('simple', ${p.tsquery})`;
  const where = sql.join([sql`v.head_vec @@ ${q}`, ...filterSql(p)], sql` AND `);
  const quick = sql`ts_rank(${WEIGHTS}::float4[], v.head_vec, ${q}, 1)`;
  const rows =
    p.mode === 'drafts'
      ? sql`SELECT DISTINCT ON (v.article_id) v.article_id, v.no, ${quick} AS quick,
                   ${fresh} AS fresh
              FROM knowledge_versions v WHERE ${where}
             ORDER BY v.article_id, quick DESC, v.no DESC`
      : sql`SELECT v.article_id, v.no, ${quick} AS quick, ${fresh} AS fresh
              FROM knowledge_versions v WHERE ${where}`;
  const r = await sql<SearchRow & { total: number }>`
    WITH head AS (
      SELECT h.article_id, h.no, h.quick, count(*) OVER ()::int AS total,
             row_number() OVER (ORDER BY h.quick DESC, h.fresh DESC, h.article_id) AS rn
        FROM (${rows}) h
       ORDER BY h.quick DESC, h.fresh DESC, h.article_id
       LIMIT ${Math.max(RERANK, p.offset + p.limit)}
    ), ranked AS (
      SELECT h.article_id, h.no, h.total, h.rn,
             CASE WHEN h.rn <= ${RERANK} THEN ${scoreSql(p, 'search_vec')}
                  ELSE h.quick::float8 END AS score
        FROM head h JOIN knowledge_versions v ON v.article_id = h.article_id AND v.no = h.no
    )
    SELECT r.score, r.total, ${DETAILS}
      FROM ranked r
      JOIN knowledge_versions v ON v.article_id = r.article_id AND v.no = r.no
      JOIN knowledge_articles a ON a.id = v.article_id
      LEFT JOIN knowledge_categories c ON c.id = v.category_id
     ORDER BY r.rn > ${RERANK}, r.score DESC, r.rn
     LIMIT ${p.limit} OFFSET ${p.offset}`.execute(tx);
  if (r.rows.length > 0 || p.offset === 0) {
    return { rows: r.rows.map(({ total: _t, ...row }) => row), total: r.rows[0]?.total ?? 0 };
  }
  // A page past the title and tag matches: count them on their own.
  const n = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (${rows}) h`.execute(tx);
  return { rows: [], total: n.rows[0]?.n ?? 0 };
}

/** Tier 3: the versions matching in the body alone, ranked on all their words. */
async function bodyTier(
  tx: Kysely<DB>,
  p: SearchParams & { tsquery: string },
  limit: number,
  offset: number,
): Promise<Candidate[]> {
  const q = sql`to_tsquery('simple', ${p.tsquery})`;
  const match = sql`v.search_vec @@ ${q} AND NOT v.head_vec @@ ${q}`;
  const where = sql.join([match, ...filterSql(p)], sql` AND `);
  const score = scoreSql(p, 'search_vec');
  const rows =
    p.mode === 'drafts'
      ? sql`SELECT DISTINCT ON (v.article_id) v.article_id, v.no, ${score} AS score,
                   ${fresh} AS fresh
              FROM knowledge_versions v WHERE ${where}
             ORDER BY v.article_id, score DESC, v.no DESC`
      : sql`SELECT v.article_id, v.no, ${score} AS score, ${fresh} AS fresh
              FROM knowledge_versions v WHERE ${where}`;
  const r = await sql<Candidate>`
    SELECT h.article_id, h.no, h.score, count(*) OVER ()::int AS total
      FROM (${rows}) h
     ORDER BY h.score DESC, h.fresh DESC, h.article_id
     LIMIT ${limit} OFFSET ${offset}`.execute(tx);
  return r.rows;
}

/** The hits of a page in the order given, joined to their articles and categories. */
async function hitRows(
  tx: Kysely<DB>,
  page: { article_id: string; no: number; score: number }[],
): Promise<SearchRow[]> {
  if (page.length === 0) return [];
  const r = await sql<SearchRow & { ord: number }>`
    SELECT k.ord, ${DETAILS}
      FROM unnest(${page.map((k) => k.article_id)}::uuid[], ${page.map((k) => k.no)}::int[])
           WITH ORDINALITY AS k(article_id, no, ord)
      JOIN knowledge_versions v ON v.article_id = k.article_id AND v.no = k.no
      JOIN knowledge_articles a ON a.id = v.article_id
      LEFT JOIN knowledge_categories c ON c.id = v.category_id
     ORDER BY k.ord`.execute(tx);
  return r.rows.map(({ ord: _ord, ...row }, i) => ({ ...row, score: page[i]!.score }));
}

/** Without words: the most used first, then the freshest. */
async function browse(tx: Kysely<DB>, p: SearchParams) {
  const where = sql.join(filterSql(p), sql` AND `);
  const rows =
    p.mode === 'drafts'
      ? sql`SELECT DISTINCT ON (v.article_id) v.article_id, v.no, ${fresh} AS fresh
              FROM knowledge_versions v WHERE ${where}
             ORDER BY v.article_id, v.no DESC`
      : sql`SELECT v.article_id, v.no, ${fresh} AS fresh FROM knowledge_versions v WHERE ${where}`;
  const r = await sql<Candidate>`
    SELECT h.article_id, h.no, 0::float8 AS score, count(*) OVER ()::int AS total
      FROM (${rows}) h JOIN knowledge_articles a ON a.id = h.article_id
     ORDER BY a.use_count DESC, h.fresh DESC, h.article_id
     LIMIT ${p.limit} OFFSET ${p.offset}`.execute(tx);
  return { rows: await hitRows(tx, r.rows), total: r.rows[0]?.total ?? 0 };
}

/**
 * A page of the search and the number of ranked results: every title or tag match, plus the
 * body-only matches when the title and tag matches are fewer than RERANK (or the page reaches
 * past them). One statement in the usual case.
 */
export async function searchVersions(
  tx: Kysely<DB>,
  p: SearchParams,
): Promise<{ rows: SearchRow[]; total: number }> {
  if (p.tsquery === null || p.rankQueries.length === 0) return browse(tx, p);
  const wq = { ...p, tsquery: p.tsquery };
  const head = await headPage(tx, wq);
  const wanted = p.offset + p.limit;
  if (head.total >= RERANK && head.total >= wanted) return head;
  // Few title and tag matches: the body-only matches follow them.
  const offset = Math.max(0, p.offset - head.total);
  const need = wanted - Math.max(p.offset, head.total);
  const body = await bodyTier(tx, wq, Math.max(1, need), offset);
  const more = need > 0 ? await hitRows(tx, body.slice(0, need)) : [];
  // (Drafts mode: an article whose live version matched by title may match here by its draft.)
  const seen = new Set(head.rows.map((r) => r.article_id));
  return {
    rows: [...head.rows, ...more.filter((r) => !seen.has(r.article_id))],
    total: head.total + (body[0]?.total ?? 0),
  };
}

export interface ListParams {
  viewer: Viewer;
  /** Which articles: by the state of their live or working version. */
  state: 'draft' | 'review' | 'published' | 'expired' | 'all';
  /** Whether drafts and reviews of the viewer's own area may be listed. */
  editor: boolean;
  categoryIds?: string[] | undefined;
  kind?: string | undefined;
  createdBy?: string | undefined;
  now: Date;
  limit: number;
  offset: number;
}

export interface ListRow {
  id: string;
  kind: string;
  scenario: string | null;
  demo: boolean;
  live_no: number | null;
  working_no: number | null;
  live_state: string | null;
  live_expires_at: Date | null;
  working_state: string | null;
  title: string;
  tags: string[];
  audience: string;
  category_id: string | null;
  category_name: string | null;
  use_count: number;
  helpful_count: number;
  unhelpful_count: number;
  updated_at: Date;
  updated_by: string;
  submitted_at: Date | null;
  version: number;
  total: number;
}

/**
 * Articles for the management pages and the review queue, the version a list shows being the
 * working one where there is one (that is what an editor or reviewer acts on).
 */
export async function listArticles(tx: Kysely<DB>, p: ListParams): Promise<ListRow[]> {
  const liveValid = sql`(l.state = 'published' AND (l.expires_at IS NULL OR l.expires_at > ${p.now}))`;
  const liveExpired = sql`(l.state = 'expired' OR (l.state = 'published' AND l.expires_at <= ${p.now}))`;
  const own = sql`a.unit_path LIKE ${p.viewer.prefix + '%'}`;
  const w: RawBuilder<unknown>[] = [visibleSql(sql.ref('a.unit_path'), p.viewer)];
  switch (p.state) {
    case 'published':
      w.push(liveValid);
      break;
    case 'expired':
      w.push(liveExpired, own);
      break;
    case 'draft':
    case 'review':
      w.push(sql`wv.state = ${p.state}`, own);
      break;
    case 'all':
      w.push(p.editor ? sql`(${liveValid} OR ${own})` : liveValid);
      break;
  }
  if (p.kind) w.push(sql`a.kind = ${p.kind}`);
  if (p.createdBy) w.push(sql`a.created_by = ${p.createdBy}`);
  if (p.categoryIds) w.push(sql`s.category_id = ANY(${p.categoryIds}::uuid[])`);
  const shownNo = p.state === 'published' ? sql`a.live_no` : sql`coalesce(a.working_no, a.live_no)`;
  const r = await sql<ListRow>`
    SELECT a.id, a.kind, a.scenario, a.demo, a.live_no, a.working_no, l.state AS live_state,
           l.expires_at AS live_expires_at, wv.state AS working_state, s.title, s.tags,
           s.audience, s.category_id, c.name AS category_name, a.use_count, a.helpful_count,
           a.unhelpful_count, s.updated_at, s.created_by_name AS updated_by, s.submitted_at,
           a.version, count(*) OVER ()::int AS total
      FROM knowledge_articles a
      LEFT JOIN knowledge_versions l ON l.article_id = a.id AND l.no = a.live_no
      LEFT JOIN knowledge_versions wv ON wv.article_id = a.id AND wv.no = a.working_no
      JOIN knowledge_versions s ON s.article_id = a.id AND s.no = ${shownNo}
      LEFT JOIN knowledge_categories c ON c.id = s.category_id
     WHERE ${sql.join(w, sql` AND `)}
     ORDER BY ${p.state === 'review' ? sql`s.submitted_at` : sql`s.updated_at DESC`}, a.id
     LIMIT ${p.limit} OFFSET ${p.offset}`.execute(tx);
  return r.rows;
}
