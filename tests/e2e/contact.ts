/**
 * Browser test of the telephone: an agent signs in on the call log page and goes ready; a PBX
 * posts a newCall for her (form-encoded, as Zammad's bridges do) and the ring appears live in her
 * state bar and call log; the answer and hangup move her to talking and to after-call work.
 */
import { postCti as cti } from './api.js';
import { check, logIn } from './helpers.js';
import type { Test } from './types.js';

const DEMO_PASSWORD = 'Lianxin@2026';
// agent03 (张梦瑶, extension 8003): no other browser test signs her in.
const AGENT = 'agent03';
const AGENT_NAME = '张梦瑶';

const ringingCall: Test = async ({ url }, page) => {
  await page.goto(`${url}/login`);
  await logIn(page, AGENT, DEMO_PASSWORD);
  await page.getByTestId('header-user').waitFor();
  await page.getByTestId('menu-contactCalls').filter({ hasText: '通话记录' }).click();
  await page.waitForURL(/\/contact\/calls$/);
  const state = page.getByTestId('agent-state');
  await state.waitFor();
  // Signed out from an earlier run, or still ready: sign in (签入) to ready either way.
  if ((await state.getAttribute('data-state')) !== 'ready') {
    await page.getByTestId('state-ready').click();
  }
  await page.locator('[data-testid="agent-state"][data-state="ready"]').waitFor();
  check((await state.innerText()).includes('就绪'), 'the state bar says 就绪');

  const from = `139${String(Date.now()).slice(-8)}`;
  const callId = `e2e-${Date.now()}`;
  const answer = await cti(url, {
    event: 'newCall',
    from,
    to: '95598',
    direction: 'in',
    callId,
    queue: 'fault',
    'user[]': AGENT_NAME,
  });
  check(JSON.stringify(answer) === '{}', `newCall answered {} (got ${JSON.stringify(answer)})`);
  // Pushed by the server: the ring with the caller's number, and the call in the log.
  await page.getByTestId('ringing-call').filter({ hasText: from }).waitFor({ timeout: 5000 });
  const row = page.getByTestId('calls-table').locator('tr', { hasText: from });
  await row.filter({ hasText: '振铃中' }).waitFor({ timeout: 5000 });

  await cti(url, { event: 'answer', callId, answeringNumber: '8003', 'user[]': AGENT_NAME });
  await page.locator('[data-testid="agent-state"][data-state="talking"]').waitFor();
  check(
    await page
      .getByTestId('ringing-call')
      .count()
      .then((n) => n === 0),
    'the ring is gone once answered',
  );
  await page.getByTestId('current-call').filter({ hasText: from }).waitFor();
  check((await page.getByTestId('state-break').count()) === 0, 'no state buttons during a call');

  await cti(url, { event: 'hangup', callId, cause: 'normalClearing' });
  await page.locator('[data-testid="agent-state"][data-state="after_call_work"]').waitFor();
  await row.filter({ hasText: '已接听' }).waitFor();
  await page.getByTestId('state-ready').click();
  await page.locator('[data-testid="agent-state"][data-state="ready"]').waitFor();
  await page.getByTestId('state-signed_out').click();
  await page.locator('[data-testid="agent-state"][data-state="signed_out"]').waitFor();
};

export const contactTests: [string, Test][] = [
  [
    'agent goes ready; a newCall from the PBX rings live in her state bar and call log',
    ringingCall,
  ],
];
