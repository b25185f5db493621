import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, OrdersTable } from '../../../db/schema.js';

export type OrderRow = Selectable<OrdersTable>;

/** The order locked for an action (SELECT … FOR UPDATE): concurrent actions queue here. */
export async function lockOrder(tx: Kysely<DB>, id: string): Promise<OrderRow | null> {
  const row = await tx
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

export async function getOrder(tx: Kysely<DB>, id: string): Promise<OrderRow | null> {
  const row = await tx.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  return row ?? null;
}

/** Names for the references of an order: units, owner, customer, master. */
export interface OrderNames {
  accepted_unit_name: string;
  assigned_unit_name: string | null;
  owner_name: string;
  customer_account_no: string | null;
  customer_name: string | null;
  master_number: string | null;
}

export async function orderNames(tx: Kysely<DB>, o: OrderRow): Promise<OrderNames> {
  const r = await sql<OrderNames>`
    SELECT (SELECT name FROM org_units WHERE id = ${o.accepted_unit_id}) AS accepted_unit_name,
           (SELECT name FROM org_units WHERE id = ${o.assigned_unit_id}) AS assigned_unit_name,
           (SELECT display_name FROM users WHERE id = ${o.owner_id}) AS owner_name,
           (SELECT account_no FROM customers WHERE id = ${o.customer_id}) AS customer_account_no,
           (SELECT name FROM customers WHERE id = ${o.customer_id}) AS customer_name,
           (SELECT number FROM orders WHERE id = ${o.master_id}) AS master_number`.execute(tx);
  return r.rows[0]!;
}

export interface EventRow {
  id: string;
  at: Date;
  action: string;
  from_state: string | null;
  to_state: string | null;
  actor_id: string | null;
  actor_name: string;
  unit_id: string | null;
  unit_name: string | null;
  visible_to_customer: boolean;
  body: string | null;
  data: Record<string, unknown>;
}

export async function orderEvents(tx: Kysely<DB>, orderId: string): Promise<EventRow[]> {
  const r = await sql<EventRow>`
    SELECT e.id, e.at, e.action, e.from_state, e.to_state, e.actor_id, e.actor_name, e.unit_id,
           u.name AS unit_name, e.visible_to_customer, e.body, e.data
      FROM order_events e LEFT JOIN org_units u ON u.id = e.unit_id
     WHERE e.order_id = ${orderId}
     ORDER BY e.at, e.id`.execute(tx);
  return r.rows;
}

export interface ClockRow {
  step: string;
  limit_spec: { unit: 'minutes' | 'working_days'; amount: number };
  rule: { source: string; clause: number | null };
  started_at: Date;
  due_at: Date;
  stopped_at: Date | null;
  pauses: { from: string; to: string | null }[];
  status: string;
  epoch: number;
}

export async function orderClocks(tx: Kysely<DB>, orderId: string): Promise<ClockRow[]> {
  const rows = await tx
    .selectFrom('order_sla_clocks')
    .select([
      'step',
      'limit_spec',
      'rule',
      'started_at',
      'due_at',
      'stopped_at',
      'pauses',
      'status',
      'epoch',
    ])
    .where('order_id', '=', orderId)
    .orderBy('started_at')
    .execute();
  return rows as ClockRow[];
}

export async function orderChildren(
  tx: Kysely<DB>,
  masterId: string,
): Promise<{ id: string; number: string; state: string; version: number }[]> {
  return tx
    .selectFrom('orders')
    .select(['id', 'number', 'state', 'version'])
    .where('master_id', '=', masterId)
    .orderBy('accepted_at')
    .execute();
}

export interface AttachmentRow {
  id: string;
  file_name: string;
  content_type: string;
  size: number;
  storage_key: string;
  uploaded_by: string;
  uploader_name: string | null;
  created_at: Date;
}

export async function orderAttachments(tx: Kysely<DB>, orderId: string): Promise<AttachmentRow[]> {
  const r = await sql<AttachmentRow>`
    SELECT a.id, a.file_name, a.content_type, a.size, a.storage_key, a.uploaded_by,
           u.display_name AS uploader_name, a.created_at
      FROM order_attachments a LEFT JOIN users u ON u.id = a.uploaded_by
     WHERE a.order_id = ${orderId} ORDER BY a.created_at`.execute(tx);
  return r.rows;
}
