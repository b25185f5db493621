import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** A clock whose timer fired, with the order it belongs to. */
export interface FiredClock {
  order_id: string;
  step: string;
  kind: 'warning' | 'critical' | 'overdue';
  due_at: Date;
  number: string;
  state: string;
  sla_status: string;
  unit_path: string;
  org_id: string;
  province_id: string;
  version: number;
}

/**
 * Claims up to `limit` timers due by `now` (FOR UPDATE SKIP LOCKED: several processes share the
 * work and never take the same timer), marks them fired, and raises the status of their clocks
 * if the clock is still running in the same epoch. Several timers of one clock claimed together
 * (after a restart) count once, at the most severe. Returns the clocks that changed.
 */
export async function claimDueTimers(
  tx: Kysely<DB>,
  now: Date,
  limit: number,
): Promise<{ claimed: number; fired: FiredClock[] }> {
  const r = await sql<FiredClock & { claimed: number }>`
    WITH claimed AS (
      UPDATE sla_timers t SET fired_at = ${now}
       WHERE t.id IN (SELECT id FROM sla_timers
                       WHERE fired_at IS NULL AND due_at <= ${now}
                       ORDER BY due_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING t.order_id, t.step, t.epoch, t.kind
    ), worst AS (
      SELECT order_id, step, epoch,
             (array_agg(kind ORDER BY CASE kind WHEN 'overdue' THEN 3 WHEN 'critical' THEN 2 ELSE 1 END DESC))[1] AS kind
        FROM claimed GROUP BY order_id, step, epoch
    ), raised AS (
      UPDATE order_sla_clocks c SET status = w.kind
        FROM worst w
       WHERE c.order_id = w.order_id AND c.step = w.step AND c.epoch = w.epoch
         AND c.stopped_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(c.pauses) p WHERE p->>'to' IS NULL)
         AND (CASE c.status WHEN 'overdue' THEN 3 WHEN 'critical' THEN 2 WHEN 'warning' THEN 1 ELSE 0 END)
           < (CASE w.kind WHEN 'overdue' THEN 3 WHEN 'critical' THEN 2 ELSE 1 END)
      RETURNING c.order_id, c.step, w.kind, c.due_at
    )
    SELECT r.order_id, r.step, r.kind, r.due_at, o.number, o.state, o.sla_status, o.unit_path,
           o.org_id, o.province_id, o.version, (SELECT count(*)::int FROM claimed) AS claimed
      FROM raised r JOIN orders o ON o.id = r.order_id
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           (SELECT count(*)::int FROM claimed)
     WHERE NOT EXISTS (SELECT 1 FROM raised)`.execute(tx);
  const claimed = r.rows[0]?.claimed ?? 0;
  return { claimed: Number(claimed), fired: r.rows.filter((x) => x.order_id !== null) };
}

/** Raises orders' SLA status (never lowers it: other clocks may be worse). */
export async function raiseOrderStatus(
  tx: Kysely<DB>,
  rows: { id: string; status: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    UPDATE orders o SET sla_status = x.status, sla_missed = o.sla_missed OR x.status = 'overdue'
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, status text)
     WHERE o.id = x.id
       AND (CASE o.sla_status WHEN 'overdue' THEN 3 WHEN 'critical' THEN 2 WHEN 'warning' THEN 1 ELSE 0 END)
         < (CASE x.status WHEN 'overdue' THEN 3 WHEN 'critical' THEN 2 ELSE 1 END)`.execute(tx);
}
