/**
 * Browser test of a fault call from inside an outage: the agent's order is linked to the outage
 * (not dispatched), its page says what to tell the caller; when the dispatcher restores the
 * outage, the open page follows live to 已审核待回访 with the restoration as the result.
 */
import { apiAs } from './api.js';
import { check, logIn } from './helpers.js';
import type { Test } from './types.js';

const DEMO_PASSWORD = 'Lianxin@2026';

interface CustomerList {
  items: {
    id: string;
    name: string;
    status: string;
    gridPath: { transformer: { id: string } } | null;
  }[];
}
interface Me {
  unit: { id: string };
}
interface Unit {
  id: string;
  parentId: string | null;
}
interface Outage {
  id: string;
  number: string;
  version: number;
  state: string;
}
interface Order {
  id: string;
  state: string;
  outage: { id: string; number: string } | null;
}

const faultInOutage: Test = async ({ url }, page) => {
  const admin = await apiAs(url, 'admin', DEMO_PASSWORD);
  const dispatcher = await apiAs(url, 'dispatch01', DEMO_PASSWORD);
  const agent = await apiAs(url, 'agent01', DEMO_PASSWORD);
  // A customer of crew01's station on a transformer other than the first one's, which the
  // order tests use for their own faults.
  const me = await apiAs(url, 'crew01', DEMO_PASSWORD).then((c) => c.call<Me>('GET', '/api/me'));
  const units = await admin.call<{ items: Unit[] }>('GET', '/api/org/units');
  const station = units.items.find((u) => u.id === me.unit.id)?.parentId;
  check(station !== undefined && station !== null, 'crew01 works under a station');
  const list = await admin.call<CustomerList>(
    'GET',
    `/api/customers?unitId=${station}&pageSize=100`,
  );
  const onNetwork = list.items.filter((c) => c.status === 'active' && c.gridPath !== null);
  const first = onNetwork[0]?.gridPath?.transformer.id;
  const customer = onNetwork.find((c) => c.gridPath!.transformer.id !== first);
  check(customer !== undefined, 'a second transformer with an active customer');
  const transformer = customer!.gridPath!.transformer.id;

  const outage = await dispatcher.call<Outage>('POST', '/api/outages', {
    category: 'grid_fault',
    title: '浏览器测试：配变故障停电',
    reason: '配电变压器故障',
    areaText: '浏览器测试台区',
    startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    estimatedRestoreAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    scope: { transformers: [transformer] },
    publish: true,
  });
  check(outage.state === 'in_progress', `the outage is in progress, got ${outage.state}`);
  try {
    const order = await agent.call<Order>('POST', '/api/orders', {
      typeCode: 'fault',
      subtypeCode: 'lv_fault',
      title: '家中停电',
      description: '客户来电反映家中突然停电，整个小区都没电。',
      customerId: customer!.id,
      callerName: customer!.name,
      fields: { faultTime: new Date().toISOString(), voltageSide: 'lv', urgency: 'normal' },
    });
    check(order.state === 'linked', `the call is linked to the outage, got ${order.state}`);
    check(order.outage?.id === outage.id, 'the order names the outage');

    await page.goto(`${url}/login`);
    await logIn(page, 'agent01', DEMO_PASSWORD);
    await page.getByTestId('header-user').waitFor();
    await page.goto(`${url}/orders/${order.id}`);
    const banner = page.getByTestId('order-outage');
    await banner.filter({ hasText: outage.number }).waitFor();
    await banner.filter({ hasText: '预计恢复送电时间' }).waitFor();
    await page
      .getByTestId('order-header')
      .getByTestId('order-state')
      .filter({ hasText: '已并入停电' })
      .waitFor();

    // Power back: the page follows live.
    await dispatcher.call('POST', `/api/outages/${outage.id}/actions/restore`, {
      version: outage.version,
    });
    await page
      .getByTestId('order-header')
      .getByTestId('order-state')
      .filter({ hasText: '已审核待回访' })
      .waitFor();
    await banner.filter({ hasText: '已恢复送电' }).waitFor();
    await page
      .getByTestId('timeline-item')
      .and(page.locator('[data-action="outage_restored"]'))
      .waitFor();
  } finally {
    const now = await dispatcher.call<Outage>('GET', `/api/outages/${outage.id}`);
    if (now.state === 'in_progress')
      await dispatcher.call('POST', `/api/outages/${outage.id}/actions/restore`, {
        version: now.version,
      });
  }
};

export const outageLinkTests: [string, Test][] = [
  [
    'a fault call inside an outage is linked to it; restoring the outage returns it, live',
    faultInOutage,
  ],
];
