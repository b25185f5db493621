/**
 * Search over the demo knowledge base (written into a test organisation through the services):
 * the quality of the ranking on a fixed set of questions as agents type them, highlights,
 * filters, what agents and editors see, votes and usage counts, and the public endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  KnowledgeArticleDetail,
  KnowledgeSearchResult,
  PublicKnowledgeResult,
} from '../../../common/schemas/knowledge.js';
import { auditRowsFor, testApp, type TestApp } from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { clients, seededOrg, type SeededOrg } from './test-support.js';

let t: TestApp;
let s: SeededOrg;
let c: Awaited<ReturnType<typeof clients>>;
const id = (key: string) => {
  const v = s.seed.ids.get(key);
  if (!v) throw new Error(`no demo article ${key}`);
  return v;
};

beforeAll(async () => {
  t = await testApp();
  s = await seededOrg(t);
  c = await clients(t, s.org);
}, 180_000);
afterAll(() => t.close());

async function search(q: string, extra = '', by = () => c.agent) {
  const res = await by().get(`/api/knowledge/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<KnowledgeSearchResult>();
}

/** Questions as callers put them, and the article an agent needs: first, or in the top 3. */
const QUALITY: [query: string, key: string, within: 1 | 3][] = [
  ['峰谷电价怎么算', 'tou-tariff', 1],
  ['家里停电了', 'outage-query', 3],
  ['电表走得快', 'meter-fault', 1],
  ['阶梯电价第二档', 'tiered-tariff', 1],
  ['交电费的渠道', 'payment-channels', 1],
  ['欠费停电后多久复电', 'arrears-reconnection', 1],
  ['新房子怎么申请用电', 'resident-new-connection', 3],
  ['过户需要什么材料', 'rename-transfer', 1],
  ['分布式光伏怎么并网', 'distributed-pv', 1],
  ['漏电开关老是跳', 'breaker-trip', 1],
  ['电压低灯很暗', 'low-voltage', 1],
  ['电器被烧坏了能赔吗', 'appliance-damage', 1],
  ['有人偷电', 'theft-illegal-use', 1],
  ['违约金怎么算', 'late-fee', 1],
  ['高压新装要多久', 'hv-new-connection', 1],
  ['充电桩怎么装', 'ev-charger', 1],
  ['发票怎么开', 'e-invoice', 1],
  ['客户情绪激动要投诉', 'script-soothing', 3],
];

describe('search quality on the demo knowledge base', () => {
  it.each(QUALITY)('%s → %s within the top %i', async (q, key, within) => {
    const r = await search(q);
    const rank = r.items.findIndex((h) => h.id === id(key)) + 1;
    expect(rank, `${q}: got ${r.items.map((h) => h.title).join(' | ')}`).toBeGreaterThan(0);
    expect(rank).toBeLessThanOrEqual(within);
  });

  it('cuts the query with the power dictionary and drops words that say nothing', async () => {
    expect((await search('峰谷电价怎么算')).words).toEqual(['峰谷', '电价', '峰谷电价']);
    expect((await search('家里停电了')).words).toEqual(['停电']);
    const nothing = await search('怎么办呢');
    expect(nothing).toEqual({ items: [], total: 0, words: [] });
  });

  it('marks the matched words in the title and in a snippet of the body', async () => {
    const top = (await search('峰谷电价怎么算')).items[0]!;
    // 分时电价 is a synonym of 峰谷电价: marked as well.
    expect(top.titleHighlight.filter((x) => x.hit).map((x) => x.text)).toEqual([
      '峰谷',
      '分时电价',
    ]);
    expect(top.titleHighlight.map((x) => x.text).join('')).toBe(top.title);
    const hits = top.snippet.filter((x) => x.hit).map((x) => x.text);
    expect(hits).toContain('峰谷电价');
    expect(top.snippet.map((x) => x.text).join('').length).toBeLessThanOrEqual(125);
    // Synonyms are marked too: 电表 finds 电能表.
    const meter = (await search('电表走得快')).items[0]!;
    expect(meter.titleHighlight.filter((x) => x.hit).map((x) => x.text)).toEqual([
      '电表',
      '走得快',
    ]);
    expect(meter.demo).toBe(true);
    expect(meter.tags).toContain('演示内容');
  });

  it('filters by category, audience, order type, kind and scenario', async () => {
    const cats = (await c.agent.get('/api/knowledge/categories')).json<{
      items: { id: string; name: string; parentId: string | null }[];
    }>().items;
    const tariffs = cats.find((x) => x.name === '电价电费' && x.parentId === null)!;
    const inTariffs = await search('电价', `&categoryId=${tariffs.id}&pageSize=50`);
    expect(inTariffs.total).toBeGreaterThan(5);
    expect(inTariffs.items.every((h) => h.category !== null)).toBe(true);
    expect(inTariffs.items.map((h) => h.id)).not.toContain(id('payment-channels'));

    const agentsOnly = await search('投诉', '&audience=agents&pageSize=50');
    expect(agentsOnly.items.every((h) => h.audience === 'agents')).toBe(true);
    expect(agentsOnly.items.map((h) => h.id)).toContain(id('complaint-procedure'));
    expect(agentsOnly.items.map((h) => h.id)).not.toContain(id('complaint-public'));

    // A type filter finds articles linked to any of its subtypes.
    const faults = await search('停电', '&orderType=fault&pageSize=50');
    expect(faults.items.map((h) => h.id)).toContain(id('outage-query'));
    expect(faults.items.map((h) => h.id)).not.toContain(id('planned-outage'));

    const scripts = await c.agent.get('/api/knowledge/search?kind=script&scenario=arrears_outage');
    expect(scripts.json<KnowledgeSearchResult>().items.map((h) => h.id)).toEqual([
      id('script-arrears'),
    ]);
    const allScripts = await c.agent.get('/api/knowledge/search?kind=script&pageSize=50');
    expect(allScripts.json<KnowledgeSearchResult>().total).toBe(s.seed.scripts);
  });

  it('shows agents only published, valid articles; editors see drafts and expired ones', async () => {
    const expired = await search('错峰用电');
    expect(expired.items.map((h) => h.id)).not.toContain(id('summer-peak-expired'));
    const drafts = await search('错峰用电', '&drafts=true', () => c.trainer);
    expect(drafts.items.find((h) => h.id === id('summer-peak-expired'))?.state).toBe('expired');
    const editorDraft = (await search('表箱改造', '&drafts=true', () => c.trainer)).items[0]!;
    expect(editorDraft).toMatchObject({
      state: 'draft',
      title: expect.stringContaining('表箱改造'),
    });
    expect((await search('表箱改造')).items.map((h) => h.id)).not.toContain(editorDraft.id);
    const queue = (await c.manager.get('/api/knowledge/articles?state=review')).json<{
      items: { title: string; workingState: string }[];
    }>();
    expect(queue.items.map((i) => i.title)).toEqual(['春节期间供电营业厅服务安排（演示）']);
    // The demo's payment article has two versions: the live one is the second.
    const pay = (await search('交电费的渠道')).items[0]!;
    expect(pay.versionNo).toBe(2);
  });

  it('ranks the fresher of two equally relevant articles first', async () => {
    const word = `新鲜度${Math.random().toString(36).slice(2, 8)}`;
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const a = (
        await c.trainer.post('/api/knowledge/articles', {
          title: `抄表例日调整 ${word}`,
          body: `抄表例日调整说明 ${n}`,
        })
      ).json<KnowledgeArticleDetail>();
      const r = (
        await c.trainer.post(`/api/knowledge/articles/${a.id}/submit`, { version: a.version })
      ).json<KnowledgeArticleDetail>();
      await c.manager.post(`/api/knowledge/articles/${a.id}/approve`, { version: r.version });
      ids.push(a.id);
    }
    // The first was published half a year ago.
    await t.database.db
      .updateTable('knowledge_versions')
      .set({ published_at: new Date(Date.now() - 180 * 86_400_000) })
      .where('article_id', '=', ids[0]!)
      .execute();
    const r = await search(`抄表例日 ${word}`);
    expect(r.items.slice(0, 2).map((h) => h.id)).toEqual([ids[1], ids[0]]);
    expect(r.items[0]!.score).toBeGreaterThan(r.items[1]!.score);
  });
});

describe('votes and usage', () => {
  it('keeps one vote per person, changeable and withdrawable, with counts', async () => {
    const a = id('tou-tariff');
    const vote = (by: typeof c.agent, helpful: boolean | null) =>
      by.post(`/api/knowledge/articles/${a}/vote`, {
        vote: helpful === null ? 'none' : helpful ? 'helpful' : 'unhelpful',
      });
    expect((await vote(c.agent, true)).json()).toEqual({
      counts: { uses: 0, helpful: 1, unhelpful: 0 },
      myVote: true,
    });
    await vote(c.agent, true);
    await vote(c.crew, false);
    expect((await vote(c.lead, true)).json().counts).toEqual({ uses: 0, helpful: 2, unhelpful: 1 });
    expect((await vote(c.agent, false)).json().counts).toEqual({
      uses: 0,
      helpful: 1,
      unhelpful: 2,
    });
    expect((await vote(c.agent, null)).json()).toEqual({
      counts: { uses: 0, helpful: 1, unhelpful: 1 },
      myVote: null,
    });
    const detail = (
      await c.crew.get(`/api/knowledge/articles/${a}`)
    ).json<KnowledgeArticleDetail>();
    expect(detail.myVote).toBe(false);
    const audit = (await auditRowsFor(t.database, a)).filter((r) => r.action === 'knowledge.vote');
    // The repeated identical vote changed nothing and wrote nothing.
    expect(audit).toHaveLength(5);
    expectError(
      await c.agent.post(`/api/knowledge/articles/${a}/vote`, { vote: 'yes' }),
      'VALIDATION_FAILED',
    );
  });

  it('counts an article opened from a search and a caller answered with it', async () => {
    const a = id('outage-query');
    const use = (body: unknown) => c.agent.post(`/api/knowledge/articles/${a}/usage`, body);
    expect((await use({ kind: 'opened', query: '家里停电了' })).json().counts.uses).toBe(1);
    const contactId = crypto.randomUUID();
    expect((await use({ kind: 'answered', contactId })).json().counts.uses).toBe(2);
    const rows = await t.database.db
      .selectFrom('knowledge_usage')
      .select(['kind', 'query', 'contact_id', 'version_no'])
      .where('article_id', '=', a)
      .orderBy('at')
      .execute();
    expect(rows).toEqual([
      { kind: 'opened', query: '家里停电了', contact_id: null, version_no: 1 },
      { kind: 'answered', query: null, contact_id: contactId, version_no: 1 },
    ]);
    const hit = (await search('家里停电了')).items.find((h) => h.id === a)!;
    expect(hit.counts.uses).toBe(2);
    // Without words, the most used come first.
    const browse = (
      await c.agent.get('/api/knowledge/search?kind=article')
    ).json<KnowledgeSearchResult>();
    expect(browse.items[0]!.id).toBe(a);
    expectError(await use({ kind: 'copied' }), 'VALIDATION_FAILED');
    // A draft cannot be used by an agent: it is not found.
    const draft = (await search('表箱改造', '&drafts=true', () => c.trainer)).items[0]!;
    expectError(
      await c.agent.post(`/api/knowledge/articles/${draft.id}/usage`, { kind: 'opened' }),
      'KNOWLEDGE_ARTICLE_NOT_FOUND',
    );
  });
});

describe('the public endpoint', () => {
  const anon = (url: string, ip = '203.0.113.7') =>
    t.app.inject({ method: 'GET', url, remoteAddress: ip });

  it('serves public, published, valid articles without a login, and nothing else', async () => {
    const res = await anon(`/api/public/knowledge?q=${encodeURIComponent('峰谷电价怎么算')}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<PublicKnowledgeResult>();
    // (Other test organisations on a shared server hold the same demo text: compare titles.)
    expect(body.items[0]!.title).toBe('居民峰谷分时电价怎么算');
    expect(body.items.map((h) => h.id)).toContain(id('tou-tariff'));
    // Staff-only articles and scripts, drafts, articles in review and expired ones never show.
    const hidden = [
      'complaint-procedure',
      'theft-illegal-use',
      'script-outage',
      'summer-peak-expired',
    ];
    for (const q of ['投诉', '窃电', '停电咨询', '错峰用电', '春节', '表箱改造']) {
      const r = (
        await anon(`/api/public/knowledge?q=${encodeURIComponent(q)}&pageSize=20`)
      ).json<PublicKnowledgeResult>();
      for (const k of hidden)
        expect(
          r.items.map((h) => h.id),
          q,
        ).not.toContain(id(k));
      expect(r.items.map((h) => h.title).join(), q).not.toMatch(/春节期间|表箱改造/);
    }
    const one = await anon(`/api/public/knowledge/${id('payment-channels')}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ title: '交电费有哪些渠道', category: '缴费服务' });
    expect(Object.keys(one.json()).sort()).toEqual(
      ['bodyHtml', 'category', 'id', 'tags', 'title', 'updatedAt'].sort(),
    );
    expectError(
      await anon(`/api/public/knowledge/${id('complaint-procedure')}`),
      'KNOWLEDGE_ARTICLE_NOT_FOUND',
    );
    expectError(
      await anon(`/api/public/knowledge/${id('summer-peak-expired')}`),
      'KNOWLEDGE_ARTICLE_NOT_FOUND',
    );
    expectError(await anon('/api/public/knowledge?q='), 'VALIDATION_FAILED');
  });

  it('answers a company’s site with its own articles, those below it and those above it', async () => {
    const u = s.org.units;
    const q = `/api/public/knowledge?q=${encodeURIComponent('充电桩怎么装')}&pageSize=20`;
    const hits = async (unit: string) => {
      const r = await anon(`${q}&unit=${unit}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<PublicKnowledgeResult>().items.map((h) => h.id);
    };
    // The demo articles belong to the province (written by its service center).
    expect(await hits(u.province!.code)).toContain(id('ev-charger'));
    expect(await hits(u.county2!.code.toLowerCase())).toContain(id('ev-charger'));
    // One of them becomes county 1's own: county 2's site no longer shows it, the others do.
    await t.database.db
      .updateTable('knowledge_articles')
      .set({ org_id: u.county1!.id, unit_path: u.county1!.path })
      .where('id', '=', id('ev-charger'))
      .execute();
    await t.database.db
      .updateTable('knowledge_versions')
      .set({ unit_path: u.county1!.path })
      .where('article_id', '=', id('ev-charger'))
      .execute();
    expect(await hits(u.county2!.code)).not.toContain(id('ev-charger'));
    expect(await hits(u.county1!.code)).toContain(id('ev-charger'));
    expect(await hits(u.province!.code)).toContain(id('ev-charger'));
    expect(await hits(u.root!.code)).toContain(id('ev-charger'));
    const article = `/api/public/knowledge/${id('ev-charger')}`;
    expect((await anon(`${article}?unit=${u.county1!.code}`)).statusCode).toBe(200);
    expectError(await anon(`${article}?unit=${u.county2!.code}`), 'KNOWLEDGE_ARTICLE_NOT_FOUND');
    // A code that names no unit, or is not a code at all, is refused for what it is.
    expectError(await anon(`${q}&unit=NO-SUCH-UNIT-${Date.now()}`), 'KNOWLEDGE_UNIT_NOT_FOUND');
    expectError(await anon(`${article}?unit=NO-SUCH-UNIT`), 'KNOWLEDGE_UNIT_NOT_FOUND');
    expectError(await anon(`${q}&unit=${encodeURIComponent('甲 市')}`), 'VALIDATION_FAILED');
  });

  it('limits the requests one address may make in a minute', async () => {
    const ip = '198.51.100.23';
    let limited = 0;
    let served = 0;
    for (let i = 0; i < 125; i++) {
      const r = await anon(`/api/public/knowledge/${id('payment-channels')}`, ip);
      if (r.statusCode === 429) limited++;
      else if (r.statusCode === 200) served++;
    }
    expect({ served, limited }).toEqual({ served: 120, limited: 5 });
    expectError(await anon(`/api/public/knowledge/${id('payment-channels')}`, ip), 'RATE_LIMITED');
    // Another address is not held back.
    expect(
      (await anon(`/api/public/knowledge/${id('payment-channels')}`, '198.51.100.24')).statusCode,
    ).toBe(200);
  });
});
