/**
 * Browser test of 故障研判: a dispatcher keeps the predictions page open; two customers under one
 * transformer call (fault orders through the API, as agents take them); the analysis proposes the
 * transformer and the row appears without a reload; the dispatcher confirms it, and the outage is
 * published with both orders linked to it.
 */
import { apiAs } from './api.js';
import { check, logIn } from './helpers.js';
import type { Test } from './types.js';

const DEMO_PASSWORD = 'Lianxin@2026';

interface Node {
  id: string;
  customers: number;
}
interface Prediction {
  id: string;
  state: string;
  node: { id: string };
  feeder: { id: string };
  calls: number;
  outage: { id: string; number: string } | null;
}

const confirmFromPage: Test = async ({ url }, page) => {
  const agent = await apiAs(url, 'agent01', DEMO_PASSWORD);
  const dispatcher = await apiAs(url, 'dispatch01', DEMO_PASSWORD);

  // A transformer of dispatch01's area with two customers that no outage covers.
  let pick: { transformer: string; feeder: string; customers: string[] } | null = null;
  const subs = await dispatcher.call<{ items: Node[] }>('GET', '/api/grid/substations');
  search: for (const s of subs.items) {
    const feeders = await dispatcher.call<{ children: Node[] }>(
      'GET',
      `/api/grid/substation/${s.id}`,
    );
    for (const f of feeders.children) {
      const ts = await dispatcher.call<{ children: Node[] }>('GET', `/api/grid/feeder/${f.id}`);
      for (const t of ts.children.filter((x) => x.customers >= 2)) {
        const cs = await dispatcher.call<{ items: { id: string }[] }>(
          'GET',
          `/api/grid/transformer/${t.id}/customers?pageSize=2`,
        );
        const covered = await Promise.all(
          cs.items.map((c) =>
            agent.call<{ outages: unknown[] }>('GET', `/api/outages/affecting?customerId=${c.id}`),
          ),
        );
        if (covered.every((a) => a.outages.length === 0)) {
          pick = { transformer: t.id, feeder: f.id, customers: cs.items.map((c) => c.id) };
          break search;
        }
      }
    }
  }
  check(pick !== null, 'a transformer with two customers outside any outage');
  const target = pick!;

  await page.goto(`${url}/login`);
  await logIn(page, 'dispatch01', DEMO_PASSWORD);
  await page.getByTestId('menu-outagePredictions').click();
  await page.waitForURL(/\/outages\/predictions$/);
  await page.getByTestId('prediction-table').waitFor();

  const orders: string[] = [];
  for (const customerId of target.customers) {
    const o = await agent.call<{ id: string }>('POST', '/api/orders', {
      typeCode: 'fault',
      subtypeCode: 'lv_fault',
      title: '家中停电',
      description: '客户反映家中突然停电，邻居家也没电。',
      customerId,
      callerName: '浏览器测试',
      callerPhone: '13912345678',
      fields: { faultTime: new Date().toISOString(), voltageSide: 'lv', urgency: 'normal' },
    });
    orders.push(o.id);
  }

  // The analysis runs every second; the prediction may be the transformer's, or its feeder's
  // when other calls of this run fell on the same feeder.
  let prediction: Prediction | undefined;
  for (let i = 0; i < 40 && !prediction; i++) {
    const list = await dispatcher.call<{ items: Prediction[] }>(
      'GET',
      '/api/outages/predictions?state=proposed&pageSize=200',
    );
    prediction = list.items.find(
      (p) => p.node.id === target.transformer || p.node.id === target.feeder,
    );
    if (!prediction) await page.waitForTimeout(500);
  }
  check(prediction !== undefined, 'the analysis proposes the transformer (or its feeder)');

  // Pushed to the open page: no reload.
  const row = page.locator(`[data-testid="prediction-row"][data-id="${prediction!.id}"]`);
  await row.waitFor();
  await row.getByTestId('prediction-state').filter({ hasText: '待确认' }).waitFor();
  await row.getByTestId('prediction-path').waitFor();
  const calls = Number(await row.getByTestId('prediction-calls-count').innerText());
  check(calls >= 2, `the row counts the calls, got ${calls}`);

  await row.getByTestId('prediction-confirm').click();
  await page.getByTestId('prediction-confirm-ok').click();
  await page.getByText('已确认，停电信息').waitFor();
  await row.waitFor({ state: 'detached' });

  // The confirmed list shows the outage it became; the orders wait for it.
  await page.getByTestId('prediction-state-filter').click();
  await page.locator('.ant-select-item-option', { hasText: '已确认' }).click();
  const done = page.locator(`[data-testid="prediction-row"][data-id="${prediction!.id}"]`);
  await done.getByTestId('prediction-outage').waitFor();
  const detail = await dispatcher.call<Prediction>(
    'GET',
    `/api/outages/predictions/${prediction!.id}`,
  );
  check(detail.state === 'confirmed' && detail.outage !== null, 'confirmed with its outage');
  for (const id of orders) {
    const o = await agent.call<{ state: string }>('GET', `/api/orders/${id}`);
    check(o.state === 'linked', `order ${id} is linked to the outage, got ${o.state}`);
  }
  await done.getByTestId('prediction-outage').click();
  await page.waitForURL(new RegExp(`/outages/${detail.outage!.id}$`));
  await page.getByTestId('outage-header').getByText('电网故障停限电').waitFor();

  // Power back, so later tests' fault calls in this area are not answered from this outage.
  const outage = await dispatcher.call<{ version: number }>(
    'GET',
    `/api/outages/${detail.outage!.id}`,
  );
  await dispatcher.call('POST', `/api/outages/${detail.outage!.id}/actions/restore`, {
    version: outage.version,
  });
  for (const id of orders) {
    const o = await agent.call<{ state: string }>('GET', `/api/orders/${id}`);
    check(o.state === 'reviewed', `order ${id} returned with the outage, got ${o.state}`);
  }
};

export const outagePredictionTests: [string, Test][] = [
  [
    'dispatcher watches 故障研判: two calls under a transformer appear live; confirming publishes the outage',
    confirmFromPage,
  ],
];
