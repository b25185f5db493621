/**
 * Benchmark: a PBX's newCall in → the ring delivered to the agent's browser (Server-Sent Events),
 * at BENCH_RATE (50) calls/s for BENCH_SECONDS (20), on PostgreSQL through a real server process;
 * then the screen pop endpoint's latency. Prints JSON lines.
 *   psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE lx_bench_cti'
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/lx_bench_cti npx tsx bench/cti-screen-pop.ts
 *   psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE lx_bench_cti WITH (FORCE)'
 * An empty database first gets the demo territory (BENCH_CUSTOMERS, default 20,000), whose PBX
 * integration has the published demo secret. The demo agents sign in, go ready and each keeps an
 * EventSource-like stream open (a Node client reading /api/events). Each call's newCall names one
 * agent in user[] (round robin); the time is taken from just before the POST is sent to the
 * moment that agent's stream delivers the ring; each call is then hung up (cancel), whose event
 * is pushed too. Target (issue 7): p99 < 100 ms at 50 calls/s.
 */
import { spawnServer } from './serve.js';
import {
  CpuMeter,
  cpuPer,
  DEMO_PASSWORD,
  ensureDemo,
  latencyFigures,
  load1,
  requirePostgresUrl,
  signInSession,
  withClient,
  type Session,
} from './orders-support.js';
import { DEMO_CTI_SECRET } from '../scripts/demo/contact.js';

const url = requirePostgresUrl('cti-screen-pop');
const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 20_000);
const POPS = Number(process.env.BENCH_POPS ?? 200);
const PORT = process.env.BENCH_PORT ?? '18091';
/** Each ring also reads the screen pop, as the desk does (BENCH_POP_ON_RING=false: rings only). */
const POP_ON_RING = process.env.BENCH_POP_ON_RING !== 'false';
const AGENTS = [
  'agent01',
  'agent02',
  'agent03',
  'agent04',
  'agent05',
  'agent06',
  'lead01',
  'lead02',
];

interface Agent {
  session: Session;
  displayName: string;
  /** Rings seen, by the PBX's callId, with the time of receipt. */
  seen: Map<string, number>;
  /** Screen pops read after the ring (as the desk does), by callId, with the time complete. */
  popped: Map<string, number>;
  close: () => void;
}

const headers = (s: Session, write = false): Record<string, string> => ({
  cookie: s.cookie,
  ...(write ? { 'x-csrf-token': s.csrf, 'content-type': 'application/json' } : {}),
});

/** A Node stand-in for the browser's EventSource: reads /api/events and notes every ring. */
async function listen(
  base: string,
  session: Session,
  seen: Map<string, number>,
  popped: Map<string, number>,
) {
  // What the desk does on a ring: read the pop of the call (GET …/pop).
  const pop = async (id: string, callId: string) => {
    const r = await fetch(`${base}/api/contact/calls/${id}/pop`, { headers: headers(session) });
    await r.arrayBuffer();
    if (r.ok) popped.set(callId, performance.now());
  };
  const ac = new AbortController();
  const res = await fetch(`${base}/api/events`, { headers: headers(session), signal: ac.signal });
  if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += value;
        let cut: number;
        while ((cut = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          if (!frame.startsWith('event: contact')) continue;
          const data = frame.slice(frame.indexOf('data: ') + 6);
          const m = JSON.parse(data) as {
            kind: string;
            id?: string;
            callId?: string;
            event?: string;
          };
          if (m.kind === 'call' && m.event === 'newCall' && m.callId) {
            seen.set(m.callId, performance.now());
            if (POP_ON_RING && m.id) void pop(m.id, m.callId).catch(() => undefined);
          }
        }
      }
    } catch {
      /* aborted at the end */
    }
  })();
  return () => ac.abort();
}

async function cti(base: string, body: Record<string, string>) {
  const r = await fetch(`${base}/api/cti/${DEMO_CTI_SECRET}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  });
  if (!r.ok) throw new Error(`CTI ${body.event}: ${r.status} ${await r.text()}`);
  await r.arrayBuffer();
}

async function main() {
  const demo = await ensureDemo(url, CUSTOMERS);
  const phones = await withClient(url, async (c) => {
    const r = await c.query<{ phone: string }>(
      `SELECT phone FROM customer_phones ORDER BY customer_id LIMIT 2000`,
    );
    return r.rows.map((x) => x.phone);
  });
  const server = await spawnServer({
    PORT,
    DATABASE_URL: url,
    DEMO_ON_EMPTY: 'false',
    JOBS: process.env.BENCH_JOBS ?? 'true',
  });
  const base = server.url;
  const agents: Agent[] = [];
  try {
    for (const username of AGENTS) {
      const session = await signInSession(base, username, DEMO_PASSWORD);
      const put = await fetch(`${base}/api/contact/me/state`, {
        method: 'PUT',
        headers: headers(session, true),
        body: JSON.stringify({ state: 'ready' }),
      });
      if (!put.ok) throw new Error(`${username} ready: ${put.status} ${await put.text()}`);
      const me = (await put.json()) as { displayName: string };
      const seen = new Map<string, number>();
      const popped = new Map<string, number>();
      agents.push({
        session,
        displayName: me.displayName,
        seen,
        popped,
        close: await listen(base, session, seen, popped),
      });
    }
    const total = RATE * SECONDS;
    const sent = new Map<string, { at: number; agent: Agent }>();
    const calls: Promise<void>[] = [];
    const errors: string[] = [];
    const meter = new CpuMeter(new URL(url).pathname.slice(1), server.child.pid ?? null);
    const started = performance.now();
    const run = `b${Date.now().toString(36)}`;
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const agent = agents[i % agents.length]!;
      const callId = `${run}-${i}`;
      sent.set(callId, { at: performance.now(), agent });
      calls.push(
        cti(base, {
          event: 'newCall',
          direction: 'in',
          from: phones[i % phones.length] ?? '13900000000',
          to: '95598',
          callId,
          queue: 'fault',
          'user[]': agent.displayName,
        })
          .then(() => cti(base, { event: 'hangup', callId, cause: 'cancel' }))
          .catch((e: unknown) => void errors.push(String(e))),
      );
    }
    const sendSeconds = (performance.now() - started) / 1000;
    await Promise.all(calls);
    const cpu = meter.stop();
    // Rings still on their way get a moment to arrive.
    const deadline = performance.now() + 10_000;
    const arrived = (id: string, a: Agent) => a.seen.has(id) && (!POP_ON_RING || a.popped.has(id));
    while (performance.now() < deadline && [...sent].some(([id, s]) => !arrived(id, s.agent))) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const latencies: number[] = [];
    const popLatencies: number[] = [];
    let missing = 0;
    for (const [id, s] of sent) {
      const got = s.agent.seen.get(id);
      if (got === undefined) missing++;
      else latencies.push(got - s.at);
      const popped = s.agent.popped.get(id);
      if (popped !== undefined) popLatencies.push(popped - s.at);
    }
    console.log(
      JSON.stringify({
        bench: 'cti-newcall-to-sse',
        demo,
        rate: RATE,
        calls: total,
        achievedRate: Math.round(total / sendSeconds),
        delivered: latencies.length,
        missing,
        errors: errors.length,
        ms: latencyFigures(latencies),
        target: 'p99 < 100 ms',
        // newCall in → the pop's content read by the ringing agent's client after the push.
        ...(POP_ON_RING
          ? { popRead: popLatencies.length, popMs: latencyFigures(popLatencies) }
          : {}),
        // Per call (a newCall and a hangup): what others' work on this shared machine changes least.
        ...cpuPer(cpu, total),
        load1: load1(),
      }),
    );
    if (errors.length) console.error(errors.slice(0, 3));

    // The screen pop: everything the agent's panel reads, for calls from customers' numbers.
    const agent = agents[0]!;
    const list = await fetch(`${base}/api/contact/calls?pageSize=200`, {
      headers: headers(agent.session),
    });
    const ids = ((await list.json()) as { items: { id: string }[] }).items.map((c) => c.id);
    const pops: number[] = [];
    for (let i = 0; i < Math.min(POPS, ids.length * 4); i++) {
      const t0 = performance.now();
      const r = await fetch(`${base}/api/contact/calls/${ids[i % ids.length]}/pop`, {
        headers: headers(agent.session),
      });
      if (!r.ok) throw new Error(`pop: ${r.status} ${await r.text()}`);
      await r.arrayBuffer();
      pops.push(performance.now() - t0);
    }
    console.log(
      JSON.stringify({
        bench: 'screen-pop-endpoint',
        requests: pops.length,
        ms: latencyFigures(pops),
        target: '< 50 ms server time',
        load1: load1(),
      }),
    );
  } finally {
    for (const a of agents) a.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
