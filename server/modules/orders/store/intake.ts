import { sql, type Kysely } from 'kysely';
import { PREPARE } from '../../../db/prepared-pool.js';
import type { DB } from '../../../db/schema.js';
import { customerOrderContextSql, type CustomerOrderContext } from '../../customers/index.js';
import { coveringOutageSql, type CoveringOutage } from '../../outages/index.js';
import { routeRuleSql, slaRuleSql, type ApplicableRules, type RuleKeys } from './rules.js';
import type { RepeatCounts, UnitRef } from './context.js';

/** What one order being accepted asks of the database before it is written. */
export interface IntakeRequest {
  /** An Idempotency-Key already used by this actor is answered from its stored response. */
  idempotency: { actorId: string; key: string } | null;
  /** The customer, looked up within the service area `scopePrefix`. */
  customerId: string | null;
  scopePrefix: string;
  locationUnitId: string | null;
  dispatchTo: string | null;
  typeCode: string;
  subtypeCode: string | null;
  phone: string | null;
  at: Date;
  /** Same-matter complaints are counted for this subtype ('' for none); null when not a complaint. */
  complaintSubtype: string | null;
  /** The day (YYYYMMDD) whose sequence numbers the order; its sequence must exist. */
  day: string;
}

export interface IntakeAnswer {
  customer: CustomerOrderContext | null;
  seen: { request_hash: string; status: number; response: unknown } | null;
  location: UnitRef | null;
  dispatch: UnitRef | null;
  rules: ApplicableRules;
  repeats: RepeatCounts;
  /** A fault call's live outage: the power is off there and the outage answers the call. */
  outage: CoveringOutage | null;
  /**
   * The order number drawn from the day's sequence (unused if the order then fails: a gap);
   * null for a replay.
   */
  number: string | null;
}

/** 工单编号: the day and its sequence value, at least five digits (2026112300001). */
export const formatOrderNumber = (day: string, n: number): string =>
  day + (n < 100_000 ? String(n).padStart(5, '0') : String(n));

const unitJson = (alias: string) =>
  sql.raw(`json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'path', ${alias}.path,
    'active', ${alias}.active, 'province_id', ${alias}.province_id)`);

/**
 * Everything the orders being accepted together need from the database, in one round trip:
 * the customer's context, a stored idempotent answer, the named location and dispatch units, the routing and time-limit
 * rules of the place (the deepest unit's, then subtype over type over any), the repeat counts of
 * the customer or phone (24 h, 7 days, same-matter complaints within 90 days) and the number.
 * Answers come back in request order.
 */
export async function readIntake(
  tx: Kysely<DB>,
  requests: IntakeRequest[],
): Promise<IntakeAnswer[]> {
  if (requests.length === 0) return [];
  const input = JSON.stringify(
    requests.map((r, i) => ({
      i,
      actor_id: r.idempotency?.actorId ?? null,
      key: r.idempotency?.key ?? null,
      customer_id: r.customerId,
      prefix: r.scopePrefix,
      location_unit_id: r.locationUnitId,
      dispatch_to: r.dispatchTo,
      type_code: r.typeCode,
      subtype_code: r.subtypeCode,
      phone: r.phone,
      at: r.at.toISOString(),
      complaint_subtype: r.complaintSubtype,
      seq: `order_no_${r.day}`,
    })),
  );
  const keys: RuleKeys = {
    placePath: sql`p.path`,
    typeCode: sql`x.type_code`,
    subtypeCode: sql`x.subtype_code`,
    feederId: sql`(cu.customer->>'feeder_id')::uuid`,
  };
  const rows = await sql<{
    i: number;
    customer: CustomerOrderContext | null;
    seen: IntakeAnswer['seen'];
    location: UnitRef | null;
    dispatch: UnitRef | null;
    route: ApplicableRules['route'];
    sla: ApplicableRules['sla'];
    d: number | null;
    w: number | null;
    c: number | null;
    n: string | null;
    outage: CoveringOutage | null;
  }>`${sql.raw(PREPARE)}
    SELECT x.i, cu.customer,
      (SELECT json_build_object('request_hash', k.request_hash, 'status', k.status,
                                'response', k.response)
         FROM idempotency_keys k
        WHERE k.actor_id = x.actor_id AND k.key = x.key) AS seen,
      (SELECT ${unitJson('u')} FROM org_units u WHERE u.id = x.location_unit_id) AS location,
      (SELECT ${unitJson('u')} FROM org_units u WHERE u.id = x.dispatch_to) AS dispatch,
      ${routeRuleSql(keys)} AS route,
      ${slaRuleSql(keys)} AS sla,
      rep.d, rep.w, rep.c,
      CASE WHEN x.type_code = 'fault' AND cu.customer->>'transformer_id' IS NOT NULL
           THEN ${coveringOutageSql(
             sql`(cu.customer->>'transformer_id')::uuid`,
             sql`(cu.customer->>'feeder_id')::uuid`,
             sql`x.at`,
           )} END AS outage,
      -- A replay draws no number.
      CASE WHEN x.key IS NULL OR NOT EXISTS (SELECT 1 FROM idempotency_keys k
                                            WHERE k.actor_id = x.actor_id AND k.key = x.key)
           THEN nextval(x.seq::regclass)::text END AS n
    FROM jsonb_to_recordset(${input}::jsonb) AS x(i int, actor_id uuid, key text,
           customer_id uuid, prefix text, location_unit_id uuid, dispatch_to uuid,
           type_code text, subtype_code text, phone text, at timestamptz,
           complaint_subtype text, seq text)
    CROSS JOIN LATERAL (SELECT ${customerOrderContextSql(sql`x.customer_id`, sql`x.prefix`)}
           AS customer) cu
    -- Where the matter is: the customer's transformer's unit, else the customer's unit, else
    -- the unit the agent named.
    CROSS JOIN LATERAL (SELECT coalesce(cu.customer->>'transformer_unit_path',
           cu.customer->>'unit_path',
           (SELECT u.path FROM org_units u WHERE u.id = x.location_unit_id)) AS path) p
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE o.accepted_at > x.at - interval '1 day')::int AS d,
             count(*) FILTER (WHERE o.accepted_at > x.at - interval '7 days')::int AS w,
             count(*) FILTER (WHERE o.type_code = 'complaint'
                                AND o.subtype_code IS NOT DISTINCT FROM x.complaint_subtype
                                AND x.complaint_subtype IS NOT NULL)::int AS c
        FROM orders o
       WHERE (o.customer_id = x.customer_id OR o.caller_phone = x.phone)
         AND o.accepted_at > x.at - interval '90 days' AND o.accepted_at <= x.at) rep
      ON x.customer_id IS NOT NULL OR x.phone IS NOT NULL
    ORDER BY x.i`.execute(tx);
  return rows.rows.map((r, i) => ({
    customer: r.customer,
    seen: r.seen,
    location: r.location,
    dispatch: r.dispatch,
    rules: { route: r.route, sla: r.sla },
    repeats: { within24h: r.d ?? 0, within7d: r.w ?? 0, sameComplaint: r.c ?? 0 },
    outage: r.outage,
    number: r.n === null ? null : formatOrderNumber(requests[i]!.day, Number(r.n)),
  }));
}
