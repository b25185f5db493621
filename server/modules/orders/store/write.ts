import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Clock, PlannedTimer } from '../service/clocks.js';
import { nextNumberSql } from './numbering.js';

/** An order's row as the services write it (ids, state, people, place, flags, SLA summary). */
export interface OrderInsert {
  id: string;
  taxonomy_version: number;
  type_code: string;
  subtype_code: string | null;
  channel: string;
  state: string;
  title: string;
  description: string;
  fields: Record<string, unknown>;
  customer_id: string | null;
  caller_name: string | null;
  caller_phone: string | null;
  address: string | null;
  area_class: string | null;
  urgency: string | null;
  grade: string | null;
  callback_required: boolean;
  transformer_id: string | null;
  place_unit_id: string | null;
  sla_limits: Record<string, unknown>;
  accepted_at: Date;
  accepted_by: string;
  accepted_unit_id: string;
  owner_id: string;
  assigned_unit_id: string | null;
  unit_path: string;
  flags: string[];
  repeat_24h: number;
  repeat_7d: number;
  sla_status: string;
  due_at: Date | null;
  dispatched_at: Date | null;
  search_vec: string;
  org_id: string;
  province_id: string;
}

export interface EventInsert {
  id: string;
  order_id: string;
  at: Date;
  action: string;
  from_state: string | null;
  to_state: string | null;
  actor_id: string | null;
  actor_name: string;
  unit_id: string | null;
  visible_to_customer: boolean;
  body: string | null;
  data: Record<string, unknown>;
}

export interface AuditInsert {
  id: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  after: unknown;
  ip: string | null;
  request_id: string | null;
  org_id: string;
  province_id: string;
}

const json = (v: unknown) => JSON.stringify(v);

const clockRecord = (orderId: string, c: Clock) => ({
  order_id: orderId,
  step: c.step,
  limit_spec: c.limit,
  rule: c.rule,
  started_at: c.startedAt.toISOString(),
  due_at: c.dueAt.toISOString(),
  stopped_at: c.stoppedAt?.toISOString() ?? null,
  pauses: c.pauses.map((p) => ({ from: p.from.toISOString(), to: p.to?.toISOString() ?? null })),
  status: c.status,
  epoch: c.epoch,
});

const timerRecord = (orderId: string, t: PlannedTimer) => ({
  order_id: orderId,
  step: t.step,
  epoch: t.epoch,
  kind: t.kind,
  due_at: t.at.toISOString(),
});

/**
 * Writes a new order with its events, clocks, timers, outbox row and audit row in one statement
 * (one round trip: creating orders is the hottest write of the center). The number is drawn from
 * the day's sequence inside the statement. Returns the number.
 */
export async function insertOrderGraph(
  tx: Kysely<DB>,
  g: {
    day: string;
    order: OrderInsert;
    events: EventInsert[];
    clocks: Clock[];
    timers: PlannedTimer[];
    outbox: { topic: string; payload: Record<string, unknown> };
    audit: AuditInsert;
  },
): Promise<string> {
  const o = g.order;
  const r = await sql<{ number: string }>`
    WITH o AS (
      INSERT INTO orders (id, number, taxonomy_version, type_code, subtype_code, channel, state,
        title, description, fields, customer_id, caller_name, caller_phone, address, area_class,
        urgency, grade, callback_required, transformer_id, place_unit_id, sla_limits, accepted_at, accepted_by,
        accepted_unit_id, owner_id, assigned_unit_id, unit_path, flags, repeat_24h, repeat_7d,
        sla_status, due_at, dispatched_at, search_vec, org_id, province_id)
      VALUES (${o.id}, ${nextNumberSql(g.day)}, ${o.taxonomy_version}, ${o.type_code},
        ${o.subtype_code}, ${o.channel}, ${o.state}, ${o.title}, ${o.description},
        ${json(o.fields)}::jsonb, ${o.customer_id}, ${o.caller_name}, ${o.caller_phone},
        ${o.address}, ${o.area_class}, ${o.urgency}, ${o.grade}, ${o.callback_required},
        ${o.transformer_id}, ${o.place_unit_id}, ${json(o.sla_limits)}::jsonb, ${o.accepted_at}, ${o.accepted_by}, ${o.accepted_unit_id},
        ${o.owner_id}, ${o.assigned_unit_id}, ${o.unit_path}, ${o.flags}::text[], ${o.repeat_24h},
        ${o.repeat_7d}, ${o.sla_status}, ${o.due_at}, ${o.dispatched_at},
        ${o.search_vec}::tsvector, ${o.org_id}, ${o.province_id})
      RETURNING id, number
    ), e AS (
      INSERT INTO order_events (id, order_id, at, action, from_state, to_state, actor_id,
        actor_name, unit_id, visible_to_customer, body, data)
      SELECT x.id, x.order_id, x.at, x.action, x.from_state, x.to_state, x.actor_id, x.actor_name,
             x.unit_id, x.visible_to_customer, x.body, x.data
        FROM jsonb_to_recordset(${json(g.events)}::jsonb) AS x(id uuid, order_id uuid,
             at timestamptz, action text, from_state text, to_state text, actor_id uuid,
             actor_name text, unit_id uuid, visible_to_customer boolean, body text, data jsonb)
    ), c AS (
      INSERT INTO order_sla_clocks (order_id, step, limit_spec, rule, started_at, due_at,
        stopped_at, pauses, status, epoch)
      SELECT x.order_id, x.step, x.limit_spec, x.rule, x.started_at, x.due_at, x.stopped_at,
             x.pauses, x.status, x.epoch
        FROM jsonb_to_recordset(${json(g.clocks.map((c) => clockRecord(o.id, c)))}::jsonb)
          AS x(order_id uuid, step text, limit_spec jsonb, rule jsonb, started_at timestamptz,
               due_at timestamptz, stopped_at timestamptz, pauses jsonb, status text, epoch int)
    ), t AS (
      INSERT INTO sla_timers (order_id, step, epoch, kind, due_at)
      SELECT x.order_id, x.step, x.epoch, x.kind, x.due_at
        FROM jsonb_to_recordset(${json(g.timers.map((t) => timerRecord(o.id, t)))}::jsonb)
          AS x(order_id uuid, step text, epoch int, kind text, due_at timestamptz)
    ), ob AS (
      INSERT INTO outbox (topic, payload, org_id, province_id)
      SELECT ${g.outbox.topic}, ${json(g.outbox.payload)}::jsonb || jsonb_build_object('number', o.number),
             ${o.org_id}, ${o.province_id}
        FROM o
    ), a AS (
      INSERT INTO audit_log (id, actor_id, actor_name, action, entity_type, entity_id, after, ip,
        request_id, org_id, province_id)
      SELECT ${g.audit.id}, ${g.audit.actor_id}, ${g.audit.actor_name}, ${g.audit.action},
             ${g.audit.entity_type}, ${g.audit.entity_id},
             ${json(g.audit.after)}::jsonb || jsonb_build_object('number', o.number),
             ${g.audit.ip}, ${g.audit.request_id}, ${g.audit.org_id}, ${g.audit.province_id}
        FROM o
    )
    SELECT number FROM o`.execute(tx);
  return r.rows[0]!.number;
}

/** Writes changed clocks and replaces the timers of the re-planned steps. */
export async function saveClocks(
  tx: Kysely<DB>,
  orderId: string,
  clocks: Clock[],
  cancelSteps: string[],
  timers: PlannedTimer[],
): Promise<void> {
  if (cancelSteps.length > 0) {
    await tx
      .deleteFrom('sla_timers')
      .where('order_id', '=', orderId)
      .where('step', 'in', cancelSteps)
      .where('fired_at', 'is', null)
      .execute();
  }
  if (clocks.length > 0) {
    await sql`
      INSERT INTO order_sla_clocks (order_id, step, limit_spec, rule, started_at, due_at,
        stopped_at, pauses, status, epoch)
      SELECT x.order_id, x.step, x.limit_spec, x.rule, x.started_at, x.due_at, x.stopped_at,
             x.pauses, x.status, x.epoch
        FROM jsonb_to_recordset(${json(clocks.map((c) => clockRecord(orderId, c)))}::jsonb)
          AS x(order_id uuid, step text, limit_spec jsonb, rule jsonb, started_at timestamptz,
               due_at timestamptz, stopped_at timestamptz, pauses jsonb, status text, epoch int)
      ON CONFLICT (order_id, step) DO UPDATE SET limit_spec = excluded.limit_spec,
        rule = excluded.rule, started_at = excluded.started_at, due_at = excluded.due_at,
        stopped_at = excluded.stopped_at, pauses = excluded.pauses, status = excluded.status,
        epoch = excluded.epoch`.execute(tx);
  }
  if (timers.length > 0) {
    await sql`
      INSERT INTO sla_timers (order_id, step, epoch, kind, due_at)
      SELECT x.order_id, x.step, x.epoch, x.kind, x.due_at
        FROM jsonb_to_recordset(${json(timers.map((t) => timerRecord(orderId, t)))}::jsonb)
          AS x(order_id uuid, step text, epoch int, kind text, due_at timestamptz)
      ON CONFLICT (order_id, step, epoch, kind) DO NOTHING`.execute(tx);
  }
}

export async function insertEvents(tx: Kysely<DB>, events: EventInsert[]): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insertInto('order_events')
    .values(events.map((e) => ({ ...e, data: json(e.data) })))
    .execute();
}

export async function insertOutbox(
  tx: Kysely<DB>,
  rows: { topic: string; payload: Record<string, unknown>; orgId: string; provinceId: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('outbox')
    .values(
      rows.map((r) => ({
        topic: r.topic,
        payload: json(r.payload),
        org_id: r.orgId,
        province_id: r.provinceId,
      })),
    )
    .execute();
}
