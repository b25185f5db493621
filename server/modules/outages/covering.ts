/**
 * Which outage has the power off at a place now: what the order intake asks for every fault call
 * (a caller inside it is answered from it, not dispatched on their own). Power is off in an
 * outage in progress, and in a published (or postponed) planned window that has begun even if
 * nobody pressed 开始 yet.
 */
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * The condition that outage `o` has the power off at `at`: in progress, or a published (or
 * postponed) planned window that has begun and not ended. A planned outage days ahead is not.
 */
export function powerOffSql(at: Expression<unknown>): RawBuilder<boolean> {
  return sql<boolean>`(o.state = 'in_progress'
    OR (o.state IN ('published', 'postponed') AND o.planned_start <= ${at}
        AND (o.planned_end IS NULL OR o.planned_end > ${at})))`;
}

/** The outage answering a fault call, as the intake and the order page show it. */
export interface CoveringOutage {
  id: string;
  number: string;
  title: string;
  state: string;
  estimated_restore_at: string | null;
  unit_path: string;
}

/**
 * A SQL expression: the JSON of the outage (CoveringOutage) that covers the transformer or its
 * feeder at `at` with the power off, the earliest started first; NULL when none does.
 */
export function coveringOutageSql(
  transformerId: Expression<unknown>,
  feederId: Expression<unknown>,
  at: Expression<unknown>,
): RawBuilder<CoveringOutage | null> {
  return sql<CoveringOutage | null>`(SELECT json_build_object('id', o.id, 'number', o.number,
      'title', o.title, 'state', o.state, 'estimated_restore_at', o.estimated_restore_at,
      'unit_path', o.unit_path)
    FROM outage_scope s JOIN outages o ON o.id = s.outage_id
   WHERE ((s.node_kind = 'transformer' AND s.node_id = ${transformerId})
       OR (s.node_kind = 'feeder' AND s.node_id = ${feederId}))
     AND ${powerOffSql(at)}
   ORDER BY coalesce(o.started_at, o.planned_start), o.id
   LIMIT 1)`;
}

/** One outage with the power off now, for linking an order to it by hand; null if not live. */
export async function liveOutage(
  tx: Kysely<DB>,
  id: string,
  at: Date,
): Promise<CoveringOutage | null> {
  const r = await sql<CoveringOutage>`
    SELECT o.id, o.number, o.title, o.state,
           to_json(o.estimated_restore_at) #>> '{}' AS estimated_restore_at, o.unit_path
      FROM outages o
     WHERE o.id = ${id} AND ${powerOffSql(sql`${at}::timestamptz`)}`.execute(tx);
  return r.rows[0] ?? null;
}

/** The outage an order is linked to, with how it was linked; null when it is not. */
export async function outageOfOrder(
  tx: Kysely<DB>,
  orderId: string,
): Promise<(CoveringOutage & { via: 'intake' | 'analysis' | 'manual' }) | null> {
  const r = await sql<CoveringOutage & { via: 'intake' | 'analysis' | 'manual' }>`
    SELECT o.id, o.number, o.title, o.state,
           to_json(o.estimated_restore_at) #>> '{}' AS estimated_restore_at, o.unit_path, l.via
      FROM outage_orders l JOIN outages o ON o.id = l.outage_id
     WHERE l.order_id = ${orderId}`.execute(tx);
  return r.rows[0] ?? null;
}

/** Links orders to an outage (one row each; an order is linked to one outage at most). */
export async function insertOutageLinks(
  tx: Kysely<DB>,
  outageId: string,
  orderIds: string[],
  via: 'intake' | 'analysis' | 'manual',
  at: Date,
): Promise<void> {
  if (orderIds.length === 0) return;
  await tx
    .insertInto('outage_orders')
    .values(orderIds.map((id) => ({ order_id: id, outage_id: outageId, via, linked_at: at })))
    .onConflict((oc) =>
      oc.column('order_id').doUpdateSet({ outage_id: outageId, via, linked_at: at }),
    )
    .execute();
}

/** Removes orders' links (an order released from its outage). */
export async function deleteOutageLinks(tx: Kysely<DB>, orderIds: string[]): Promise<void> {
  if (orderIds.length === 0) return;
  await tx.deleteFrom('outage_orders').where('order_id', 'in', orderIds).execute();
}

/** The orders linked to an outage that still wait for it (state 'linked'), locked, oldest first. */
export async function waitingLinkedOrders(tx: Kysely<DB>, outageId: string): Promise<string[]> {
  const r = await sql<{ id: string }>`
    SELECT o.id FROM outage_orders l JOIN orders o ON o.id = l.order_id
     WHERE l.outage_id = ${outageId} AND o.state = 'linked'
     ORDER BY o.accepted_at, o.id`.execute(tx);
  return r.rows.map((x) => x.id);
}

/** A linked order whose outage ended without it, with who ended the outage and how. */
export interface StrandedLink {
  order_id: string;
  outage_id: string;
  outage_number: string;
  outage_title: string;
  outage_state: 'restored' | 'cancelled';
  restored_at: Date | null;
  org_id: string;
  unit_path: string;
  province_id: string;
  actor_id: string | null;
  actor_name: string;
}

/**
 * Linked orders whose outage ended without taking them along: a caller accepted into an outage
 * in the moment another transaction restored or cancelled it. The orders job settles them.
 */
export async function strandedLinkedOrders(tx: Kysely<DB>, limit = 200): Promise<StrandedLink[]> {
  const r = await sql<StrandedLink>`
    SELECT o.id AS order_id, g.id AS outage_id, g.number AS outage_number,
           g.title AS outage_title, g.state AS outage_state, g.restored_at, g.org_id,
           g.unit_path, g.province_id, ev.actor_id, coalesce(ev.actor_name, '') AS actor_name
      FROM orders o
      JOIN outage_orders l ON l.order_id = o.id
      JOIN outages g ON g.id = l.outage_id
      LEFT JOIN LATERAL (SELECT e.actor_id, e.actor_name FROM outage_events e
                          WHERE e.outage_id = g.id AND e.action IN ('restore', 'cancel')
                          ORDER BY e.at DESC LIMIT 1) ev ON true
     WHERE o.state = 'linked' AND g.state IN ('restored', 'cancelled')
     ORDER BY g.id
     LIMIT ${limit}`.execute(tx);
  return r.rows;
}

/** 11月25日 08:00 in China time. */
function chinaTime(d: Date): string {
  const c = new Date(d.getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${c.getUTCMonth() + 1}月${c.getUTCDate()}日 ${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`;
}

/** The result a linked order is returned with when its outage is restored. */
export function restorationResult(o: { number: string; title: string }, at: Date): string {
  return `停电已恢复（${o.number} ${o.title}），恢复送电时间 ${chinaTime(at)}。`;
}

/** The reason a linked order is released with when its outage is cancelled. */
export function cancellationReason(o: { number: string }): string {
  return `停电事件 ${o.number} 已取消`;
}
