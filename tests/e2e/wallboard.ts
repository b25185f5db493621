/**
 * Browser test of the wall board (大屏): a shift lead opens it from the menu, full screen without
 * the menu, in Chinese, with its figures, chart and clock; a PBX posts a newCall for the center
 * and "calls waiting" goes up live, without a reload, and down again on the hang-up; English by
 * the switch; the exit link leads back into the app.
 */
import { postCti as cti } from './api.js';
import type { Page } from 'playwright-core';
import { check, expectNone, logIn } from './helpers.js';
import type { Test } from './types.js';

const DEMO_PASSWORD = 'Lianxin@2026';

/** The plain number behind a figure of the board. */
async function figure(page: Page, testId: string): Promise<number> {
  const v = await page.getByTestId(testId).getAttribute('data-value');
  return Number(v);
}

/** Waits until a figure shows `want` (pushed by the server: the page is never reloaded). */
async function figureBecomes(page: Page, testId: string, want: number, ms = 8000) {
  await page
    .locator(`[data-testid="${testId}"][data-value="${want}"]`)
    .waitFor({ timeout: ms })
    .catch(async () => {
      throw new Error(
        `Expected: ${testId} to become ${want} (shows ${await figure(page, testId)})`,
      );
    });
}

const liveBoard: Test = async ({ url }, page) => {
  await page.goto(`${url}/login`);
  await logIn(page, 'lead01', DEMO_PASSWORD);
  await page.getByTestId('header-user').waitFor();
  await page.getByTestId('menu-wallboard').filter({ hasText: '大屏监控' }).click();
  await page.waitForURL(/\/wallboard$/);
  const board = page.getByTestId('wallboard');
  await board.waitFor();
  await expectNone(page.getByTestId('side-menu'), 'the board is full screen, without the menu');
  await page.getByTestId('wb-waiting').waitFor();
  await page.getByTestId('wb-area').filter({ hasText: '示范省电力公司' }).waitFor();
  for (const label of [
    '排队等待',
    '最长等待',
    '20秒服务水平',
    '平均应答时长',
    '呼损率',
    '今日来电',
  ]) {
    check(await board.getByText(label).first().isVisible(), `figure ${label} shown`);
  }
  for (const label of ['坐席状态', '工单时限预警', '当前停电', '今日分时来电与工单']) {
    check(await board.getByText(label).first().isVisible(), `panel ${label} shown`);
  }
  check((await page.locator('[data-testid="wb-chart"] canvas').count()) > 0, 'the chart is drawn');
  check(
    /^\d{2}:\d{2}:\d{2}$/.test((await page.getByTestId('wb-clock').innerText()).trim()),
    'a clock with seconds',
  );
  check(
    (await page.getByTestId('wb-updated').innerText()).startsWith('更新于'),
    'a last-updated mark',
  );
  const day = await board.getAttribute('data-day');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  check(day === today, `today's figures in China time (board ${day}, today ${today})`);

  // A call rings at the center: calls waiting goes up, live.
  const before = await figure(page, 'wb-waiting');
  const callsBefore = await figure(page, 'wb-calls-today');
  const callId = `e2e-wb-${Date.now()}`;
  await cti(url, {
    event: 'newCall',
    from: `139${String(Date.now()).slice(-8)}`,
    to: '95598',
    direction: 'in',
    callId,
    queue: 'fault',
  });
  await figureBecomes(page, 'wb-waiting', before + 1);
  await figureBecomes(page, 'wb-calls-today', callsBefore + 1);
  check(
    (await page.getByTestId('wb-waiting').innerText()).includes('fault'),
    'the waiting call is shown under its queue',
  );
  // The caller gives up after a few seconds: no longer waiting.
  await cti(url, { event: 'hangup', callId, cause: 'cancel' });
  await figureBecomes(page, 'wb-waiting', before);

  await page.getByTestId('lang-switch').getByText('English', { exact: true }).click();
  await board.getByText('Calls waiting').waitFor();
  await board.getByText('Service level (20 s)').waitFor();
  await expectNone(board.getByText('排队等待'), 'no Chinese figure names in English');
  await page.getByTestId('lang-switch').getByText('中文', { exact: true }).click();
  await board.getByText('排队等待').waitFor();

  await page.getByTestId('wallboard-exit').click();
  await page.waitForURL((u) => new URL(u).pathname === '/');
  await page.getByTestId('side-menu').waitFor();
};

export const wallboardTests: [string, Test][] = [
  ['wall board: a lead opens it from the menu; a newCall raises calls waiting live', liveBoard],
];
