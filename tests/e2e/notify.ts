/** Browser test of notifications: a template with an unknown variable refused, then saved; the log. */
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

export const notifyTests: [string, Test][] = [
  [
    'admin: a template with an unknown variable is refused, a correct one saved',
    adminEditsTemplates,
  ],
  ['the delivery log opens and filters by status', adminReadsDeliveryLog],
];
