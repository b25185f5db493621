import { sql, type Kysely } from 'kysely';
import { PREPARE } from '../../../db/prepared-pool.js';
import type { DB } from '../../../db/schema.js';
import type { Clock, PlannedTimer } from '../service/clocks.js';

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

/** A new order with everything written with it. */
export interface OrderGraph {
  order: OrderInsert & { number: string };
  events: EventInsert[];
  clocks: Clock[];
  timers: PlannedTimer[];
  outbox: { topic: string; payload: Record<string, unknown> };
  audit: AuditInsert;
  /** The stored answer to the request's Idempotency-Key, if it had one. */
  idempotency: { actorId: string; key: string; hash: string; response: unknown } | null;
  /** A fault call inside a live outage: linked to it instead of dispatched. */
  outageLink?: { outageId: string } | null;
  /** A fault call no outage covers: kept for the trouble-call analysis (故障研判). */
  troubleCall?: {
    customerId: string | null;
    transformerId: string;
    feederId: string | null;
  } | null;
}

/**
 * Writes new orders with their events, clocks, timers, outbox rows, audit rows and idempotency
 * answers in one statement: one round trip for any number of orders (accepting orders is the
 * hottest write of the center), and atomic on its own, so nothing in it is half-written.
 */
export async function insertOrderGraphs(tx: Kysely<DB>, graphs: OrderGraph[]): Promise<void> {
  if (graphs.length === 0) return;
  const orders = graphs.map((g) => g.order);
  const events = graphs.flatMap((g) => g.events);
  const clocks = graphs.flatMap((g) => g.clocks.map((c) => clockRecord(g.order.id, c)));
  const timers = graphs.flatMap((g) => g.timers.map((t) => timerRecord(g.order.id, t)));
  const outbox = graphs.map((g) => ({
    topic: g.outbox.topic,
    payload: g.outbox.payload,
    org_id: g.order.org_id,
    province_id: g.order.province_id,
  }));
  const audit = graphs.map((g) => g.audit);
  const links = graphs.flatMap((g) =>
    g.outageLink
      ? [{ order_id: g.order.id, outage_id: g.outageLink.outageId, at: g.order.accepted_at }]
      : [],
  );
  const calls = graphs.flatMap((g) =>
    g.troubleCall
      ? [
          {
            order_id: g.order.id,
            at: g.order.accepted_at,
            customer_id: g.troubleCall.customerId,
            transformer_id: g.troubleCall.transformerId,
            feeder_id: g.troubleCall.feederId,
            province_id: g.order.province_id,
            unit_path: g.order.unit_path,
          },
        ]
      : [],
  );
  const keys = graphs.flatMap((g) =>
    g.idempotency
      ? [
          {
            actor_id: g.idempotency.actorId,
            key: g.idempotency.key,
            request_hash: g.idempotency.hash,
            response: g.idempotency.response,
          },
        ]
      : [],
  );
  await sql`${sql.raw(PREPARE)}
    WITH o AS (
      INSERT INTO orders (id, number, taxonomy_version, type_code, subtype_code, channel, state,
        title, description, fields, customer_id, caller_name, caller_phone, address, area_class,
        urgency, grade, callback_required, transformer_id, place_unit_id, sla_limits,
        accepted_at, accepted_by, accepted_unit_id, owner_id, assigned_unit_id, unit_path, flags,
        repeat_24h, repeat_7d, sla_status, due_at, dispatched_at, search_vec, org_id, province_id)
      SELECT x.id, x.number, x.taxonomy_version, x.type_code, x.subtype_code, x.channel, x.state,
             x.title, x.description, x.fields, x.customer_id, x.caller_name, x.caller_phone,
             x.address, x.area_class, x.urgency, x.grade, x.callback_required, x.transformer_id,
             x.place_unit_id, x.sla_limits, x.accepted_at, x.accepted_by, x.accepted_unit_id,
             x.owner_id, x.assigned_unit_id, x.unit_path, x.flags, x.repeat_24h, x.repeat_7d,
             x.sla_status, x.due_at, x.dispatched_at, x.search_vec::tsvector, x.org_id,
             x.province_id
        FROM jsonb_to_recordset(${json(orders)}::jsonb) AS x(id uuid, number text,
             taxonomy_version int, type_code text, subtype_code text, channel text, state text,
             title text, description text, fields jsonb, customer_id uuid, caller_name text,
             caller_phone text, address text, area_class text, urgency text, grade text,
             callback_required boolean, transformer_id uuid, place_unit_id uuid,
             sla_limits jsonb, accepted_at timestamptz, accepted_by uuid, accepted_unit_id uuid,
             owner_id uuid, assigned_unit_id uuid, unit_path text, flags text[],
             repeat_24h int, repeat_7d int, sla_status text, due_at timestamptz,
             dispatched_at timestamptz, search_vec text, org_id uuid, province_id uuid)
    ), e AS (
      INSERT INTO order_events (id, order_id, at, action, from_state, to_state, actor_id,
        actor_name, unit_id, visible_to_customer, body, data)
      SELECT x.id, x.order_id, x.at, x.action, x.from_state, x.to_state, x.actor_id, x.actor_name,
             x.unit_id, x.visible_to_customer, x.body, x.data
        FROM jsonb_to_recordset(${json(events)}::jsonb) AS x(id uuid, order_id uuid,
             at timestamptz, action text, from_state text, to_state text, actor_id uuid,
             actor_name text, unit_id uuid, visible_to_customer boolean, body text, data jsonb)
    ), c AS (
      INSERT INTO order_sla_clocks (order_id, step, limit_spec, rule, started_at, due_at,
        stopped_at, pauses, status, epoch)
      SELECT x.order_id, x.step, x.limit_spec, x.rule, x.started_at, x.due_at, x.stopped_at,
             x.pauses, x.status, x.epoch
        FROM jsonb_to_recordset(${json(clocks)}::jsonb)
          AS x(order_id uuid, step text, limit_spec jsonb, rule jsonb, started_at timestamptz,
               due_at timestamptz, stopped_at timestamptz, pauses jsonb, status text, epoch int)
    ), t AS (
      INSERT INTO sla_timers (order_id, step, epoch, kind, due_at)
      SELECT x.order_id, x.step, x.epoch, x.kind, x.due_at
        FROM jsonb_to_recordset(${json(timers)}::jsonb)
          AS x(order_id uuid, step text, epoch int, kind text, due_at timestamptz)
    ), ob AS (
      INSERT INTO outbox (topic, payload, org_id, province_id)
      SELECT x.topic, x.payload, x.org_id, x.province_id
        FROM jsonb_to_recordset(${json(outbox)}::jsonb)
          AS x(topic text, payload jsonb, org_id uuid, province_id uuid)
    ), a AS (
      INSERT INTO audit_log (id, actor_id, actor_name, action, entity_type, entity_id, after, ip,
        request_id, org_id, province_id)
      SELECT x.id, x.actor_id, x.actor_name, x.action, x.entity_type, x.entity_id, x.after,
             x.ip, x.request_id, x.org_id, x.province_id
        FROM jsonb_to_recordset(${json(audit)}::jsonb)
          AS x(id uuid, actor_id uuid, actor_name text, action text, entity_type text,
               entity_id text, after jsonb, ip text, request_id text, org_id uuid,
               province_id uuid)
    ), ol AS (
      INSERT INTO outage_orders (order_id, outage_id, via, linked_at)
      SELECT x.order_id, x.outage_id, 'intake', x.at
        FROM jsonb_to_recordset(${json(links)}::jsonb)
          AS x(order_id uuid, outage_id uuid, at timestamptz)
    ), tc AS (
      INSERT INTO trouble_calls (order_id, at, customer_id, transformer_id, feeder_id,
        province_id, unit_path)
      SELECT x.order_id, x.at, x.customer_id, x.transformer_id, x.feeder_id, x.province_id,
             x.unit_path
        FROM jsonb_to_recordset(${json(calls)}::jsonb)
          AS x(order_id uuid, at timestamptz, customer_id uuid, transformer_id uuid,
               feeder_id uuid, province_id uuid, unit_path text)
    )
    INSERT INTO idempotency_keys (actor_id, key, request_hash, status, response)
    SELECT x.actor_id, x.key, x.request_hash, 201, x.response
      FROM jsonb_to_recordset(${json(keys)}::jsonb)
        AS x(actor_id uuid, key text, request_hash text, response jsonb)`.execute(tx);
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
