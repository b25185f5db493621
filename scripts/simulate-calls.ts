/**
 * `npm run simulate:calls -- [options]`: plays calls into a running server (npm start) the way a
 * PBX would, through the public API: each call is routed (POST /api/contact/route), rings the
 * chosen agent (newCall with user[]), is answered after a ring (answer), talked (hangup with
 * normalClearing) and wrapped up; callers nobody takes wait in the queue and some give up
 * (hangup with cancel, or noAnswer when the queue times out). The demo agents sign in through the
 * API and are made ready again after their after-call work.
 *
 * Modes: `day` plays a 95598 day (arrivals by the hour: quiet nights, a morning peak, a smaller
 * afternoon, an evening peak) from --from-hour to --to-hour; `storm` plays a burst of fault calls
 * (12 × the normal rate, rules.md §6) for --minutes. Time is compressed by --speed (60: a minute
 * of the day per real second).
 *
 * Options: --base-url http://127.0.0.1:8080  --mode day|storm  --speed 60  --calls 1500 (a day's
 *   inbound calls; storms scale it)  --from-hour 8  --to-hour 22  --minutes 60 (storm)
 *   --secret <PBX secret> (default: the demo integration's published secret)
 *   --agents agent01,…  --humans agent01 (agents a person plays at the desk, /contact/desk: the
 *   simulator rings and answers their calls in real time, --human-ring and --human-talk real
 *   seconds, and leaves the wrap-up and their state to them)  --talk 180  --acw 30
 *   --patience 60  --human-ring 4  --human-talk 45  --seed 7  --password Lianxin@2026
 *
 * The simulated agents wrap every call up (POST …/wrap-up) with a code drawn from a 95598 mix:
 * enquiries answered with a knowledge article, outage information, nuisance and silent calls,
 * transfers and arranged callbacks; the wrap-up puts them back to ready.
 */
import { parseArgs } from 'node:util';
import { DEMO_CTI_SECRET } from './demo/contact.js';
import { SeededRandom } from './demo/random.js';
import { DEMO_PASSWORD } from './demo/territory.js';
import { ApiSession } from './storm/http.js';

const { values: args } = parseArgs({
  options: {
    'base-url': { type: 'string', default: 'http://127.0.0.1:8080' },
    mode: { type: 'string', default: 'day' },
    speed: { type: 'string', default: '60' },
    calls: { type: 'string', default: '1500' },
    'from-hour': { type: 'string', default: '8' },
    'to-hour': { type: 'string', default: '22' },
    minutes: { type: 'string', default: '60' },
    secret: { type: 'string', default: DEMO_CTI_SECRET },
    agents: {
      type: 'string',
      default: 'agent01,agent02,agent03,agent04,agent05,agent06,lead01,lead02',
    },
    humans: { type: 'string', default: '' },
    talk: { type: 'string', default: '180' },
    acw: { type: 'string', default: '30' },
    patience: { type: 'string', default: '60' },
    'human-ring': { type: 'string', default: '4' },
    'human-talk': { type: 'string', default: '45' },
    seed: { type: 'string', default: '7' },
    password: { type: 'string', default: DEMO_PASSWORD },
  },
});
const BASE = String(args['base-url']).replace(/\/$/, '');
const SPEED = Number(args.speed);
const SECRET = String(args.secret);
const rnd = new SeededRandom(Number(args.seed));

/** Share of a 95598 day's calls in each hour (China time): two peaks, quiet nights. */
export const HOURLY_SHARE = [
  0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 1.8, 3.6, 6.2, 7.8, 7.6, 6.4, 4.6, 4.8, 5.6, 5.8, 5.4, 5.0, 5.6,
  6.6, 7.0, 5.4, 3.4, 1.6,
].map((x, _i, all) => x / all.reduce((a, b) => a + b, 0));

/** What callers call about, and the PBX queue each goes to. */
const QUEUE_MIX: [string, number][] = [
  ['fault', 0.45],
  ['enquiry', 0.35],
  ['business', 0.1],
  ['complaint', 0.08],
  ['english', 0.02],
];

const realSleep = (seconds: number) =>
  new Promise<void>((r) => setTimeout(r, Math.max(0, seconds * 1000)));
const sleep = (simSeconds: number) =>
  new Promise<void>((r) => setTimeout(r, Math.max(0, (simSeconds * 1000) / SPEED)));
const exp = (mean: number) => -Math.log(1 - rnd.next()) * mean;
const pick = <T>(items: [T, number][]): T => {
  let x = rnd.next();
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1]![0];
};

interface Agent {
  session: ApiSession;
  username: string;
  displayName: string;
  extension: string;
  human: boolean;
}

const stats = {
  offered: 0,
  answered: 0,
  abandoned: 0,
  rejected: 0,
  within20s: 0,
  waitTotal: 0,
  errors: 0,
};

async function cti(event: Record<string, string | string[] | undefined>): Promise<unknown> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(event)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) body.append(`${k}[]`, x);
    else body.append(k, v);
  }
  // Form-encoded, as Zammad's generic CTI bridges send it.
  const r = await fetch(`${BASE}/api/cti/${SECRET}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  if (!r.ok) {
    stats.errors++;
    throw new Error(`CTI ${String(event.event)}: ${r.status} ${await r.text()}`);
  }
  return r.json();
}

async function route(queue: string, from: string, callId: string) {
  const r = await fetch(`${BASE}/api/contact/route`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
    body: JSON.stringify({ queue, from, callId }),
  });
  if (!r.ok) throw new Error(`route: ${r.status} ${await r.text()}`);
  return (await r.json()) as { agent: { username: string } | null; reason: string };
}

async function signIn(usernames: string[], humans: Set<string>): Promise<Map<string, Agent>> {
  const agents = new Map<string, Agent>();
  for (const username of usernames) {
    const session = await ApiSession.login(BASE, username, String(args.password));
    const me = await session.get<{ displayName: string; extension: string | null; state: string }>(
      '/api/contact/me',
    );
    const extension = me.extension ?? `8${String(agents.size + 1).padStart(3, '0')}`;
    if (!humans.has(username)) {
      const r = await session.request('PUT', '/api/contact/me/state', {
        state: 'ready',
        extension,
      });
      if (r.status !== 200) throw new Error(`${username} ready: ${r.status}`);
    }
    agents.set(username, {
      session,
      username,
      displayName: me.displayName,
      extension,
      human: humans.has(username),
    });
  }
  return agents;
}

/** Numbers that call: real demo customers (so the screen pop finds them) and strangers. */
async function callerNumbers(): Promise<string[]> {
  const numbers: string[] = [];
  // Dispatchers see phones in full (they go on site); a list of each city's customers.
  for (const user of ['dispatch01', 'dispatch02']) {
    try {
      const s = await ApiSession.login(BASE, user, String(args.password));
      const list = await s.get<{ items: { phones: { phone: string }[] }[] }>(
        '/api/customers?pageSize=200',
      );
      for (const c of list.items)
        for (const p of c.phones) numbers.push(p.phone.replace(/\D/g, ''));
    } catch {
      // a territory without that dispatcher: strangers only
    }
  }
  for (let i = 0; i < 200; i++)
    numbers.push(`13${rnd.int(5, 9)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`);
  return numbers;
}

let seq = 0;

/** One call from arrival to the end of its after-call work. */
async function playCall(agents: Map<string, Agent>, numbers: string[], queue: string) {
  const callId = `sim-${Date.now().toString(36)}-${(seq++).toString(36)}`;
  // Drawn with replacement: some numbers call again within the day (repeat callers).
  const from = numbers[rnd.int(0, numbers.length - 1)]!;
  stats.offered++;
  const patience = exp(Number(args.patience));
  let waited = 0;
  let chosen = await route(queue, from, callId);
  const agentOf = () => (chosen.agent ? agents.get(chosen.agent.username) : undefined);
  const first = await cti({
    event: 'newCall',
    direction: 'in',
    from,
    to: '95598',
    callId,
    queue,
    user: agentOf() ? [agentOf()!.displayName] : undefined,
  });
  if ((first as { action?: string }).action === 'reject') {
    stats.rejected++;
    return;
  }
  // In the queue until an agent is free or the caller gives up.
  while (!agentOf() && waited < patience) {
    await sleep(2);
    waited += 2;
    chosen = await route(queue, from, callId);
  }
  const agent = agentOf();
  const ring = 2 + rnd.next() * 6;
  if (!agent || rnd.next() < 0.03) {
    if (agent) await sleep(ring);
    stats.abandoned++;
    await cti({ event: 'hangup', callId, cause: waited >= 120 ? 'noAnswer' : 'cancel' });
    return;
  }
  // A person at the desk needs real seconds to see the pop before the phone is picked up.
  if (agent.human) await realSleep(Number(args['human-ring']));
  else await sleep(ring);
  const wait = waited + ring;
  stats.answered++;
  stats.waitTotal += wait;
  if (wait <= 20) stats.within20s++;
  await cti({
    event: 'answer',
    direction: 'in',
    callId,
    from,
    to: '95598',
    user: [agent.displayName],
    answeringNumber: agent.extension,
  });
  if (agent.human) await realSleep(Number(args['human-talk']) * (0.5 + rnd.next()));
  else await sleep(30 + exp(Number(args.talk) - 30));
  await cti({ event: 'hangup', callId, cause: 'normalClearing' });
  if (agent.human) return;
  await sleep(5 + exp(Number(args.acw) - 5));
  await wrapUp(agent, callId, queue);
}

/** How simulated calls end (话后小结), by queue: most enquiries are answered on the call. */
const WRAP_MIX: Record<string, [string, number][]> = {
  fault: [
    ['outage_informed', 0.55],
    ['enquiry_answered', 0.25],
    ['callback_request', 0.1],
    ['silent', 0.05],
    ['nuisance', 0.05],
  ],
  other: [
    ['enquiry_answered', 0.75],
    ['transferred', 0.08],
    ['callback_request', 0.07],
    ['wrong_number', 0.05],
    ['silent', 0.03],
    ['nuisance', 0.02],
  ],
};
const NOTES: Record<string, string> = {
  transferred: '转营业厅专席处理',
  callback_request: '客户要求稍后回电，已约定时间',
};
/** Published knowledge the simulated agents answer with (filled in at start). */
const articles: string[] = [];

async function wrapUp(agent: Agent, callId: string, queue: string): Promise<void> {
  const calls = await agent.session.get<{ items: { id: string; callId: string }[] }>(
    '/api/contact/calls?unwrapped=true&pageSize=20',
  );
  const call = calls.items.find((c) => c.callId === callId);
  let code = pick(WRAP_MIX[queue] ?? WRAP_MIX.other!);
  if (code === 'enquiry_answered' && articles.length === 0) code = 'outage_informed';
  const r = call
    ? await agent.session.request('POST', `/api/contact/calls/${call.id}/wrap-up`, {
        code,
        next: 'ready',
        ...(code === 'enquiry_answered'
          ? { articleId: articles[rnd.int(0, articles.length - 1)] }
          : {}),
        ...(NOTES[code] ? { note: NOTES[code] } : {}),
      })
    : { status: 0 };
  // Wrapped up, the agent is ready again; otherwise (after-call work ran out) she says so.
  if (r.status !== 200) {
    await agent.session.request('PUT', '/api/contact/me/state', { state: 'ready' });
  }
}

/** Articles the agents answer enquiries with: the most used of the knowledge base. */
async function loadArticles(agent: Agent | undefined): Promise<void> {
  if (!agent) return;
  const r = await agent.session.request<{ items: { id: string; state: string }[] }>(
    'GET',
    '/api/knowledge/search?pageSize=30',
  );
  if (r.status === 200)
    for (const a of r.body.items) if (a.state === 'published') articles.push(a.id);
}

async function main() {
  const humans = new Set(String(args.humans).split(',').filter(Boolean));
  const usernames = [...new Set([...String(args.agents).split(',').filter(Boolean), ...humans])];
  const agents = await signIn(usernames, humans);
  const numbers = await callerNumbers();
  await loadArticles([...agents.values()].find((a) => !a.human));
  const storm = args.mode === 'storm';
  const dayCalls = Number(args.calls);
  const plan: { at: number; queue: string }[] = [];
  if (storm) {
    // 12 × the normal rate of the busiest hour, nearly all of it faults.
    const perMinute = (dayCalls * Math.max(...HOURLY_SHARE) * 12) / 60;
    for (let m = 0; m < Number(args.minutes); m++) {
      const n = Math.round(perMinute * (0.7 + 0.6 * rnd.next()));
      for (let i = 0; i < n; i++) {
        plan.push({
          at: (m + rnd.next()) * 60,
          queue: rnd.next() < 0.9 ? 'fault' : pick(QUEUE_MIX),
        });
      }
    }
  } else {
    const from = Number(args['from-hour']);
    const to = Number(args['to-hour']);
    for (let h = from; h < to; h++) {
      const n = Math.round(dayCalls * HOURLY_SHARE[h % 24]!);
      for (let i = 0; i < n; i++) {
        plan.push({ at: (h - from + rnd.next()) * 3600, queue: pick(QUEUE_MIX) });
      }
    }
  }
  plan.sort((a, b) => a.at - b.at);
  const simSeconds = plan.at(-1)?.at ?? 0;
  console.log(
    JSON.stringify({
      mode: storm ? 'storm' : 'day',
      calls: plan.length,
      agents: agents.size,
      simulatedMinutes: Math.round(simSeconds / 60),
      realSeconds: Math.round(simSeconds / SPEED),
    }),
  );
  const started = Date.now();
  const running = new Set<Promise<void>>();
  let last = 0;
  const report = setInterval(() => console.log(JSON.stringify({ progress: { ...stats } })), 10_000);
  for (const call of plan) {
    await sleep(call.at - last);
    last = call.at;
    const p: Promise<void> = playCall(agents, numbers, call.queue)
      .catch((e: unknown) => {
        stats.errors++;
        console.error(e instanceof Error ? e.message : e);
      })
      .finally(() => running.delete(p));
    running.add(p);
  }
  await Promise.all(running);
  clearInterval(report);
  console.log(
    JSON.stringify({
      done: {
        ...stats,
        serviceLevel20s: stats.answered ? +(stats.within20s / stats.offered).toFixed(3) : 0,
        averageSpeedOfAnswerS: stats.answered ? +(stats.waitTotal / stats.answered).toFixed(1) : 0,
        abandonRate: stats.offered ? +(stats.abandoned / stats.offered).toFixed(3) : 0,
        realSeconds: Math.round((Date.now() - started) / 1000),
      },
    }),
  );
  // Sign the simulated agents out again.
  for (const a of agents.values()) {
    if (!a.human) await a.session.request('PUT', '/api/contact/me/state', { state: 'signed_out' });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
