/**
 * Browser test of outage information: a dispatcher enters a planned outage over a feeder picked
 * from the network and publishes it under 7 days ahead (flagged), finds its affected customers,
 * postpones it with a reason; an agent watching the list sees it, live, without a create button.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { check, expectNone, logIn, newPage } from './helpers.js';
import type { Test } from './types.js';

const DEMO_PASSWORD = 'Lianxin@2026';
const HOUR = 3_600_000;

/** An instant as a Beijing wall-clock time, as the pickers take it: 2026-11-23 14:00. */
function beijing(ms: number): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:00`;
}

/** Types a time into an antd date picker and confirms it. */
async function fillPicker(root: Locator, value: string): Promise<void> {
  const isInput = await root.evaluate((el) => el.tagName === 'INPUT');
  const input = isInput ? root : root.locator('input').first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  const shown = await input.inputValue();
  check(shown === value, `the picker shows ${value}, got ${shown}`);
}

async function signedIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/login`);
  await logIn(page, username, DEMO_PASSWORD);
  await page.getByTestId('side-menu').waitFor();
}

/** Another person in their own browser: signed in through the API (quicker), on `path`. */
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

/** Opens the first substation with feeders in the scope picker and picks a feeder with customers. */
async function pickFeeder(page: Page): Promise<string> {
  await page.getByTestId('outage-scope').click();
  const tree = page.locator('.ant-select-tree');
  await tree.locator('[data-testid="scope-node"][data-kind="substation"]').first().waitFor();
  const substations = tree.locator('.ant-select-tree-treenode', {
    has: page.locator('[data-testid="scope-node"][data-kind="substation"]'),
  });
  const feeders = tree.locator('[data-testid="scope-node"][data-kind="feeder"]');
  for (const row of await substations.all()) {
    await row.locator('.ant-select-tree-switcher').click();
    await page.waitForLoadState('networkidle');
    for (const feeder of await feeders.all()) {
      if (Number(await feeder.getAttribute('data-customers')) > 0) {
        const code = (await feeder.getAttribute('data-code')) ?? '';
        await feeder.click();
        await page.keyboard.press('Escape');
        await page
          .getByTestId('outage-scope')
          .locator('.ant-select-selection-item', { hasText: code })
          .waitFor();
        return code;
      }
    }
  }
  throw new Error('Expected: a feeder with customers under the substations of dispatch01');
}

const plannedOutage: Test = async ({ url, browser }, page) => {
  const title = `浏览器测试计划停电 ${Date.now()}`;
  // Three days ahead: under the 7 days' notice a planned outage needs.
  const start = Date.now() + 72 * HOUR;

  await signedIn(page, url, 'dispatch01');
  await page.getByTestId('menu-outages').click();
  await page.waitForURL(/\/outages$/);
  await page.getByTestId('outage-new').click();
  await page.waitForURL(/\/outages\/new$/);

  await page.getByTestId('outage-create-category').click();
  await page.locator('.ant-select-item-option', { hasText: '计划停电' }).click();
  await page.getByTestId('outage-create-title').fill(title);
  await page.getByTestId('outage-create-reason').fill('10kV 线路例行检修，更换老旧开关。');
  await fillPicker(page.getByTestId('outage-create-planned-start'), beijing(start));
  await fillPicker(page.getByTestId('outage-create-planned-end'), beijing(start + 6 * HOUR));
  await page.getByTestId('outage-create-area').fill('湖滨路沿线及周边小区');
  const feeder = await pickFeeder(page);
  await page.getByTestId('outage-create-publish').check();
  await page.getByTestId('outage-create-submit').click();

  await page.waitForURL(/\/outages\/[0-9a-f-]{36}$/);
  const detailPath = new URL(page.url()).pathname;
  const header = page.getByTestId('outage-header');
  await header.getByTestId('outage-state').filter({ hasText: '已发布' }).waitFor();
  await header.getByTestId('outage-flags').getByText('计划停电未提前7天公告').waitFor();
  const number = (await page.getByTestId('outage-number').innerText()).trim();
  check(number !== '', 'an outage number');
  await page.getByTestId('outage-scope-nodes').getByText(feeder).waitFor();
  const affected = Number(
    (await page.getByTestId('outage-affected-count').innerText()).replace(/[^\d]/g, ''),
  );
  check(affected > 0, `the feeder's customers are affected, got ${affected}`);

  await page.getByTestId('outage-tab-customers').click();
  await page.getByTestId('outage-customers').locator('tbody tr.ant-table-row').first().waitFor();
  const total = await page.getByTestId('outage-customers-total').innerText();
  check(total.includes(String(affected)), `${affected} customers listed, got ${total}`);

  // An agent watches the list in her own browser: she sees the outage but may not enter one.
  const agent = await openAs(browser, url, 'agent01', `/outages?q=${number}`);
  try {
    const agentRow = agent.page.getByTestId('outage-table').locator('tr', { hasText: number });
    await agentRow.getByText('已发布').waitFor();
    await agentRow.getByText('计划停电未提前7天公告').waitFor();
    await expectNone(agent.page.getByTestId('outage-new'), 'no create button for an agent');

    // The dispatcher postpones it by a day, with the reason.
    await page.getByTestId('outage-action-postpone').click();
    const modal = page.locator('.ant-modal-content').filter({
      has: page.getByTestId('outage-action-submit'),
    });
    await modal.waitFor();
    await fillPicker(page.getByTestId('outage-input-start'), beijing(start + 24 * HOUR));
    await fillPicker(page.getByTestId('outage-input-end'), beijing(start + 30 * HOUR));
    await page.getByTestId('outage-input-reason').fill('施工单位设备未到位，顺延一天。');
    await page.getByTestId('outage-action-submit').click();
    await modal.waitFor({ state: 'hidden' });
    await header.getByTestId('outage-state').filter({ hasText: '已延期' }).waitFor();
    const entry = page.getByTestId('outage-timeline').locator('[data-action="postpone"]');
    await entry.getByText('施工单位设备未到位，顺延一天。', { exact: false }).waitFor();
    await entry.getByText(beijing(start + 24 * HOUR), { exact: false }).waitFor();

    // Pushed to the agent's list: no reload.
    await agentRow.getByText('已延期').waitFor();
  } finally {
    await agent.context.close();
  }

  // Back on the dispatcher's list, the flag stays with the outage.
  await page.getByTestId('menu-outages').click();
  await page.waitForURL(/\/outages$/);
  await page.getByTestId('outage-filter-q').fill(number);
  await page.getByTestId('outage-search').click();
  const row = page.getByTestId('outage-table').locator('tr', { hasText: number });
  await row.getByText('计划停电未提前7天公告').waitFor();
  await row.getByTestId('outage-link').click();
  await page.waitForURL((u) => u.pathname === detailPath);
};

export const outageTests: [string, Test][] = [
  [
    'dispatcher publishes a planned outage over a feeder, late; postpones it; an agent sees it live',
    plannedOutage,
  ],
];
