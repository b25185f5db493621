/**
 * Benchmark: the agent's look-ups on a generated territory, one server process on PostgreSQL.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db with the demo loaded> npx tsx bench/customer-lookup.ts
 * The database must hold a demo territory (`npm run demo -- --customers 1000000`, or
 * bench/demo-generate.ts). Requests go one at a time (the latency an agent sees), with numbers,
 * names and addresses drawn from the database. Prints JSON lines with p50/p95/p99 measured in the
 * server (Server-Timing) and over HTTP.
 * Targets (issue 4, 1 M customers): phone p99 < 5 ms in the server and < 15 ms over HTTP;
 * name and address search p95 < 50 ms.
 */
import pg from 'pg';
import { signIn, spawnServer } from './serve.js';

const N = Number(process.env.BENCH_REQUESTS ?? 2000);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to a PostgreSQL database holding the demo territory.');
  process.exit(2);
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function samples() {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const count = await client.query<{ n: string }>('SELECT count(*) AS n FROM customers');
  const phones = await client.query<{ phone: string }>(
    `SELECT phone FROM customer_phones TABLESAMPLE SYSTEM (1) LIMIT ${N}`,
  );
  const people = await client.query<{ name: string; street: string; county: string }>(
    `SELECT name, addr_street AS street, addr_county AS county
     FROM customers TABLESAMPLE SYSTEM (1) WHERE customer_class = 'resident' LIMIT ${N}`,
  );
  await client.end();
  return { customers: Number(count.rows[0]!.n), phones: phones.rows, people: people.rows };
}

async function measure(
  name: string,
  base: string,
  cookie: string,
  paths: string[],
  customers: number,
) {
  const server: number[] = [];
  const http: number[] = [];
  let found = 0;
  for (const p of paths) {
    const t0 = performance.now();
    const r = await fetch(`${base}${p}`, { headers: { cookie } });
    const body = (await r.json()) as { items?: unknown[] };
    http.push(performance.now() - t0);
    if (!r.ok) throw new Error(`${p}: ${r.status} ${JSON.stringify(body)}`);
    if ((body.items?.length ?? 0) > 0) found++;
    const st = /dur=([\d.]+)/.exec(r.headers.get('server-timing') ?? '');
    server.push(Number(st?.[1] ?? NaN));
  }
  server.sort((a, b) => a - b);
  http.sort((a, b) => a - b);
  const fig = (xs: number[]) => ({
    p50: +pct(xs, 50).toFixed(2),
    p95: +pct(xs, 95).toFixed(2),
    p99: +pct(xs, 99).toFixed(2),
  });
  console.log(
    JSON.stringify({
      bench: name,
      customers,
      requests: paths.length,
      foundShare: +(found / paths.length).toFixed(3),
      serverMs: fig(server),
      httpMs: fig(http),
    }),
  );
}

const { customers, phones, people } = await samples();
const server = await spawnServer({ DATABASE_URL: url, PORT: '3195', JOBS: 'false' });
try {
  const base = server.url;
  const cookie = await signIn(base, 'agent01', 'Lianxin@2026');
  // Warm-up: JIT, connection pool, and the indexes into memory.
  for (const p of phones.slice(0, 200)) {
    await fetch(`${base}/api/customers/by-phone/${p.phone}`, { headers: { cookie } });
  }
  await measure(
    'GET /api/customers/by-phone/{phone}',
    base,
    cookie,
    phones.map((p) => `/api/customers/by-phone/${p.phone}`),
    customers,
  );
  const q = (s: string) => `/api/customers/search?q=${encodeURIComponent(s)}`;
  await measure(
    'search: full name',
    base,
    cookie,
    people.map((p) => q(p.name)),
    customers,
  );
  await measure(
    'search: given name (partial)',
    base,
    cookie,
    people.map((p) => q([...p.name].slice(1).join(''))),
    customers,
  );
  await measure(
    'search: address (county + street)',
    base,
    cookie,
    people.map((p) => q(`${p.county}${p.street}`)),
    customers,
  );
  await measure(
    'search: street and name, spaced',
    base,
    cookie,
    people.map((p) => q(`${p.street} ${p.name}`)),
    customers,
  );
} finally {
  await server.stop();
}
