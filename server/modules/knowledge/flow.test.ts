/**
 * The knowledge approval flow through the real app: each transition, wrong states, wrong roles,
 * four eyes, versions with diffs (the old version live until the new one is approved), expiry by
 * date (on read and by the sweep), categories, audit rows and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  KnowledgeArticleDetail,
  KnowledgeDiff,
  KnowledgeSearchResult,
  KnowledgeVersionList,
} from '../../../common/schemas/knowledge.js';
import {
  auditRowsFor,
  buildOrg,
  testApp,
  type Client,
  type TestApp,
  type TestOrg,
} from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { expireDueArticles } from './index.js';
import { clients } from './test-support.js';

let t: TestApp;
let org: TestOrg;
let c: Awaited<ReturnType<typeof clients>>;
const suffix = Math.random().toString(36).slice(2, 8);
/** A word only this test run's articles carry, so searches see nothing else. */
const WORD = `测验${suffix}`;

beforeAll(async () => {
  t = await testApp();
  org = await buildOrg(t.database);
  c = await clients(t, org);
}, 120_000);
afterAll(() => t.close());

const draft = (overrides: Record<string, unknown> = {}) => ({
  title: `配电箱检修须知 ${WORD}`,
  body: `## 说明\n\n配电箱检修前须停电。\n\n关键词 ${WORD}`,
  tags: ['配电箱'],
  audience: 'agents',
  orderTypes: ['fault.lv_fault'],
  ...overrides,
});

async function create(by: Client, overrides: Record<string, unknown> = {}) {
  const res = await by.post('/api/knowledge/articles', draft(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<KnowledgeArticleDetail>();
}

async function act(
  by: Client,
  a: { id: string; version: number },
  action: string,
  extra: Record<string, unknown> = {},
) {
  return by.post(`/api/knowledge/articles/${a.id}/${action}`, { version: a.version, ...extra });
}

function ok(res: { statusCode: number; body: string; json: <T>() => T }) {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<KnowledgeArticleDetail>();
}

const search = async (by: Client, q: string, extra = '') =>
  (
    await by.get(`/api/knowledge/search?q=${encodeURIComponent(q)}${extra}`)
  ).json<KnowledgeSearchResult>();

describe('draft → review → published', () => {
  it('walks every transition with the roles that may take it, each event audited', async () => {
    const a = await create(c.trainer);
    expect(a).toMatchObject({ state: 'draft', liveNo: null, workingNo: 1, workingState: 'draft' });
    expect(a.allowedActions).toEqual(['edit', 'submit']);
    expect(a.shown.bodyHtml).toContain('<h2>说明</h2>');
    // Agents do not see a draft at all, nor find it.
    expectError(
      await c.agent.get(`/api/knowledge/articles/${a.id}`),
      'KNOWLEDGE_ARTICLE_NOT_FOUND',
    );
    expect((await search(c.agent, WORD)).items).toEqual([]);

    const inReview = ok(await act(c.trainer, a, 'submit'));
    expect(inReview).toMatchObject({ state: 'review', workingState: 'review' });
    expect(inReview.allowedActions).toEqual([]);
    // A manager sees it in the review queue and may approve or reject.
    const queue = (await c.manager.get('/api/knowledge/articles?state=review')).json<{
      items: { id: string }[];
    }>();
    expect(queue.items.map((i) => i.id)).toContain(a.id);
    const seen = ok(await c.manager.get(`/api/knowledge/articles/${a.id}`));
    expect(seen.allowedActions).toEqual(['approve', 'reject']);

    const live = ok(await act(c.manager, inReview, 'approve'));
    expect(live).toMatchObject({ state: 'published', liveNo: 1, workingNo: null });
    expect(live.shown).toMatchObject({ state: 'published', reviewedBy: '测试manager' });
    const hits = await search(c.agent, WORD);
    expect(hits.items.map((h) => h.id)).toEqual([a.id]);
    expect(ok(await c.agent.get(`/api/knowledge/articles/${a.id}`)).allowedActions).toEqual([]);

    const audit = (await auditRowsFor(t.database, a.id)).map((r) => r.action);
    expect(audit).toEqual(['knowledge.create', 'knowledge.submit', 'knowledge.approve']);
    const outbox = await t.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'knowledge.changed')
      .execute();
    expect(outbox.some((o) => JSON.stringify(o.payload).includes(a.id))).toBe(true);
  });

  it('a reject sends the version back to draft with the reason; resubmitted, it is approved', async () => {
    const a = await create(c.trainer);
    const r = ok(await act(c.trainer, a, 'submit'));
    expectError(await act(c.lead, r, 'reject'), 'VALIDATION_FAILED');
    const back = ok(await act(c.lead, r, 'reject', { reason: '请补充停电时间' }));
    expect(back).toMatchObject({ state: 'draft', workingState: 'draft' });
    expect(back.shown.rejectReason).toBe('请补充停电时间');
    expect(back.events.map((e) => e.action)).toEqual(['create', 'submit', 'reject']);
    expect(back.events[2]!.note).toBe('请补充停电时间');
    const again = ok(await act(c.trainer, back, 'submit'));
    const live = ok(await act(c.teamlead, again, 'approve'));
    expect(live.state).toBe('published');
    expect(live.shown.rejectReason).toBeNull();
  });

  it('refuses actions in the wrong state', async () => {
    const a = await create(c.trainer);
    expectError(await act(c.manager, a, 'approve'), 'KNOWLEDGE_ACTION_NOT_ALLOWED');
    expectError(
      await act(c.manager, a, 'reject', { reason: '无' }),
      'KNOWLEDGE_ACTION_NOT_ALLOWED',
    );
    expectError(await act(c.manager, a, 'expire'), 'KNOWLEDGE_ACTION_NOT_ALLOWED');
    const r = ok(await act(c.trainer, a, 'submit'));
    expectError(await act(c.trainer, r, 'submit'), 'KNOWLEDGE_ACTION_NOT_ALLOWED');
    // A version in review is not edited: the reviewer decides first.
    expectError(
      await c.trainer.put(`/api/knowledge/articles/${a.id}`, { version: r.version, title: '改' }),
      'KNOWLEDGE_ACTION_NOT_ALLOWED',
    );
    // A stale version number is a conflict, not a silent overwrite.
    expectError(await act(c.manager, a, 'approve'), 'VERSION_CONFLICT');
  });

  it('refuses the wrong roles, and a reviewer approving their own submission', async () => {
    expectError(await c.agent.post('/api/knowledge/articles', draft()), 'FORBIDDEN');
    expectError(await c.manager.post('/api/knowledge/articles', draft()), 'FORBIDDEN');
    const a = await create(c.lead);
    expectError(await act(c.agent, a, 'submit'), 'FORBIDDEN');
    const r = ok(await act(c.lead, a, 'submit'));
    expectError(await act(c.trainer, r, 'approve'), 'FORBIDDEN');
    expectError(await act(c.agent, r, 'reject', { reason: '不' }), 'FORBIDDEN');
    // The shift lead may review, but not what they submitted themselves.
    expectError(await act(c.lead, r, 'approve'), 'KNOWLEDGE_SELF_REVIEW');
    expect(ok(await c.lead.get(`/api/knowledge/articles/${a.id}`)).allowedActions).toEqual([
      'reject',
    ]);
    ok(await act(c.teamlead, r, 'approve'));
  });

  it('keeps other organisations out: not found, not searchable, not editable', async () => {
    const a = await create(c.trainer);
    const live = ok(await act(c.manager, ok(await act(c.trainer, a, 'submit')), 'approve'));
    const other = await buildOrg(t.database);
    const stranger = await clients(t, other);
    expectError(
      await stranger.agent.get(`/api/knowledge/articles/${live.id}`),
      'KNOWLEDGE_ARTICLE_NOT_FOUND',
    );
    expect((await search(stranger.agent, WORD)).items).toEqual([]);
    expectError(
      await stranger.trainer.put(`/api/knowledge/articles/${live.id}`, { version: live.version }),
      'KNOWLEDGE_ARTICLE_NOT_FOUND',
    );
  });
});

describe('versions', () => {
  it('a new version stays a draft while the old one is live, then supersedes it', async () => {
    const a = await create(c.trainer, {
      title: `电费违约金 ${WORD}`,
      body: '第一段。\n\n旧的说法。',
    });
    const v1 = ok(await act(c.manager, ok(await act(c.trainer, a, 'submit')), 'approve'));
    const edited = ok(
      await c.trainer.put(`/api/knowledge/articles/${a.id}`, {
        version: v1.version,
        title: `电费违约金计算 ${WORD}`,
        body: '第一段。\n\n新的说法。',
        tags: ['违约金'],
        audience: 'public',
        changeNote: '改写第二段',
      }),
    );
    expect(edited).toMatchObject({ state: 'published', liveNo: 1, workingNo: 2 });
    expect(edited.shown.no).toBe(2);
    // Agents still read version 1.
    const agentView = ok(await c.agent.get(`/api/knowledge/articles/${a.id}`));
    expect(agentView.shown).toMatchObject({ no: 1, title: `电费违约金 ${WORD}` });
    expect(agentView.workingNo).toBeNull();
    expect((await search(c.agent, WORD)).items.find((h) => h.id === a.id)?.versionNo).toBe(1);
    // Editing again changes the same draft, not a third version.
    const again = ok(
      await c.trainer.put(`/api/knowledge/articles/${a.id}`, {
        version: edited.version,
        summary: '逾期交费的违约金',
      }),
    );
    expect(again.workingNo).toBe(2);

    const submitted = ok(await act(c.trainer, again, 'submit'));
    const v2 = ok(await act(c.manager, submitted, 'approve'));
    expect(v2).toMatchObject({ liveNo: 2, workingNo: null });
    const versions = (
      await c.agent.get(`/api/knowledge/articles/${a.id}/versions`)
    ).json<KnowledgeVersionList>();
    expect(versions.items.map((v) => [v.no, v.state])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    expect(ok(await c.agent.get(`/api/knowledge/articles/${a.id}?version=1`)).shown.no).toBe(1);

    const diff = (
      await c.agent.get(`/api/knowledge/articles/${a.id}/diff?from=1&to=2`)
    ).json<KnowledgeDiff>();
    expect(diff.fields).toEqual(
      expect.arrayContaining([
        { field: '标题', from: `电费违约金 ${WORD}`, to: `电费违约金计算 ${WORD}` },
        { field: '受众', from: '内部（坐席）', to: '公开（客户可见）' },
        { field: '摘要', from: '', to: '逾期交费的违约金' },
      ]),
    );
    expect(diff.body.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['旧']);
    expect(diff.body.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['新']);
    expect(diff.body.map((p) => (p.kind === 'added' ? '' : p.text)).join('')).toBe(
      '第一段。\n\n旧的说法。',
    );
    expectError(
      await c.agent.get(`/api/knowledge/articles/${a.id}/diff?from=1&to=9`),
      'KNOWLEDGE_VERSION_NOT_FOUND',
    );
  });

  it('readers never see drafts in the version list or by number', async () => {
    const a = await create(c.trainer);
    const v1 = ok(await act(c.manager, ok(await act(c.trainer, a, 'submit')), 'approve'));
    ok(
      await c.trainer.put(`/api/knowledge/articles/${a.id}`, {
        version: v1.version,
        title: `草稿 ${WORD}`,
      }),
    );
    const forAgent = (
      await c.agent.get(`/api/knowledge/articles/${a.id}/versions`)
    ).json<KnowledgeVersionList>();
    expect(forAgent.items.map((v) => v.no)).toEqual([1]);
    expectError(
      await c.agent.get(`/api/knowledge/articles/${a.id}?version=2`),
      'KNOWLEDGE_VERSION_NOT_FOUND',
    );
    const forEditor = (
      await c.trainer.get(`/api/knowledge/articles/${a.id}/versions`)
    ).json<KnowledgeVersionList>();
    expect(forEditor.items.map((v) => [v.no, v.state])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);
  });
});

describe('expiry', () => {
  it('a published article past its expiry date is hidden on read, then swept to expired', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const a = await create(c.trainer, { title: `限时通知 ${WORD}`, expiresAt: tomorrow });
    const live = ok(await act(c.manager, ok(await act(c.trainer, a, 'submit')), 'approve'));
    expect(live.state).toBe('published');
    expect((await search(c.agent, `限时通知 ${WORD}`)).items.map((h) => h.id)).toContain(a.id);
    // Time passes: the expiry date is now behind us.
    await t.database.db
      .updateTable('knowledge_versions')
      .set({ expires_at: new Date(Date.now() - 1_000) })
      .where('article_id', '=', a.id)
      .execute();
    // On read: gone for agents at once, shown as expired to its editors.
    expect((await search(c.agent, `限时通知 ${WORD}`)).items.map((h) => h.id)).not.toContain(a.id);
    expectError(
      await c.agent.get(`/api/knowledge/articles/${a.id}`),
      'KNOWLEDGE_ARTICLE_NOT_FOUND',
    );
    const forEditor = ok(await c.trainer.get(`/api/knowledge/articles/${a.id}`));
    expect(forEditor.state).toBe('expired');
    expect(
      (await search(c.trainer, `限时通知 ${WORD}`, '&drafts=true')).items.find((h) => h.id === a.id)
        ?.state,
    ).toBe('expired');
    // The sweep records it: state, event, audit row (no actor: the system).
    const n = await t.database.db
      .transaction()
      .execute((tx) => expireDueArticles({ tx, now: new Date() }));
    expect(n).toBeGreaterThanOrEqual(1);
    const after = ok(await c.trainer.get(`/api/knowledge/articles/${a.id}`));
    expect(after.shown.state).toBe('expired');
    expect(after.events.at(-1)).toMatchObject({ action: 'expire', actorName: '系统（到期失效）' });
    const audit = await auditRowsFor(t.database, a.id);
    expect(audit.at(-1)).toMatchObject({ action: 'knowledge.expire', actor_id: null });
    // A second sweep finds nothing more to do for it.
    const again = await t.database.db
      .transaction()
      .execute((tx) => expireDueArticles({ tx, now: new Date() }));
    expect(again).toBe(0);
    // Renewing it: a new draft over the expired version, approved, is live again.
    const renewed = ok(
      await c.trainer.put(`/api/knowledge/articles/${a.id}`, {
        version: after.version,
        expiresAt: null,
      }),
    );
    const back = ok(await act(c.manager, ok(await act(c.trainer, renewed, 'submit')), 'approve'));
    expect(back).toMatchObject({ state: 'published', liveNo: 2 });
  });

  it('a reviewer may expire a live article at once; an expiry before the start is refused', async () => {
    const a = await create(c.trainer);
    const live = ok(await act(c.manager, ok(await act(c.trainer, a, 'submit')), 'approve'));
    const gone = ok(await act(c.manager, live, 'expire', { reason: '政策已调整' }));
    expect(gone.state).toBe('expired');
    expect(gone.events.at(-1)).toMatchObject({ action: 'expire', note: '政策已调整' });
    expectError(
      await c.trainer.post(
        '/api/knowledge/articles',
        draft({
          effectiveFrom: '2026-12-01T00:00:00+08:00',
          expiresAt: '2026-11-01T00:00:00+08:00',
        }),
      ),
      'KNOWLEDGE_DATES_INVALID',
    );
  });
});

describe('categories and bad input', () => {
  it('builds a tree, refuses twins and cycles, and files articles under it', async () => {
    const top = await c.trainer.post('/api/knowledge/categories', { name: `电价${suffix}` });
    expect(top.statusCode, top.body).toBe(201);
    const parent = top.json<{ id: string; version: number }>();
    const child = (
      await c.trainer.post('/api/knowledge/categories', { name: '居民', parentId: parent.id })
    ).json<{ id: string; version: number }>();
    expectError(
      await c.trainer.post('/api/knowledge/categories', { name: '居民', parentId: parent.id }),
      'KNOWLEDGE_CATEGORY_EXISTS',
    );
    expectError(
      await c.trainer.patch(`/api/knowledge/categories/${parent.id}`, {
        version: parent.version,
        parentId: child.id,
      }),
      'KNOWLEDGE_CATEGORY_CYCLE',
    );
    expectError(await c.agent.post('/api/knowledge/categories', { name: '不行' }), 'FORBIDDEN');
    const a = await create(c.trainer, { categoryId: child.id });
    ok(await act(c.manager, ok(await act(c.trainer, a, 'submit')), 'approve'));
    // Filtering on the parent finds what is filed under the child.
    const hits = await search(c.agent, WORD, `&categoryId=${parent.id}`);
    expect(hits.items.map((h) => h.id)).toEqual([a.id]);
    const list = (await c.agent.get('/api/knowledge/categories')).json<{
      items: { id: string; parentId: string | null; articles: number }[];
    }>();
    expect(list.items.find((x) => x.id === child.id)).toMatchObject({
      parentId: parent.id,
      articles: 1,
    });
    const audit = (await auditRowsFor(t.database, parent.id)).map((r) => r.action);
    expect(audit).toEqual(['knowledge_category.create']);
  });

  it('answers bad input with catalogued errors, never a 500', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'],
      [{ body: 'a\u0000b' }, 'body'],
      [{ orderTypes: ['fault.no_such'] }, 'orderTypes'],
      [{ audience: 'everyone' }, 'audience'],
      [{ kind: 'script' }, 'scenario'],
      [{ scenario: 'opening' }, 'scenario'],
      [{ tags: ['一,二'] }, 'tags'],
      [{ effectiveFrom: '明天' }, 'effectiveFrom'],
    ];
    for (const [patch, field] of bad) {
      const res = await c.trainer.post('/api/knowledge/articles', draft(patch));
      expectError(res, 'VALIDATION_FAILED');
      expect(JSON.stringify(res.json()), field).toContain(field);
    }
    expectError(
      await c.trainer.post('/api/knowledge/articles', draft({ categoryId: crypto.randomUUID() })),
      'KNOWLEDGE_CATEGORY_NOT_FOUND',
    );
    expectError(await c.agent.get('/api/knowledge/search?pageSize=500'), 'VALIDATION_FAILED');
    expectError(await c.agent.get('/api/knowledge/search?drafts=true'), 'FORBIDDEN');
    expectError(await c.agent.get('/api/knowledge/articles?state=review'), 'FORBIDDEN');
    expectError(await c.agent.get('/api/knowledge/articles/not-a-uuid'), 'VALIDATION_FAILED');
    expectError(
      await c.agent.get(`/api/knowledge/articles/${crypto.randomUUID()}/diff?from=0&to=1`),
      'VALIDATION_FAILED',
    );
    // The editor's preview is what a save would store; only editors ask for it.
    const preview = await c.trainer.post('/api/knowledge/preview', {
      body: '## 标题\n\n<script>x()</script>\n\n**粗**',
    });
    const html = preview.json<{ html: string }>().html;
    expect(html).toContain('<h2>标题</h2>');
    expect(html).toContain('<p><strong>粗</strong></p>');
    expect(html).not.toContain('script');
    expectError(await c.agent.post('/api/knowledge/preview', { body: '正文' }), 'FORBIDDEN');
    // Markup that could run in a browser is stripped, safe markup kept.
    const a = await create(c.trainer, {
      body: '正文<script>alert(1)</script><img src=x onerror=alert(1)> [链接](javascript:alert(1)) [官网](https://www.sgcc.com.cn) <b onclick="x()">粗</b>',
    });
    expect(a.shown.bodyHtml).not.toMatch(/script|onerror|onclick|javascript:|<img/);
    expect(a.shown.bodyHtml).toContain(
      '<a href="https://www.sgcc.com.cn" target="_blank" rel="noopener noreferrer">官网</a>',
    );
    expect(a.shown.bodyHtml).toContain('<b>粗</b>');
  });
});
