import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.js';

export type TimerKind = 'warning' | 'critical' | 'overdue';

/** A clock raised by its due timers: the event to write for it. */
export interface RaisedClock {
  order_id: string;
  step: string;
  kind: TimerKind;
  due_at: Date;
}

/** Severity of a clock or order status, or of a timer kind: 0 below warning … 3 overdue. */
const rank = (col: RawBuilder<unknown>) =>
  sql`(CASE ${col} WHEN 'overdue' THEN 3 WHEN 'critical' THEN 2 WHEN 'warning' THEN 1 ELSE 0 END)`;
const KINDS = sql`(ARRAY['warning', 'critical', 'overdue']::text[])`;

/**
 * Claims the timers due by `now` and applies them, in one statement. The claim locks orders, not
 * timers: it walks the due timers oldest first and takes the orders of the first `limit` of them
 * (FOR UPDATE SKIP LOCKED, so processes share the work, and an order that an action holds waits
 * for the next round), then fires every due timer of those orders. So one order's timers go to one
 * worker, the lock order is the actions' own (order, then clocks and timers), and a clock whose
 * warning, critical and overdue are all due (after an outage) makes one transition, to the worst.
 * A clock is raised only while it runs in the timer's epoch; the order is raised, never lowered
 * (another clock may be worse); each order with a raised clock gets one outbox message. The CTEs
 * are chained so that no CTE joins another (their row counts are unknown to the planner, and a
 * nested loop over two of them is quadratic).
 * `walked` counts the due timers walked (whose orders were taken), `claimed` the timers fired.
 * Under READ COMMITTED an order that another worker fired and released after this statement's
 * snapshot is taken anyway, its timers seen as due: nothing of it fires (each timer's update
 * rechecks `fired_at IS NULL` on the latest row), but it uses up the walk.
 */
export async function claimDueTimers(
  tx: Kysely<DB>,
  now: Date,
  limit: number,
): Promise<{ walked: number; claimed: number; raised: RaisedClock[] }> {
  const r = await sql<{
    walked: number;
    claimed: number;
    order_id: string | null;
    step: string | null;
    kind: TimerKind | null;
    due_at: Date | null;
  }>`
    WITH due AS (
      SELECT o.id
        FROM sla_timers t JOIN orders o ON o.id = t.order_id
       WHERE t.fired_at IS NULL AND t.due_at <= ${now}
       ORDER BY t.due_at
       LIMIT ${limit}
         FOR UPDATE OF o SKIP LOCKED
    ), fired AS (
      UPDATE sla_timers t SET fired_at = ${now}
       WHERE t.order_id IN (SELECT id FROM due) AND t.fired_at IS NULL AND t.due_at <= ${now}
      RETURNING t.order_id, t.step, t.epoch, ${rank(sql`t.kind`)} AS r
    ), worst AS (
      SELECT order_id, step, epoch, max(r) AS r FROM fired GROUP BY order_id, step, epoch
    ), raised AS (
      UPDATE order_sla_clocks c SET status = ${KINDS}[w.r]
        FROM worst w
       WHERE c.order_id = w.order_id AND c.step = w.step AND c.epoch = w.epoch
         AND c.stopped_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(c.pauses) p WHERE p->>'to' IS NULL)
         AND ${rank(sql`c.status`)} < w.r
      RETURNING c.order_id, c.step, w.r, c.due_at
    ), per_order AS (
      SELECT order_id, max(r) AS r FROM raised GROUP BY order_id
    ), order_raised AS (
      -- Every order with a raised clock is written (so that RETURNING gives its message without
      -- another join); its status rises only if the clock's is worse.
      UPDATE orders o
         SET sla_status = CASE WHEN ${rank(sql`o.sla_status`)} < p.r THEN ${KINDS}[p.r]
                               ELSE o.sla_status END,
             sla_missed = o.sla_missed OR p.r = 3
        FROM per_order p
       WHERE o.id = p.order_id
      RETURNING o.id, o.number, o.state, o.sla_status, o.version, o.unit_path, o.org_id,
                o.province_id, p.r
    ), messages AS (
      INSERT INTO outbox (topic, payload, org_id, province_id)
      SELECT 'order.changed',
             jsonb_build_object('orderId', u.id, 'number', u.number, 'state', u.state,
               'action', 'sla_' || ${KINDS}[u.r], 'slaStatus', u.sla_status, 'dueAt', NULL,
               'version', u.version, 'at', ${now.toISOString()}::text, 'unitPath', u.unit_path),
             u.org_id, u.province_id
        FROM order_raised u
    )
    SELECT (SELECT count(*) FROM due)::int AS walked, (SELECT count(*) FROM fired)::int AS claimed,
           r.order_id, r.step, ${KINDS}[r.r] AS kind, r.due_at
      FROM (SELECT 1) AS one LEFT JOIN raised r ON true`.execute(tx);
  const walked = Number(r.rows[0]?.walked ?? 0);
  const claimed = Number(r.rows[0]?.claimed ?? 0);
  const raised: RaisedClock[] = [];
  for (const x of r.rows) {
    if (x.order_id && x.step && x.kind && x.due_at) {
      raised.push({ order_id: x.order_id, step: x.step, kind: x.kind, due_at: x.due_at });
    }
  }
  return { walked, claimed, raised };
}

/** The timeline entries of raised clocks (system events, internal), in one statement. */
export async function insertTimerEvents(
  tx: Kysely<DB>,
  at: Date,
  events: (RaisedClock & { id: string })[],
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({
    id: e.id,
    order_id: e.order_id,
    step: e.step,
    kind: e.kind,
    due: e.due_at.toISOString(),
  }));
  await sql`
    INSERT INTO order_events (id, order_id, at, action, from_state, to_state, actor_id,
      actor_name, unit_id, visible_to_customer, body, data)
    SELECT x.id, x.order_id, ${at}, 'sla_' || x.kind, NULL, NULL, NULL, '系统', NULL, false, NULL,
           jsonb_build_object('step', x.step, 'dueAt', x.due)
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(id uuid, order_id uuid, step text, kind text, due text)`.execute(tx);
}
