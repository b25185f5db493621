/**
 * Benchmark: a backlog of SLA timers that all come due at once (after an outage of the app, or a
 * storm of orders), drained by fireDueTimers on PostgreSQL. Prints JSON lines.
 *   psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE lx_bench_sla'
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/lx_bench_sla npx tsx bench/sla-timers.ts
 *   psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE lx_bench_sla WITH (FORCE)'
 * An empty database first gets the demo territory (BENCH_CUSTOMERS customers, default 20,000),
 * then BENCH_ORDERS running fault orders (default 100,000) written with bulk SQL, dispatched
 * 2.5–4.5 hours ago: each with its dispatch clock stopped and its acknowledge and arrive clocks
 * running, both past due, with their warning, critical and overdue timers (six per order, all
 * due). The backlog is drained twice from the same start: by one loop calling
 * fireDueTimers(db, now, BENCH_BATCH = 1000) until nothing is left (each call takes the orders of
 * the first BENCH_BATCH due timers, with all their due timers), then, after a reset, by two
 * concurrent loops (FOR UPDATE SKIP LOCKED on the orders shares the work). After each drain it
 * checks that every timer was claimed exactly once (all fired, and the claims add up to the
 * timers), that no (order, step, kind) has two events, that every timer's effect shows (an event
 * at its kind or above for its clock: the timers of one clock claimed together give one event, at
 * the worst, so here each clock has one, overdue), that every event has its timer, that each
 * clock's events rise strictly, and that every clock and order ends overdue.
 * Target (issue 5): the backlog of 100,000 orders drained in < 60 s.
 */
import os from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../server/db/database.js';
import { fireDueTimers } from '../server/modules/orders/index.js';
import {
  ensureDemo,
  insertBulkOrders,
  latencyFigures,
  load1,
  prepareBulkSources,
  requirePostgresUrl,
  withClient,
} from './orders-support.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1000);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 20_000);
const TARGET_S = 60;

const url = requirePostgresUrl('sla-timers');

const RANK = `CASE WHEN %s IN ('overdue', 'sla_overdue') THEN 3
                   WHEN %s IN ('critical', 'sla_critical') THEN 2 ELSE 1 END`;
const rank = (col: string) => RANK.replaceAll('%s', col);

async function prepare(): Promise<{ created: boolean; seconds: number }> {
  const state = await withClient(url, async (c) => {
    const r = await c.query<{ orders: number; timers: number }>(
      `SELECT (SELECT count(*)::int FROM orders) AS orders,
              (SELECT count(*)::int FROM sla_timers) AS timers`,
    );
    return r.rows[0]!;
  });
  if (state.orders === ORDERS && state.timers === ORDERS * 6) {
    return { created: false, seconds: 0 };
  }
  if (state.orders > 0) {
    throw new Error(`The database holds ${state.orders} other orders: give a fresh one.`);
  }
  const started = performance.now();
  await withClient(url, async (c) => {
    await prepareBulkSources(c);
    for (let g = 1; g <= ORDERS; g += 50_000) {
      await insertBulkOrders(c, 'running', g, Math.min(ORDERS, g + 49_999));
    }
    await c.query(`
      INSERT INTO order_sla_clocks (order_id, step, limit_spec, rule, started_at, due_at,
                                    stopped_at, pauses, status, epoch)
      SELECT o.id, s.step, jsonb_build_object('unit', 'minutes', 'amount', s.m),
             jsonb_build_object('source', 'taxonomy', 'version', 1),
             o.accepted_at, o.accepted_at + s.m * interval '1 minute',
             CASE WHEN s.step = 'dispatch' THEN o.dispatched_at END, '[]'::jsonb,
             CASE WHEN s.step = 'dispatch' THEN 'met' ELSE 'ok' END, 1
        FROM orders o,
             LATERAL (VALUES ('dispatch', 3), ('acknowledge', 5),
                             ('arrive', CASE o.area_class WHEN 'rural' THEN 90
                                                          WHEN 'remote' THEN 120 ELSE 45 END))
               AS s(step, m)`);
    await c.query(`
      INSERT INTO sla_timers (order_id, step, epoch, kind, due_at)
      SELECT c.order_id, c.step, 1, k.kind, c.started_at + (c.due_at - c.started_at) * k.f
        FROM order_sla_clocks c,
             (VALUES ('warning', 0.8), ('critical', 0.95), ('overdue', 1.0)) AS k(kind, f)
       WHERE c.stopped_at IS NULL`);
  });
  return { created: true, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

/** Back to the start: nothing fired, clocks and orders ok, no SLA events or messages. */
async function reset(): Promise<void> {
  await withClient(url, async (c) => {
    await c.query(`
      UPDATE sla_timers SET fired_at = NULL WHERE fired_at IS NOT NULL;
      UPDATE order_sla_clocks SET status = 'ok' WHERE stopped_at IS NULL AND status <> 'ok';
      UPDATE orders SET sla_status = 'ok', sla_missed = false
       WHERE sla_status <> 'ok' OR sla_missed;
      DELETE FROM order_events WHERE action LIKE 'sla\\_%';
      DELETE FROM outbox WHERE topic = 'order.changed' AND payload->>'action' LIKE 'sla\\_%';`);
    await c.query('VACUUM ANALYZE sla_timers, order_sla_clocks, orders, order_events, outbox');
  });
}

interface LoopFigures {
  claimed: number;
  batches: number;
  retried: number;
  batchMs: number[];
}

/** One worker: fires due timers until a claim comes back empty; retries a failed batch. */
async function loop(db: Parameters<typeof fireDueTimers>[0]): Promise<LoopFigures> {
  const f: LoopFigures = { claimed: 0, batches: 0, retried: 0, batchMs: [] };
  for (;;) {
    const t0 = performance.now();
    let n: number;
    try {
      n = await fireDueTimers(db, new Date(), BATCH);
    } catch (e) {
      // A deadlock or serialization failure rolls the batch back: its timers are due again.
      const code = (e as { code?: string }).code;
      if (code !== '40P01' && code !== '40001') throw e;
      f.retried++;
      continue;
    }
    if (n === 0) return f;
    f.batchMs.push(performance.now() - t0);
    f.claimed += n;
    f.batches++;
  }
}

async function verify(c: pg.Client, claimed: number) {
  const one = async <T>(text: string) => (await c.query<T & pg.QueryResultRow>(text)).rows[0]!;
  const timers = await one<{ total: number; unfired: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE fired_at IS NULL)::int AS unfired
       FROM sla_timers`,
  );
  const events = await one<{ n: number; warning: number; critical: number; overdue: number }>(
    `SELECT count(*)::int AS n,
            count(*) FILTER (WHERE action = 'sla_warning')::int AS warning,
            count(*) FILTER (WHERE action = 'sla_critical')::int AS critical,
            count(*) FILTER (WHERE action = 'sla_overdue')::int AS overdue
       FROM order_events WHERE action LIKE 'sla\\_%'`,
  );
  const duplicates = await one<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM order_events WHERE action LIKE 'sla\\_%'
        GROUP BY order_id, data->>'step', action HAVING count(*) > 1) d`,
  );
  const unseen = await one<{ n: number }>(
    `SELECT count(*)::int AS n FROM sla_timers t
      WHERE NOT EXISTS (SELECT 1 FROM order_events e
                         WHERE e.order_id = t.order_id AND e.action LIKE 'sla\\_%'
                           AND e.data->>'step' = t.step AND ${rank('e.action')} >= ${rank('t.kind')})`,
  );
  const orphans = await one<{ n: number }>(
    `SELECT count(*)::int AS n FROM order_events e
      WHERE e.action LIKE 'sla\\_%'
        AND NOT EXISTS (SELECT 1 FROM sla_timers t
                         WHERE t.order_id = e.order_id AND t.step = e.data->>'step'
                           AND 'sla_' || t.kind = e.action)`,
  );
  const notRising = await one<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT ${rank('action')} AS r,
              lag(${rank('action')}) OVER (PARTITION BY order_id, data->>'step' ORDER BY id) AS prev
         FROM order_events WHERE action LIKE 'sla\\_%') x
      WHERE x.prev >= x.r`,
  );
  const clocks = await one<{ running: number; notOverdue: number }>(
    `SELECT count(*)::int AS running,
            count(*) FILTER (WHERE status <> 'overdue')::int AS "notOverdue"
       FROM order_sla_clocks WHERE stopped_at IS NULL`,
  );
  const orders = await one<{ notOverdue: number }>(
    `SELECT count(*) FILTER (WHERE sla_status <> 'overdue' OR NOT sla_missed)::int AS "notOverdue"
       FROM orders`,
  );
  const outbox = await one<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox
      WHERE topic = 'order.changed' AND payload->>'action' LIKE 'sla\\_%'`,
  );
  return {
    timers: timers.total,
    unfired: timers.unfired,
    claimedSum: claimed,
    events: events.n,
    eventsByKind: { warning: events.warning, critical: events.critical, overdue: events.overdue },
    // Timers whose clock was raised past their kind in the same batch (or by then): one event.
    subsumedTimers: timers.total - events.n,
    duplicateEvents: duplicates.n,
    timersWithoutEffect: unseen.n,
    eventsWithoutTimer: orphans.n,
    eventsNotRising: notRising.n,
    runningClocksNotOverdue: clocks.notOverdue,
    ordersNotOverdue: orders.notOverdue,
    outboxMessages: outbox.n,
    ok:
      timers.unfired === 0 &&
      claimed === timers.total &&
      duplicates.n === 0 &&
      unseen.n === 0 &&
      orphans.n === 0 &&
      notRising.n === 0 &&
      clocks.notOverdue === 0 &&
      orders.notOverdue === 0,
  };
}

async function drain(loops: number) {
  const database = await openDatabase({ databaseUrl: url, poolSize: loops + 1 });
  try {
    // Connections open and the plans' catalogs cached before the clock starts.
    await sql`SELECT 1`.execute(database.db);
    const load = load1();
    const started = performance.now();
    const figures = await Promise.all(Array.from({ length: loops }, () => loop(database.db)));
    // A loop that found nothing while another's batch was rolled back stopped early: finish.
    const rest = await loop(database.db);
    const seconds = (performance.now() - started) / 1000;
    const all = [...figures, rest];
    const claimed = all.reduce((n, f) => n + f.claimed, 0);
    const check = await withClient(url, (c) => verify(c, claimed));
    console.log(
      JSON.stringify({
        bench: `sla-timers: drain, ${loops} loop${loops > 1 ? 's' : ''}`,
        db: 'postgres',
        orders: ORDERS,
        timers: check.timers,
        batch: BATCH,
        seconds: Math.round(seconds * 10) / 10,
        timersPerSec: Math.round(claimed / seconds),
        perLoop: figures.map((f) => ({
          claimed: f.claimed,
          batches: f.batches,
          retriedBatches: f.retried,
          batchMs: latencyFigures(f.batchMs),
        })),
        afterLoopsClaimed: rest.claimed,
        target: `< ${TARGET_S} s`,
        met: seconds < TARGET_S,
        loadAverage: [load, load1()],
      }),
    );
    console.log(JSON.stringify({ bench: `sla-timers: check, ${loops} loop(s)`, ...check }));
  } finally {
    await database.close();
  }
}

async function main() {
  const demo = await ensureDemo(url, CUSTOMERS);
  const load = load1();
  const prepared = await prepare();
  await reset();
  const due = await withClient(url, async (c) => {
    const r = await c.query<{ due: number; oldest: Date; newest: Date }>(
      `SELECT count(*)::int AS due, min(due_at) AS oldest, max(due_at) AS newest
         FROM sla_timers WHERE fired_at IS NULL AND due_at <= now()`,
    );
    return r.rows[0]!;
  });
  console.log(
    JSON.stringify({
      bench: 'sla-timers: setup',
      demo,
      orders: ORDERS,
      ...prepared,
      dueTimers: due.due,
      dueSpanMinutes: Math.round((due.newest.getTime() - due.oldest.getTime()) / 60_000),
      cpus: os.cpus().length,
      loadAverage: [load, load1()],
    }),
  );
  await drain(1);
  await reset();
  await drain(2);
}

await main();
