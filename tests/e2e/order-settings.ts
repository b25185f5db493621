/** Browser test of the order settings page: the taxonomy, its limits and publishing a version. */
import type { Page } from 'playwright-core';
import { check, logIn } from './helpers.js';
import type { Test } from './types.js';

const DEMO_PASSWORD = 'Lianxin@2026';

async function shownVersion(page: Page): Promise<number> {
  const v = await page.getByTestId('taxonomy-version').getAttribute('data-version');
  check(v !== null && /^\d+$/.test(v), `a version number is shown, got ${v}`);
  return Number(v);
}

/**
 * NOTE: publishing changes the taxonomy, a table shared by every order and test. That is fine
 * here: the e2e run has its own fresh embedded database (on a DATABASE_URL that keeps its rows,
 * the subtype code is unique per run and the version is compared with the one before).
 */
const adminPublishesTaxonomy: Test = async ({ url, freshDemo }, page) => {
  await page.goto(`${url}/login`);
  await logIn(page, 'admin', DEMO_PASSWORD);
  await page.getByTestId('menu-orderSettings').click();
  await page.waitForURL(/\/admin\/order-settings/);

  // 故障报修 is selected first, with the 45-minute arrival limit for urban areas.
  const editor = page.getByTestId('node-editor');
  await editor.waitFor();
  const name = await editor.getByTestId('node-name-zh').inputValue();
  check(name === '故障报修', `故障报修 is shown first, got ${name}`);
  const arrival = editor
    .getByTestId('sla-clauses')
    .locator('tbody tr', { hasText: '到达现场时限' });
  const urban = arrival.filter({ hasText: '城区' });
  await urban.first().waitFor();
  const limit = await urban.first().getByTestId('clause-limit-text').innerText();
  check(limit === '45分钟', `urban arrival limit reads 45分钟, got ${limit}`);
  const before = await shownVersion(page);
  if (freshDemo) check(before === 1, `a fresh database is at version 1, got ${before}`);

  // A new subtype under 故障报修.
  const code = `ev_${Date.now().toString(36)}`;
  await page.getByTestId('subtype-add').click();
  const addDialog = page.getByRole('dialog', { name: '在“故障报修”下添加子类' });
  await addDialog.getByTestId('subtype-code').fill(code);
  await addDialog.getByTestId('subtype-zh').fill('充电桩故障');
  await addDialog.getByTestId('subtype-en').fill('EV charger fault');
  await addDialog.getByRole('button', { name: /确\s*定/ }).click();
  await page.getByTestId('taxonomy-node').filter({ hasText: '充电桩故障' }).waitFor();
  const subName = await page.getByTestId('node-editor').getByTestId('node-name-zh').inputValue();
  check(subName === '充电桩故障', `the new subtype is selected, got ${subName}`);
  await page.getByText('有未发布的修改').waitFor();

  // Publish: the next version becomes the current one.
  await page.getByTestId('taxonomy-publish').click();
  const publishDialog = page.getByRole('dialog', { name: /发布第 \d+ 版业务分类/ });
  await publishDialog.getByTestId('publish-note').fill('新增充电桩故障子类（e2e）');
  await publishDialog.getByRole('button', { name: '发布新版本' }).click();
  await page.getByText(`已发布第 ${before + 1} 版业务分类`).waitFor();
  await page.locator(`[data-testid="taxonomy-version"][data-version="${before + 1}"]`).waitFor();
  const info = await page.getByTestId('taxonomy-version').innerText();
  check(info.includes('新增充电桩故障子类（e2e）'), `the version note is shown: ${info}`);
  if (freshDemo) check(before + 1 === 2, 'version 2 after the first publish');

  // The version before is shown read-only, without the new subtype.
  await page.getByTestId('taxonomy-version-select').click();
  await page.locator(`.ant-select-item-option[title="第 ${before} 版"]`).click();
  await page.getByText('历史版本，只读').waitFor();
  await page.locator(`[data-testid="taxonomy-version"][data-version="${before}"]`).waitFor();
  const oldNodes = await page.getByTestId('taxonomy-node').allInnerTexts();
  check(oldNodes.length > 0, 'the old version’s tree is shown');
  check(!oldNodes.some((n) => n.includes('充电桩故障')), 'the old version lacks the new subtype');
};

export const orderSettingsTests: [string, Test][] = [
  [
    'admin sees 故障报修 with its 45-minute urban arrival limit, adds a subtype, publishes a version',
    adminPublishesTaxonomy,
  ],
];
