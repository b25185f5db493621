/**
 * The approval flow (lifecycle.ts) applied: submit, approve, reject with a reason, expire; and
 * the sweep that marks published versions past their expiry date as expired. Every step writes
 * its event and audit row in the same transaction; publishing and expiry also an outbox row.
 */
import type { Kysely } from 'kysely';
import type { KnowledgeAction } from '../../../../common/schemas/knowledge.js';
import type { DB } from '../../../db/schema.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { ACTION_PERMISSION, stateRefusal } from '../lifecycle.js';
import { KnowledgeError } from '../errors.js';
import { dueExpiries, insertEvent, updateArticle, updateVersion } from '../store/articles.js';
import { insertOutbox } from '../store/outbox.js';
import { getArticle } from './articles.js';
import type { KnowledgeCtx } from './context.js';
import { flowOf, loadForChange } from './load.js';

export type FlowAction = Exclude<KnowledgeAction, 'edit'>;

export interface FlowInput {
  version: number;
  reason?: string | undefined;
}

export async function actOnArticle(
  ctx: KnowledgeCtx,
  id: string,
  action: FlowAction,
  input: FlowInput,
) {
  authorize(ctx.actor, ACTION_PERMISSION[action]);
  const l = await loadForChange(ctx, id, input.version);
  const refusal = stateRefusal(action, flowOf(l), ctx.actor.userId, ctx.now);
  if (refusal === 'self_review') throw new KnowledgeError('KNOWLEDGE_SELF_REVIEW');
  if (refusal) throw new KnowledgeError('KNOWLEDGE_ACTION_NOT_ALLOWED', { action });
  const a = l.article;
  const who = { by: ctx.actor.userId, name: ctx.actor.displayName };
  let versionNo: number;
  switch (action) {
    case 'submit': {
      versionNo = l.working!.no;
      await updateVersion(ctx.tx, id, versionNo, {
        state: 'review',
        submitted_by: who.by,
        submitted_at: ctx.now,
        updated_at: ctx.now,
      });
      await updateArticle(ctx.tx, id, {}, ctx.now);
      break;
    }
    case 'approve': {
      versionNo = l.working!.no;
      // The old answer stays live until this moment, then gives way.
      if (l.live)
        await updateVersion(ctx.tx, id, l.live.no, { state: 'superseded', current: false });
      await updateVersion(ctx.tx, id, versionNo, {
        state: 'published',
        reviewed_by: who.by,
        reviewed_by_name: who.name,
        reviewed_at: ctx.now,
        reject_reason: null,
        published_at: ctx.now,
        updated_at: ctx.now,
      });
      await updateArticle(ctx.tx, id, { live_no: versionNo, working_no: null }, ctx.now);
      break;
    }
    case 'reject': {
      versionNo = l.working!.no;
      await updateVersion(ctx.tx, id, versionNo, {
        state: 'draft',
        reviewed_by: who.by,
        reviewed_by_name: who.name,
        reviewed_at: ctx.now,
        reject_reason: input.reason ?? null,
        updated_at: ctx.now,
      });
      await updateArticle(ctx.tx, id, {}, ctx.now);
      break;
    }
    case 'expire': {
      versionNo = l.live!.no;
      await updateVersion(ctx.tx, id, versionNo, { state: 'expired', updated_at: ctx.now });
      await updateArticle(ctx.tx, id, {}, ctx.now);
      break;
    }
    default: {
      const never: never = action;
      throw new Error(`unknown action ${String(never)}`);
    }
  }
  await insertEvent(ctx.tx, {
    articleId: id,
    versionNo,
    at: ctx.now,
    action,
    actorId: who.by,
    actorName: who.name,
    note: input.reason ?? null,
  });
  await recordAudit(
    ctx.tx,
    { actor: ctx.actor, meta: ctx.meta },
    {
      action: `knowledge.${action}`,
      entityType: 'knowledge_article',
      entityId: id,
      after: { versionNo, ...(input.reason ? { reason: input.reason } : {}) },
      orgId: a.org_id,
      provinceId: a.province_id,
    },
  );
  if (action === 'approve' || action === 'expire')
    await insertOutbox(ctx.tx, {
      articleId: id,
      versionNo,
      action,
      at: ctx.now,
      orgId: a.org_id,
      provinceId: a.province_id,
      unitPath: a.unit_path,
    });
  return getArticle(ctx, id);
}

/**
 * Marks published versions past their expiry date as expired (reads already hide them from the
 * moment the date passes; this records it). Idempotent; returns how many it marked.
 */
export async function expireDueArticles(ctx: { tx: Kysely<DB>; now: Date }): Promise<number> {
  const due = await dueExpiries(ctx.tx, ctx.now);
  for (const v of due) {
    await updateVersion(ctx.tx, v.article_id, v.no, { state: 'expired', updated_at: ctx.now });
    await updateArticle(ctx.tx, v.article_id, {}, ctx.now);
    await insertEvent(ctx.tx, {
      articleId: v.article_id,
      versionNo: v.no,
      at: ctx.now,
      action: 'expire',
      actorId: null,
      actorName: '系统（到期失效）',
    });
    await recordAudit(
      ctx.tx,
      { actor: null, meta: { ip: null, requestId: null, userAgent: 'knowledge-expiry' } },
      {
        action: 'knowledge.expire',
        entityType: 'knowledge_article',
        entityId: v.article_id,
        after: { versionNo: v.no, reason: 'expiry date passed' },
        orgId: v.org_id,
        provinceId: v.province_id,
      },
    );
    await insertOutbox(ctx.tx, {
      articleId: v.article_id,
      versionNo: v.no,
      action: 'expire',
      at: ctx.now,
      orgId: v.org_id,
      provinceId: v.province_id,
      unitPath: v.unit_path,
    });
  }
  return due.length;
}
