/** Browser tests of the customer pages: look-up by phone, the 360° view, reveal, edit, segments. */
import type { Page } from 'playwright-core';
import type { CustomerDetail, CustomerList, RevealResult } from '../../common/schemas/customers.js';
import type { Segment, SegmentList } from '../../common/schemas/segments.js';
import { apiAs, type ApiClient } from './api.js';
import { check, expectNone, logIn } from './helpers.js';
import type { Test } from './types.js';

const DEMO_PASSWORD = 'Lianxin@2026';
const MOBILE = /^1[3-9]\d{9}$/;

/** A demo customer marked important, on the network, with a mobile; and that mobile in full. */
async function importantCustomerWithMobile(
  admin: ApiClient,
): Promise<{ customer: CustomerList['items'][number]; mobile: string }> {
  const list = await admin.call<CustomerList>('GET', '/api/customers?mark=important&pageSize=50');
  for (const customer of list.items) {
    if (!customer.gridPath || customer.phones.length === 0) continue;
    const full = await admin.call<RevealResult>('POST', `/api/customers/${customer.id}/reveal`, {
      fields: ['phones'],
      reason: '浏览器测试准备数据',
    });
    const mobile = full.phones?.find((p) => MOBILE.test(p.phone))?.phone;
    if (mobile) return { customer, mobile };
  }
  throw new Error('Expected: an important demo customer with a mobile and a grid path');
}

async function signedIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/login`);
  await logIn(page, username, DEMO_PASSWORD);
  await page.getByTestId('side-menu').waitFor();
}

const agentFindsCaller: Test = async ({ url }, page) => {
  const admin = await apiAs(url, 'admin', DEMO_PASSWORD);
  const { customer, mobile } = await importantCustomerWithMobile(admin);
  const masked = `${mobile.slice(0, 3)}****${mobile.slice(7)}`;

  await signedIn(page, url, 'agent01');
  await page.getByTestId('menu-customers').click();
  const box = page.getByPlaceholder('输入电话、户号、户名或地址');
  await box.fill(mobile);
  await box.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === mobile);
  await page.getByTestId('search-summary').filter({ hasText: '按电话号码查询' }).waitFor();
  const row = page.getByTestId('customer-results').locator('tr', { hasText: customer.accountNo });
  await row.waitFor();
  const rowText = await row.innerText();
  check(rowText.includes(masked), `the row shows the phone masked as ${masked}: ${rowText}`);
  check(!rowText.includes(mobile), 'the full number is not in the results');
  check(rowText.includes('重要客户'), `the row carries the 重要客户 mark: ${rowText}`);
  check(rowText.includes(customer.gridPath!.transformer.name), 'the row names the transformer');

  await row.click();
  await page.waitForURL(`**/customers/${customer.id}`);
  await page.getByTestId('customer-name').filter({ hasText: customer.name }).waitFor();
  const header = page.getByTestId('customer-header');
  check(await header.getByText('重要客户').isVisible(), '重要客户 tag in the header');
  const substation = page.getByTestId('grid-substation');
  check(
    (await substation.innerText()).includes(customer.gridPath!.substation.name),
    'the substation of the grid path',
  );
  const href = (await substation.getAttribute('href')) ?? '';
  check(
    href.includes(`/network?kind=substation&id=${customer.gridPath!.substation.id}`),
    `the substation links to the network page (${href})`,
  );
  const contact = page.getByTestId('customer-contact');
  check((await contact.innerText()).includes(masked), 'the contact card shows the masked phone');
  await expectNone(page.getByTestId('edit'), 'no edit button for an agent');

  await page.getByTestId('reveal').click();
  const modal = page.locator('.ant-modal-content', { hasText: '查看完整个人信息' });
  await modal.getByRole('button', { name: /查\s*看/ }).click();
  await modal.getByText('请填写查看原因').waitFor();
  await page.getByTestId('reveal-reason').fill('客户来电核实预留电话');
  await modal.getByRole('button', { name: /查\s*看/ }).click();
  await contact.getByText(mobile).waitFor();
  check(
    await header.getByText('正在显示完整个人信息').isVisible(),
    'a notice that values are shown',
  );
};

const adminMarksVip: Test = async ({ url }, page) => {
  const admin = await apiAs(url, 'admin', DEMO_PASSWORD);
  const list = await admin.call<CustomerList>('GET', '/api/customers?pageSize=50');
  const target = list.items.find((c) => !c.marks.vip && c.phones.length > 0);
  check(target !== undefined, 'a demo customer without VIP');
  const before = await admin.call<CustomerDetail>('GET', `/api/customers/${target!.id}`);

  await signedIn(page, url, 'admin');
  await page.goto(`${url}/customers/${target!.id}`);
  const header = page.getByTestId('customer-header');
  await page.getByTestId('customer-name').filter({ hasText: target!.name }).waitFor();
  await expectNone(header.getByText('VIP', { exact: true }), 'no VIP tag before');
  await page.getByTestId('edit').click();
  await page.getByTestId('edit-vip').check();
  await page.getByTestId('edit-save').click();
  await page.getByText('客户档案已保存').waitFor();
  await header.getByText('VIP', { exact: true }).waitFor();
  await page.getByTestId('customer-history').locator('li', { hasText: 'VIP: 否 → 是' }).waitFor();

  const after = await admin.call<CustomerDetail>('GET', `/api/customers/${target!.id}`);
  check(after.marks.vip, 'the customer is VIP on the server');
  check(after.version === before.version + 1, 'one new version');
  check(
    JSON.stringify(after.phones) === JSON.stringify(before.phones),
    'the masked phones were not sent back over the real ones',
  );
};

const adminCreatesSegment: Test = async ({ url }, page) => {
  const admin = await apiAs(url, 'admin', DEMO_PASSWORD);
  await signedIn(page, url, 'admin');
  await page.getByTestId('menu-segments').click();
  const arrears = page.getByTestId('segment-count-ARREARS');
  await arrears.waitFor();
  const shown = Number((await arrears.innerText()).replace(/,/g, ''));
  const listed = await admin.call<SegmentList>('GET', '/api/segments');
  const expected = listed.items.find((s) => s.code === 'ARREARS')?.customers;
  check(shown > 0 && shown === expected, `ARREARS count ${shown} is the API's ${expected}`);
  check(
    await page.getByTestId('segments-table').getByText('欠费 ≥ ¥0.01').isVisible(),
    'the default arrears rule reads 欠费 ≥ ¥0.01',
  );

  const code = `E2E_${Date.now().toString(36).toUpperCase()}`;
  await page.getByTestId('segment-create').click();
  await page.getByTestId('segment-code').fill(code.toLowerCase());
  await page.getByTestId('segment-name').fill('欠费百元以上');
  await page.getByLabel('欠费不少于（元）').fill('100');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  const count = page.getByTestId(`segment-count-${code}`);
  await count.waitFor();
  const row = page.getByTestId('segments-table').locator('tr', { hasText: code });
  check((await row.innerText()).includes('欠费 ≥ ¥100.00'), 'the new rule reads 欠费 ≥ ¥100.00');

  const segments = await admin.call<SegmentList>('GET', '/api/segments');
  const created: Segment | undefined = segments.items.find((s) => s.code === code);
  check(created?.rule.minArrearsFen === 10_000, 'the rule was saved as 10,000 fen');
  const n = Number((await count.innerText()).replace(/,/g, ''));
  check(
    n > 0 && n === created!.customers,
    `the new segment counts ${n} customers (API ${created!.customers})`,
  );
  const members = await admin.call<CustomerList>(
    'GET',
    `/api/customers?segmentId=${created!.id}&pageSize=200`,
  );
  check(
    members.total === n && members.items.every((c) => c.marks.arrearsFen >= 10_000),
    'its customers all owe ¥100 or more',
  );

  await count.click();
  const drawer = page.getByTestId('segment-customers');
  await drawer.locator('tr', { hasText: members.items[0]!.accountNo }).waitFor();
};

export const customerTests: [string, Test][] = [
  ['agent finds a caller by phone, opens the 360° view and reveals the number', agentFindsCaller],
  ['admin marks a customer VIP; the tag and the history show it', adminMarksVip],
  ['admin sees segment counts and creates an arrears segment with members', adminCreatesSegment],
];
