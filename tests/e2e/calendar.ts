/** Browser test of the working-day calendar: 2026 春节 and 调休 on the grid, a deadline computed. */
import type { Page } from 'playwright-core';
import { check, logIn } from './helpers.js';
import type { Test } from './types.js';

const DEMO_PASSWORD = 'Lianxin@2026';

/** Types a Beijing time into the calculator's picker and confirms it. */
async function setFrom(page: Page, value: string): Promise<void> {
  const input = page.getByTestId('due-calculator').locator('.ant-picker input');
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await page.keyboard.press('Escape');
}

async function compute(page: Page, from: string, days: string): Promise<void> {
  await setFrom(page, from);
  await page.getByTestId('due-amount').fill(days);
  await page.getByTestId('due-compute').click();
}

const adminReadsCalendar: Test = async ({ url }, page) => {
  await page.goto(`${url}/login`);
  await logIn(page, 'admin', DEMO_PASSWORD);
  await page.getByTestId('menu-calendar').filter({ hasText: '工作日历' }).click();
  await page.waitForURL(/\/admin\/calendar$/);

  const select = page.getByTestId('calendar-year-select');
  await select.waitFor();
  if (!(await select.innerText()).includes('2026')) {
    await select.click();
    await page.locator('.ant-select-item-option', { hasText: '2026 年' }).click();
  }
  const day = (date: string) => page.locator(`[data-testid="calendar-day"][data-date="${date}"]`);
  await day('2026-02-17').waitFor();

  // 春节 15–23 February off (休), Saturdays 14 and 28 February worked (班).
  for (const date of ['2026-02-15', '2026-02-17', '2026-02-23']) {
    check((await day(date).getAttribute('data-kind')) === 'holiday', `${date} is a holiday`);
  }
  for (const date of ['2026-02-14', '2026-02-28']) {
    check((await day(date).getAttribute('data-kind')) === 'makeup', `${date} is a make-up day`);
    check((await day(date).innerText()).includes('班'), `${date} is marked 班`);
  }
  check((await day('2026-02-07').getAttribute('data-kind')) === 'weekend', '7 Feb is a weekend');
  const february = page.locator('[data-testid="calendar-month"][data-month="2"]');
  check((await february.innerText()).includes('春节 15–23'), 'February names 春节 15–23');
  const summary = await page.getByTestId('calendar-summary').innerText();
  check(summary.includes('248'), `2026 has 248 working days: ${summary}`);

  // Friday 13 February, noon + 2 working days: Saturday 14 (调休), then 春节 is skipped.
  await compute(page, '2026-02-13 12:00', '2');
  const due = page.getByTestId('due-at');
  await due.filter({ hasText: '2026-02-24 24:00' }).waitFor();
  const skipped = await page.getByTestId('due-skipped').innerText();
  check(skipped.includes('2026-02-15 春节') && skipped.includes('2026-02-23 春节'), skipped);
  const counted = await page.getByTestId('due-counted').innerText();
  check(counted.includes('2026-02-14 春节调休'), `14 Feb counted as 调休: ${counted}`);

  // Into 2027, which has no schedule yet: the server's own message.
  await compute(page, '2026-12-30 10:00', '3');
  await page
    .getByTestId('due-calculator')
    .getByText('该年度的节假日安排尚未录入', { exact: false })
    .waitFor();
};

export const calendarTests: [string, Test][] = [
  [
    'admin sees 2026 春节 and 调休 on the calendar and computes a deadline across them',
    adminReadsCalendar,
  ],
];
