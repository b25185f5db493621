/**
 * Benchmark: the knowledge search over 10,000 articles on PostgreSQL. Prints JSON lines.
 *   psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE lx_bench_kb'
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/lx_bench_kb npx tsx bench/knowledge-search.ts
 *   psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE lx_bench_kb WITH (FORCE)'
 * An empty database first gets the demo territory (BENCH_CUSTOMERS, default 1,000) with its
 * demo knowledge base; then BENCH_ARTICLES (10,000) articles in all are made from the demo texts,
 * varied (a county's name and a local note in the title and body, paragraphs of two other
 * articles mixed in, publication dates over two years, some public, some expired, some drafts),
 * and written in bulk with the same rendering and search words as the services write.
 * Measured, BENCH_RUNS (20) times each over QUERIES (what callers say), through the search
 * service as agent01 sees it (segmentation, SQL, highlights): p50/p95/p99 per mode.
 * Target (issue 7): knowledge search p95 < 50 ms over 10,000 articles.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import { DEMO_TAG } from '../common/schemas/knowledge.js';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import type { DB } from '../server/db/schema.js';
import type {
  KnowledgeArticlesTable,
  KnowledgeVersionsTable,
} from '../server/db/schema-knowledge.js';
import {
  plainText,
  renderBody,
  searchKnowledge,
  searchPublic,
  searchVectorText,
} from '../server/modules/knowledge/index.js';
import { newId } from '../server/platform/ids.js';
import { demoActors } from '../scripts/demo/actors.js';
import { DEMO_ARTICLES, DEMO_SCRIPTS } from '../scripts/demo/knowledge.js';
import { SeededRandom } from '../scripts/demo/random.js';
import { ensureDemo, latencyFigures, load1, requirePostgresUrl } from './orders-support.js';

const url = requirePostgresUrl('knowledge-search');
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000);
const DAY = 86_400_000;

/** What agents type while a caller speaks. */
const QUERIES = [
  '峰谷电价怎么算',
  '家里停电了',
  '电表走得快',
  '阶梯电价第二档',
  '交电费的渠道',
  '欠费停电后多久复电',
  '新房子怎么申请用电',
  '过户需要什么材料',
  '分布式光伏怎么并网',
  '漏电开关老是跳',
  '电压低灯很暗',
  '电器被烧坏了能赔吗',
  '违约金怎么算',
  '高压新装要多久',
  '充电桩怎么装',
  '电费',
  '停电',
  '投诉',
  '智能电表余额不足',
  '计划停电通知',
];

const PLACES = [
  '临湖县',
  '青石县',
  '东湖市',
  '西山市',
  '南江市',
  '城关镇',
  '湖滨街道',
  '河口乡',
  '新区',
  '开发区',
];
const NOTES = [
  '本地营业厅周六上午正常营业。',
  '该区域已完成智能电表全覆盖。',
  '农村地区另有供电所驻点服务。',
  '如遇台风天气，抢修时间顺延。',
  '本地区执行年度阶梯电价。',
  '请客户提前准备好户号。',
];

/** The categories of the demo base, by name path, with their ids. */
async function categories(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('knowledge_categories as c')
    .leftJoin('knowledge_categories as p', 'p.id', 'c.parent_id')
    .select(['c.id', 'c.name', 'p.name as parent'])
    .execute();
  return new Map(rows.map((r) => [r.parent ? `${r.parent}/${r.name}` : r.name, r.id]));
}

async function generate(db: Kysely<DB>, count: number) {
  const province = await db
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where('level', '=', 'province')
    .executeTakeFirstOrThrow();
  const author = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', 'trainer01')
    .executeTakeFirstOrThrow();
  const cats = await categories(db);
  const texts = [...DEMO_ARTICLES, ...DEMO_SCRIPTS];
  const rnd = new SeededRandom(42);
  const now = Date.now();
  const BATCH = 250;
  for (let start = 0; start < count; start += BATCH) {
    const articles: Insertable<KnowledgeArticlesTable>[] = [];
    const versions: Insertable<KnowledgeVersionsTable>[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const base = texts[i % texts.length]!;
      const other = texts[rnd.int(0, texts.length - 1)]!;
      const third = texts[rnd.int(0, texts.length - 1)]!;
      const place = rnd.pick(PLACES);
      const paragraphs = (t: string) => t.split(/\n{2,}/);
      const body = [
        `**适用范围**：${place}。${rnd.pick(NOTES)}`,
        ...paragraphs(base.body),
        ...paragraphs(other.body).slice(0, 2),
        ...paragraphs(third.body).slice(-1),
      ].join('\n\n');
      const title = `${base.title}（${place}·${1 + Math.floor(i / texts.length)}）`;
      const tags = [...base.tags, place, DEMO_TAG];
      const html = renderBody(body);
      const text = plainText(html);
      const published = new Date(now - rnd.int(1, 730) * DAY);
      const roll = rnd.int(0, 99);
      const state = roll < 5 ? 'draft' : roll < 10 ? 'expired' : 'published';
      const id = newId();
      articles.push({
        id,
        kind: base.scenario ? 'script' : 'article',
        scenario: base.scenario ?? null,
        demo: true,
        live_no: state === 'draft' ? null : 1,
        working_no: state === 'draft' ? 1 : null,
        latest_no: 1,
        use_count: rnd.int(0, 200),
        created_by: author.id,
        org_id: province.id,
        unit_path: province.path,
        province_id: province.id,
        created_at: published,
        updated_at: published,
      });
      versions.push({
        article_id: id,
        no: 1,
        state,
        title,
        body_source: body,
        body_html: html,
        body_text: text,
        summary: base.summary,
        tags,
        audience: rnd.int(0, 2) === 0 ? 'agents' : base.audience,
        category_id: cats.get(base.category) ?? null,
        order_types: base.orderTypes,
        effective_from: published,
        expires_at: state === 'expired' ? new Date(published.getTime() + 90 * DAY) : null,
        search_vec: sql`${searchVectorText({ title, tags, body: `${base.summary}\n${text}` })}::tsvector`,
        head_vec: sql`${searchVectorText({ title, tags, body: '' })}::tsvector`,
        kind: base.scenario ? 'script' : 'article',
        scenario: base.scenario ?? null,
        unit_path: province.path,
        created_by: author.id,
        created_by_name: author.display_name,
        created_at: published,
        published_at: state === 'draft' ? null : published,
        updated_at: published,
      });
    }
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('knowledge_articles').values(articles).execute();
      await tx.insertInto('knowledge_versions').values(versions).execute();
    });
  }
  await sql`ANALYZE knowledge_versions`.execute(db);
  await sql`ANALYZE knowledge_articles`.execute(db);
}

async function main() {
  const demo = await ensureDemo(url, CUSTOMERS);
  const database = await openDatabase({ databaseUrl: url });
  const db = database.db;
  await migrateToLatest(db);
  try {
    const have = (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM knowledge_articles`.execute(db)
    ).rows[0]!.n;
    const t0 = performance.now();
    if (have < ARTICLES) await generate(db, ARTICLES - have);
    const total = (
      await sql<{ n: number; live: number; bytes: number }>`
        SELECT count(*)::int AS n,
               count(*) FILTER (WHERE state = 'published')::int AS live,
               pg_total_relation_size('knowledge_versions')::float8 AS bytes
          FROM knowledge_versions WHERE current`.execute(db)
    ).rows[0]!;
    console.log(
      JSON.stringify({
        bench: 'knowledge-search',
        phase: 'setup',
        demo,
        articles: total.n,
        published: total.live,
        generatedMs: Math.round(performance.now() - t0),
        tableMB: Math.round(total.bytes / 1e5) / 10,
      }),
    );
    const actors = await demoActors(db, ['agent01', 'trainer01']);
    const agent = actors.get('agent01')!;
    const trainer = actors.get('trainer01')!;
    const modes: [string, (q: string) => Promise<{ total: number }>][] = [
      [
        'agent',
        (q) =>
          searchKnowledge({ tx: db, actor: agent, now: new Date() }, { q, page: 1, pageSize: 10 }),
      ],
      [
        'editor-drafts',
        (q) =>
          searchKnowledge(
            { tx: db, actor: trainer, now: new Date() },
            { q, drafts: 'true', page: 1, pageSize: 10 },
          ),
      ],
      ['public', (q) => searchPublic({ tx: db, now: new Date() }, { q, page: 1, pageSize: 10 })],
    ];
    for (const [mode, run] of modes) {
      for (const q of QUERIES) await run(q); // warm the cache and the plan
      const ms: number[] = [];
      const hits: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        for (const q of QUERIES) {
          const s = performance.now();
          const res = await run(q);
          ms.push(performance.now() - s);
          if (r === 0) hits.push(res.total);
        }
      }
      console.log(
        JSON.stringify({
          bench: 'knowledge-search',
          mode,
          articles: total.n,
          queries: QUERIES.length,
          samples: ms.length,
          ms: latencyFigures(ms),
          matchesPerQuery: { min: Math.min(...hits), max: Math.max(...hits) },
          load1: load1(),
          targetP95Ms: 50,
          pass: latencyFigures(ms).p95 < 50,
        }),
      );
    }
  } finally {
    await database.close();
  }
}

await main();
