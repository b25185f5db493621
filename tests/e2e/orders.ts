/**
 * Browser test of the work-order loop: an agent accepts a fault for a demo customer, routing
 * sends it to a repair crew, the crew works it, the agent reviews, calls back and archives; a
 * shift lead watching the list sees the change arrive live (Server-Sent Events), without reload.
 */
import type { Browser, Page } from 'playwright-core';
import type { Me } from '../../common/schemas/auth.js';
import type { CustomerList } from '../../common/schemas/customers.js';
import type { Unit } from '../../common/schemas/units.js';
import { apiAs, type ApiClient } from './api.js';
import { check, logIn, newPage } from './helpers.js';
import type { Test } from './types.js';

const DEMO_PASSWORD = 'Lianxin@2026';
// A 1×1 PNG: attachments are judged by their bytes, so the photo must be a real image.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

interface RoutingRules {
  items: { unit: { id: string }; typeCode: string | null; targetUnit: { id: string } }[];
}

/**
 * The crew's unit, its supply station and a customer of that station with a grid path; faults
 * at the station are routed to the crew (a rule the test adds once).
 */
async function crewAndCustomer(url: string) {
  const admin = await apiAs(url, 'admin', DEMO_PASSWORD);
  const crew = await apiAs(url, 'crew01', DEMO_PASSWORD);
  const me = await crew.call<Me>('GET', '/api/me');
  const units = await admin.call<{ items: Unit[] }>('GET', '/api/org/units');
  const crewUnit = units.items.find((u) => u.id === me.unit.id);
  const station = units.items.find((u) => u.id === crewUnit?.parentId);
  check(crewUnit !== undefined && station !== undefined, 'crew01 works in a crew of a station');
  await routeFaultsTo(admin, station!.id, crewUnit!.id);
  const customers = await admin.call<CustomerList>(
    'GET',
    `/api/customers?unitId=${station!.id}&pageSize=50`,
  );
  const customer = customers.items.find(
    (c) => c.unitId === station!.id && c.status === 'active' && c.gridPath !== null,
  );
  check(customer !== undefined, `an active customer of ${station!.name} on the network`);
  return { crewUnit: crewUnit!, customer: customer! };
}

async function routeFaultsTo(admin: ApiClient, stationId: string, crewId: string) {
  const rules = await admin.call<RoutingRules>('GET', '/api/order-routing-rules');
  const exists = rules.items.some(
    (r) => r.unit.id === stationId && r.typeCode === 'fault' && r.targetUnit.id === crewId,
  );
  if (exists) return;
  await admin.call('POST', '/api/order-routing-rules', {
    unitId: stationId,
    typeCode: 'fault',
    targetUnitId: crewId,
    note: '浏览器测试：城关抢修班负责故障报修',
  });
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

/** Clicks an action button and confirms its form, after `fill` has entered its inputs. */
async function act(page: Page, action: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const modal = page
    .locator('.ant-modal-content')
    .filter({ has: page.getByTestId('action-submit') });
  await modal.waitFor();
  if (fill) await fill();
  // The server's answer, so that a dialog left open says why (refused, or answered late).
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith(`/actions/${action}`),
    { timeout: 30_000 },
  );
  const sent = Date.now();
  await page.getByTestId('action-submit').click();
  const res = await answer;
  const took = Date.now() - sent;
  if (!res.ok()) throw new Error(`${action}: HTTP ${res.status()} ${await res.text()}`);
  if (took > 3000) console.log(`    ${action} was answered after ${took} ms`);
  await modal.waitFor({ state: 'hidden' });
}

async function expectState(page: Page, label: string): Promise<void> {
  await page
    .getByTestId('order-header')
    .getByTestId('order-state')
    .filter({ hasText: label })
    .waitFor();
}

const faultLoop: Test = async ({ url, browser }, page) => {
  const { crewUnit, customer } = await crewAndCustomer(url);

  // The agent starts from the caller's 360° view.
  await signedIn(page, url, 'agent01');
  await page.goto(`${url}/customers/${customer.id}`);
  await page.getByTestId('customer-new-order').click();
  await page.waitForURL(
    (u) => u.pathname === '/orders/new' && u.searchParams.get('customerId') === customer.id,
  );
  await page.getByTestId('create-customer').filter({ hasText: customer.name }).waitFor();

  await page.getByTestId('create-type').click();
  await page.locator('.ant-cascader-menu-item', { hasText: '故障报修' }).click();
  await page.locator('.ant-cascader-menu-item', { hasText: '低压故障' }).click();
  await page.getByTestId('create-callback').filter({ hasText: '需回访' }).waitFor();
  await page.getByTestId('create-field-voltageSide').getByText('低压', { exact: true }).click();
  await page.getByTestId('create-field-urgency').getByText('一般', { exact: true }).click();
  // 周边邻居是否停电 is asked of every fault call (optional): the street is dark too.
  await page
    .getByTestId('create-field-neighbours')
    .getByText('邻居也停电', { exact: true })
    .click();
  // The area class comes from the customer's transformer; the (required) fault time defaults
  // to now, so the order goes through without touching it.
  check(
    (await page
      .getByTestId('create-field-areaClass')
      .locator('.ant-radio-button-wrapper-checked')
      .count()) === 1,
    'the area class is filled in from the customer',
  );
  await page.getByTestId('create-title').fill('家中停电');
  await page.getByTestId('create-description').fill('客户来电反映家中突然停电，邻居家也没电。');
  await page.getByTestId('create-submit').click();

  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  const orderPath = new URL(page.url()).pathname;
  await expectState(page, '待接单');
  const header = page.getByTestId('order-header');
  const number = (await page.getByTestId('order-number').innerText()).trim();
  check(/^\d{13,16}$/.test(number), `an order number, got ${number}`);
  await header.getByTestId('order-assigned-unit').filter({ hasText: crewUnit.name }).waitFor();
  const timeline = page.getByTestId('order-timeline');
  await timeline.locator('[data-action="accept"]').waitFor();
  await timeline.locator('[data-action="dispatch"]').waitFor();
  await page.getByText('周边邻居是否停电').waitFor();
  await page.getByText('邻居也停电', { exact: true }).waitFor();

  // The SLA badge counts down every second.
  const badge = header.getByTestId('sla-badge');
  const before = await badge.innerText();
  check(/剩余 \d{2}:\d{2}:\d{2}/.test(before), `a countdown in the badge, got ${before}`);
  await page.waitForTimeout(1500);
  check((await badge.innerText()) !== before, 'the countdown ticks');
  await page.getByTestId('sla-explain').click();
  const drawer = page.getByTestId('sla-clock-arrive');
  await drawer.waitFor();
  check((await drawer.innerText()).includes('预警（80%）'), 'the arrival clock shows its 80% time');
  await page.keyboard.press('Escape');

  // A shift lead watches the list; the crew works the order in another browser.
  const lead = await openAs(browser, url, 'lead01', `/orders?q=${number}`);
  const crew = await openAs(browser, url, 'crew01', orderPath);
  try {
    const leadRow = lead.page.getByTestId('order-table').locator('tr', { hasText: number });
    await leadRow.getByText('待接单').waitFor();

    await act(crew.page, 'acknowledge');
    await expectState(crew.page, '处理中');
    // Pushed to the lead's list: no reload, no polling.
    await leadRow.getByText('处理中').waitFor();

    await act(crew.page, 'arrive');
    await expectState(crew.page, '已到达现场');
    await crew.page
      .getByTestId('attachment-input')
      .locator('input[type=file]')
      .setInputFiles({
        name: '现场照片.png',
        mimeType: 'image/png',
        buffer: Buffer.from(PNG, 'base64'),
      });
    const photo = crew.page
      .getByTestId('order-attachments')
      .getByRole('link', { name: '现场照片.png' });
    await photo.waitFor();
    const download = await crew.page.request.get(`${url}${await photo.getAttribute('href')}`);
    check(download.ok(), `the photo downloads (HTTP ${download.status()})`);
    await act(crew.page, 'repaired', () =>
      crew.page.getByTestId('action-input-result').fill('更换熔断器，已恢复供电'),
    );
    await expectState(crew.page, '抢修完成');
    await act(crew.page, 'return');
    await expectState(crew.page, '已回单待审核');
    await leadRow.getByText('已回单待审核').waitFor();
  } finally {
    await crew.context.close();
    await lead.context.close();
  }

  // The agent's open detail page caught up by itself.
  await expectState(page, '已回单待审核');
  await act(page, 'review_pass');
  await expectState(page, '已审核待回访');
  await act(page, 'callback', async () => {
    await page.getByLabel('满意', { exact: true }).check();
    await page.getByTestId('action-input-body').fill('客户确认已恢复供电，表示满意。');
  });
  await expectState(page, '已回访待归档');
  await act(page, 'reply', () =>
    page.getByTestId('action-input-body').fill('您反映的停电问题已处理完毕，感谢您的支持。'),
  );
  await timeline.locator('[data-action="reply"]').getByText('对客户可见').waitFor();
  await act(page, 'archive');
  await expectState(page, '已归档');
  await timeline.locator('[data-action="archive"]').waitFor();

  await page.getByTestId('menu-orders').click();
  await page.getByTestId('order-filter-q').fill(number);
  await page.getByTestId('order-filter-submit').click();
  const row = page.getByTestId('order-table').locator('tr', { hasText: number });
  await row.getByText('已归档').waitFor();
};

export const orderTests: [string, Test][] = [
  [
    'agent accepts a fault, the crew repairs it, the agent closes it; a lead sees it live',
    faultLoop,
  ],
];
