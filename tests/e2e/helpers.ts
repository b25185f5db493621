import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** Throws with the message when the condition does not hold. */
export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`Expected: ${message}`);
}

/** A fresh context (own cookies and storage) in Chinese and Beijing time, as our users have. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page };
}

export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** The keys of the side menu's entries, in order. */
export async function menuKeys(page: Page): Promise<string[]> {
  await page.getByTestId('side-menu').waitFor();
  const ids = await page
    .locator('[data-testid^="menu-"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace(/^menu-/, ''));
}

/** Asserts that nothing matches, after the page has settled. */
export async function expectNone(locator: Locator, message: string): Promise<void> {
  const n = await locator.count();
  check(n === 0, `${message} (found ${n})`);
}

/** The shown value of a dashboard figure. */
export async function statValue(page: Page, testId: string): Promise<string> {
  const value = page.getByTestId(testId).locator('.ant-statistic-content-value');
  await value.waitFor();
  return (await value.innerText()).trim();
}
