/**
 * Writing knowledge articles and answer scripts: creating one (a draft), editing the working
 * draft (or opening a new one over the published version), and reading an article with the
 * actions its reader may take.
 */
import type {
  CreateKnowledgeArticleInput,
  KnowledgeArticleDetail,
  KnowledgeKind,
  ScriptScenario,
  UpdateKnowledgeArticleInput,
} from '../../../../common/schemas/knowledge.js';
import { AppError } from '../../../platform/app-error.js';
import { newId } from '../../../platform/ids.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { allowedActions, articleState, stateRefusal } from '../lifecycle.js';
import { KnowledgeError } from '../errors.js';
import { presentCounts, presentVersionContent } from '../presenters.js';
import {
  eventsOf,
  insertArticle,
  insertEvent,
  insertVersion,
  updateArticle,
  updateVersion,
  versionOf,
  type VersionRow,
} from '../store/articles.js';
import { voteOf } from '../store/feedback.js';
import { chosenOrderTypes, versionContent, type ContentFields } from './content.js';
import { homeUnit, type KnowledgeCtx, type ReadCtx } from './context.js';
import {
  flowOf,
  loadForChange,
  loadVisible,
  seesAllVersions,
  versionShownToReaders,
  type Loaded,
} from './load.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The editable fields of a version, as an editor would send them back unchanged. */
function fieldsOf(v: VersionRow): ContentFields {
  return {
    title: v.title,
    body: v.body_source,
    summary: v.summary,
    tags: v.tags,
    audience: v.audience as ContentFields['audience'],
    categoryId: v.category_id,
    orderTypes: chosenOrderTypes(v.order_types),
    effectiveFrom: iso(v.effective_from),
    expiresAt: iso(v.expires_at),
    changeNote: null,
  };
}

export interface CreateOptions {
  /** Demo content (the demo loader): flagged so it is never taken for an approved answer. */
  demo?: boolean;
}

export async function createArticle(
  ctx: KnowledgeCtx,
  input: CreateKnowledgeArticleInput,
  opts: CreateOptions = {},
): Promise<KnowledgeArticleDetail> {
  authorize(ctx.actor, 'knowledge.edit');
  const unit = await homeUnit(ctx);
  const content = await versionContent(ctx, {
    title: input.title,
    body: input.body,
    summary: input.summary ?? null,
    tags: input.tags,
    audience: input.audience,
    categoryId: input.categoryId ?? null,
    orderTypes: input.orderTypes,
    effectiveFrom: input.effectiveFrom ?? null,
    expiresAt: input.expiresAt ?? null,
    changeNote: input.changeNote ?? null,
  });
  const id = newId();
  const scenario = input.kind === 'script' ? (input.scenario ?? null) : null;
  await insertArticle(ctx.tx, {
    id,
    kind: input.kind,
    scenario,
    demo: opts.demo ?? false,
    live_no: null,
    working_no: 1,
    latest_no: 1,
    created_by: ctx.actor.userId,
    org_id: unit.id,
    unit_path: unit.path,
    province_id: unit.province_id,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await insertVersion(ctx.tx, {
    article_id: id,
    no: 1,
    state: 'draft',
    ...content,
    kind: input.kind,
    scenario,
    unit_path: unit.path,
    created_by: ctx.actor.userId,
    created_by_name: ctx.actor.displayName,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await insertEvent(ctx.tx, {
    articleId: id,
    versionNo: 1,
    at: ctx.now,
    action: 'create',
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
  });
  await recordAudit(
    ctx.tx,
    { actor: ctx.actor, meta: ctx.meta },
    {
      action: 'knowledge.create',
      entityType: 'knowledge_article',
      entityId: id,
      after: {
        kind: input.kind,
        scenario,
        title: input.title,
        audience: input.audience,
        demo: opts.demo ?? false,
      },
      orgId: unit.id,
      provinceId: unit.province_id,
    },
  );
  return getArticle(ctx, id);
}

/**
 * Edits an article: the working draft when there is one, else a new draft over the live
 * version (which stays live until the draft is approved). A version in review is not edited:
 * the reviewer approves or rejects it first.
 */
export async function editArticle(
  ctx: KnowledgeCtx,
  id: string,
  input: UpdateKnowledgeArticleInput,
): Promise<KnowledgeArticleDetail> {
  authorize(ctx.actor, 'knowledge.edit');
  const l = await loadForChange(ctx, id, input.version);
  if (stateRefusal('edit', flowOf(l), ctx.actor.userId, ctx.now))
    throw new KnowledgeError('KNOWLEDGE_ACTION_NOT_ALLOWED', { action: 'edit' });
  if (input.scenario !== undefined && l.article.kind !== 'script')
    throw new AppError('VALIDATION_FAILED', [
      { path: ['scenario'], message: 'Only a script has a scenario' },
    ]);
  const base = l.working ?? l.live;
  if (!base) throw new KnowledgeError('KNOWLEDGE_ARTICLE_NOT_FOUND');
  const before = fieldsOf(base);
  const merged: ContentFields = {
    title: input.title ?? before.title,
    body: input.body ?? before.body,
    summary: input.summary === undefined ? before.summary : input.summary,
    tags: input.tags ?? before.tags,
    audience: input.audience ?? before.audience,
    categoryId: input.categoryId === undefined ? before.categoryId : input.categoryId,
    orderTypes: input.orderTypes ?? before.orderTypes,
    effectiveFrom: input.effectiveFrom === undefined ? before.effectiveFrom : input.effectiveFrom,
    expiresAt: input.expiresAt === undefined ? before.expiresAt : input.expiresAt,
    changeNote: input.changeNote ?? null,
  };
  const content = await versionContent(ctx, merged);
  const scenario = input.scenario ?? l.article.scenario;
  let no: number;
  if (l.working) {
    no = l.working.no;
    await updateVersion(ctx.tx, id, no, {
      ...content,
      change_note: input.changeNote ?? l.working.change_note,
      scenario,
      updated_at: ctx.now,
    });
  } else {
    no = l.article.latest_no + 1;
    await insertVersion(ctx.tx, {
      article_id: id,
      no,
      state: 'draft',
      ...content,
      kind: l.article.kind,
      scenario,
      unit_path: l.article.unit_path,
      created_by: ctx.actor.userId,
      created_by_name: ctx.actor.displayName,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
  }
  await updateArticle(
    ctx.tx,
    id,
    { working_no: no, latest_no: Math.max(no, l.article.latest_no), scenario },
    ctx.now,
  );
  await insertEvent(ctx.tx, {
    articleId: id,
    versionNo: no,
    at: ctx.now,
    action: l.working ? 'edit' : 'new_version',
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    note: input.changeNote ?? null,
  });
  const changed = (Object.keys(merged) as (keyof ContentFields)[]).filter(
    (k) => k !== 'changeNote' && JSON.stringify(merged[k]) !== JSON.stringify(before[k]),
  );
  await recordAudit(
    ctx.tx,
    { actor: ctx.actor, meta: ctx.meta },
    {
      action: 'knowledge.edit',
      entityType: 'knowledge_article',
      entityId: id,
      before: { versionNo: base.no, title: before.title },
      after: { versionNo: no, title: merged.title, changed },
      orgId: l.article.org_id,
      provinceId: l.article.province_id,
    },
  );
  return getArticle(ctx, id);
}

/** The version shown: the one asked for, else the live one for readers, else the working one. */
async function shownVersion(ctx: ReadCtx, l: Loaded, no: number | undefined, all: boolean) {
  if (no !== undefined) {
    const v = await versionOf(ctx.tx, l.article.id, no);
    if (!v || (!all && !versionShownToReaders(v)))
      throw new KnowledgeError('KNOWLEDGE_VERSION_NOT_FOUND');
    return v;
  }
  const v = all ? (l.working ?? l.live) : l.live;
  if (!v) throw new KnowledgeError('KNOWLEDGE_ARTICLE_NOT_FOUND');
  return v;
}

export async function getArticle(
  ctx: ReadCtx,
  id: string,
  versionNo?: number,
): Promise<KnowledgeArticleDetail> {
  authorize(ctx.actor, 'knowledge.view');
  const l = await loadVisible(ctx, id);
  const all = seesAllVersions(ctx.actor, l);
  const shown = await shownVersion(ctx, l, versionNo, all);
  const flow = flowOf(l);
  const events = (await eventsOf(ctx.tx, id)).filter(
    (e) => all || ['approve', 'expire'].includes(e.action),
  );
  return {
    id,
    kind: l.article.kind as KnowledgeKind,
    scenario: l.article.scenario as ScriptScenario | null,
    demo: l.article.demo,
    state: articleState(flow, ctx.now),
    liveNo: l.article.live_no,
    workingNo: all ? l.article.working_no : null,
    workingState: all ? (flow.working?.state ?? null) : null,
    shown: presentVersionContent(shown, ctx.now),
    counts: presentCounts(l.article),
    myVote: await voteOf(ctx.tx, id, ctx.actor.userId),
    allowedActions: all ? allowedActions(flow, ctx.actor, ctx.now) : [],
    unit: { id: l.article.org_id, name: l.article.unit_name },
    events: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      versionNo: e.version_no,
      actorName: e.actor_name,
      note: e.note,
    })),
    version: l.article.version,
  };
}
