/**
 * Knowledge base (知识库) and answer scripts (话术): API shapes and the words they use, shared by
 * the server (validation) and the web (forms, labels).
 */
import { z } from 'zod';
import { DEFAULT_TAXONOMY } from '../orders/taxonomy.js';
import { Id, Page, Version, text } from './primitives.js';

export const KNOWLEDGE_KINDS = ['article', 'script'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/** Who may read an article: agents (and staff) only, or also the public site without a login. */
export const KNOWLEDGE_AUDIENCES = ['agents', 'public'] as const;
export type KnowledgeAudience = (typeof KNOWLEDGE_AUDIENCES)[number];

/**
 * A version's state. draft → review → published → expired; review → draft on reject; a
 * published version becomes superseded when a newer one is approved.
 */
export const KNOWLEDGE_STATES = ['draft', 'review', 'published', 'superseded', 'expired'] as const;
export type KnowledgeState = (typeof KNOWLEDGE_STATES)[number];

export const KNOWLEDGE_ACTIONS = ['edit', 'submit', 'approve', 'reject', 'expire'] as const;
export type KnowledgeAction = (typeof KNOWLEDGE_ACTIONS)[number];

/** The situations an agent reads a script in (话术场景). */
export const SCRIPT_SCENARIOS = [
  'opening',
  'closing',
  'outage_enquiry',
  'arrears_outage',
  'complaint_soothing',
  'fault_report',
  'bill_enquiry',
  'holiday_greeting',
  'major_event',
  'other',
] as const;
export type ScriptScenario = (typeof SCRIPT_SCENARIOS)[number];

export const SCRIPT_SCENARIO_LABELS: Record<ScriptScenario, { zh: string; en: string }> = {
  opening: { zh: '开场语', en: 'Opening' },
  closing: { zh: '结束语', en: 'Closing' },
  outage_enquiry: { zh: '停电咨询', en: 'Outage enquiry' },
  arrears_outage: { zh: '欠费停电', en: 'Disconnection for arrears' },
  complaint_soothing: { zh: '投诉安抚', en: 'Soothing a complaint' },
  fault_report: { zh: '故障报修', en: 'Fault report' },
  bill_enquiry: { zh: '电费咨询', en: 'Bill enquiry' },
  holiday_greeting: { zh: '节日问候', en: 'Holiday greeting' },
  major_event: { zh: '重大事件', en: 'Major event' },
  other: { zh: '其他', en: 'Other' },
};

export const KNOWLEDGE_AUDIENCE_LABELS: Record<KnowledgeAudience, { zh: string; en: string }> = {
  agents: { zh: '内部（坐席）', en: 'Staff only' },
  public: { zh: '公开（客户可见）', en: 'Public' },
};

export const KNOWLEDGE_STATE_LABELS: Record<KnowledgeState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  review: { zh: '待审核', en: 'In review' },
  published: { zh: '已发布', en: 'Published' },
  superseded: { zh: '已替换', en: 'Superseded' },
  expired: { zh: '已失效', en: 'Expired' },
};

/** The tag every demo article carries, so nobody mistakes it for an approved answer. */
export const DEMO_TAG = '演示内容';

/** `fault` or `fault.meter_fault`: an order type or subtype of the default taxonomy. */
const ORDER_TYPE_KEYS = new Set(
  DEFAULT_TAXONOMY.types.flatMap((t) => [t.code, ...t.subtypes.map((s) => `${t.code}.${s.code}`)]),
);
export const OrderTypeKey = z
  .string()
  .max(80)
  .refine((k) => ORDER_TYPE_KEYS.has(k), { message: 'An order type or type.subtype code' });

/** The name of an order type key in the default taxonomy (`故障报修 / 计量装置故障`). */
export function orderTypeName(key: string, lang: 'zh' | 'en'): string {
  const [typeCode, subCode] = key.split('.');
  const type = DEFAULT_TAXONOMY.types.find((t) => t.code === typeCode);
  if (!type) return key;
  const sub = subCode ? type.subtypes.find((s) => s.code === subCode) : undefined;
  return sub ? `${type.name[lang]} / ${sub.name[lang]}` : type.name[lang];
}

/** Every order type key, types first with their subtypes after each. */
export const ORDER_TYPE_KEY_LIST: string[] = DEFAULT_TAXONOMY.types.flatMap((t) => [
  t.code,
  ...t.subtypes.map((s) => `${t.code}.${s.code}`),
]);

/**
 * Text of several lines (an article body in Markdown): like text() but newlines and tabs are
 * allowed; other control characters are not.
 */
export function multilineText(max: number, min = 1) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((s) => s.isWellFormed(), { message: 'Text contains broken Unicode (lone surrogate)' })
    .refine((s) => !/[^\P{Cc}\n\r\t]/u.test(s), { message: 'Text contains control characters' })
    .refine((s) => s.trim().length >= min, { message: 'Text is empty' });
}

const IsoTime = z.iso.datetime({ offset: true });
const Tag = text(20).refine((t) => !/[,，;；]/.test(t), { message: 'One tag, without commas' });

const ArticleFields = {
  title: text(200),
  /** Markdown (inline HTML allowed); the server renders it and keeps only safe HTML. */
  body: multilineText(50_000),
  summary: text(500).nullable().optional(),
  tags: z.array(Tag).max(20).default([]),
  audience: z.enum(KNOWLEDGE_AUDIENCES).default('agents'),
  categoryId: Id.nullable().optional(),
  orderTypes: z.array(OrderTypeKey).max(20).default([]),
  effectiveFrom: IsoTime.nullable().optional(),
  expiresAt: IsoTime.nullable().optional(),
  /** What changed, for the version history. */
  changeNote: text(500).optional(),
};

export const CreateKnowledgeArticleInput = z
  .strictObject({
    kind: z.enum(KNOWLEDGE_KINDS).default('article'),
    /** Scripts only: the situation it is read in. */
    scenario: z.enum(SCRIPT_SCENARIOS).nullable().optional(),
    ...ArticleFields,
  })
  .refine((a) => (a.kind === 'script') === (a.scenario != null), {
    message: 'A script names its scenario; an article has none',
    path: ['scenario'],
  });
export type CreateKnowledgeArticleInput = z.infer<typeof CreateKnowledgeArticleInput>;

export const UpdateKnowledgeArticleInput = z.strictObject({
  version: Version,
  scenario: z.enum(SCRIPT_SCENARIOS).optional(),
  title: ArticleFields.title.optional(),
  body: ArticleFields.body.optional(),
  summary: ArticleFields.summary,
  tags: z.array(Tag).max(20).optional(),
  audience: z.enum(KNOWLEDGE_AUDIENCES).optional(),
  categoryId: ArticleFields.categoryId,
  orderTypes: z.array(OrderTypeKey).max(20).optional(),
  effectiveFrom: ArticleFields.effectiveFrom,
  expiresAt: ArticleFields.expiresAt,
  changeNote: ArticleFields.changeNote,
});
export type UpdateKnowledgeArticleInput = z.infer<typeof UpdateKnowledgeArticleInput>;

export const KnowledgeFlowInput = z.strictObject({ version: Version });
export type KnowledgeFlowInput = z.infer<typeof KnowledgeFlowInput>;

export const KnowledgeRejectInput = z.strictObject({ version: Version, reason: text(500) });
export type KnowledgeRejectInput = z.infer<typeof KnowledgeRejectInput>;

export const KnowledgeExpireInput = z.strictObject({
  version: Version,
  reason: text(500).optional(),
});
export type KnowledgeExpireInput = z.infer<typeof KnowledgeExpireInput>;

/** A person's vote on an article: helpful, not helpful, or none (the vote taken back). */
export const KNOWLEDGE_VOTES = ['helpful', 'unhelpful', 'none'] as const;
export const KnowledgeVoteInput = z.strictObject({ vote: z.enum(KNOWLEDGE_VOTES) });
export type KnowledgeVoteInput = z.infer<typeof KnowledgeVoteInput>;

/**
 * `opened`: an agent opened the article from a search; `answered`: a caller was answered with it
 * (the agent desktop records this when it closes a contact).
 */
export const KNOWLEDGE_USAGE_KINDS = ['opened', 'answered'] as const;
export const KnowledgeUsageInput = z.strictObject({
  kind: z.enum(KNOWLEDGE_USAGE_KINDS),
  /** The words searched, when opened from a search. */
  query: text(100).optional(),
  /** The call or contact it answered (the desktop's contact id). */
  contactId: Id.optional(),
});
export type KnowledgeUsageInput = z.infer<typeof KnowledgeUsageInput>;

const SearchPageSize = z.coerce.number().int().min(1).max(50).default(10);
const VersionNo = z.coerce.number().int().min(1).max(100_000);

export const KnowledgeSearchQuery = z.strictObject({
  /** Words as a caller says them (家里停电了); empty lists the most used articles. */
  q: text(100).optional(),
  categoryId: Id.optional(),
  audience: z.enum(KNOWLEDGE_AUDIENCES).optional(),
  orderType: OrderTypeKey.optional(),
  kind: z.enum(KNOWLEDGE_KINDS).optional(),
  scenario: z.enum(SCRIPT_SCENARIOS).optional(),
  /** Editors and reviewers: search drafts and articles in review too. */
  drafts: z.enum(['true', 'false']).optional(),
  page: Page,
  pageSize: SearchPageSize,
});
export type KnowledgeSearchQuery = z.infer<typeof KnowledgeSearchQuery>;

export const KNOWLEDGE_LIST_STATES = ['draft', 'review', 'published', 'expired', 'all'] as const;
export const KnowledgeListQuery = z.strictObject({
  /** review: the review queue. Anything but published needs knowledge.edit or knowledge.review. */
  state: z.enum(KNOWLEDGE_LIST_STATES).default('published'),
  categoryId: Id.optional(),
  kind: z.enum(KNOWLEDGE_KINDS).optional(),
  mine: z.enum(['true', 'false']).optional(),
  page: Page,
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type KnowledgeListQuery = z.infer<typeof KnowledgeListQuery>;

export const KnowledgeArticleQuery = z.strictObject({ version: VersionNo.optional() });
export const KnowledgeDiffQuery = z.strictObject({ from: VersionNo, to: VersionNo });

/** The editor's preview: the Markdown as it will be stored and shown. */
export const KnowledgePreviewInput = z.strictObject({ body: multilineText(50_000) });
export const KnowledgePreview = z.object({ html: z.string() });
export type KnowledgePreview = z.infer<typeof KnowledgePreview>;

/**
 * The code of the company whose public site asks (a province company's, `SF` in the demo): only
 * articles it may show are answered, its own, those of the units below it and of the units above
 * it (headquarters). Without it every public article is answered, as for a national site.
 */
const PublicUnit = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9_-]+$/, 'a unit code: letters, digits, - and _');

export const PublicKnowledgeQuery = z.strictObject({
  q: text(100).optional(),
  unit: PublicUnit.optional(),
  page: Page,
  pageSize: z.coerce.number().int().min(1).max(20).default(10),
});
export type PublicKnowledgeQuery = z.infer<typeof PublicKnowledgeQuery>;

export const PublicKnowledgeArticleQuery = z.strictObject({ unit: PublicUnit.optional() });
export type PublicKnowledgeArticleQuery = z.infer<typeof PublicKnowledgeArticleQuery>;

export const CreateKnowledgeCategoryInput = z.strictObject({
  name: text(50),
  parentId: Id.nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CreateKnowledgeCategoryInput = z.infer<typeof CreateKnowledgeCategoryInput>;

export const UpdateKnowledgeCategoryInput = z.strictObject({
  version: Version,
  name: text(50).optional(),
  parentId: Id.nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type UpdateKnowledgeCategoryInput = z.infer<typeof UpdateKnowledgeCategoryInput>;

// ---- answers ----

/** A piece of highlighted text: `hit` marks a matched search word. */
export const HighlightSegment = z.object({ text: z.string(), hit: z.boolean() });
export type HighlightSegment = z.infer<typeof HighlightSegment>;

const Ref = z.object({ id: z.string(), name: z.string() });

export const KnowledgeCategory = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  position: z.number(),
  /** Published articles directly in it. */
  articles: z.number(),
  version: z.number(),
});
export type KnowledgeCategory = z.infer<typeof KnowledgeCategory>;
export const KnowledgeCategoryList = z.object({ items: z.array(KnowledgeCategory) });
export type KnowledgeCategoryList = z.infer<typeof KnowledgeCategoryList>;

export const KnowledgeCounts = z.object({
  uses: z.number(),
  helpful: z.number(),
  unhelpful: z.number(),
});

export const KnowledgeSearchHit = z.object({
  id: z.string(),
  kind: z.enum(KNOWLEDGE_KINDS),
  scenario: z.enum(SCRIPT_SCENARIOS).nullable(),
  versionNo: z.number(),
  state: z.enum(KNOWLEDGE_STATES),
  title: z.string(),
  titleHighlight: z.array(HighlightSegment),
  snippet: z.array(HighlightSegment),
  tags: z.array(z.string()),
  audience: z.enum(KNOWLEDGE_AUDIENCES),
  category: Ref.nullable(),
  orderTypes: z.array(z.string()),
  updatedAt: z.string(),
  demo: z.boolean(),
  counts: KnowledgeCounts,
  score: z.number(),
});
export type KnowledgeSearchHit = z.infer<typeof KnowledgeSearchHit>;

export const KnowledgeSearchResult = z.object({
  items: z.array(KnowledgeSearchHit),
  total: z.number(),
  /** The words the query was cut into (after dropping words such as 的, 怎么). */
  words: z.array(z.string()),
});
export type KnowledgeSearchResult = z.infer<typeof KnowledgeSearchResult>;

export const KnowledgeVersionSummary = z.object({
  no: z.number(),
  state: z.enum(KNOWLEDGE_STATES),
  title: z.string(),
  changeNote: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type KnowledgeVersionSummary = z.infer<typeof KnowledgeVersionSummary>;
export const KnowledgeVersionList = z.object({ items: z.array(KnowledgeVersionSummary) });
export type KnowledgeVersionList = z.infer<typeof KnowledgeVersionList>;

export const KnowledgeVersionContent = KnowledgeVersionSummary.extend({
  body: z.string(),
  bodyHtml: z.string(),
  summary: z.string().nullable(),
  tags: z.array(z.string()),
  audience: z.enum(KNOWLEDGE_AUDIENCES),
  category: Ref.nullable(),
  orderTypes: z.array(z.string()),
  effectiveFrom: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type KnowledgeVersionContent = z.infer<typeof KnowledgeVersionContent>;

export const KnowledgeEvent = z.object({
  at: z.string(),
  action: z.string(),
  versionNo: z.number(),
  actorName: z.string(),
  note: z.string().nullable(),
});

export const KnowledgeArticleDetail = z.object({
  id: z.string(),
  kind: z.enum(KNOWLEDGE_KINDS),
  scenario: z.enum(SCRIPT_SCENARIOS).nullable(),
  demo: z.boolean(),
  /** The article's state: its live version's, else its working version's. */
  state: z.enum(KNOWLEDGE_STATES),
  /** The version searched and read by agents, if any. */
  liveNo: z.number().nullable(),
  /** The version being edited or reviewed, if any. */
  workingNo: z.number().nullable(),
  workingState: z.enum(['draft', 'review']).nullable(),
  /** The version shown here (the live one unless another was asked for or only a draft exists). */
  shown: KnowledgeVersionContent,
  counts: KnowledgeCounts,
  myVote: z.boolean().nullable(),
  allowedActions: z.array(z.enum(KNOWLEDGE_ACTIONS)),
  unit: Ref,
  events: z.array(KnowledgeEvent),
  version: z.number(),
});
export type KnowledgeArticleDetail = z.infer<typeof KnowledgeArticleDetail>;

export const KnowledgeArticleSummary = z.object({
  id: z.string(),
  kind: z.enum(KNOWLEDGE_KINDS),
  scenario: z.enum(SCRIPT_SCENARIOS).nullable(),
  state: z.enum(KNOWLEDGE_STATES),
  workingState: z.enum(['draft', 'review']).nullable(),
  title: z.string(),
  tags: z.array(z.string()),
  audience: z.enum(KNOWLEDGE_AUDIENCES),
  category: Ref.nullable(),
  demo: z.boolean(),
  counts: KnowledgeCounts,
  updatedAt: z.string(),
  updatedBy: z.string(),
  submittedAt: z.string().nullable(),
  version: z.number(),
});
export type KnowledgeArticleSummary = z.infer<typeof KnowledgeArticleSummary>;
export const KnowledgeArticleList = z.object({
  items: z.array(KnowledgeArticleSummary),
  total: z.number(),
});
export type KnowledgeArticleList = z.infer<typeof KnowledgeArticleList>;

export const DiffPart = z.object({
  kind: z.enum(['same', 'added', 'removed']),
  text: z.string(),
});
export type DiffPart = z.infer<typeof DiffPart>;

export const KnowledgeDiff = z.object({
  from: KnowledgeVersionSummary,
  to: KnowledgeVersionSummary,
  /** Fields other than the body that differ, as shown text. */
  fields: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
  /** The body (Markdown source) as same / removed / added parts, in order. */
  body: z.array(DiffPart),
});
export type KnowledgeDiff = z.infer<typeof KnowledgeDiff>;

export const KnowledgeVoteResult = z.object({
  counts: KnowledgeCounts,
  myVote: z.boolean().nullable(),
});
export type KnowledgeVoteResult = z.infer<typeof KnowledgeVoteResult>;

export const KnowledgeUsageResult = z.object({ counts: KnowledgeCounts });

export const PublicKnowledgeHit = z.object({
  id: z.string(),
  title: z.string(),
  titleHighlight: z.array(HighlightSegment),
  snippet: z.array(HighlightSegment),
  tags: z.array(z.string()),
  updatedAt: z.string(),
});
export const PublicKnowledgeResult = z.object({
  items: z.array(PublicKnowledgeHit),
  total: z.number(),
});
export type PublicKnowledgeResult = z.infer<typeof PublicKnowledgeResult>;

export const PublicKnowledgeArticle = z.object({
  id: z.string(),
  title: z.string(),
  bodyHtml: z.string(),
  tags: z.array(z.string()),
  category: z.string().nullable(),
  updatedAt: z.string(),
});
export type PublicKnowledgeArticle = z.infer<typeof PublicKnowledgeArticle>;
