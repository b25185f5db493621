/**
 * `npm run simulate:storm -- [options]`: a storm on the demo territory, through the public HTTP
 * API of a running server (npm start). It reads the network as a shift lead, fails random nodes
 * (feeders and transformers), and as the agents opens the fault orders of the calls that follow
 * (a share of the affected customers calling over compressed time, some twice; unrelated calls
 * elsewhere); repeat callers inside a known outage are answered from it without a new order. As
 * the dispatchers it confirms proposed predictions as they appear (after --confirm-delay seconds,
 * their reaction time), or leaves them for a person in the UI (--manual). At the end it reports
 * node-level precision and recall (predicted nodes against failed ones) and calls against orders
 * and independent dispatches (outages plus orders not linked to any outage); --restore then
 * restores every outage it confirmed.
 *
 * Time is compressed: --minutes of storm (default 180) run in --seconds (default 360); the
 * analysis window is scaled the same way for the run (30 min → 1 min) and put back afterwards
 * (--keep-window leaves the province's settings alone).
 *
 * Options: --base-url http://127.0.0.1:8080  --calls 5000  --failures 24  --feeder-share 0.4
 *   --noise 0.01  --repeat 0.15  --neighbours-known 0.6  --seconds 360  --minutes 180
 *   --concurrency 12  --seed 7
 *   --confirm-delay 10  --confirm-callers 3  --manual  --restore  --keep-window
 *   --password Lianxin@2026
 * The automatic dispatcher confirms a proposal once it has been on screen --confirm-delay seconds
 * and has --confirm-callers distinct callers (1 confirms everything the analysis proposes).
 */
import { parseArgs } from 'node:util';
import { SeededRandom } from './demo/random.js';
import { DEMO_PASSWORD } from './demo/territory.js';
import { ApiSession } from './storm/http.js';
import { DEFAULT_STORM, planStorm, type PlannedCall, type Territory } from './storm/plan.js';
import { scoreDispatches, scoreNodes, type NodeRef } from './storm/score.js';

const { values: args } = parseArgs({
  options: {
    'base-url': { type: 'string', default: 'http://127.0.0.1:8080' },
    calls: { type: 'string', default: String(DEFAULT_STORM.calls) },
    failures: { type: 'string', default: String(DEFAULT_STORM.failures) },
    'feeder-share': { type: 'string', default: String(DEFAULT_STORM.feederShare) },
    noise: { type: 'string', default: String(DEFAULT_STORM.noiseShare) },
    repeat: { type: 'string', default: String(DEFAULT_STORM.repeatShare) },
    'neighbours-known': { type: 'string', default: String(DEFAULT_STORM.neighboursKnown) },
    seconds: { type: 'string', default: String(DEFAULT_STORM.durationS) },
    minutes: { type: 'string', default: '180' },
    concurrency: { type: 'string', default: '12' },
    seed: { type: 'string', default: '7' },
    'confirm-delay': { type: 'string', default: '10' },
    'confirm-callers': { type: 'string', default: '3' },
    manual: { type: 'boolean', default: false },
    restore: { type: 'boolean', default: false },
    'keep-window': { type: 'boolean', default: false },
    password: { type: 'string', default: DEMO_PASSWORD },
  },
});
const num = (k: keyof typeof args) => Number(args[k]);
const BASE = String(args['base-url']).replace(/\/$/, '');
const AGENTS = ['agent01', 'agent02', 'agent03', 'agent04', 'agent05', 'agent06'];
// The two cities' dispatchers; the shift lead (province-wide) confirms what no dispatcher sees.
const DISPATCHERS = ['dispatch01', 'dispatch02', 'lead01'];

interface GridNode {
  id: string;
  kind: string;
  customers: number;
  children: number;
}
interface Prediction {
  id: string;
  kind: 'feeder' | 'transformer';
  state: string;
  node: { id: string };
  version: number;
  calls: number;
  customers: number;
  outage: { id: string } | null;
}
interface Settings {
  provinceId: string | null;
  windowMinutes: number;
  transformerCalls: number;
  transformerShare: number;
  feederTransformers: number;
  feederShare: number;
  version: number;
}

const log = (...xs: unknown[]) =>
  console.error(`[storm ${new Date().toISOString().slice(11, 19)}]`, ...xs);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The network of the province as a shift lead sees it: feeders, transformers, customers. */
async function readTerritory(s: ApiSession): Promise<Territory> {
  const subs = await s.get<{ items: GridNode[] }>('/api/grid/substations');
  const territory: Territory = { feeders: [] };
  for (const sub of subs.items) {
    const d = await s.get<{ children: GridNode[] }>(`/api/grid/substation/${sub.id}`);
    for (const f of d.children) {
      const fd = await s.get<{ children: GridNode[] }>(`/api/grid/feeder/${f.id}`);
      const transformers = [];
      for (const t of fd.children) {
        const customers: string[] = [];
        for (let page = 1; customers.length < t.customers; page++) {
          const r = await s.get<{ items: { id: string }[] }>(
            `/api/grid/transformer/${t.id}/customers?pageSize=200&page=${page}`,
          );
          if (r.items.length === 0) break;
          customers.push(...r.items.map((c) => c.id));
        }
        transformers.push({ id: t.id, customers });
      }
      territory.feeders.push({ id: f.id, transformers });
    }
  }
  return territory;
}

const NEIGHBOUR_WORDS: Record<PlannedCall['neighbours'], string> = {
  also_off: '周边邻居也停电',
  have_power: '周边邻居家有电',
  unknown: '周边邻居情况不明',
};

function faultOrder(call: PlannedCall, i: number) {
  return {
    typeCode: 'fault',
    subtypeCode: 'lv_fault',
    title: '家中停电',
    description: `客户来电反映家中突然停电，${NEIGHBOUR_WORDS[call.neighbours]}。`,
    customerId: call.customerId,
    callerName: '客户',
    callerPhone: `139${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}`,
    fields: {
      faultTime: new Date().toISOString(),
      voltageSide: 'lv',
      urgency: 'normal',
      neighbours: call.neighbours,
    },
  };
}

async function main() {
  const lead = await ApiSession.login(BASE, 'lead01', String(args.password));
  const agents = await Promise.all(
    AGENTS.map((u) => ApiSession.login(BASE, u, String(args.password))),
  );
  const dispatchers = await Promise.all(
    DISPATCHERS.map((u) => ApiSession.login(BASE, u, String(args.password))),
  );
  log('reading the network…');
  const territory = await readTerritory(lead);
  const feederOf = new Map<string, string>();
  for (const f of territory.feeders) for (const t of f.transformers) feederOf.set(t.id, f.id);
  const customers = territory.feeders.reduce(
    (n, f) => n + f.transformers.reduce((m, t) => m + t.customers.length, 0),
    0,
  );
  const durationS = num('seconds');
  const compression = (num('minutes') * 60) / durationS;
  const plan = planStorm(
    territory,
    {
      ...DEFAULT_STORM,
      calls: num('calls'),
      failures: num('failures'),
      feederShare: num('feeder-share'),
      noiseShare: num('noise'),
      neighboursKnown: num('neighbours-known'),
      repeatShare: num('repeat'),
      durationS,
      failWithinS: durationS / 3,
      meanDelayS: durationS / 7,
    },
    new SeededRandom(num('seed')),
  );
  log(
    `network: ${territory.feeders.length} feeders, ${feederOf.size} transformers, ${customers} customers; ` +
      `failing ${plan.failed.length} nodes (${plan.failed.filter((n) => n.kind === 'feeder').length} feeders, ` +
      `${plan.affectedCustomers} customers), ${plan.calls.length} calls over ${durationS} s ` +
      `(${num('minutes')} storm minutes), call probability ${plan.callProbability.toFixed(2)}`,
  );

  // The analysis window on the storm's clock.
  const before = await lead.get<Settings>('/api/outages/analysis-settings');
  let settingsVersion = before.version;
  const window = Math.max(1, Math.round((before.windowMinutes / compression) * 10) / 10);
  const changeWindow =
    !args['keep-window'] && before.provinceId !== null && window !== before.windowMinutes;
  const putSettings = async (windowMinutes: number) => {
    const r = await lead.request<Settings>('PUT', '/api/outages/analysis-settings', {
      version: settingsVersion,
      windowMinutes,
      transformerCalls: before.transformerCalls,
      transformerShare: before.transformerShare,
      feederTransformers: before.feederTransformers,
      feederShare: before.feederShare,
    });
    if (r.status !== 200)
      throw new Error(`analysis settings: ${r.status} ${JSON.stringify(r.body)}`);
    settingsVersion = r.body.version;
  };
  if (changeWindow) {
    await putSettings(window);
    log(`analysis window ${before.windowMinutes} → ${window} min for the run`);
  }

  const stormStart = new Date();
  const orderIds = new Set<string>();
  let answeredFromOutage = 0;
  let failedCalls = 0;
  const lateness: number[] = [];
  const createMs: number[] = [];

  // The dispatchers: confirm proposals once they have been on screen for the reaction time.
  const firstSeen = new Map<string, number>();
  const decided = new Map<string, { outageId: string | null; node: NodeRef }>();
  const decisionErrors = new Map<string, number>();
  let dispatching = !args.manual;
  const dispatcherLoop = (async () => {
    while (dispatching) {
      for (const d of dispatchers) {
        try {
          const list = await d.get<{ items: Prediction[] }>(
            '/api/outages/predictions?state=proposed&pageSize=200',
          );
          for (const p of list.items) {
            if (decided.has(p.id)) continue;
            const seen = firstSeen.get(p.id) ?? Date.now();
            firstSeen.set(p.id, seen);
            if (Date.now() - seen < num('confirm-delay') * 1000) continue;
            // Two callers is weak evidence in a storm (two unrelated faults under one transformer
            // happen); the dispatcher waits for a third, and an unrenewed pair expires.
            if (p.customers < num('confirm-callers')) continue;
            const r = await d.request<Prediction & { error?: { code: string } }>(
              'POST',
              `/api/outages/predictions/${p.id}/confirm`,
              { version: p.version },
            );
            if (r.status === 200) {
              decided.set(p.id, {
                outageId: r.body.outage?.id ?? null,
                node: { kind: p.kind, id: p.node.id },
              });
            } else {
              const code =
                (r.body as { error?: { code?: string } }).error?.code ?? String(r.status);
              decisionErrors.set(code, (decisionErrors.get(code) ?? 0) + 1);
            }
          }
        } catch (e) {
          log(`dispatcher ${d.username}:`, e);
        }
      }
      await sleep(1500);
    }
  })();

  // The agents: each call at its time, at most --concurrency at once.
  const t0 = Date.now();
  let inFlight = 0;
  const pending = new Set<Promise<void>>();
  const handle = async (call: PlannedCall, i: number) => {
    const agent = agents[i % agents.length]!;
    try {
      if (call.repeat) {
        const a = await agent.get<{ outages: unknown[] }>(
          `/api/outages/affecting?customerId=${call.customerId}`,
        );
        if (a.outages.length > 0) {
          answeredFromOutage += 1;
          return;
        }
      }
      const started = performance.now();
      const r = await agent.request<{ id: string }>('POST', '/api/orders', faultOrder(call, i));
      createMs.push(performance.now() - started);
      if (r.status !== 201) {
        failedCalls += 1;
        if (failedCalls <= 5) log(`order refused: ${r.status} ${JSON.stringify(r.body)}`);
        return;
      }
      orderIds.add(r.body.id);
    } catch (e) {
      failedCalls += 1;
      if (failedCalls <= 5) log('call failed', e);
    }
  };
  for (let i = 0; i < plan.calls.length; i++) {
    const call = plan.calls[i]!;
    const due = t0 + call.at * 1000;
    if (due > Date.now()) await sleep(due - Date.now());
    while (inFlight >= num('concurrency')) await Promise.race(pending);
    lateness.push(Date.now() - due);
    inFlight += 1;
    const p: Promise<void> = handle(call, i).finally(() => {
      inFlight -= 1;
      pending.delete(p);
    });
    pending.add(p);
    if (i > 0 && i % 500 === 0)
      log(
        `${i} calls, ${orderIds.size} orders, ${decided.size} confirmed, ${answeredFromOutage} answered from outages`,
      );
  }
  await Promise.all(pending);
  const callsDoneS = (Date.now() - t0) / 1000;
  log(
    `all ${plan.calls.length} calls made in ${callsDoneS.toFixed(0)} s; letting the analysis settle…`,
  );

  // Settle: the loop analyses the last calls, the dispatchers decide the last proposals.
  const settleUntil = Date.now() + (num('confirm-delay') + 30) * 1000;
  while (Date.now() < settleUntil) {
    await sleep(3000);
    const open = await lead.get<{ total: number }>(
      '/api/outages/predictions?state=proposed&pageSize=1',
    );
    if (!args.manual && open.total === 0 && Date.now() > t0 + callsDoneS * 1000 + 8000) break;
  }
  dispatching = false;
  await dispatcherLoop;

  // What the analysis said, as the province sees it.
  const all: Prediction[] = [];
  for (let page = 1; ; page++) {
    const r = await lead.get<{ items: Prediction[]; total: number }>(
      `/api/outages/predictions?pageSize=200&page=${page}`,
    );
    all.push(...r.items);
    if (all.length >= r.total || r.items.length === 0) break;
  }
  const mine = all.filter(
    (p) => new Date((p as unknown as { createdAt: string }).createdAt) >= stormStart,
  );
  const counted = mine.filter(
    (p) => p.state === 'confirmed' || (args.manual && p.state === 'proposed'),
  );
  const failedRefs: NodeRef[] = plan.failed.map((n) => ({ kind: n.kind, id: n.id }));
  const nodes = scoreNodes(
    failedRefs,
    counted.map((p) => ({ kind: p.kind, id: p.node.id })),
    (id) => feederOf.get(id),
  );

  // Which of our orders wait for an outage instead of a dispatch of their own.
  let linked = 0;
  for (let page = 1; ; page++) {
    const r = await lead.get<{ items: { id: string }[] }>(
      `/api/orders?state=linked&type=fault&from=${encodeURIComponent(stormStart.toISOString())}&pageSize=200&page=${page}`,
    );
    linked += r.items.filter((o) => orderIds.has(o.id)).length;
    if (r.items.length < 200) break;
  }
  const outageIds = new Set(counted.map((p) => p.outage?.id).filter((x): x is string => !!x));
  const dispatches = scoreDispatches({
    calls: plan.calls.length,
    ordersOpened: orderIds.size,
    answeredFromOutage,
    linkedOrders: linked,
    outages: outageIds.size,
  });

  if (args.restore) {
    let restored = 0;
    for (const id of outageIds) {
      const o = await lead.get<{ version: number }>(`/api/outages/${id}`);
      const r = await lead.request('POST', `/api/outages/${id}/actions/restore`, {
        version: o.version,
      });
      if (r.status === 200) restored += 1;
      else log(`restore ${id}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    log(`restored ${restored} outages`);
  }
  if (changeWindow) await putSettings(before.windowMinutes);

  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const pct = (xs: number[], p: number) => {
    const s = sorted(xs);
    return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!) : 0;
  };
  const states: Record<string, number> = {};
  for (const p of mine) states[`${p.kind}:${p.state}`] = (states[`${p.kind}:${p.state}`] ?? 0) + 1;
  const report = {
    simulation: 'storm',
    baseUrl: BASE,
    territory: { feeders: territory.feeders.length, transformers: feederOf.size, customers },
    storm: {
      failedNodes: plan.failed.length,
      failedFeeders: plan.failed.filter((n) => n.kind === 'feeder').length,
      failedTransformers: plan.failed.filter((n) => n.kind === 'transformer').length,
      affectedCustomers: plan.affectedCustomers,
      callProbability: Math.round(plan.callProbability * 100) / 100,
      noiseCalls: plan.calls.filter((c) => c.failedNode === null).length,
      neighboursAnswers: {
        alsoOff: plan.calls.filter((c) => c.neighbours === 'also_off').length,
        havePower: plan.calls.filter((c) => c.neighbours === 'have_power').length,
        unknown: plan.calls.filter((c) => c.neighbours === 'unknown').length,
      },
      repeatCalls: plan.calls.filter((c) => c.repeat).length,
      stormMinutes: num('minutes'),
      realSeconds: durationS,
      analysisWindowMinutes: changeWindow ? window : before.windowMinutes,
      callsMadeInS: Math.round(callsDoneS),
      callLatenessMs: { p50: pct(lateness, 50), p95: pct(lateness, 95) },
      orderCreateMs: { p50: pct(createMs, 50), p95: pct(createMs, 95) },
      failedCalls,
    },
    dispatcher: args.manual
      ? 'manual'
      : `auto: confirms after ${num('confirm-delay')} s on screen, from ${num('confirm-callers')} callers`,
    predictions: states,
    decisionErrors: Object.fromEntries(decisionErrors),
    nodes: {
      failed: nodes.failed,
      predicted: nodes.predicted,
      truePositives: nodes.truePositives,
      precision: Math.round(nodes.precision * 1000) / 1000,
      recall: Math.round(nodes.recall * 1000) / 1000,
      falsePositives: nodes.falsePositives,
      missed: nodes.missed.map((m) => ({
        ...m,
        customers: plan.failed.find((f) => f.id === m.id)?.customers,
        calls: plan.calls.filter((c) => c.failedNode === m.id).length,
      })),
    },
    dispatches: { ...dispatches, reduction: Math.round(dispatches.reduction * 1000) / 1000 },
    targets: {
      precision: nodes.precision >= 0.95,
      recall: nodes.recall >= 0.95,
      dispatchReduction: dispatches.reduction >= 0.8,
    },
  };
  console.log(JSON.stringify(report, null, 2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
