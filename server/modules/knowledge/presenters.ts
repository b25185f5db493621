/** Knowledge rows to API answers: allowlists of fields, never rows as they are. */
import type {
  KnowledgeArticleSummary,
  KnowledgeAudience,
  KnowledgeKind,
  KnowledgeSearchHit,
  KnowledgeState,
  KnowledgeVersionContent,
  KnowledgeVersionSummary,
  ScriptScenario,
} from '../../../common/schemas/knowledge.js';
import { effectiveState } from './lifecycle.js';
import { chosenOrderTypes } from './service/content.js';
import type { VersionRow } from './store/articles.js';
import type { ListRow, SearchRow } from './store/search.js';
import { highlightAll, snippet } from './text/highlight.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentVersionSummary(v: VersionRow, now: Date): KnowledgeVersionSummary {
  return {
    no: v.no,
    state: effectiveState(v.state as KnowledgeState, v.expires_at, now),
    title: v.title,
    changeNote: v.change_note,
    createdBy: v.created_by_name,
    createdAt: v.created_at.toISOString(),
    submittedAt: iso(v.submitted_at),
    reviewedBy: v.reviewed_by_name,
    reviewedAt: iso(v.reviewed_at),
    rejectReason: v.reject_reason,
    publishedAt: iso(v.published_at),
  };
}

export function presentVersionContent(v: VersionRow, now: Date): KnowledgeVersionContent {
  return {
    ...presentVersionSummary(v, now),
    body: v.body_source,
    bodyHtml: v.body_html,
    summary: v.summary,
    tags: v.tags,
    audience: v.audience as KnowledgeAudience,
    category:
      v.category_id && v.category_name ? { id: v.category_id, name: v.category_name } : null,
    orderTypes: chosenOrderTypes(v.order_types),
    effectiveFrom: iso(v.effective_from),
    expiresAt: iso(v.expires_at),
  };
}

const counts = (r: { use_count: number; helpful_count: number; unhelpful_count: number }) => ({
  uses: r.use_count,
  helpful: r.helpful_count,
  unhelpful: r.unhelpful_count,
});
export { counts as presentCounts };

export function presentHit(r: SearchRow, terms: string[], now: Date): KnowledgeSearchHit {
  return {
    id: r.article_id,
    kind: r.kind as KnowledgeKind,
    scenario: r.scenario as ScriptScenario | null,
    versionNo: r.no,
    state: effectiveState(r.state as KnowledgeState, r.expires_at, now),
    title: r.title,
    titleHighlight: highlightAll(r.title, terms),
    snippet: snippet(r.body_text, terms),
    tags: r.tags,
    audience: r.audience as KnowledgeAudience,
    category:
      r.category_id && r.category_name ? { id: r.category_id, name: r.category_name } : null,
    orderTypes: chosenOrderTypes(r.order_types),
    updatedAt: r.updated_at.toISOString(),
    demo: r.demo,
    counts: counts(r),
    score: Math.round(r.score * 10_000) / 10_000,
  };
}

export function presentListRow(r: ListRow, now: Date): KnowledgeArticleSummary {
  const state: KnowledgeState = r.live_state
    ? effectiveState(r.live_state as KnowledgeState, r.live_expires_at, now)
    : ((r.working_state as KnowledgeState | null) ?? 'draft');
  return {
    id: r.id,
    kind: r.kind as KnowledgeKind,
    scenario: r.scenario as ScriptScenario | null,
    state,
    workingState: r.working_state as 'draft' | 'review' | null,
    title: r.title,
    tags: r.tags,
    audience: r.audience as KnowledgeAudience,
    category:
      r.category_id && r.category_name ? { id: r.category_id, name: r.category_name } : null,
    demo: r.demo,
    counts: counts(r),
    updatedAt: r.updated_at.toISOString(),
    updatedBy: r.updated_by,
    submittedAt: iso(r.submitted_at),
    version: r.version,
  };
}
