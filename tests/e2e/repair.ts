/**
 * Browser tests of repair. The crew view on a phone-sized screen (390×844): a fault order of a
 * station is sent to the station's crew through the API, and the crew member accepts it, arrives,
 * and completes it with a result and a photo; the order ends returned with the crew's result.
 * An outage: a shift lead sends the station's crew to a fault outage from the board's outage
 * section, and the crew member works it on the phone; completing it restores the outage.
 */
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import type { CustomerList } from '../../common/schemas/customers.js';
import type { OrderDetail } from '../../common/schemas/orders.js';
import type { OutageDetail } from '../../common/schemas/outages.js';
import type { Crew, MyJobs } from '../../common/schemas/repair.js';
import type { Unit } from '../../common/schemas/units.js';
import { apiAs } from './api.js';
import { check, logIn, newPage } from './helpers.js';
import type { Test } from './types.js';

const DEMO_PASSWORD = 'Lianxin@2026';
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
// A crew login of the base demo (the order demo adds crew03 … crew16 for the other stations).
const CREW_USER = 'crew01';

const crewViewLoop: Test = async ({ url }, page) => {
  const admin = await apiAs(url, 'admin', DEMO_PASSWORD);
  const lead = await apiAs(url, 'lead01', DEMO_PASSWORD);
  const member = await apiAs(url, CREW_USER, DEMO_PASSWORD);
  const mine = await member.call<MyJobs>('GET', '/api/crew/jobs');
  check(mine.crews.length > 0, `${CREW_USER} is a member of a demo crew`);
  const crewRef = mine.crews[0]!;
  if (crewRef.state === 'off_duty') {
    await member.call('POST', '/api/crew/state', {
      crewId: crewRef.id,
      version: crewRef.version,
      state: 'on_duty',
    });
  }
  const crew = await lead.call<Crew>('GET', `/api/repair/crews/${crewRef.id}`);
  const units = await admin.call<{ items: Unit[] }>('GET', '/api/org/units');
  const unit = units.items.find((u) => u.id === crew.unit.id);
  const stationId = unit?.kind === 'supply_station' ? unit.id : unit?.parentId;
  check(stationId !== undefined && stationId !== null, 'the crew belongs to a supply station');
  const customers = await admin.call<CustomerList>(
    'GET',
    `/api/customers?unitId=${stationId}&pageSize=50`,
  );
  const customer = customers.items.find((c) => c.status === 'active' && c.gridPath !== null);
  check(customer !== undefined, 'an active customer of the station on the network');
  const agent = await apiAs(url, 'agent02', DEMO_PASSWORD);
  const order = await agent.call<OrderDetail>('POST', '/api/orders', {
    typeCode: 'fault',
    subtypeCode: 'lv_fault',
    title: '浏览器测试：家中停电',
    description: '客户反映家中停电，邻居也没电。',
    customerId: customer!.id,
    callerName: '测试客户',
    callerPhone: '13912340000',
    fields: { faultTime: new Date().toISOString(), voltageSide: 'lv', urgency: 'normal' },
  });
  check(order.state === 'dispatched', `the fault is dispatched to a unit (got ${order.state})`);
  await lead.call('POST', '/api/repair/jobs', { orderId: order.id, crewId: crew.id });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${url}/login`);
  await logIn(page, CREW_USER, DEMO_PASSWORD);
  // Signed in (the session cookie is set) before leaving the login page, or /crew sends us back.
  await page.getByTestId('header-user').waitFor();
  await page.goto(`${url}/crew`);
  const card = page.getByTestId('crew-job').filter({ hasText: order.number });
  await card.waitFor();
  // Measured once the menu has folded to its phone width (a short CSS transition after the
  // first paint): a fast server can show the job before the fold has finished.
  await page.locator('.ant-layout-sider-collapsed').waitFor();
  let width: unknown = 0;
  for (let tries = 0; tries < 20; tries++) {
    width = await page.evaluate('document.documentElement.scrollWidth');
    if (typeof width === 'number' && width <= 390) break;
    await page.waitForTimeout(100);
  }
  check(
    typeof width === 'number' && width <= 390,
    `the crew view fits a phone without sideways scrolling (width ${String(width)})`,
  );
  await card.getByTestId('job-accept').click();
  await page
    .getByTestId('crew-job')
    .filter({ hasText: order.number })
    .getByTestId('job-arrive')
    .click();
  const onSite = page.locator(`[data-testid="crew-job"][data-job-state="on_site"]`, {
    hasText: order.number,
  });
  await onSite.waitFor();
  await onSite.getByTestId('job-complete').click();
  await onSite.getByTestId('complete-result').fill('更换低压熔丝，恢复供电');
  await onSite.getByTestId('complete-cause').fill('熔丝熔断');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lx-e2e-')), '现场.png');
  fs.writeFileSync(file, Buffer.from(PNG, 'base64'));
  await onSite.locator('input[type=file]').setInputFiles(file);
  await onSite.getByTestId('photo-item').waitFor();
  await onSite.getByTestId('complete-submit').click();
  await page
    .locator(`[data-testid="crew-job"][data-job-state="done"]`, { hasText: order.number })
    .waitFor();

  const after = await agent.call<OrderDetail>('GET', `/api/orders/${order.id}`);
  check(after.state === 'returned', `the order is returned by the crew (got ${after.state})`);
  check(after.attachments.length === 1, 'the photo is on the order');
  check(
    after.clocks.find((c) => c.step === 'arrive')?.status === 'met',
    'the arrival clock stopped in time',
  );
};

const outageLoop: Test = async ({ url, browser }, page) => {
  const lead = await apiAs(url, 'lead01', DEMO_PASSWORD);
  const member = await apiAs(url, CREW_USER, DEMO_PASSWORD);
  const mine = await member.call<MyJobs>('GET', '/api/crew/jobs');
  const crewRef = mine.crews[0]!;
  if (crewRef.state === 'off_duty') {
    await member.call('POST', '/api/crew/state', {
      crewId: crewRef.id,
      version: crewRef.version,
      state: 'on_duty',
    });
  }
  const crew = await lead.call<Crew>('GET', `/api/repair/crews/${crewRef.id}`);
  const feeder = crew.area.find((a) => a.kind === 'feeder');
  check(feeder !== undefined, 'the demo crew serves a feeder');
  const outage = await lead.call<OutageDetail>('POST', '/api/outages', {
    category: 'grid_fault',
    title: '浏览器测试：线路跳闸',
    reason: '10kV线路故障跳闸',
    areaText: `${feeder!.name}沿线`,
    startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    scope: { feeders: [feeder!.id], transformers: [], addresses: [] },
    publish: true,
  });
  check(outage.state === 'in_progress', `the fault outage is in progress (got ${outage.state})`);

  // The shift lead sends the crew from the board's outage section.
  const { context, page: board } = await newPage(browser);
  try {
    const res = await context.request.post(`${url}/api/auth/login`, {
      data: { username: 'lead01', password: DEMO_PASSWORD },
    });
    check(res.ok(), `lead01 signs in (HTTP ${res.status()})`);
    await board.goto(`${url}/repair/board`);
    const row = board.locator(`[data-testid="board-outage"][data-number="${outage.number}"]`);
    await row.waitFor();
    check(
      (await row.getByTestId('commitment-arrival').getAttribute('data-status')) === 'ok',
      'the arrival commitment runs',
    );
    await row.getByTestId('outage-dispatch').click();
    const modal = board.locator('.ant-modal-content');
    await modal.getByTestId('outage-crew-candidate').filter({ hasText: crew.name }).click();
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await board
      .locator(
        `[data-testid="board-outage"][data-number="${outage.number}"][data-job-state="offered"]`,
      )
      .waitFor();
    check(
      (await row.getByTestId('outage-crew').textContent()) === crew.name,
      'the board shows the crew on the outage',
    );

    // The crew member works it on the phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${url}/login`);
    await logIn(page, CREW_USER, DEMO_PASSWORD);
    await page.getByTestId('header-user').waitFor();
    await page.goto(`${url}/crew`);
    const card = page.getByTestId('crew-job').filter({ hasText: outage.number });
    await card.getByTestId('crew-outage').filter({ hasText: outage.title }).waitFor();
    await card.getByTestId('job-accept').click();
    await page
      .locator('[data-testid="crew-job"][data-job-state="accepted"]', { hasText: outage.number })
      .getByTestId('job-arrive')
      .click();
    const onSite = page.locator('[data-testid="crew-job"][data-job-state="on_site"]', {
      hasText: outage.number,
    });
    await onSite.getByTestId('commitment-restoration').waitFor();
    await onSite.getByTestId('job-complete').click();
    await onSite.getByTestId('complete-result').fill('更换跌落式熔断器，线路恢复送电');
    await onSite.getByTestId('complete-cause').fill('雷击');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lx-e2e-')), '线路.png');
    fs.writeFileSync(file, Buffer.from(PNG, 'base64'));
    await onSite.locator('input[type=file]').setInputFiles(file);
    await onSite.getByTestId('photo-item').waitFor();
    await onSite.getByTestId('complete-submit').click();
    await page
      .locator('[data-testid="crew-job"][data-job-state="done"]', { hasText: outage.number })
      .waitFor();

    const after = await lead.call<OutageDetail>('GET', `/api/outages/${outage.id}`);
    check(after.state === 'restored', `the outage is restored by the crew (got ${after.state})`);
    // The board hears of it live and drops the outage.
    await row.waitFor({ state: 'detached' });
  } finally {
    await context.close();
  }
};

export const repairTests: [string, Test][] = [
  ['a crew member accepts, arrives and completes with a photo on a phone', crewViewLoop],
  ['a lead sends a crew to an outage; the crew restores it from the phone', outageLoop],
];
