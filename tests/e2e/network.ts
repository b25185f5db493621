/** Browser tests of the network page (tree, counts, customers, deep links) and the import page. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { CustomerSearchResult } from '../../common/schemas/customers.js';
import type { GridNodeDetail, GridNodeList } from '../../common/schemas/grid.js';
import type { DataImport } from '../../common/schemas/imports.js';
import type { Unit } from '../../common/schemas/units.js';
import { apiAs } from './api.js';
import { check, logIn } from './helpers.js';
import type { Test } from './types.js';

const DEMO_PASSWORD = 'Lianxin@2026';

async function signedIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/login`);
  await logIn(page, username, DEMO_PASSWORD);
  await page.getByTestId('side-menu').waitFor();
}

/** The integer a figure shows (`1,619`, `81 户`). */
async function figure(locator: Locator): Promise<number> {
  const text = await locator.innerText();
  const digits = text.replace(/[^\d]/g, '');
  check(digits !== '', `a number in “${text}”`);
  return Number(digits);
}

/** The tree entries of one kind, as shown: code and customer count. */
async function treeEntries(page: Page, kind: string): Promise<{ code: string; count: number }[]> {
  const nodes = page.locator(`[data-testid="grid-tree-node"][data-kind="${kind}"]`);
  const out: { code: string; count: number }[] = [];
  for (const node of await nodes.all()) {
    const code = (await node.getAttribute('data-code')) ?? '';
    out.push({ code, count: await figure(node.getByTestId('grid-tree-count')) });
  }
  return out;
}

function treeRow(page: Page, code: string): Locator {
  return page.locator('.ant-tree-treenode', {
    has: page.locator(`[data-testid="grid-tree-node"][data-code="${code}"]`),
  });
}

/** Opens a node in the tree, selects it, and checks its children add up to its count. */
async function openAndCheck(
  page: Page,
  code: string,
  childKind: string,
): Promise<{ count: number; children: { code: string; count: number }[] }> {
  const row = treeRow(page, code);
  await row.locator('.ant-tree-switcher').click();
  await page.locator(`[data-testid="grid-tree-node"][data-kind="${childKind}"]`).first().waitFor();
  await row.getByTestId('grid-tree-node').click();
  await page.waitForURL((u) => u.searchParams.has('id'));
  const panel = page.getByTestId('network-node');
  await panel.getByText(code).first().waitFor();
  const count = await figure(panel.getByTestId('network-node-customers'));
  const treeCount = await figure(row.getByTestId('grid-tree-count'));
  check(count === treeCount, `${code}: the panel (${count}) and the tree (${treeCount}) agree`);

  // Only this node is open at its level, so every entry of the child kind is its child.
  const children = await treeEntries(page, childKind);
  check(children.length > 0, `${code} has ${childKind}s in the tree`);
  const treeSum = children.reduce((s, c) => s + c.count, 0);
  check(treeSum === count, `${code}: tree children sum to ${count}, got ${treeSum}`);
  const cells = page.getByTestId('network-children').getByTestId('network-child-customers');
  check((await cells.count()) === children.length, `${code}: one table row per child`);
  let tableSum = 0;
  for (const cell of await cells.all()) tableSum += await figure(cell);
  check(tableSum === count, `${code}: children table sums to ${count}, got ${tableSum}`);
  return { count, children };
}

const dispatcherBrowsesNetwork: Test = async ({ url }, page) => {
  await signedIn(page, url, 'dispatch01');
  await page.getByTestId('menu-network').click();
  await page.waitForURL(/\/network$/);
  await page.getByTestId('grid-tree-node').first().waitFor();
  const substations = await treeEntries(page, 'substation');
  const substation = substations.find((s) => s.count > 0);
  check(substation !== undefined, 'a substation that supplies customers');

  const s = await openAndCheck(page, substation!.code, 'feeder');
  const feeder = s.children.find((c) => c.count > 0)!;
  const f = await openAndCheck(page, feeder.code, 'transformer');
  const transformer = f.children.find((c) => c.count > 0)!;

  // The transformer: its customers listed, as many as the count says.
  await treeRow(page, transformer.code).getByTestId('grid-tree-node').click();
  const panel = page.getByTestId('network-node');
  await panel.getByText(transformer.code).first().waitFor();
  check((await panel.getAttribute('data-kind')) === 'transformer', 'a transformer is selected');
  const customers = page.getByTestId('network-customers');
  await customers.getByTestId('network-customer-link').first().waitFor();
  const total = await figure(customers.locator('.ant-pagination-total-text'));
  check(total === transformer.count, `customers listed: ${total}, count ${transformer.count}`);
  const crumbs = await page.getByTestId('network-breadcrumb').innerText();
  check(
    crumbs.includes(substation!.code) && crumbs.includes(feeder.code),
    `the breadcrumb shows the path: ${crumbs}`,
  );

  // Important only: the list shrinks to the important count, and every row carries the mark.
  const important = await figure(panel.getByTestId('network-node-important'));
  await page.getByTestId('network-important-only').click();
  if (important === 0) {
    await customers.locator('.ant-empty').waitFor();
  } else {
    await customers
      .locator('.ant-pagination-total-text', { hasText: `共 ${important} 条` })
      .waitFor();
    const rows = customers.locator('tbody tr.ant-table-row');
    for (const row of await rows.all()) {
      check((await row.innerText()).includes('重要客户'), 'an important-only row is important');
    }
  }

  // A deep link (as the customer page makes) selects the node and opens its ancestors.
  await page.goto(page.url());
  await page.locator('.ant-tree-node-selected', { hasText: transformer.code }).waitFor();
  await treeRow(page, feeder.code).locator('.ant-tree-switcher_open').waitFor();
  await page.getByTestId('network-node').getByText(transformer.code).first().waitFor();

  // A customer row leads to the 360° page.
  await page.getByTestId('network-customer-link').first().click();
  await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
};

/** A supply station's unit code and one of its transformers, looked up through the API. */
async function placeForNewCustomers(
  url: string,
): Promise<{ unitCode: string; transformer: string }> {
  const admin = await apiAs(url, 'admin', DEMO_PASSWORD);
  const { items } = await admin.call<GridNodeList>('GET', '/api/grid/substations');
  const units = await admin.call<{ items: Unit[] }>('GET', '/api/org/units');
  for (const s of items) {
    const sub = await admin.call<GridNodeDetail>('GET', `/api/grid/substation/${s.id}`);
    const feeder = sub.children[0];
    if (!feeder) continue;
    const f = await admin.call<GridNodeDetail>('GET', `/api/grid/feeder/${feeder.id}`);
    const t = f.children[0];
    const unit = units.items.find((u) => u.id === t?.unitId);
    if (t && unit) return { unitCode: unit.code, transformer: t.code };
  }
  throw new Error('Expected: a transformer with its supply unit in the demo');
}

const HEADER =
  '户号,户名,客户分类,行业分类,电压等级,电价类别,地市,区县,街道,详细地址,联系电话,供电单位编码,台区编码';

/** Two good customers and, on row 4, one whose class is not a class. */
function customersCsv(accounts: string[], unitCode: string, transformer: string): string {
  const [a, b, c] = accounts;
  return [
    HEADER,
    `${a},测试导入甲,居民,城乡居民生活,交流220V,居民生活用电（阶梯）,东湖市,临湖县,学府路,1号,13900001111,${unitCode},${transformer}`,
    `${b},测试导入乙,居民,,,,东湖市,临湖县,学府路,2号,13900002222,${unitCode},${transformer}`,
    `${c},测试导入丙,外星人,,,,东湖市,临湖县,学府路,3号,13900003333,${unitCode},${transformer}`,
  ].join('\n');
}

/** Uploads the file in a mode and waits for the import to finish; returns its table row. */
async function runImport(
  page: Page,
  file: string,
  mode: string,
): Promise<{ row: Locator; imp: DataImport }> {
  await page.getByTestId('import-mode').getByText(mode, { exact: true }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/imports') && r.request().method() === 'POST',
  );
  await page.getByTestId('import-start').click();
  const res = await created;
  check(res.status() === 202, `the upload answers 202 (got ${res.status()}: ${await res.text()})`);
  const imp = (await res.json()) as DataImport;
  const row = page.getByTestId('imports-table').locator(`tr[data-row-key="${imp.id}"]`);
  await row.waitFor();
  const finished = row.locator(
    '[data-testid="import-status"]:not([data-status="queued"]):not([data-status="running"])',
  );
  await finished.waitFor({ timeout: 30_000 }).catch(async () => {
    const status = await row.getByTestId('import-status').getAttribute('data-status');
    throw new Error(`Expected: the import to finish within 30 s; it is ${status} (jobs running?)`);
  });
  return { row, imp };
}

const adminImportsCustomers: Test = async ({ url }, page) => {
  const place = await placeForNewCustomers(url);
  // Unique per run, so the test passes again on a PostgreSQL database that keeps its rows.
  const base = `39${Date.now().toString().slice(-9)}`;
  const accounts = [`${base}1`, `${base}2`, `${base}3`];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-import-'));
  const file = path.join(dir, '客户导入测试.csv');
  fs.writeFileSync(file, customersCsv(accounts, place.unitCode, place.transformer));

  await signedIn(page, url, 'admin');
  await page.getByTestId('menu-imports').click();
  await page.waitForURL(/\/imports$/);

  // The template is a real .xlsx (a zip: "PK").
  const download = page.waitForEvent('download');
  await page.getByTestId('import-template-customers').click();
  const template = await (await download).path();
  const head = fs.readFileSync(template).subarray(0, 2).toString('latin1');
  check(head === 'PK', `the template is an .xlsx (zip) file, starts with ${JSON.stringify(head)}`);
  const res = await page.request.get(`${url}/api/imports/templates/customers`);
  check(
    (res.headers()['content-type'] ?? '').includes('spreadsheetml'),
    `template content type is xlsx: ${res.headers()['content-type']}`,
  );

  // Good rows only: two imported, the bad row reported with its row number and column.
  const good = await runImport(page, file, '仅导入正确的行');
  const status = await good.row.getByTestId('import-status').getAttribute('data-status');
  check(status === 'succeeded', `good_rows import succeeded, got ${status}`);
  check((await figure(good.row.getByTestId('import-imported'))) === 2, '2 rows imported');
  check((await figure(good.row.getByTestId('import-error-rows'))) === 1, '1 error row');
  await good.row.locator('.ant-table-row-expand-icon').click();
  const errors = page.getByTestId('import-errors-table');
  const errorRow = errors.locator('tbody tr', { hasText: '客户分类' });
  await errorRow.waitFor();
  const errorText = await errorRow.innerText();
  check(/^\s*4\b/.test(errorText), `the error is on row 4: ${errorText}`);
  const report = page.getByTestId('import-error-report');
  check(
    (await report.getAttribute('href')) === `/api/imports/${good.imp.id}/errors`,
    'the error report link',
  );
  const csv = await (await page.request.get(`${url}/api/imports/${good.imp.id}/errors`)).text();
  check(
    csv.includes('外星人') || csv.includes(accounts[2]!),
    `the report holds the bad row: ${csv}`,
  );

  // The imported customers are in the archive now; the bad one is not.
  const admin = await apiAs(url, 'admin', DEMO_PASSWORD);
  for (const [i, account] of accounts.entries()) {
    const found = await admin.call<CustomerSearchResult>(
      'GET',
      `/api/customers/search?q=${account}`,
    );
    const want = i < 2 ? 1 : 0;
    check(
      found.items.length === want,
      `${account} found ${found.items.length} times, want ${want}`,
    );
  }

  // All or nothing: the same file is refused whole.
  const all = await runImport(page, file, '全部成功才导入');
  const allStatus = await all.row.getByTestId('import-status').getAttribute('data-status');
  check(allStatus === 'rejected', `all_or_nothing import rejected, got ${allStatus}`);
  check((await figure(all.row.getByTestId('import-imported'))) === 0, '0 rows imported');
  check((await figure(all.row.getByTestId('import-error-rows'))) >= 1, 'the bad row counted');
  fs.rmSync(dir, { recursive: true, force: true });

  // The export card: the filters go into the link, which answers with a workbook.
  await page.getByTestId('export-class').click();
  await page.locator('.ant-select-item-option', { hasText: '居民' }).first().click();
  const href = (await page.getByTestId('export-customers').getAttribute('href')) ?? '';
  check(href === '/api/exports/customers?customerClass=resident', `export link: ${href}`);
  const exported = await page.request.get(`${url}${href}`);
  check(
    exported.ok() && (exported.headers()['content-type'] ?? '').includes('spreadsheetml'),
    `the export answers with an .xlsx (${exported.status()})`,
  );
};

export const networkTests: [string, Test][] = [
  [
    'dispatcher opens substation → feeder → transformer; counts add up; customers listed',
    dispatcherBrowsesNetwork,
  ],
  [
    'admin downloads the template, imports good rows only, then all-or-nothing is rejected',
    adminImportsCustomers,
  ],
];
