/**
 * The demo knowledge base: categories, 47 articles on 95598 topics and 9 answer scripts, each
 * written, submitted and approved through the knowledge services (so every search word, version,
 * event and audit row is what the application itself would write). All of it is flagged as demo
 * content and tagged 演示内容. Also one article with a second approved version (for the version
 * history), one past its expiry date, one waiting for review and one draft.
 */
import type { Kysely } from 'kysely';
import { DEMO_TAG } from '../../common/schemas/knowledge.js';
import type { DB } from '../../server/db/schema.js';
import {
  actOnArticle,
  createArticle,
  createCategory,
  editArticle,
  expireDueArticles,
} from '../../server/modules/knowledge/index.js';
import type { Actor } from '../../server/platform/actor.js';
import { demoActors } from './actors.js';
import { CONNECTION_ARTICLES } from './knowledge-connection.js';
import { OUTAGE_ARTICLES } from './knowledge-outage.js';
import { PAYMENT_ARTICLES } from './knowledge-payment.js';
import { SAFETY_ARTICLES } from './knowledge-safety.js';
import { DEMO_SCRIPTS } from './knowledge-scripts.js';
import { TARIFF_ARTICLES } from './knowledge-tariffs.js';
import { DEMO_CATEGORIES, type DemoArticle } from './knowledge-types.js';

export const DEMO_ARTICLES: DemoArticle[] = [
  ...TARIFF_ARTICLES,
  ...PAYMENT_ARTICLES,
  ...OUTAGE_ARTICLES,
  ...CONNECTION_ARTICLES,
  ...SAFETY_ARTICLES,
];
export { DEMO_SCRIPTS };

const DAY = 86_400_000;
const META = { ip: null, requestId: null, userAgent: 'demo-loader' };

export interface KnowledgeSeedSummary {
  articles: number;
  scripts: number;
  /** Article id by DemoArticle key (tests look articles up by key). */
  ids: Map<string, string>;
}

/**
 * Writes the demo knowledge base as `author` (who writes and submits) and `reviewer` (who
 * approves), in the caller's transaction. Publication dates spread over the last months before
 * `now`, so freshness differs between articles as it would in a real base.
 */
export async function seedKnowledge(
  tx: Kysely<DB>,
  who: { author: Actor; reviewer: Actor; other?: Actor | undefined },
  now: Date,
): Promise<KnowledgeSeedSummary> {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const as = (actor: Actor, when: Date) => ({ tx, actor, meta: META, now: when });
  const categories = new Map<string, string>();
  for (const [i, top] of DEMO_CATEGORIES.entries()) {
    const c = await createCategory(as(who.author, at(200)), { name: top.name, position: i });
    categories.set(top.name, c.id);
    for (const [j, child] of top.children.entries()) {
      const cc = await createCategory(as(who.author, at(200)), {
        name: child,
        parentId: c.id,
        position: j,
      });
      categories.set(`${top.name}/${child}`, cc.id);
    }
  }
  const ids = new Map<string, string>();
  const publish = async (a: DemoArticle, daysAgo: number, extra: { expiresAt?: string } = {}) => {
    const created = await createArticle(
      as(who.author, at(daysAgo + 2)),
      {
        kind: a.scenario ? 'script' : 'article',
        scenario: a.scenario ?? null,
        title: a.title,
        body: a.body,
        summary: a.summary,
        tags: [...a.tags, DEMO_TAG],
        audience: a.audience,
        categoryId: categories.get(a.category) ?? null,
        orderTypes: a.orderTypes,
        effectiveFrom: at(daysAgo + 2).toISOString(),
        expiresAt: extra.expiresAt ?? null,
        changeNote: '首版（演示内容）',
      },
      { demo: true },
    );
    const submitted = await actOnArticle(as(who.author, at(daysAgo + 1)), created.id, 'submit', {
      version: created.version,
    });
    await actOnArticle(as(who.reviewer, at(daysAgo)), created.id, 'approve', {
      version: submitted.version,
    });
    ids.set(a.key, created.id);
    return created.id;
  };
  // Spread over about five months; the order of the lists decides nothing about relevance.
  const all = [...DEMO_ARTICLES, ...DEMO_SCRIPTS];
  for (const [i, a] of all.entries()) await publish(a, 10 + ((i * 37) % 150));

  await secondVersion(tx, who, ids.get('payment-channels')!, at);
  await pastExpiry(tx, who, categories, ids, at, now);
  await pendingWork(tx, who, categories, at);
  return { articles: DEMO_ARTICLES.length, scripts: DEMO_SCRIPTS.length, ids };
}

/** A second version of the payment channels article, approved: v1 superseded, a diff to show. */
async function secondVersion(
  tx: Kysely<DB>,
  who: { author: Actor; reviewer: Actor },
  id: string,
  at: (daysAgo: number) => Date,
) {
  const a = PAYMENT_ARTICLES.find((x) => x.key === 'payment-channels')!;
  const edited = await editArticle({ tx, actor: who.author, meta: META, now: at(4) }, id, {
    version: (await currentVersion(tx, id))!,
    body: a.body.replace(
      '**省心办法**：与银行签订代扣协议，每月自动扣款。',
      '**省心办法**：与银行签订代扣协议，每月自动扣款；同时在“网上国网”开启余额提醒，代扣失败时能及时知道。',
    ),
    changeNote: '补充余额提醒的建议',
  });
  const submitted = await actOnArticle(
    { tx, actor: who.author, meta: META, now: at(3) },
    id,
    'submit',
    { version: edited.version },
  );
  await actOnArticle({ tx, actor: who.reviewer, meta: META, now: at(2) }, id, 'approve', {
    version: submitted.version,
  });
}

async function currentVersion(tx: Kysely<DB>, id: string) {
  const row = await tx
    .selectFrom('knowledge_articles')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.version;
}

/** A seasonal notice approved in summer whose expiry date has passed: swept to expired. */
async function pastExpiry(
  tx: Kysely<DB>,
  who: { author: Actor; reviewer: Actor },
  categories: Map<string, string>,
  ids: Map<string, string>,
  at: (daysAgo: number) => Date,
  now: Date,
) {
  const ctx = (actor: Actor, when: Date) => ({ tx, actor, meta: META, now: when });
  const created = await createArticle(
    ctx(who.author, at(120)),
    {
      kind: 'article',
      title: '迎峰度夏期间错峰用电倡议（演示）',
      body: '夏季用电高峰期间，倡议客户空调温度设置不低于 26 ℃，错开 11:00—13:00、19:00—21:00 的用电高峰。本条为季节性提示，到期自动失效。',
      summary: '夏季用电高峰期间的错峰用电倡议，到期失效。',
      tags: ['迎峰度夏', '错峰用电', DEMO_TAG],
      audience: 'public',
      categoryId: categories.get('安全用电') ?? null,
      orderTypes: [],
      effectiveFrom: at(120).toISOString(),
      expiresAt: at(1).toISOString(),
    },
    { demo: true },
  );
  const s = await actOnArticle(ctx(who.author, at(119)), created.id, 'submit', {
    version: created.version,
  });
  await actOnArticle(ctx(who.reviewer, at(118)), created.id, 'approve', { version: s.version });
  ids.set('summer-peak-expired', created.id);
  await expireDueArticles({ tx, now });
}

/** Work in progress: one article waiting in the review queue, one draft. */
async function pendingWork(
  tx: Kysely<DB>,
  who: { author: Actor; reviewer: Actor; other?: Actor | undefined },
  categories: Map<string, string>,
  at: (daysAgo: number) => Date,
) {
  const writer = who.other ?? who.author;
  const ctx = (actor: Actor, when: Date) => ({ tx, actor, meta: META, now: when });
  const review = await createArticle(
    ctx(writer, at(1)),
    {
      kind: 'article',
      title: '春节期间供电营业厅服务安排（演示）',
      body: '春节假期期间，95598 热线和“网上国网”App 24 小时服务不间断；各供电营业厅的营业时间以当地公告为准，假期值班营业厅可办理交费和紧急业务。',
      summary: '春节假期营业厅和线上渠道的服务安排。',
      tags: ['春节', '营业时间', DEMO_TAG],
      audience: 'public',
      categoryId: categories.get('服务渠道') ?? null,
      orderTypes: ['enquiry.other'],
    },
    { demo: true },
  );
  await actOnArticle(ctx(writer, at(0.5)), review.id, 'submit', { version: review.version });
  await createArticle(
    ctx(who.author, at(0.2)),
    {
      kind: 'article',
      title: '老旧小区表箱改造常见问题（草稿，演示）',
      body: '改造期间可能短时停电，施工单位会提前张贴通知。改造后表箱统一安装在楼道，户号不变。',
      tags: ['表箱改造', DEMO_TAG],
      audience: 'agents',
      categoryId: categories.get('计量与抄表') ?? null,
      orderTypes: [],
    },
    { demo: true },
  );
}

/** The demo loader's part: the province's trainer writes, the center manager approves. */
export async function insertDemoKnowledge(tx: Kysely<DB>, now: Date): Promise<number> {
  const actors = await demoActors(tx, ['trainer01', 'manager01', 'lead01']);
  const author = actors.get('trainer01');
  const reviewer = actors.get('manager01');
  if (!author || !reviewer) return 0;
  const s = await seedKnowledge(tx, { author, reviewer, other: actors.get('lead01') }, now);
  return s.articles + s.scripts;
}
