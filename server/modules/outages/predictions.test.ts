/**
 * 故障研判 through the real pipeline on the database: fault orders accepted through the API, the
 * analysis run as the server's loop runs it, the dispatcher's decisions through the API.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../common/schemas/orders.js';
import type {
  AnalysisSettings,
  PredictionDetail,
  PredictionList,
  PredictionSummary,
} from '../../../common/schemas/outage-predictions.js';
import type { OutageDetail } from '../../../common/schemas/outages.js';
import {
  buildOrg,
  login,
  testApp,
  type Client,
  type TestApp,
  type TestOrg,
} from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { newId } from '../../platform/ids.js';
import { addCustomers, customerRecord } from '../customers/test-support.js';
import { faultInput } from '../orders/test-support.js';
import { analyseNewCalls, expirePredictions } from './index.js';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const clients = new Map<string, Client>();
const as = async (user: string, o: TestOrg = org) => {
  const key = `${o.suffix}:${user}`;
  let c = clients.get(key);
  if (!c) {
    c = await login(t.app, o.users[user]!.username);
    clients.set(key, c);
  }
  return c;
};

/** A feeder of `transformers` transformers with `customers` customers each, in county 1. */
interface Feeder {
  id: string;
  transformers: string[];
  customers: string[][];
}
async function feeder(o: TestOrg, transformers = 10, customers = 10): Promise<Feeder> {
  const db = t.database.db;
  const county = o.units.county1!;
  const station = o.units.station1!;
  const sub = newId();
  const code = `${o.suffix}-${sub.slice(-6)}`;
  await db
    .insertInto('grid_substations')
    .values({
      id: sub,
      code: `${code}-S`,
      name: '城东110kV变电站',
      voltage_kv: 110,
      area_class: 'urban',
      org_id: county.id,
      province_id: county.provinceId!,
      lat: null,
      lng: null,
    })
    .execute();
  const f: Feeder = { id: newId(), transformers: [], customers: [] };
  await db
    .insertInto('grid_feeders')
    .values({
      id: f.id,
      substation_id: sub,
      code: `${code}-F`,
      name: '10kV城东线',
      voltage_kv: 10,
      area_class: 'urban',
      org_id: county.id,
      province_id: county.provinceId!,
    })
    .execute();
  for (let i = 0; i < transformers; i++) {
    const id = newId();
    f.transformers.push(id);
    await db
      .insertInto('grid_transformers')
      .values({
        id,
        feeder_id: f.id,
        code: `${code}-T${i}`,
        name: `城东#${i + 1}台区`,
        capacity_kva: 400,
        area_class: 'urban',
        lat: null,
        lng: null,
        org_id: station.id,
        province_id: station.provinceId!,
      })
      .execute();
    const recs = Array.from({ length: customers }, () => customerRecord(o, { transformerId: id }));
    f.customers.push(await addCustomers(t.database, recs));
  }
  return f;
}

/** A caller reports a fault: the agent accepts a fault order. */
async function call(customerId: string, o: TestOrg = org): Promise<OrderDetail> {
  const res = await (await as('agent', o)).post('/api/orders', faultInput(customerId));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<OrderDetail>();
}

/** Runs the analysis until no call is waiting, as the loop does. */
async function analyse() {
  while ((await analyseNewCalls(t.database.db, { batch: 50 })).claimed > 0) {
    // drain
  }
}

/** Moves a call back in time (it came in `minutes` earlier). */
async function backdate(orderId: string, minutes: number) {
  await sql`UPDATE trouble_calls SET at = at - make_interval(mins => ${minutes})
             WHERE order_id = ${orderId}`.execute(t.database.db);
}

async function predictionsOn(nodeId: string, o: TestOrg = org): Promise<PredictionSummary[]> {
  const res = await (await as('dispatcher', o)).get('/api/outages/predictions?pageSize=200');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PredictionList>().items.filter((p) => p.node.id === nodeId);
}

async function detail(id: string): Promise<PredictionDetail> {
  const res = await (await as('dispatcher')).get(`/api/outages/predictions/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PredictionDetail>();
}

async function troubleCall(orderId: string) {
  return t.database.db
    .selectFrom('trouble_calls')
    .selectAll()
    .where('order_id', '=', orderId)
    .executeTakeFirst();
}

beforeAll(async () => {
  t = await testApp();
  org = await buildOrg(t.database);
  other = await buildOrg(t.database);
});
afterAll(async () => {
  await t.close();
});

describe('trouble-call analysis on the network', () => {
  it('leaves an isolated call a single-customer fault', async () => {
    const f = await feeder(org);
    const o = await call(f.customers[0]![0]!);
    expect((await troubleCall(o.id))?.analysed_at).toBeNull();
    await analyse();
    expect((await troubleCall(o.id))?.analysed_at).toBeInstanceOf(Date);
    for (const id of [f.id, ...f.transformers]) expect(await predictionsOn(id)).toEqual([]);
    const after = await (await as('agent')).get(`/api/orders/${o.id}`);
    expect(after.json<OrderDetail>().state).toBe(o.state); // dispatched on its own
    expect(o.state).not.toBe('linked');
  });

  it("keeps a caller whose neighbours have power out of the analysis: one household's fault", async () => {
    const f = await feeder(org);
    const [a, b, c] = f.customers[1]!;
    const ownFault = (id: string) =>
      faultInput(id, {
        fields: {
          faultTime: '2026-11-23T08:00:00+08:00',
          voltageSide: 'lv',
          urgency: 'normal',
          neighbours: 'have_power',
        },
      });
    const res = await (await as('agent')).post('/api/orders', ownFault(a!));
    expect(res.statusCode, res.body).toBe(201);
    const own = res.json<OrderDetail>();
    expect(own.fields.neighbours).toBe('have_power');
    expect(own.state).toBe('dispatched'); // its own crew
    expect(await troubleCall(own.id)).toBeUndefined();
    const unknown = await call(b!);
    await analyse();
    expect(await predictionsOn(f.transformers[1]!)).toEqual([]);
    // A neighbour who says the street is dark too makes two: the transformer is predicted,
    // without the household that has a fault of its own.
    const dark = await (
      await as('agent')
    ).post(
      '/api/orders',
      faultInput(c!, {
        fields: {
          faultTime: '2026-11-23T08:00:00+08:00',
          voltageSide: 'lv',
          urgency: 'normal',
          neighbours: 'also_off',
        },
      }),
    );
    expect(dark.statusCode, dark.body).toBe(201);
    await analyse();
    const [p] = await predictionsOn(f.transformers[1]!);
    expect(p).toMatchObject({ kind: 'transformer', customers: 2, calls: 2 });
    const d = await detail(p!.id);
    expect(d.orders.map((o) => o.orderId).sort()).toEqual(
      [unknown.id, dark.json<OrderDetail>().id].sort(),
    );
  });

  it('refuses a neighbours answer that is not one of the three', async () => {
    const f = await feeder(org, 1, 1);
    const res = await (
      await as('agent')
    ).post(
      '/api/orders',
      faultInput(f.customers[0]![0]!, {
        fields: {
          faultTime: '2026-11-23T08:00:00+08:00',
          voltageSide: 'lv',
          urgency: 'normal',
          neighbours: 'maybe' as never,
        },
      }),
    );
    expectError(res, 'VALIDATION_FAILED');
    expect(res.body).toContain('neighbours');
  });

  it('predicts a transformer from two customers under it, and counts a repeat caller once', async () => {
    const f = await feeder(org);
    const [a, b] = f.customers[2]!;
    const first = await call(a!);
    const again = await call(a!);
    await analyse();
    expect(await predictionsOn(f.transformers[2]!)).toEqual([]);
    const second = await call(b!);
    await analyse();
    const [p] = await predictionsOn(f.transformers[2]!);
    expect(p).toMatchObject({
      kind: 'transformer',
      state: 'proposed',
      calls: 3,
      customers: 2,
      transformers: 1,
      feeder: { id: f.id, name: '10kV城东线' },
      substation: { name: '城东110kV变电站' },
      transformer: { id: f.transformers[2], name: '城东#3台区' },
      version: 1,
    });
    const d = await detail(p!.id);
    expect(d.orders.map((c) => c.orderId).sort()).toEqual([first.id, again.id, second.id].sort());
    expect(d.orders[0]!.callerPhone).toBe('13912345678'); // dispatchers see personal data
    expect(d.allowedActions).toEqual(['confirm', 'reject']);
    const agentView = await (await as('agent')).get(`/api/outages/predictions/${p!.id}`);
    const masked = agentView.json<PredictionDetail>();
    expect(masked.orders[0]!.callerPhone).toBe('139****5678');
    expect(masked.allowedActions).toEqual([]);
    const outbox = await t.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'outage.prediction')
      .execute();
    expect(outbox.map((r) => (r.payload as { predictionId: string }).predictionId)).toContain(
      p!.id,
    );
  });

  it('rolls three transformers of one feeder up to the feeder, superseding the transformer', async () => {
    const f = await feeder(org);
    await call(f.customers[0]![0]!);
    await call(f.customers[0]![1]!);
    await analyse();
    const [tp] = await predictionsOn(f.transformers[0]!);
    expect(tp?.state).toBe('proposed');
    await call(f.customers[4]![0]!);
    await analyse();
    expect(await predictionsOn(f.id)).toEqual([]); // two transformers of ten: not yet
    const third = await call(f.customers[7]![0]!);
    await analyse();
    const [fp] = await predictionsOn(f.id);
    expect(fp).toMatchObject({
      kind: 'feeder',
      state: 'proposed',
      calls: 4,
      customers: 4,
      transformers: 3,
      transformer: null,
    });
    const [rolled] = await predictionsOn(f.transformers[0]!);
    expect(rolled).toMatchObject({ state: 'superseded', supersededBy: fp!.id, version: 2 });
    // A later call anywhere on the feeder joins the open feeder prediction.
    const later = await call(f.customers[9]![3]!);
    await analyse();
    const grown = await detail(fp!.id);
    expect(grown.calls).toBe(5);
    expect(grown.orders.map((c) => c.orderId)).toContain(later.id);
    expect(grown.orders.map((c) => c.orderId)).toContain(third.id);
    expectError(
      await (
        await as('dispatcher')
      ).post(`/api/outages/predictions/${rolled!.id}/confirm`, {
        version: 2,
      }),
      'PREDICTION_SUPERSEDED',
    );
  });

  it('counts only calls within the window: calls straddling it predict nothing', async () => {
    const f = await feeder(org);
    const [a, b, c] = f.customers[1]!;
    const old = await call(a!);
    await analyse();
    await backdate(old.id, 31);
    const recent = await call(b!);
    await analyse();
    expect(await predictionsOn(f.transformers[1]!)).toEqual([]);
    const third = await call(c!);
    await analyse();
    const [p] = await predictionsOn(f.transformers[1]!);
    expect(p?.calls).toBe(2);
    expect((await detail(p!.id)).orders.map((x) => x.orderId).sort()).toEqual(
      [recent.id, third.id].sort(),
    );
  });

  it('never sees a call from inside a live outage: the intake links it instead', async () => {
    const f = await feeder(org);
    const d = await as('dispatcher');
    const created = await d.post('/api/outages', {
      category: 'grid_fault',
      title: '城东#6台区故障',
      reason: '变压器烧毁',
      areaText: '城东#6台区',
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      scope: { transformers: [f.transformers[5]] },
      publish: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const o = await call(f.customers[5]![0]!);
    expect(o.state).toBe('linked');
    expect(await troubleCall(o.id)).toBeUndefined();
    await call(f.customers[5]![1]!);
    await analyse();
    expect(await predictionsOn(f.transformers[5]!)).toEqual([]);
  });
});

describe('the dispatcher’s decision', () => {
  it('confirms: a published fault outage over the node, the calls linked, later calls join', async () => {
    const f = await feeder(org);
    const calls = [await call(f.customers[3]![0]!), await call(f.customers[3]![1]!)];
    await analyse();
    const [p] = await predictionsOn(f.transformers[3]!);
    // A call accepted before the confirm, not analysed yet.
    const straggler = await call(f.customers[3]![2]!);
    const d = await as('dispatcher');
    const res = await d.post(`/api/outages/predictions/${p!.id}/confirm`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json<PredictionDetail>();
    expect(done).toMatchObject({ state: 'confirmed', version: 2, allowedActions: [] });
    expect(done.decidedBy).toBe(`测试dispatcher`);
    const outage = (await d.get(`/api/outages/${done.outage!.id}`)).json<OutageDetail>();
    expect(outage).toMatchObject({
      category: 'grid_fault',
      source: 'analysis',
      scope: [{ kind: 'transformer', id: f.transformers[3] }],
      areaText: '城东110kV变电站 › 10kV城东线 › 城东#4台区',
    });
    expect(['published', 'in_progress']).toContain(outage.state);
    expect(outage.startedAt).toBe(p!.firstCallAt);
    // The prediction's calls, and the straggler under the same transformer, join at once.
    expect(outage.orders.map((o) => o.id).sort()).toEqual(
      [...calls, straggler].map((c) => c.id).sort(),
    );
    for (const c of [...calls, straggler]) {
      const o = (await d.get(`/api/orders/${c.id}`)).json<OrderDetail>();
      expect(o.state).toBe('linked');
    }
    // The loop, getting to the straggler later, leaves it where it is.
    await analyse();
    const s = (await d.get(`/api/orders/${straggler.id}`)).json<OrderDetail>();
    expect(s.state).toBe('linked');
    // A later caller is linked at intake.
    const later = await call(f.customers[3]![3]!);
    expect(later.state).toBe('linked');
    expect(await troubleCall(later.id)).toBeUndefined();
    const linked = (await d.get(`/api/outages/${outage.id}`)).json<OutageDetail>();
    expect(linked.orders).toHaveLength(4);
    // Twice is refused, with the outage named.
    const twice = await d.post(`/api/outages/predictions/${p!.id}/confirm`, { version: 2 });
    expectError(twice, 'PREDICTION_ALREADY_CONFIRMED');
    expect(twice.json().error.details).toEqual({ outageId: outage.id });
    expectError(
      await d.post(`/api/outages/predictions/${p!.id}/reject`, { version: 2, reason: '误报' }),
      'PREDICTION_ALREADY_CONFIRMED',
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', p!.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['outage_prediction.confirm']);
  });

  it('rejects with a reason: the calls stay single faults and are never predicted again', async () => {
    const f = await feeder(org);
    const calls = [await call(f.customers[6]![0]!), await call(f.customers[6]![1]!)];
    await analyse();
    const [p] = await predictionsOn(f.transformers[6]!);
    const d = await as('dispatcher');
    const url = `/api/outages/predictions/${p!.id}`;
    expectError(await d.post(`${url}/reject`, { version: 1 }), 'VALIDATION_FAILED');
    expectError(await d.post(`${url}/reject`, { version: 1, reason: ' ' }), 'VALIDATION_FAILED');
    expectError(
      await d.post(`${url}/reject`, { version: 7, reason: '客户内部故障' }),
      'VERSION_CONFLICT',
    );
    expectError(
      await (await as('agent')).post(`${url}/reject`, { version: 1, reason: '误报' }),
      'FORBIDDEN',
    );
    const res = await d.post(`${url}/reject`, { version: 1, reason: '经核实为两户内部故障' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<PredictionDetail>()).toMatchObject({
      state: 'rejected',
      rejectReason: '经核实为两户内部故障',
      outage: null,
    });
    for (const c of calls)
      expect((await d.get(`/api/orders/${c.id}`)).json<OrderDetail>().state).toBe(c.state);
    expectError(await d.post(`${url}/confirm`, { version: 2 }), 'PREDICTION_REJECTED');
    // One more call under the transformer: alone again, the released calls do not count.
    await call(f.customers[6]![2]!);
    await analyse();
    const now = await predictionsOn(f.transformers[6]!);
    expect(now.map((x) => x.state)).toEqual(['rejected']);
  });

  it('expires a proposal nobody decided and no call renewed for two windows', async () => {
    const f = await feeder(org);
    await call(f.customers[8]![0]!);
    await call(f.customers[8]![1]!);
    await analyse();
    const [p] = await predictionsOn(f.transformers[8]!);
    await expirePredictions(t.database.db);
    expect((await detail(p!.id)).state).toBe('proposed');
    await sql`UPDATE outage_predictions SET last_call_at = last_call_at - interval '61 minutes'
               WHERE id = ${p!.id}`.execute(t.database.db);
    expect(await expirePredictions(t.database.db)).toBeGreaterThanOrEqual(1);
    expect((await detail(p!.id)).state).toBe('expired');
    expectError(
      await (
        await as('dispatcher')
      ).post(`/api/outages/predictions/${p!.id}/confirm`, {
        version: 2,
      }),
      'PREDICTION_EXPIRED',
    );
  });

  it('keeps predictions inside the service area: another province neither sees nor confirms', async () => {
    const f = await feeder(org);
    await call(f.customers[9]![0]!);
    await call(f.customers[9]![1]!);
    await analyse();
    const [p] = await predictionsOn(f.transformers[9]!);
    expect(p).toBeDefined();
    const stranger = await as('dispatcher', other);
    const list = (
      await stranger.get('/api/outages/predictions?pageSize=200')
    ).json<PredictionList>();
    expect(list.items.map((x) => x.id)).not.toContain(p!.id);
    expectError(await stranger.get(`/api/outages/predictions/${p!.id}`), 'PREDICTION_NOT_FOUND');
    expectError(
      await stranger.post(`/api/outages/predictions/${p!.id}/confirm`, { version: 1 }),
      'PREDICTION_NOT_FOUND',
    );
    expect((await detail(p!.id)).state).toBe('proposed');
  });

  it('refuses malformed decisions and unknown predictions with clear errors', async () => {
    const d = await as('dispatcher');
    expectError(await d.get('/api/outages/predictions/not-a-uuid'), 'VALIDATION_FAILED');
    expectError(await d.get(`/api/outages/predictions/${newId()}`), 'PREDICTION_NOT_FOUND');
    expectError(await d.get('/api/outages/predictions?state=maybe'), 'VALIDATION_FAILED');
    expectError(
      await d.post(`/api/outages/predictions/${newId()}/confirm`, { version: 0 }),
      'VALIDATION_FAILED',
    );
    expectError(
      await d.post(`/api/outages/predictions/${newId()}/confirm`, { version: 1, extra: 1 }),
      'VALIDATION_FAILED',
    );
  });
});

describe('an outage entered by hand', () => {
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

  /** A dispatcher enters and publishes a grid fault over a feeder that tripped `ago` minutes ago. */
  async function feederTrips(d: Client, feederId: string, ago: number): Promise<OutageDetail> {
    const res = await d.post('/api/outages', {
      category: 'grid_fault',
      title: '10kV城东线跳闸',
      reason: '线路故障跳闸',
      areaText: '城东片区',
      startedAt: minutesAgo(ago),
      scope: { feeders: [feederId] },
      publish: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    return (await d.get(`/api/outages/${res.json<OutageDetail>().id}`)).json<OutageDetail>();
  }

  it('takes in the open fault calls that came before it and closes the prediction it explains', async () => {
    const f = await feeder(org);
    // Two callers under transformer 5: a proposed prediction. A single caller under 6. A caller
    // under 7 long before the fault. A caller under 8 whose order a crew is already working.
    const predicted = [await call(f.customers[5]![0]!), await call(f.customers[5]![1]!)];
    const single = await call(f.customers[6]![0]!);
    const old = await call(f.customers[7]![0]!);
    await backdate(old.id, 90);
    await analyse();
    const [p] = await predictionsOn(f.transformers[5]!);
    expect(p?.state).toBe('proposed');
    const other = await feeder(org);
    const elsewhere = await call(other.customers[0]![0]!);

    const d = await as('dispatcher');
    const outage = await feederTrips(d, f.id, 10);
    expect(outage.state).toBe('in_progress');
    expect(outage.orders.map((o) => o.id).sort()).toEqual(
      [...predicted, single].map((c) => c.id).sort(),
    );
    for (const c of [...predicted, single]) {
      expect((await d.get(`/api/orders/${c.id}`)).json<OrderDetail>().state).toBe('linked');
    }
    // Too early to be this fault's caller, and another feeder's: untouched.
    for (const c of [old, elsewhere]) {
      expect((await d.get(`/api/orders/${c.id}`)).json<OrderDetail>().state).toBe(c.state);
    }
    // The prediction is closed by the outage: nobody confirms a twin.
    const closed = await detail(p!.id);
    expect(closed).toMatchObject({ state: 'confirmed', outage: { id: outage.id } });
    expectError(
      await d.post(`/api/outages/predictions/${p!.id}/confirm`, { version: p!.version }),
      'PREDICTION_ALREADY_CONFIRMED',
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', outage.id)
      .where('action', '=', 'outage.earlier_calls_linked')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ linked: 3, predictionsConfirmed: [p!.id] });
  });

  it('reaches back as far as the province’s analysis window', async () => {
    // A province of its own, whose analysis window is two hours.
    const o3 = await buildOrg(t.database);
    const d = await as('dispatcher', o3);
    const first = (await d.get('/api/outages/analysis-settings')).json<AnalysisSettings>();
    const { provinceId: _p, isDefault: _d, updatedAt: _u, ...body } = first;
    void [_p, _d, _u];
    const saved = await d.put('/api/outages/analysis-settings', { ...body, windowMinutes: 120 });
    expect(saved.statusCode, saved.body).toBe(200);
    const f = await feeder(o3);
    const early = await call(f.customers[1]![0]!, o3);
    await backdate(early.id, 90);
    const tooEarly = await call(f.customers[2]![0]!, o3);
    await backdate(tooEarly.id, 150);
    await analyse();
    const outage = await feederTrips(d, f.id, 5);
    expect(outage.orders.map((o) => o.id)).toEqual([early.id]);
  });

  it('leaves earlier calls alone while a planned outage is days away, and takes none before its start', async () => {
    const f = await feeder(org);
    const before = await call(f.customers[2]![0]!);
    await analyse();
    const d = await as('dispatcher');
    const day = 86_400_000;
    const res = await d.post('/api/outages', {
      category: 'planned',
      title: '城东线检修',
      reason: '设备检修',
      areaText: '城东片区',
      plannedStart: new Date(Date.now() + 3 * day).toISOString(),
      plannedEnd: new Date(Date.now() + 3 * day + 4 * 3_600_000).toISOString(),
      scope: { feeders: [f.id] },
      publish: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const planned = res.json<OutageDetail>();
    expect((await d.get(`/api/orders/${before.id}`)).json<OrderDetail>().state).toBe(before.state);
    // Started by the crew now: a call from before the switch-off is about something else.
    const started = await d.post(`/api/outages/${planned.id}/actions/start`, {
      version: planned.version,
    });
    expect(started.statusCode, started.body).toBe(200);
    expect((await d.get(`/api/orders/${before.id}`)).json<OrderDetail>().state).toBe(before.state);
    expect((await d.get(`/api/outages/${planned.id}`)).json<OutageDetail>().orders).toEqual([]);
  });
});

describe('analysis settings', () => {
  it('start from the defaults, are checked, versioned, and take effect on the next call', async () => {
    const d = await as('dispatcher', other);
    const first = (await d.get('/api/outages/analysis-settings')).json<AnalysisSettings>();
    expect(first).toMatchObject({
      isDefault: true,
      version: 0,
      windowMinutes: 30,
      transformerCalls: 2,
      transformerShare: 0.3,
      feederTransformers: 3,
      feederShare: 0.3,
    });
    const body = { ...first, transformerCalls: 3, version: 0 } as Record<string, unknown>;
    delete body.provinceId;
    delete body.isDefault;
    delete body.updatedAt;
    expectError(
      await d.put('/api/outages/analysis-settings', { ...body, transformerShare: 1.5 }),
      'VALIDATION_FAILED',
    );
    expectError(
      await d.put('/api/outages/analysis-settings', { ...body, transformerCalls: 1 }),
      'VALIDATION_FAILED',
    );
    expectError(
      await (await as('agent', other)).put('/api/outages/analysis-settings', body),
      'FORBIDDEN',
    );
    const saved = await d.put('/api/outages/analysis-settings', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<AnalysisSettings>()).toMatchObject({
      isDefault: false,
      version: 1,
      transformerCalls: 3,
    });
    expectError(await d.put('/api/outages/analysis-settings', body), 'VERSION_CONFLICT');
    // The other province still has the defaults.
    const mine = (await (await as('dispatcher')).get('/api/outages/analysis-settings')).json();
    expect(mine).toMatchObject({ isDefault: true, transformerCalls: 2 });

    const f = await feeder(other);
    await call(f.customers[0]![0]!, other);
    await call(f.customers[0]![1]!, other);
    await analyse();
    expect(await predictionsOn(f.transformers[0]!, other)).toEqual([]);
    await call(f.customers[0]![2]!, other);
    await analyse();
    const [p] = await predictionsOn(f.transformers[0]!, other);
    expect(p).toMatchObject({ calls: 3, customers: 3 });
  });
});

describe('several processes', () => {
  it('two runs at once over one transformer’s calls propose it once', async () => {
    const f = await feeder(org, 3, 10);
    for (const c of f.customers[1]!.slice(0, 4)) await call(c);
    const runs = await Promise.all([
      analyseNewCalls(t.database.db, { batch: 2 }),
      analyseNewCalls(t.database.db, { batch: 2 }),
      analyseNewCalls(t.database.db, { batch: 2 }),
    ]);
    await analyse();
    expect(runs.reduce((n, r) => n + r.claimed, 0)).toBeGreaterThan(0);
    const ps = await predictionsOn(f.transformers[1]!);
    expect(ps).toHaveLength(1);
    expect(ps[0]!.calls).toBe(4);
  });
});
