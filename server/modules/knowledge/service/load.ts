/** Loading an article with its live and working versions, and who may see which. */
import type { KnowledgeState } from '../../../../common/schemas/knowledge.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { effectiveState, type FlowVersions } from '../lifecycle.js';
import { KnowledgeError } from '../errors.js';
import { articleById, versionOf, type ArticleRow, type VersionRow } from '../store/articles.js';
import { visibleTo } from './categories.js';
import { ownsArea, type ReadCtx } from './context.js';

export interface Loaded {
  article: ArticleRow;
  live: VersionRow | null;
  working: VersionRow | null;
}

export function flowOf(l: Loaded): FlowVersions {
  return {
    live: l.live ? { state: l.live.state as KnowledgeState, expiresAt: l.live.expires_at } : null,
    working: l.working
      ? {
          state: l.working.state as 'draft' | 'review',
          submittedBy: l.working.submitted_by,
        }
      : null,
  };
}

/** Whether the live version is what agents read now: published, in force, not expired. */
export function liveReadable(l: Loaded, now: Date): boolean {
  const v = l.live;
  return (
    v !== null &&
    effectiveState(v.state as KnowledgeState, v.expires_at, now) === 'published' &&
    (v.effective_from === null || v.effective_from <= now)
  );
}

/** Whether the person edits or approves this article (it is in their area): sees every version. */
export function seesAllVersions(actor: Actor, l: Loaded): boolean {
  return ownsArea(actor, l.article.unit_path);
}

/**
 * The article as the person may see it, or 404: outside what they see, or (for readers) with
 * nothing live to read.
 */
export async function loadVisible(ctx: ReadCtx, id: string, lock = false): Promise<Loaded> {
  const article = await articleById(ctx.tx, id, lock);
  if (!article || !visibleTo(ctx.actor, article.unit_path))
    throw new KnowledgeError('KNOWLEDGE_ARTICLE_NOT_FOUND');
  const l: Loaded = {
    article,
    live: article.live_no === null ? null : await versionOf(ctx.tx, id, article.live_no),
    working: article.working_no === null ? null : await versionOf(ctx.tx, id, article.working_no),
  };
  if (!seesAllVersions(ctx.actor, l) && !liveReadable(l, ctx.now))
    throw new KnowledgeError('KNOWLEDGE_ARTICLE_NOT_FOUND');
  return l;
}

/** The article for a change by an editor or reviewer: visible, in their area, locked. */
export async function loadForChange(
  ctx: ReadCtx,
  id: string,
  expectedVersion: number,
): Promise<Loaded> {
  const l = await loadVisible(ctx, id, true);
  if (!seesAllVersions(ctx.actor, l)) throw new AppError('FORBIDDEN', { reason: 'outside area' });
  if (l.article.version !== expectedVersion) throw new AppError('VERSION_CONFLICT');
  return l;
}

/** Whether a reader (not an editor of the article) may see a version: once-published ones only. */
export function versionShownToReaders(v: VersionRow): boolean {
  return v.state === 'published' || v.state === 'superseded' || v.state === 'expired';
}
