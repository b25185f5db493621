/** An article's versions and the difference between any two of them. */
import {
  KNOWLEDGE_AUDIENCE_LABELS,
  orderTypeName,
  type KnowledgeDiff,
  type KnowledgeVersionList,
} from '../../../../common/schemas/knowledge.js';
import { authorize } from '../../auth/index.js';
import { KnowledgeError } from '../errors.js';
import { presentVersionSummary } from '../presenters.js';
import { versionsOf, type VersionRow } from '../store/articles.js';
import { chosenOrderTypes } from './content.js';
import type { ReadCtx } from './context.js';
import { loadVisible, seesAllVersions, versionShownToReaders } from './load.js';
import { bodyDiff, fieldChanges } from '../text/version-diff.js';

async function visibleVersions(ctx: ReadCtx, id: string) {
  authorize(ctx.actor, 'knowledge.view');
  const l = await loadVisible(ctx, id);
  const all = seesAllVersions(ctx.actor, l);
  return (await versionsOf(ctx.tx, id)).filter((v) => all || versionShownToReaders(v));
}

export async function listVersions(ctx: ReadCtx, id: string): Promise<KnowledgeVersionList> {
  const versions = await visibleVersions(ctx, id);
  return { items: versions.map((v) => presentVersionSummary(v, ctx.now)) };
}

const day = (d: Date | null) =>
  d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '—';

/** The fields of a version as a diff shows them (Chinese labels: the people reading are). */
function shown(v: VersionRow): Record<string, string> {
  return {
    标题: v.title,
    摘要: v.summary ?? '',
    标签: v.tags.join('、'),
    受众: KNOWLEDGE_AUDIENCE_LABELS[v.audience as 'agents' | 'public'].zh,
    分类: v.category_name ?? '—',
    关联工单类型: chosenOrderTypes(v.order_types)
      .map((k) => orderTypeName(k, 'zh'))
      .join('、'),
    生效时间: day(v.effective_from),
    失效时间: day(v.expires_at),
  };
}

export async function diffVersions(
  ctx: ReadCtx,
  id: string,
  fromNo: number,
  toNo: number,
): Promise<KnowledgeDiff> {
  const versions = await visibleVersions(ctx, id);
  const from = versions.find((v) => v.no === fromNo);
  const to = versions.find((v) => v.no === toNo);
  if (!from || !to) throw new KnowledgeError('KNOWLEDGE_VERSION_NOT_FOUND');
  return {
    from: presentVersionSummary(from, ctx.now),
    to: presentVersionSummary(to, ctx.now),
    fields: fieldChanges(shown(from), shown(to)),
    body: bodyDiff(from.body_source, to.body_source),
  };
}
