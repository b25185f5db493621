/**
 * 受理: accepting an order. Validates the type and its required fields, finds the customer and
 * the place, flags repeats and sensitive callers, routes it to the responsible unit, starts the
 * SLA clocks with their durable timers, and writes order, history, audit and outbox in one
 * statement.
 */
import { normalizePhone } from '../../../../common/customers/phone.js';
import { ESCALATED_GRADES } from '../../../../common/orders/fields.js';
import type { SlaStep } from '../../../../common/orders/sla.js';
import { resolveType } from '../../../../common/orders/taxonomy.js';
import type { OrderFlag, OrderState } from '../../../../common/orders/states.js';
import type { CreateOrderInput, OrderDetail } from '../../../../common/schemas/orders.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { serviceAreaPrefix, type Actor, type RequestMeta } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { newId } from '../../../platform/ids.js';
import { authorize } from '../../auth/index.js';
import {
  addressTokens,
  nameTokens,
  searchVectorText,
  type CustomerOrderContext,
} from '../../customers/index.js';
import { OrdersError } from '../errors.js';
import { allowedActions } from '../machine.js';
import { presentDetail, typeNameOf } from '../presenters.js';
import type { UnitRef } from '../store/context.js';
import { readIntake, type IntakeAnswer } from '../store/intake.js';
import type { OrderRow } from '../store/read.js';
import {
  insertOrderGraphs,
  type EventInsert,
  type OrderGraph,
  type OrderInsert,
} from '../store/write.js';
import { workingCalendarFor } from './calendar.js';
import type { WorkingCalendar } from '../../calendar/index.js';
import { applyDirectives, orderSla } from './clocks.js';
import { machineActor, machineOrder, seesPii, type OrderCtx } from './context.js';
import { stepLimits, type UnitSlaRule } from './sla-policy.js';
import { currentTaxonomy } from './taxonomy.js';
import type { TaxonomyRow } from '../store/taxonomy.js';
import type { SlaClause } from '../../../../common/orders/sla.js';

/** The China date of an instant as YYYYMMDD: the prefix of the order number. */
export function numberDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

function checkedUnit(actor: Actor, unit: UnitRef | null, field: string): UnitRef {
  if (!unit) throw new OrdersError('UNIT_NOT_FOUND', { field });
  if (!unit.path.startsWith(serviceAreaPrefix(actor)))
    throw new OrdersError('OUT_OF_SCOPE', { field });
  if (!unit.active) throw new OrdersError('UNIT_INACTIVE', { field });
  return unit;
}

/** The words an order is found by: the caller's name (A), title, description and address (B). */
function searchText(o: {
  number?: string;
  callerName: string | null;
  title: string;
  description: string;
  address: string | null;
  phone: string | null;
}): string {
  const text = [o.title, o.description.slice(0, 500), o.address ?? ''].join(' ');
  const extra = o.phone ? [o.phone] : [];
  return searchVectorText(o.callerName ? nameTokens(o.callerName) : [], [
    ...addressTokens(text),
    ...extra,
  ]);
}

/** One order to accept: who asks, from where, when, what, and the request's Idempotency-Key. */
export interface OrderRequest {
  actor: Actor;
  meta: RequestMeta;
  now: Date;
  input: CreateOrderInput;
  idempotency: { key: string; hash: string } | null;
}

export type OrderOutcome =
  { ok: true; replayed: boolean; body: OrderDetail } | { ok: false; error: unknown };

/** Accepts one order in the caller's transaction; the day's number sequence must exist. */
export async function createOrder(ctx: OrderCtx, input: CreateOrderInput): Promise<OrderDetail> {
  const [outcome] = await acceptOrders(ctx.tx, [
    { actor: ctx.actor, meta: ctx.meta, now: ctx.now, input, idempotency: null },
  ]);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.body;
}

/**
 * Accepts orders together: everything they need from the database in one read, and all of them
 * written in one statement (no transaction is needed: the
 * statement is atomic). An order that fails its checks gets its own error and does not stop the
 * others. A request whose Idempotency-Key was answered before gets that answer again. The number
 * sequences of the requests' days must exist (ensureNumberSequence).
 */
export async function acceptOrders(
  tx: Kysely<DB>,
  requests: OrderRequest[],
): Promise<OrderOutcome[]> {
  const outcomes: (OrderOutcome | null)[] = requests.map(() => null);
  const fail = (i: number, error: unknown) => (outcomes[i] = { ok: false, error });
  const answers = await readIntake(
    tx,
    requests.map((r) => ({
      idempotency: r.idempotency ? { actorId: r.actor.userId, key: r.idempotency.key } : null,
      customerId: r.input.customerId ?? null,
      scopePrefix: serviceAreaPrefix(r.actor),
      locationUnitId: r.input.customerId ? null : (r.input.locationUnitId ?? null),
      dispatchTo: r.input.dispatchTo ?? null,
      typeCode: r.input.typeCode,
      subtypeCode: r.input.subtypeCode,
      phone: r.input.callerPhone !== undefined ? normalizePhone(r.input.callerPhone) : null,
      at: r.now,
      complaintSubtype: r.input.typeCode === 'complaint' ? (r.input.subtypeCode ?? '') : null,
      day: numberDay(r.now),
    })),
  );
  const cal = await workingCalendarFor(tx);
  const graphs: { i: number; graph: OrderGraph }[] = [];
  for (const [i, r] of requests.entries()) {
    const a = answers[i]!;
    try {
      if (a.seen && r.idempotency) {
        if (a.seen.request_hash !== r.idempotency.hash)
          throw new AppError('IDEMPOTENCY_KEY_REUSED');
        outcomes[i] = { ok: true, replayed: true, body: a.seen.response as OrderDetail };
        continue;
      }
      const taxonomy = await currentTaxonomy(tx, r.now.getTime());
      const planned = planOrder(r, { taxonomy, cal, customer: a.customer, intake: a });
      graphs.push({ i, graph: planned.graph });
      outcomes[i] = { ok: true, replayed: false, body: planned.body };
    } catch (e) {
      fail(i, e);
    }
  }
  await insertOrderGraphs(
    tx,
    graphs.map((g) => g.graph),
  );
  return outcomes.map((o) => o!);
}

/** Everything an order is decided from, read beforehand. */
interface OrderFacts {
  taxonomy: TaxonomyRow;
  cal: WorkingCalendar;
  customer: CustomerOrderContext | null;
  intake: IntakeAnswer;
}

/**
 * Decides an order without touching the database: its type and fields, customer, place, unit,
 * flags and clocks, and the rows to write with it.
 */
function planOrder(r: OrderRequest, facts: OrderFacts): { graph: OrderGraph; body: OrderDetail } {
  const { actor, now, input } = r;
  const { taxonomy, cal, intake } = facts;
  authorize(actor, 'order.create');
  const type = resolveType(taxonomy.tree, input.typeCode, input.subtypeCode);
  if (!type)
    throw new OrdersError('ORDER_TYPE_UNKNOWN', {
      typeCode: input.typeCode,
      subtypeCode: input.subtypeCode,
    });

  const customer = facts.customer;
  if (input.customerId && !customer)
    throw new OrdersError('CUSTOMER_NOT_FOUND', { field: 'customerId' });
  const fields = { ...input.fields };
  // The place decides the repair clocks: the customer's transformer knows its area class.
  if (fields.areaClass === undefined && customer?.area_class) {
    fields.areaClass = customer.area_class as NonNullable<typeof fields.areaClass>;
  }
  const missing = type.requiredFields.filter((f) => fields[f] === undefined);
  if (fields.overLevel === true && fields.overLevelReason === undefined)
    missing.push('overLevelReason');
  if (missing.length > 0) {
    throw new OrdersError(
      'ORDER_FIELDS_MISSING',
      missing.map((f) => ({ path: ['fields', f], message: 'Required for this order type' })),
    );
  }

  let phone: string | null = null;
  if (input.callerPhone !== undefined) {
    phone = normalizePhone(input.callerPhone);
    if (phone === null) {
      throw new AppError('VALIDATION_FAILED', [
        { path: ['callerPhone'], message: 'Not a phone number' },
      ]);
    }
  }

  // Where the matter is: the customer's transformer's unit, else the customer's unit, else the
  // unit the agent named; without any of them the order stays at the accepting center.
  let place: {
    id: string;
    path: string;
    provinceId: string | null;
    name: string;
    active: boolean;
  } | null = null;
  if (customer) {
    place =
      customer.transformer_unit_id && customer.transformer_unit_path
        ? {
            id: customer.transformer_unit_id,
            path: customer.transformer_unit_path,
            provinceId: customer.province_id,
            name: customer.transformer_unit_name ?? '',
            active: customer.transformer_unit_active ?? false,
          }
        : {
            id: customer.org_id,
            path: customer.unit_path,
            provinceId: customer.province_id,
            name: customer.org_name,
            active: customer.org_active,
          };
  } else if (input.locationUnitId) {
    const u = checkedUnit(actor, intake.location, 'locationUnitId');
    place = { id: u.id, path: u.path, provinceId: u.province_id, name: u.name, active: u.active };
  }
  const provinceId = place?.provinceId ?? actor.provinceId;
  if (!provinceId) {
    throw new AppError('VALIDATION_FAILED', [
      {
        path: ['locationUnitId'],
        message: 'Name the unit where the matter is (inside a province)',
      },
    ]);
  }

  const rules = place ? intake.rules : { route: null, sla: null };

  // 停电查询 on intake: a fault call from inside an outage with the power off is answered from
  // the outage (the caller is told its estimate) and waits for its restoration, linked to it,
  // instead of sending a crew of its own.
  const outage = input.typeCode === 'fault' ? intake.outage : null;

  let target: { id: string; path: string; name: string } | null = null;
  if (outage) {
    // Not dispatched: the outage's crew does the work.
  } else if (input.dispatchTo) {
    const u = checkedUnit(actor, intake.dispatch, 'dispatchTo');
    target = { id: u.id, path: u.path, name: u.name };
  } else if (input.autoDispatch) {
    if (rules.route) {
      target = {
        id: rules.route.target_unit_id,
        path: rules.route.target_path,
        name: rules.route.target_name,
      };
    } else if (place?.active) {
      target = { id: place.id, path: place.path, name: place.name };
    }
    if (!target) throw new OrdersError('ORDER_NO_UNIT');
  }

  const repeats = intake.repeats;
  const flags = new Set<OrderFlag>();
  if (customer?.important || customer?.vip) flags.add('important_customer');
  if (customer?.sensitive) flags.add('sensitive_customer');
  if (repeats.within24h > 0) flags.add('repeat_24h');
  if (repeats.within7d > 0) flags.add('repeat_7d');
  if (fields.overLevel) flags.add('over_level');
  // rules.md §2: the third complaint on the same matter goes to leadership under supervision;
  // a 重大 or 特殊 complaint, a sensitive or important customer's complaint is escalated.
  if (repeats.sameComplaint >= 2) {
    flags.add('repeat_complaint');
    flags.add('supervised');
    flags.add('escalated');
  }
  if (fields.grade && ESCALATED_GRADES.includes(fields.grade)) flags.add('escalated');
  if (input.typeCode === 'complaint' && (customer?.sensitive || customer?.important))
    flags.add('escalated');

  const unitRule: UnitSlaRule | null = rules.sla
    ? {
        id: rules.sla.id,
        clauses: rules.sla.clauses as SlaClause[],
        deriveSteps: rules.sla.derive_steps,
      }
    : null;
  const limits = stepLimits(
    type,
    taxonomy.version,
    unitRule,
    {
      areaClass: fields.areaClass ?? null,
      urgency: fields.urgency ?? null,
      grade: fields.grade ?? null,
    },
    taxonomy.tree.thresholds,
  );
  const dispatched = target !== null;
  const startSteps: SlaStep[] = outage
    ? ['total', 'first_contact', 'escalation']
    : ['total', 'dispatch', 'first_contact', 'escalation'];
  if (input.typeCode === 'fault' && !outage) startSteps.push('arrive');
  let changes = applyDirectives(cal, [], { stop: [], start: startSteps }, limits, now);
  if (dispatched) {
    const after = applyDirectives(
      cal,
      changes.clocks,
      { stop: ['dispatch'], start: ['acknowledge'] },
      limits,
      now,
    );
    const merged = new Map(changes.clocks.map((c) => [c.step, c]));
    for (const c of after.clocks) merged.set(c.step, c);
    changes = {
      clocks: [...merged.values()],
      cancelTimers: [],
      timers: [...changes.timers.filter((t) => t.step !== 'dispatch'), ...after.timers],
    };
  }
  const sla = orderSla(cal, changes.clocks, now);
  const state: OrderState = outage ? 'linked' : dispatched ? 'dispatched' : 'accepted';

  const id = newId();
  const number = intake.number!;
  const unitPath = target?.path ?? actor.unitPath;
  const order: OrderInsert & { number: string } = {
    id,
    number,
    taxonomy_version: taxonomy.version,
    type_code: input.typeCode,
    subtype_code: input.subtypeCode,
    channel: input.channel,
    state,
    title: input.title,
    description: input.description,
    fields,
    customer_id: customer?.id ?? null,
    caller_name: input.callerName ?? null,
    caller_phone: phone,
    address: input.address ?? null,
    area_class: fields.areaClass ?? null,
    urgency: fields.urgency ?? null,
    grade: fields.grade ?? null,
    callback_required: type.callbackRequired && !(fields.confidentiality === 'anonymous'),
    transformer_id: customer?.transformer_id ?? null,
    place_unit_id: place?.id ?? null,
    sla_limits: limits,
    accepted_at: now,
    accepted_by: actor.userId,
    accepted_unit_id: actor.unitId,
    owner_id: actor.userId,
    assigned_unit_id: target?.id ?? null,
    unit_path: unitPath,
    flags: [...flags],
    repeat_24h: repeats.within24h,
    repeat_7d: repeats.within7d,
    sla_status: sla.status,
    due_at: sla.dueAt,
    dispatched_at: dispatched ? now : null,
    search_vec: searchText({
      callerName: input.callerName ?? customer?.name ?? null,
      title: input.title,
      description: input.description,
      address: input.address ?? null,
      phone,
    }),
    org_id: target?.id ?? actor.unitId,
    province_id: provinceId,
  };
  const event = (
    action: string,
    from: OrderState | null,
    to: OrderState,
    data: Record<string, unknown>,
  ): EventInsert => ({
    id: newId(),
    order_id: id,
    at: now,
    action,
    from_state: from,
    to_state: to,
    actor_id: actor.userId,
    actor_name: actor.displayName,
    unit_id: action === 'dispatch' ? (target?.id ?? null) : actor.unitId,
    visible_to_customer: false,
    body: null,
    data,
  });
  const events: EventInsert[] = [
    event('accept', null, 'accepted', {
      repeats,
      flags: [...flags],
      ...(unitRule ? { slaRule: unitRule.id } : {}),
    }),
  ];
  if (outage) {
    events.push(
      event('link_outage', 'accepted', 'linked', {
        outageId: outage.id,
        outageNumber: outage.number,
        estimatedRestoreAt: outage.estimated_restore_at,
        via: 'intake',
      }),
    );
  }
  if (target) {
    events.push(
      event('dispatch', 'accepted', 'dispatched', {
        unitId: target.id,
        unitName: target.name,
        by: input.dispatchTo
          ? 'manual'
          : rules.route
            ? `routing-rule:${rules.route.id}`
            : 'customer-unit',
      }),
    );
  }
  const graph: OrderGraph = {
    order,
    events,
    clocks: changes.clocks,
    timers: changes.timers,
    outbox: {
      topic: 'order.changed',
      payload: {
        orderId: id,
        state,
        action: 'accept',
        slaStatus: sla.status,
        dueAt: sla.dueAt?.toISOString() ?? null,
        version: 1,
        at: now.toISOString(),
        unitPath,
        number,
      },
    },
    audit: {
      id: newId(),
      actor_id: actor.userId,
      actor_name: actor.username,
      action: 'order.create',
      entity_type: 'order',
      entity_id: id,
      after: {
        typeCode: input.typeCode,
        subtypeCode: input.subtypeCode,
        state,
        assignedUnitId: target?.id ?? null,
        flags: [...flags],
        number,
      },
      ip: r.meta.ip,
      request_id: r.meta.requestId,
      org_id: order.org_id,
      province_id: provinceId,
    },
    idempotency: null,
    outageLink: outage ? { outageId: outage.id } : null,
    // A caller whose neighbours have power has a fault of their own household: it is not
    // evidence that the transformer failed, and stays out of the trouble-call analysis.
    troubleCall:
      input.typeCode === 'fault' &&
      !outage &&
      customer?.transformer_id &&
      fields.neighbours !== 'have_power'
        ? {
            customerId: customer.id,
            transformerId: customer.transformer_id,
            feederId: customer.feeder_id,
          }
        : null,
  };

  const row: OrderRow = {
    ...order,
    suspended_from: null,
    master_id: null,
    urge_count: 0,
    sla_missed: sla.missed,
    suspension: null,
    result: null,
    satisfaction: null,
    first_contact_at: null,
    arrived_at: null,
    repaired_at: null,
    returned_at: null,
    reviewed_at: null,
    called_back_at: null,
    closed_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const detail = presentDetail({
    order: row,
    names: {
      accepted_unit_name: actor.unitName,
      assigned_unit_name: target?.name ?? null,
      owner_name: actor.displayName,
      customer_account_no: customer?.account_no ?? null,
      customer_name: customer?.name ?? null,
      master_number: null,
    },
    typeName: typeNameOf(taxonomy.tree, input.typeCode, input.subtypeCode),
    pii: seesPii(actor),
    events: events.map((e) => ({
      ...e,
      unit_name: e.unit_id === actor.unitId ? actor.unitName : (target?.name ?? null),
    })),
    clocks: changes.clocks,
    children: [],
    outage: outage
      ? {
          id: outage.id,
          number: outage.number,
          title: outage.title,
          state: outage.state,
          estimatedRestoreAt: outage.estimated_restore_at
            ? new Date(outage.estimated_restore_at).toISOString()
            : null,
          via: 'intake',
        }
      : null,
    attachments: [],
    allowedActions: allowedActions(machineOrder(row, false), machineActor(actor, row)),
  });
  if (r.idempotency) {
    graph.idempotency = {
      actorId: actor.userId,
      key: r.idempotency.key,
      hash: r.idempotency.hash,
      response: detail,
    };
  }
  return { graph, body: detail };
}
