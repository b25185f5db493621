/**
 * Benchmark: outage notices for BENCH_RECIPIENTS (50,000) customers on PostgreSQL. Prints JSON
 * lines.
 *   psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE lx_bench_notify'
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/lx_bench_notify npx tsx bench/notify-bulk.ts
 *   psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE lx_bench_notify WITH (FORCE)'
 * A fresh test organisation gets a feeder whose two transformers supply BENCH_RECIPIENTS
 * customers (1% important, 2% refusing messages), and a fault outage over the feeder. Measured:
 * 1. queue time: queueOutageNotices for the outage's publication (the important customers
 *    first, then all) in one transaction, BENCH_RUNS (5) times, rolled back each time but the last;
 * 2. the sender's throughput with the log channel: sendDueNotifications rounds (batch
 *    BENCH_BATCH, 50 like the running sender, and 500) until the queue is empty, after the
 *    queue is put back to pending and the table vacuumed and analysed.
 */
import { sql } from 'kysely';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { buildOrg } from '../server/db/test-helpers.js';
import { buildNetwork } from '../server/modules/customers/test-support.js';
import { sendDueNotifications, type Transport } from '../server/modules/notify/index.js';
// outages/index.ts does not re-export the notices yet (its owner will); measured where they are.
import { queueOutageNotices } from '../server/modules/outages/index.js';
import type { Actor } from '../server/platform/actor.js';
import { newId } from '../server/platform/ids.js';
import { latencyFigures, load1, requirePostgresUrl } from './orders-support.js';

const url = requirePostgresUrl('notify-bulk');
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BATCHES = (process.env.BENCH_BATCH ?? '50,500').split(',').map(Number);

class Rollback extends Error {}

async function main() {
  const database = await openDatabase({ databaseUrl: url });
  const db = database.db;
  await migrateToLatest(db);
  try {
    const org = await buildOrg(database);
    const net = await buildNetwork(database, org);
    const station = org.units.station1!;
    const t0 = performance.now();
    // Customers straight in SQL (the archive's own import is measured elsewhere).
    await sql`
      INSERT INTO customers (id, account_no, name, customer_class, org_id, province_id,
                             transformer_id, is_important, consent_messages)
      SELECT gen_random_uuid(), ${org.suffix} || lpad(i::text, 8, '0'), '客户' || i, 'resident',
             ${station.id}, ${station.provinceId},
             CASE WHEN i % 2 = 0 THEN ${net.transformers.c1t1}::uuid ELSE ${net.transformers.c1t2}::uuid END,
             i % 100 = 0, i % 50 <> 7
        FROM generate_series(1, ${RECIPIENTS}) AS i`.execute(db);
    await sql`
      INSERT INTO customer_phones (customer_id, phone, label, position)
      SELECT c.id, '13' || lpad((row_number() OVER (ORDER BY c.id))::text, 9, '0'), 'mobile', 0
        FROM customers c WHERE c.org_id = ${station.id}`.execute(db);
    await sql`ANALYZE customers`.execute(db);
    await sql`ANALYZE customer_phones`.execute(db);
    const setupMs = performance.now() - t0;

    const outageId = newId();
    const started = new Date(Date.now() - 60_000);
    await db
      .insertInto('outages')
      .values({
        id: outageId,
        number: `TDBENCH${Date.now()}`,
        category: 'grid_fault',
        state: 'in_progress',
        title: '10kV城关一线故障跳闸',
        reason: '线路故障',
        area_text: '城关一线沿线',
        started_at: started,
        published_at: started,
        flags: [],
        org_id: station.id,
        unit_path: station.path,
        province_id: station.provinceId!,
      })
      .execute();
    await db
      .insertInto('outage_scope')
      .values({ outage_id: outageId, node_kind: 'feeder', node_id: net.feeders.c1f1 })
      .execute();
    const u = org.users.dispatcher!;
    const actor = { userId: u.id, username: u.username, displayName: 'bench' } as Actor;
    const meta = { ip: null, requestId: 'bench', userAgent: null };

    const queueMs: number[] = [];
    let queued = 0;
    for (let run = 1; run <= RUNS; run++) {
      const last = run === RUNS;
      try {
        await db.transaction().execute(async (tx) => {
          const row = {
            ...(await tx
              .selectFrom('outages')
              .selectAll()
              .where('id', '=', outageId)
              .executeTakeFirstOrThrow()),
            unit_name: station.code,
            linked_orders: 0,
          };
          const s = performance.now();
          const r = await queueOutageNotices({ tx, actor, meta, now: new Date() }, row, 'publish');
          queueMs.push(performance.now() - s);
          queued = r.reduce((n, x) => n + x.queued, 0);
          if (!last) throw new Rollback();
        });
      } catch (e) {
        if (!(e instanceof Rollback)) throw e;
      }
    }
    console.log(
      JSON.stringify({
        bench: 'notify: queue outage notices (one transaction, INSERT … SELECT)',
        db: 'postgres',
        recipients: RECIPIENTS,
        queued,
        setupMs: Math.round(setupMs),
        queueMs: latencyFigures(queueMs),
        loadAverage: load1(),
      }),
    );

    // The log channel with the log switched off: what is measured is the sender, not pino.
    const log: Transport = { provider: 'log', send: () => Promise.resolve({ providerRef: null }) };
    const transports = { sms: log, email: log };
    for (const batch of BATCHES) {
      // The same queue again for every batch size: back to pending, as if just queued.
      await sql`
        UPDATE notify_deliveries SET status = 'pending', attempts = 0, finished_at = NULL,
               sending_at = NULL, next_attempt_at = now() - interval '1 second'
         WHERE source_type = 'outage' AND source_id = ${outageId}`.execute(db);
      await sql`
        DELETE FROM notify_attempts a USING notify_deliveries d
         WHERE a.delivery_id = d.id AND d.source_type = 'outage' AND d.source_id = ${outageId}`.execute(
        db,
      );
      // Measured is the sender on a settled table; a queue written a moment ago has the same
      // plan once autovacuum has analysed it (see the note on stale statistics in the report).
      await sql`VACUUM ANALYZE notify_deliveries`.execute(db);
      await sql`VACUUM ANALYZE notify_attempts`.execute(db);
      const s = performance.now();
      let rounds = 0;
      let claimed = 0;
      for (;;) {
        const n = await sendDueNotifications({
          db,
          transports,
          batch,
          unitPathPrefix: org.units.root!.path,
        });
        rounds++;
        claimed += n;
        if (n < batch) break;
      }
      const seconds = (performance.now() - s) / 1000;
      const outcome = await sql<{ status: string; n: number }>`
        SELECT status, count(*)::int AS n FROM notify_deliveries
         WHERE source_type = 'outage' AND source_id = ${outageId} GROUP BY status`.execute(db);
      console.log(
        JSON.stringify({
          bench: 'notify: sender throughput, log channel',
          db: 'postgres',
          batch,
          messages: claimed,
          rounds,
          seconds: Math.round(seconds * 10) / 10,
          perSecond: Math.round(claimed / seconds),
          outcome: Object.fromEntries(outcome.rows.map((r) => [r.status, Number(r.n)])),
          loadAverage: load1(),
        }),
      );
    }
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
