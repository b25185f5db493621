/**
 * Benchmark: GET /api/me with a valid session, one server process, on PGlite and on the
 * PostgreSQL server; and the time to restart on an existing DATA_DIR. Prints JSON lines.
 *   npm run bench                      (both backends; PostgreSQL at 127.0.0.1:5432)
 *   BENCH_SECONDS=20 npm run bench
 * Targets (issue 3): ≥ 4,000 req/s on PostgreSQL, ≥ 2,000 req/s on PGlite, restart < 5 s.
 * Each backend is measured with the principal cache (default) and without it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { signIn, spawnServer } from './serve.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function loadDemo(env: Record<string, string>) {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--customers', '1000'], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
}

async function measureMe(db: string, env: Record<string, string>) {
  // With the principal cache (the default) and without it (every request reads the database:
  // the figure for many sessions that each make a request less often than the cache TTL).
  for (const cacheTtlMs of ['5000', '0']) {
    await measureOnce(db, { ...env, AUTH_CACHE_TTL_MS: cacheTtlMs });
  }
}

async function measureOnce(db: string, env: Record<string, string>) {
  const server = await spawnServer(env);
  try {
    const cookie = await signIn(server.url, 'agent01', 'Lianxin@2026');
    // Warm up JIT and connections before measuring.
    await autocannon({
      url: `${server.url}/api/me`,
      headers: { cookie },
      connections: 20,
      duration: 2,
    });
    const r = await autocannon({
      url: `${server.url}/api/me`,
      headers: { cookie },
      connections: 50,
      duration: SECONDS,
    });
    console.log(
      JSON.stringify({
        bench: 'GET /api/me',
        db,
        principalCacheTtlMs: Number(env.AUTH_CACHE_TTL_MS),
        seconds: SECONDS,
        reqPerSec: Math.round(r.requests.average),
        latencyP50Ms: r.latency.p50,
        latencyP99Ms: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors,
      }),
    );
  } finally {
    await server.stop();
  }
}

async function main() {
  const port = String(18_000 + Math.floor(Math.random() * 1000));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-bench-'));
  try {
    const embedded = { DATA_DIR: dataDir, PORT: port, DATABASE_URL: '' };
    loadDemo(embedded);
    await measureMe('embedded', embedded);
    // Restart on the existing DATA_DIR: process start to a healthy answer.
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await spawnServer(embedded);
      times.push(s.readyMs);
      await s.stop();
    }
    console.log(
      JSON.stringify({
        bench: 'restart on existing DATA_DIR',
        db: 'embedded',
        readyMs: times.map(Math.round),
        worstSeconds: Math.max(...times) / 1000,
      }),
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const dbName = `lx_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (e) {
    console.log(JSON.stringify({ bench: 'GET /api/me', db: 'postgres', skipped: String(e) }));
    return;
  }
  await admin.query(`CREATE DATABASE ${dbName}`);
  try {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${dbName}`;
    const env = { DATABASE_URL: url.toString(), PORT: port, DATA_DIR: os.tmpdir() };
    loadDemo(env);
    await measureMe('postgres', env);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
