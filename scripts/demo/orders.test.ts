import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { numberDay } from '../../server/modules/orders/index.js';
import { loadDemo } from './load-demo.js';
import { DEMO_USERS } from './territory.js';

// Every load gets a database of its own: an in-memory PGlite, or with DATABASE_URL a scratch
// database on that server, dropped afterwards.
const serverUrl = process.env.DATABASE_URL;
const scratch: string[] = [];
let admin: pg.Client | undefined;

async function freshDatabase(): Promise<Database> {
  if (!serverUrl) return openDatabase({});
  if (!admin) {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
  }
  const name = `lx_demo_orders_test_${process.pid}_${scratch.length}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  scratch.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return openDatabase({ databaseUrl: url.toString(), poolSize: 3 });
}

afterAll(async () => {
  for (const name of scratch) await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin?.end();
});

// A fixed end of the month of orders, so two loads of one seed can be compared.
const NOW = new Date('2026-11-23T10:30:00+08:00');
const DAY = 86_400_000;

async function load(seed: number, orders: number) {
  const database = await freshDatabase();
  await migrateToLatest(database.db);
  const summary = await loadDemo(database, { customers: 1500, seed, orders, now: NOW });
  const db = database.db;
  const rows = await db
    .selectFrom('orders')
    .select([
      'id',
      'number',
      'type_code',
      'state',
      'accepted_at',
      'master_id',
      'callback_required',
      'sla_status',
      'sla_missed',
      'flags',
      'customer_id',
      'fields',
    ])
    .orderBy('number')
    .execute();
  const events = await db
    .selectFrom('order_events')
    .select(['order_id', 'action', 'at'])
    .orderBy('order_id')
    .orderBy('at')
    .orderBy('id')
    .execute();
  const byOrder = new Map<string, { action: string; at: Date }[]>();
  for (const e of events) {
    const list = byOrder.get(e.order_id) ?? [];
    list.push(e);
    byOrder.set(e.order_id, list);
  }
  const count = (key: 'state' | 'type_code') => {
    const m: Record<string, number> = {};
    for (const r of rows) m[r[key]] = (m[r[key]] ?? 0) + 1;
    return m;
  };
  return { database, summary, rows, byOrder, byState: count('state'), byType: count('type_code') };
}

/** Whether `want` occurs in `seq` in this order (other actions may come between). */
function inOrder(seq: string[], want: string[]): boolean {
  let i = 0;
  for (const a of seq) if (a === want[i]) i++;
  return i === want.length;
}

describe('demo work orders', { timeout: 300_000 }, () => {
  it('fill a month with orders of every kind, worked through the services, the same for a seed', async () => {
    const a = await load(20261123, 150);
    const { rows, byOrder, byState, byType } = a;
    expect(a.summary.orders).toBe(150);
    expect(rows).toHaveLength(150);

    // Several states, open and closed, and several types with faults the most common.
    for (const s of ['archived', 'handling', 'returned', 'reviewed', 'dispatched', 'merged']) {
      expect(byState[s] ?? 0, s).toBeGreaterThan(0);
    }
    expect(byState.suspended ?? 0).toBeGreaterThan(0);
    expect(byState.archived!).toBeGreaterThan(rows.length / 2);
    expect(Object.keys(byType).length).toBeGreaterThanOrEqual(7);
    const top = Object.entries(byType).sort((x, y) => y[1] - x[1])[0]![0];
    expect(top).toBe('fault');
    expect(byType.complaint ?? 0).toBeGreaterThan(0);
    // Every fault caller was asked about the neighbours' power, with more than one answer.
    const answers = rows
      .filter((r) => r.type_code === 'fault')
      .map((r) => (r.fields as { neighbours?: string }).neighbours);
    expect(answers.every((x) => x === 'also_off' || x === 'have_power' || x === 'unknown')).toBe(
      true,
    );
    expect(new Set(answers).size).toBeGreaterThan(1);

    // Numbers: unique, of the day each order was accepted, in the month before now.
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.number.slice(0, 8)).toBe(numberDay(r.accepted_at));
      expect(r.accepted_at.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(r.accepted_at.getTime()).toBeGreaterThan(NOW.getTime() - 31 * DAY);
    }

    // Every archived order went round the whole loop (a repeat call closed with its master).
    let merged = 0;
    for (const r of rows.filter((x) => x.state === 'archived')) {
      const seq = byOrder.get(r.id)!.map((e) => e.action);
      if (r.master_id) {
        merged++;
        expect(seq).toEqual(['accept', 'dispatch', 'merge', 'close_with_master']);
        continue;
      }
      const loop = [
        'accept',
        'dispatch',
        'acknowledge',
        ...(r.type_code === 'fault' ? ['arrive', 'repaired'] : []),
        'return',
        'review_pass',
        ...(r.callback_required ? ['callback'] : []),
        'archive',
      ];
      expect(inOrder(seq, loop), `${r.number}: ${seq.join(' ')}`).toBe(true);
      expect(seq.at(-1)).toBe('archive');
    }
    expect(merged + (byState.merged ?? 0)).toBeGreaterThanOrEqual(2);
    // History lies in the past, in order.
    for (const list of byOrder.values()) {
      for (let i = 1; i < list.length; i++) {
        expect(list[i]!.at.getTime()).toBeGreaterThanOrEqual(list[i - 1]!.at.getTime());
      }
      expect(list.at(-1)!.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
    const all = [...byOrder.values()].flat().map((e) => e.action);
    for (const act of ['reopen', 'terminate', 'approve_suspension', 'urge', 'sla_overdue']) {
      expect(all, act).toContain(act);
    }

    // Some clocks were missed; some open orders are overdue now (their timers fired).
    const open = rows.filter((r) => !['archived', 'terminated', 'merged'].includes(r.state));
    expect(open.some((r) => r.sla_status === 'overdue')).toBe(true);
    expect(rows.some((r) => r.sla_missed)).toBe(true);
    expect(rows.filter((r) => r.sla_missed).length).toBeLessThan(rows.length / 3);
    const due = await a.database.db
      .selectFrom('sla_timers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('fired_at', 'is', null)
      .where('due_at', '<=', NOW)
      .executeTakeFirstOrThrow();
    expect(Number(due.n)).toBe(0);
    // Repeat callers are flagged.
    expect(rows.some((r) => r.flags.includes('repeat_24h') || r.flags.includes('repeat_7d'))).toBe(
      true,
    );
    // Audit and outbox rows came with every change.
    const audit = await a.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity_type', '=', 'order')
      .executeTakeFirstOrThrow();
    expect(Number(audit.n)).toBeGreaterThan(rows.length * 3);

    // The demo users are all there and unchanged; staff were added where nobody worked orders.
    const users = await a.database.db
      .selectFrom('users')
      .select(['username', 'roles'])
      .orderBy('username')
      .execute();
    for (const u of DEMO_USERS) {
      expect(users.find((x) => x.username === u.username)?.roles).toEqual(u.roles);
    }
    expect(a.summary.users).toBe(users.length);
    expect(users.some((u) => u.username === 'dispatch03')).toBe(true);

    // The same seed and end give the same orders.
    const b = await load(20261123, 150);
    expect(b.byState).toEqual(byState);
    expect(b.byType).toEqual(byType);
    expect(b.rows.map((r) => [r.type_code, r.state, r.sla_missed])).toEqual(
      rows.map((r) => [r.type_code, r.state, r.sla_missed]),
    );
    await a.database.close();
    await b.database.close();
  });
});
