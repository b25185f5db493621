/**
 * Browser tests of the main journeys: the real server (fresh embedded database, or DATABASE_URL)
 * serving the built web app, driven by Debian's chromium through playwright-core.
 * Prints `N passed, N failed` last and exits non-zero on any failure.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { isEmpty, loadDemo } from '../../scripts/demo/load-demo.js';
import { loadConfig } from '../../server/config.js';
import { startServer, type RunningServer } from '../../server/server.js';
import { check, expectNone, logIn, menuKeys, newPage, statValue } from './helpers.js';
import { createUserThroughApi } from './api.js';
import { calendarTests } from './calendar.js';
import { contactTests } from './contact.js';
import { deskTests } from './desk.js';
import { wallboardTests } from './wallboard.js';
import { customerTests } from './customers.js';
import { networkTests } from './network.js';
import { notifyTests } from './notify.js';
import { orderTests } from './orders.js';
import { outageTests } from './outages.js';
import { knowledgeTests } from './knowledge.js';
import { outageLinkTests } from './outage-links.js';
import { outagePredictionTests } from './outage-predictions.js';
import { orderSettingsTests } from './order-settings.js';
import { repairTests } from './repair.js';
import type { Env, Test } from './types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
// E2E_WEB_DIST: a build of one's own (several people testing in one tree at once).
const WEB_DIST = process.env.E2E_WEB_DIST ?? path.join(ROOT, 'web/dist');
const SHOTS = path.join(ROOT, '.tmp/e2e');
const DEMO_PASSWORD = 'Lianxin@2026';

const tests: [string, Test][] = [
  [
    'agent signs in in Chinese, sees only the agent menu and figures, switches to English',
    async ({ url, freshDemo }, page) => {
      await page.goto(`${url}/`);
      await page.waitForURL(/\/login$/);
      await page.getByText('95598 客户服务管理系统').waitFor();
      check(
        await page.locator('h1', { hasText: '连心' }).isVisible(),
        'product name 连心 on the login page',
      );
      check(await page.getByPlaceholder('用户名').isVisible(), 'Chinese username placeholder');

      await logIn(page, 'agent01', DEMO_PASSWORD);
      await page.getByTestId('header-user').filter({ hasText: '李晓雯' }).waitFor();
      await page.getByTestId('menu-dashboard').filter({ hasText: '工作台' }).waitFor();
      const keys = await menuKeys(page);
      check(
        keys.join() ===
          'dashboard,orders,outages,knowledge,contactDesk,contactCalls,customers,network,segments,calendar,profile',
        `agent menu is dashboard, orders, outages, knowledge, contactDesk, contactCalls, customers, network, segments, calendar, profile; got ${keys.join()}`,
      );
      await expectNone(page.getByTestId('menu-imports'), '数据导入 hidden from an agent');
      await expectNone(page.getByText('用户管理'), '用户管理 hidden from an agent');
      await expectNone(page.getByText('单位管理'), '单位管理 hidden from an agent');
      check(await page.getByText('坐席员').first().isVisible(), 'role label 坐席员 in the header');

      // Her own phone number, kept up to date from the profile page.
      await page.getByTestId('menu-profile').click();
      await page.getByTestId('profile-phone').fill('13700001234');
      await page.getByTestId('profile-save').click();
      await page.getByText('联系方式已保存').waitFor();
      await page.getByTestId('menu-dashboard').click();

      const customers = await statValue(page, 'stat-customers');
      if (freshDemo) check(customers === '200', `customers figure is 200, got ${customers}`);
      else check(/^[\d,]+$/.test(customers), `customers figure is a number, got ${customers}`);

      await page.getByTestId('lang-switch').getByText('English', { exact: true }).click();
      await page.getByTestId('menu-dashboard').filter({ hasText: 'Dashboard' }).waitFor();
      for (const label of ['My profile', 'Sign out', 'Customers']) {
        check(
          await page.getByText(label, { exact: true }).first().isVisible(),
          `English label ${label}`,
        );
      }
      for (const zh of ['工作台', '个人中心', '退出登录', '客户数']) {
        await expectNone(page.getByText(zh), `Chinese label ${zh} gone in English`);
      }
      await page.reload();
      await page.getByTestId('menu-dashboard').filter({ hasText: 'Dashboard' }).waitFor();
    },
  ],
  [
    'admin: a wrong password is refused in Chinese; the admin menu and the users list',
    async ({ url }, page) => {
      await page.goto(`${url}/login`);
      await logIn(page, 'admin', 'Wrong-password-1');
      const error = page.getByTestId('login-error');
      await error.waitFor();
      const text = (await error.innerText()).trim();
      check(text === '用户名或密码错误。', `wrong password message, got ${text}`);

      await logIn(page, 'admin', DEMO_PASSWORD);
      await page.getByTestId('header-user').filter({ hasText: '系统管理员' }).waitFor();
      const keys = await menuKeys(page);
      for (const key of ['dashboard', 'org', 'users', 'tokens', 'audit', 'profile']) {
        check(keys.includes(key), `admin menu has ${key} (got ${keys.join()})`);
      }
      await page.getByTestId('menu-users').click();
      await page.waitForURL(/\/admin\/users$/);
      await page
        .getByTestId('users-table')
        .getByRole('cell', { name: 'agent01', exact: true })
        .waitFor();
      await page
        .getByTestId('users-table')
        .getByRole('cell', { name: '李晓雯', exact: true })
        .waitFor();
    },
  ],
  [
    'a new user signs in with the temporary password, must change it, then reaches the dashboard',
    async ({ url }, page) => {
      const { username, temporaryPassword } = await createUserThroughApi(url, {
        admin: { username: 'admin', password: DEMO_PASSWORD },
        displayName: '测试新坐席',
      });
      await page.goto(`${url}/login`);
      await logIn(page, username, temporaryPassword);
      const forced = page.getByTestId('forced-password');
      await forced.waitFor();
      check(await forced.getByText('首次登录，请修改密码').isVisible(), 'forced change title');
      await expectNone(page.getByTestId('side-menu'), 'no menu before the password is changed');

      await page.locator('#pw-current').fill(temporaryPassword);
      await page.locator('#pw-new').fill('weakpassword');
      await page.locator('#pw-confirm').fill('weakpassword');
      await page.getByTestId('password-submit').click();
      await page.getByText('密码不符合要求', { exact: false }).waitFor();

      const next = 'Xin-mima-2026';
      await page.locator('#pw-new').fill(next);
      await page.locator('#pw-confirm').fill(next);
      await page.getByTestId('password-submit').click();
      await page.getByTestId('menu-dashboard').waitFor();
      await page.getByTestId('header-user').filter({ hasText: '测试新坐席' }).waitFor();
      await page.getByTestId('stat-customers').waitFor();
      check(new URL(page.url()).pathname === '/', `on the dashboard, at ${page.url()}`);
    },
  ],
  ...customerTests,
  ...networkTests,
  ...orderTests,
  ...outageTests,
  ...knowledgeTests,
  ...outageLinkTests,
  ...outagePredictionTests,
  ...calendarTests,
  ...notifyTests,
  ...orderSettingsTests,
  ...repairTests,
  ...contactTests,
  ...deskTests,
  ...wallboardTests,
];

// E2E_ONLY: run only the tests whose name holds this text (the demo is loaded all the same).
const only = process.env.E2E_ONLY;
const selected = only ? tests.filter(([name]) => name.includes(only)) : tests;

function buildWebIfMissing(): void {
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) return;
  console.log('Building the web app…');
  const args = ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'];
  execFileSync('npx', [...args, '--outDir', WEB_DIST, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

const tally = { passed: 0, failed: 0 };

async function main(): Promise<void> {
  buildWebIfMissing();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-e2e-'));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    let freshDemo = false;
    const config = loadConfig({
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEB_DIST,
      // Imports run as background jobs, and the import journey waits for its job to finish.
      JOBS: 'true',
    });
    server = await startServer(config, {
      onEmptyDatabase: async (db) => {
        if (!(await isEmpty(db))) return;
        await loadDemo(db, { customers: 200, seed: 1 });
        freshDemo = true;
      },
    });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const env: Env = { browser, url: server.url, freshDemo };
    for (const [name, test] of selected) {
      const { context, page } = await newPage(browser);
      const started = Date.now();
      try {
        await test(env, page);
        tally.passed++;
        console.log(`✓ ${name} (${Date.now() - started} ms)`);
      } catch (e) {
        tally.failed++;
        fs.mkdirSync(SHOTS, { recursive: true });
        const shot = path.join(SHOTS, `failed-${tally.passed + tally.failed}.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
        console.log(
          `✗ ${name}\n  ${e instanceof Error ? e.message : String(e)}\n  screenshot: ${shot}`,
        );
      } finally {
        await context.close();
      }
    }
  } catch (e) {
    tally.failed++;
    console.error('The e2e run could not start:', e);
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// Failure until proven otherwise: a run that dies without reaching the end must not look green.
process.exitCode = 1;
// A hung run must end, but a busy machine runs a test in 20–40 s: allow a minute for each.
const WATCHDOG_MS = 60_000 * (selected.length + 1);
const watchdog = setTimeout(() => {
  console.error(`The e2e run took longer than ${WATCHDOG_MS / 1000} s.`);
  console.log(`${tally.passed} passed, ${tally.failed + 1} failed`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

main()
  .catch((e: unknown) => {
    tally.failed++;
    console.error(e);
  })
  .finally(() => {
    console.log(`${tally.passed} passed, ${tally.failed} failed`);
    process.exitCode = tally.failed > 0 ? 1 : 0;
  });
