/**
 * Browser tests of the knowledge base: an agent searches in Chinese, sees the matched words
 * marked, opens the article and votes on it; a trainer writes an article and submits it, the
 * center manager approves it from the review queue, and the agent's open search shows it at once.
 */
import type { Browser, Page } from 'playwright-core';
import { check, expectNone, logIn, newPage } from './helpers.js';
import type { Test } from './types.js';

const DEMO_PASSWORD = 'Lianxin@2026';

async function signedIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/login`);
  await logIn(page, username, DEMO_PASSWORD);
  await page.getByTestId('side-menu').waitFor();
}

/** Another person in their own browser, signed in through the API, on `path`. */
async function openAs(browser: Browser, url: string, username: string, path: string) {
  const { context, page } = await newPage(browser);
  const res = await context.request.post(`${url}/api/auth/login`, {
    data: { username, password: DEMO_PASSWORD },
  });
  check(res.ok(), `${username} signs in (HTTP ${res.status()})`);
  await page.goto(`${url}${path}`);
  await page.getByTestId('side-menu').waitFor();
  return { context, page };
}

async function search(page: Page, words: string): Promise<void> {
  const box = page.getByTestId('kb-search-input');
  await box.fill(words);
  await box.press('Enter');
}

const agentSearches: Test = async ({ url }, page) => {
  await signedIn(page, url, 'agent01');
  await page.getByTestId('menu-knowledge').click();
  await page.waitForURL(/\/knowledge$/);
  await search(page, '峰谷电价怎么算');
  const first = page.getByTestId('kb-search-result').first();
  await first.getByText('居民峰谷分时电价怎么算').waitFor();
  const marked = await first.locator('mark').allInnerTexts();
  check(marked.includes('峰谷'), `the title marks 峰谷, got ${marked.join(',')}`);
  check(marked.includes('峰谷电价'), `the snippet marks 峰谷电价, got ${marked.join(',')}`);
  check(await first.getByText('演示内容').first().isVisible(), 'the demo mark on the result');
  await page.getByText('检索词：峰谷 · 电价 · 峰谷电价').waitFor();

  await first.click();
  await page.waitForURL(/\/knowledge\/[0-9a-f-]{36}$/);
  await page.getByTestId('kb-title').filter({ hasText: '居民峰谷分时电价怎么算' }).waitFor();
  await page.getByTestId('kb-body').getByText('怎么算电费').waitFor();
  // Opening it from the search counted as a use.
  await page.getByText(/使用 [1-9]\d* 次/).waitFor();
  await expectNone(page.getByTestId('kb-edit'), 'no edit button for an agent');
  await expectNone(page.getByTestId('kb-approve'), 'no approve button for an agent');

  const up = page.getByTestId('kb-vote-up');
  const before = Number((await up.innerText()).replace(/\D/g, ''));
  await up.click();
  await page.getByText('感谢您的评价').waitFor();
  await up.filter({ hasText: String(before + 1) }).waitFor();
  check(
    ((await up.getAttribute('class')) ?? '').includes('ant-btn-primary'),
    'the helpful button shows her vote',
  );

  await page.getByTestId('kb-tab-versions').click();
  await page.getByTestId('kb-versions').getByText('版本 1').waitFor();
};

const writeReviewPublish: Test = async ({ url, browser }, page) => {
  const stamp = Date.now().toString(36);
  const title = `台区改造期间的停电安排 ${stamp}`;
  await signedIn(page, url, 'trainer01');
  await page.getByTestId('menu-knowledge').click();
  await page.getByTestId('kb-new').click();
  await page.waitForURL(/\/knowledge\/new$/);
  await page.getByTestId('kb-editor-title').fill(title);
  await page.getByTestId('kb-editor-summary').fill('台区改造施工期间的停电通知和咨询答复。');
  await page
    .getByTestId('kb-editor-body')
    .fill(`## 停电安排\n\n台区改造期间按计划停电，提前 7 天公告。\n\n- 编号 ${stamp}`);
  await page.getByTestId('kb-editor-preview').click();
  await page.getByTestId('kb-body').locator('h2', { hasText: '停电安排' }).waitFor();
  await page.getByTestId('kb-editor-audience-public').check();
  await page.getByTestId('kb-editor-save').click();
  await page.waitForURL(/\/knowledge\/[0-9a-f-]{36}$/);
  const articlePath = new URL(page.url()).pathname;
  await page.getByTestId('kb-title').filter({ hasText: title }).waitFor();
  await page.getByText('草稿').first().waitFor();
  await page.getByTestId('kb-submit').click();
  await page.getByText('待审核').first().waitFor();
  await expectNone(page.getByTestId('kb-approve'), 'the trainer may not approve');

  // The agent does not find it yet.
  const agent = await openAs(browser, url, 'agent01', '/knowledge');
  try {
    await search(agent.page, `台区改造 ${stamp}`);
    await agent.page.getByText('检索词：').waitFor();
    await expectNone(agent.page.getByText(title), 'the article in review is not found by agents');

    // The center manager approves it from the review queue.
    const manager = await openAs(browser, url, 'manager01', '/knowledge/review');
    try {
      const row = manager.page.getByTestId('kb-review-table').locator('tr', { hasText: title });
      await row.getByRole('link', { name: title }).click();
      await manager.page.waitForURL(new RegExp(`${articlePath}$`));
      await manager.page.getByTestId('kb-approve').click();
      await manager.page.getByText('操作成功').waitFor();
      await manager.page.getByText('已发布').first().waitFor();
    } finally {
      await manager.context.close();
    }

    // Now it is live: the agent's open search shows it without being asked again (the
    // publication is pushed), the words marked.
    const hit = agent.page.getByTestId('kb-search-result').first();
    await hit.getByText(title).waitFor();
    const marked = await hit.locator('mark').allInnerTexts();
    check(marked.includes('台区'), `台区 marked in the hit, got ${marked.join(',')}`);
  } finally {
    await agent.context.close();
  }
  // And the public site reads it without a login.
  const res = await page.request.get(
    `${url}/api/public/knowledge?q=${encodeURIComponent(`台区改造 ${stamp}`)}`,
  );
  check(res.ok(), `the public search answers (HTTP ${res.status()})`);
  const body = (await res.json()) as { items: { title: string }[] };
  check(body.items[0]?.title === title, `the public search finds it, got ${body.items[0]?.title}`);
};

export const knowledgeTests: [string, Test][] = [
  [
    'knowledge: an agent searches, sees the words marked, opens an article and votes',
    agentSearches,
  ],
  [
    'knowledge: a trainer writes, a manager approves, the agent’s open search shows it live',
    writeReviewPublish,
  ],
];
