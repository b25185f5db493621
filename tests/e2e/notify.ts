/**
 * Browser test of notifications: a template with an unknown variable refused, then saved; the
 * log; the inbox bell with the receipt of a published outage, marked read.
 */
import { apiAs } from './api.js';
import { check, logIn } from './helpers.js';
import type { Test } from './types.js';

const DEMO_PASSWORD = 'Lianxin@2026';

const adminEditsTemplates: Test = async ({ url }, page) => {
  await page.goto(`${url}/login`);
  await logIn(page, 'admin', DEMO_PASSWORD);
  await page.getByTestId('menu-notifyTemplates').click();
  await page.waitForURL(/\/admin\/notify\/templates$/);
  const table = page.getByTestId('template-table');
  await table.getByText('outage.planned').waitFor();
  check((await table.innerText()).includes('故障停电通知'), 'the seeded fault notice is listed');

  const code = `e2e.t${Date.now().toString(36)}`;
  await page.getByRole('button', { name: '新建模板' }).click();
  const form = page.getByTestId('template-form');
  await form.locator('#code').fill(code);
  await form.locator('#name').fill('端到端测试模板');
  await form.locator('#body').fill('尊敬的{customerName}：您的电费为{amount}元。');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  // The server refuses the unknown variable in its own words; nothing is saved.
  await page.getByText('模板内容有误', { exact: false }).first().waitFor();

  await form.locator('#body').fill('尊敬的{customerName}：{area}将于{start}停电。');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('模板已保存').waitFor();
  await table.getByText(code).waitFor();
};

const adminReadsDeliveryLog: Test = async ({ url }, page) => {
  await page.goto(`${url}/login`);
  await logIn(page, 'admin', DEMO_PASSWORD);
  await page.getByTestId('menu-notifyLog').click();
  await page.waitForURL(/\/admin\/notify\/log$/);
  await page.getByTestId('delivery-table').waitFor();
  await page.getByTestId('filter-status').click();
  await page.locator('.ant-select-item-option', { hasText: '失败' }).click();
  await page.getByTestId('delivery-table').waitFor();
  const failed = await page.getByTestId('delivery-table').locator('[data-testid^=status-]').all();
  for (const tag of failed) {
    check((await tag.getAttribute('data-testid')) === 'status-failed', 'only failed deliveries');
  }
};

interface Node {
  id: string;
  kind: string;
  customers: number;
}

/** A feeder with customers in the dispatcher's area, through the grid API. */
async function feederWithCustomers(api: Awaited<ReturnType<typeof apiAs>>): Promise<string> {
  const subs = await api.call<{ items: Node[] }>('GET', '/api/grid/substations');
  for (const sub of subs.items.filter((n) => n.customers > 0)) {
    const d = await api.call<{ children: Node[] }>('GET', `/api/grid/substation/${sub.id}`);
    const feeder = d.children.find((n) => n.kind === 'feeder' && n.customers > 0);
    if (feeder) return feeder.id;
  }
  throw new Error('no feeder with customers in the demo');
}

/**
 * The bell's count, read in one go: a badge on its way out (antd animates it) may be gone between
 * a count() and a getAttribute(), and the latter would then wait for it.
 */
const unreadCount = async (page: Parameters<Test>[1]) => {
  const titles = await page
    .getByTestId('inbox-count')
    .locator('.ant-badge-count')
    .evaluateAll((els) => els.map((e) => e.getAttribute('title')));
  return Number(titles[0] ?? '0');
};

const dispatcherReadsInbox: Test = async ({ url }, page) => {
  await page.goto(`${url}/login`);
  // The bell's first count and the live stream, both in hand before the outage is published.
  const counted = page.waitForResponse((r) => r.url().includes('/api/notify/inbox?'));
  const streaming = page.waitForResponse((r) => r.url().endsWith('/api/events'));
  await logIn(page, 'dispatch01', DEMO_PASSWORD);
  await page.getByTestId('inbox-bell').waitFor();
  await Promise.all([counted, streaming]);
  await page.waitForTimeout(200);
  const before = await unreadCount(page);

  // A planned outage published through the API while the page is open: its notices go out, the
  // receipt to the inbox, and the server pushes the change (the bell's poll is a minute apart).
  const api = await apiAs(url, 'dispatch01', DEMO_PASSWORD);
  const day = 86_400_000;
  const o = await api.call<{ number: string }>('POST', '/api/outages', {
    category: 'planned',
    title: '端到端站内消息检修',
    reason: '设备检修',
    areaText: '测试片区',
    plannedStart: new Date(Date.now() + 10 * day).toISOString(),
    plannedEnd: new Date(Date.now() + 10 * day + 4 * 3_600_000).toISOString(),
    scope: { feeders: [await feederWithCustomers(api)] },
    publish: true,
  });
  const published = Date.now();
  for (let i = 0; i < 80 && (await unreadCount(page)) <= before; i++) {
    await page.waitForTimeout(250);
  }
  check((await unreadCount(page)) > before, 'the bell counts the unread receipt, unreloaded');
  console.log(`    bell counted the receipt ${Date.now() - published} ms after the publish`);
  await page.getByTestId('inbox-bell').click();
  const drawer = page.getByTestId('inbox-drawer');
  await drawer.getByText(`停电通知已提交发送：${o.number}`).waitFor();
  check(
    (await drawer.getByTestId('inbox-message-unread').count()) > 0,
    'the receipt is listed as unread',
  );
  await page.getByTestId('inbox-read-all').click();
  await page.getByText(/已将 \d+ 条消息标为已读/).waitFor();
  await drawer.getByTestId('inbox-message-read').first().waitFor();
  check((await drawer.getByTestId('inbox-message-unread').count()) === 0, 'nothing unread');
  for (let i = 0; i < 10 && (await unreadCount(page)) > 0; i++) await page.waitForTimeout(300);
  check((await unreadCount(page)) === 0, 'the bell shows no count');
};

export const notifyTests: [string, Test][] = [
  [
    'admin: a template with an unknown variable is refused, a correct one saved',
    adminEditsTemplates,
  ],
  ['the delivery log opens and filters by status', adminReadsDeliveryLog],
  [
    'dispatcher: the inbox bell shows a published outage’s receipt, marked read',
    dispatcherReadsInbox,
  ],
];
