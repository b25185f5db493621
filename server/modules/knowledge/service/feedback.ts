/**
 * What agents tell about an article: helpful or not (one vote per person, changeable), and each
 * use (opened from a search; a caller answered with it, recorded by the agent desktop).
 */
import type {
  KnowledgeUsageInput,
  KnowledgeVoteInput,
  KnowledgeVoteResult,
} from '../../../../common/schemas/knowledge.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { presentCounts } from '../presenters.js';
import { countsOf, recordUsage, setVote, voteOf } from '../store/feedback.js';
import type { KnowledgeCtx } from './context.js';
import { loadVisible } from './load.js';

export async function voteOnArticle(
  ctx: KnowledgeCtx,
  id: string,
  input: KnowledgeVoteInput,
): Promise<KnowledgeVoteResult> {
  authorize(ctx.actor, 'knowledge.view');
  const l = await loadVisible(ctx, id);
  const helpful = input.vote === 'none' ? null : input.vote === 'helpful';
  const before = await voteOf(ctx.tx, id, ctx.actor.userId);
  if (before !== helpful) {
    await setVote(ctx.tx, id, ctx.actor.userId, helpful, ctx.now);
    await recordAudit(
      ctx.tx,
      { actor: ctx.actor, meta: ctx.meta },
      {
        action: 'knowledge.vote',
        entityType: 'knowledge_article',
        entityId: id,
        before: { helpful: before },
        after: { helpful },
        orgId: l.article.org_id,
        provinceId: l.article.province_id,
      },
    );
  }
  return { counts: presentCounts(await countsOf(ctx.tx, id)), myVote: helpful };
}

/**
 * Counts one use. Kept in its own log (who, when, which version, the words searched, the
 * contact answered) rather than the audit log: a use changes no content.
 */
export async function recordArticleUse(ctx: KnowledgeCtx, id: string, input: KnowledgeUsageInput) {
  authorize(ctx.actor, 'knowledge.view');
  const l = await loadVisible(ctx, id);
  await recordUsage(ctx.tx, {
    articleId: id,
    versionNo: l.article.live_no ?? l.article.working_no ?? l.article.latest_no,
    userId: ctx.actor.userId,
    kind: input.kind,
    query: input.query ?? null,
    contactId: input.contactId ?? null,
    orgId: ctx.actor.unitId,
    provinceId: ctx.actor.provinceId,
    at: ctx.now,
  });
  return { counts: presentCounts(await countsOf(ctx.tx, id)) };
}
