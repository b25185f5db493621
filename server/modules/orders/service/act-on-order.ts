/**
 * Every action on an order (派发, 接单, 退单, 回单, 审核, 回访, 归档, 改派, 挂起, 催办, 督办, 重开,
 * 服务终止, 合并, replies and notes): checked against the state machine, applied with the SLA
 * clocks, and written with history, audit and outbox in the caller's transaction.
 */
import type { Updateable } from 'kysely';
import type { SlaStep } from '../../../../common/orders/sla.js';
import type { OrderAction, OrderFlag, OrderState } from '../../../../common/orders/states.js';
import type { OrderActionInput, OrderDetail } from '../../../../common/schemas/orders.js';
import type { OrdersTable } from '../../../db/schema.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { newId } from '../../../platform/ids.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { deleteOutageLinks, insertOutageLinks, liveOutage } from '../../outages/index.js';
import { OrdersError } from '../errors.js';
import { actionFitsState, inputsOf, mayTake, outcomeOf, type Outcome } from '../machine.js';
import { unitById, type UnitRef } from '../store/context.js';
import { lockOrder, orderChildren, orderClocks, type OrderRow } from '../store/read.js';
import { applicableRules } from '../store/rules.js';
import { updateOrder } from '../store/update.js';
import { insertEvents, insertOutbox, saveClocks, type EventInsert } from '../store/write.js';
import { workingCalendarFor } from './calendar.js';
import { applyDirectives, orderSla, type Clock } from './clocks.js';
import { canSee, machineActor, machineOrder, type OrderCtx } from './context.js';
import { clockOf, getOrderDetail } from './order-view.js';
import type { StepLimit } from './sla-policy.js';

const FINISHED: OrderState[] = ['archived', 'terminated'];

async function targetUnit(ctx: OrderCtx, id: string): Promise<UnitRef> {
  const unit = await unitById(ctx.tx, id);
  if (!unit) throw new OrdersError('UNIT_NOT_FOUND', { field: 'unitId' });
  if (!unit.path.startsWith(serviceAreaPrefix(ctx.actor)))
    throw new OrdersError('OUT_OF_SCOPE', { field: 'unitId' });
  if (!unit.active) throw new OrdersError('UNIT_INACTIVE', { field: 'unitId' });
  return unit;
}

/** Where routing sends the order from its place; null when nothing decides. */
async function routedUnit(ctx: OrderCtx, o: OrderRow): Promise<UnitRef | null> {
  if (!o.place_unit_id) return null;
  const place = await unitById(ctx.tx, o.place_unit_id);
  if (!place) return null;
  const rules = await applicableRules(ctx.tx, {
    placePath: place.path,
    typeCode: o.type_code,
    subtypeCode: o.subtype_code,
    feederId: null,
  });
  if (rules.route) return unitById(ctx.tx, rules.route.target_unit_id);
  return place.active ? place : null;
}

function checkInputs(action: OrderAction, input: OrderActionInput): void {
  const missing = inputsOf(action).filter((k) => input[k] === undefined);
  if (action === 'reassign' && input.unitId === undefined) missing.push('unitId' as never);
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      missing.map((k) => ({ path: [k], message: `Required for ${action}` })),
    );
  }
}

export interface Applied {
  patch: Updateable<OrdersTable>;
  data: Record<string, unknown>;
  unitId: string | null;
}

/** The action's own changes beyond the state: units, stamps, results, counters. */
async function specifics(
  ctx: OrderCtx,
  o: OrderRow,
  action: OrderAction,
  input: OrderActionInput,
): Promise<Applied> {
  const { now, actor } = ctx;
  switch (action) {
    case 'dispatch':
    case 'reassign': {
      const unit = input.unitId ? await targetUnit(ctx, input.unitId) : await routedUnit(ctx, o);
      if (!unit) throw new OrdersError('ORDER_NO_UNIT');
      return {
        patch: {
          assigned_unit_id: unit.id,
          unit_path: unit.path,
          org_id: unit.id,
          ...(action === 'dispatch' ? { dispatched_at: now } : {}),
        },
        data: {
          unitId: unit.id,
          unitName: unit.name,
          by: input.unitId ? 'manual' : 'routing',
          fromUnitId: o.assigned_unit_id,
        },
        unitId: unit.id,
      };
    }
    case 'send_back': {
      const center = await unitById(ctx.tx, o.accepted_unit_id);
      return {
        patch: {
          assigned_unit_id: null,
          unit_path: center?.path ?? actor.unitPath,
          org_id: o.accepted_unit_id,
        },
        data: { fromUnitId: o.assigned_unit_id },
        unitId: o.assigned_unit_id,
      };
    }
    case 'contact':
      return {
        patch: o.first_contact_at ? {} : { first_contact_at: now },
        data: {},
        unitId: actor.unitId,
      };
    case 'arrive':
      return { patch: { arrived_at: now }, data: {}, unitId: actor.unitId };
    case 'repaired':
      return { patch: { repaired_at: now, result: input.result }, data: {}, unitId: actor.unitId };
    case 'return':
      return { patch: { returned_at: now, result: input.result }, data: {}, unitId: actor.unitId };
    case 'review_pass':
      return { patch: { reviewed_at: now }, data: {}, unitId: actor.unitId };
    case 'callback':
      return {
        patch: { called_back_at: now, satisfaction: input.satisfaction },
        data: { satisfaction: input.satisfaction },
        unitId: actor.unitId,
      };
    case 'archive':
    case 'terminate':
      return { patch: { closed_at: now }, data: {}, unitId: actor.unitId };
    case 'request_suspension':
      return {
        patch: {
          suspension: JSON.stringify({
            reason: input.reason,
            requestedBy: { id: actor.userId, name: actor.displayName },
            requestedAt: now.toISOString(),
          }),
        },
        data: {},
        unitId: actor.unitId,
      };
    case 'approve_suspension':
      return {
        patch: { suspended_from: o.state, suspension: null },
        data: {},
        unitId: actor.unitId,
      };
    case 'reject_suspension':
      return { patch: { suspension: null }, data: {}, unitId: actor.unitId };
    case 'resume':
      return { patch: { suspended_from: null }, data: {}, unitId: actor.unitId };
    case 'urge':
      return {
        patch: { urge_count: o.urge_count + 1 },
        data: { count: o.urge_count + 1 },
        unitId: actor.unitId,
      };
    case 'reopen':
      return {
        patch: { closed_at: null, reviewed_at: null, called_back_at: null, returned_at: null },
        data: {},
        unitId: actor.unitId,
      };
    case 'merge': {
      const masterId = input.masterId!;
      const master = await lockOrder(ctx.tx, masterId);
      const sameParty =
        master !== null &&
        ((o.customer_id !== null && master.customer_id === o.customer_id) ||
          (o.caller_phone !== null && master.caller_phone === o.caller_phone));
      if (
        !master ||
        !canSee(actor, master) ||
        master.id === o.id ||
        master.master_id !== null ||
        ['archived', 'terminated', 'merged'].includes(master.state) ||
        !sameParty
      ) {
        throw new OrdersError('ORDER_MERGE_INVALID');
      }
      return {
        patch: { master_id: master.id },
        data: { masterId: master.id, masterNumber: master.number },
        unitId: actor.unitId,
      };
    }
    case 'link_outage': {
      const outage = await liveOutage(ctx.tx, input.outageId!, now);
      if (!outage || !outage.unit_path.startsWith(serviceAreaPrefix(actor)))
        throw new OrdersError('ORDER_OUTAGE_NOT_LIVE', { field: 'outageId' });
      await insertOutageLinks(ctx.tx, outage.id, [o.id], 'manual', now);
      return {
        patch: {},
        data: {
          outageId: outage.id,
          outageNumber: outage.number,
          estimatedRestoreAt: outage.estimated_restore_at,
          via: 'manual',
        },
        unitId: actor.unitId,
      };
    }
    case 'unlink_outage':
      await deleteOutageLinks(ctx.tx, [o.id]);
      return { patch: {}, data: {}, unitId: actor.unitId };
    case 'acknowledge':
    case 'review_reject':
    case 'supervise':
    case 'reply':
    case 'note':
      return { patch: {}, data: {}, unitId: actor.unitId };
  }
}

function withFlags(flags: string[], add: OrderFlag[], remove: OrderFlag[]): string[] {
  const set = new Set(flags);
  for (const f of add) set.add(f);
  for (const f of remove) set.delete(f);
  return [...set];
}

/** Takes an action on an order; returns the order as it now stands. */
export async function actOnOrder(
  ctx: OrderCtx,
  orderId: string,
  action: OrderAction,
  input: OrderActionInput,
): Promise<OrderDetail> {
  const { tx, actor } = ctx;
  authorize(actor, 'order.view');
  const o = await lockOrder(tx, orderId);
  if (!o || !canSee(actor, o)) throw new OrdersError('ORDER_NOT_FOUND');
  if (o.version !== input.version) throw new AppError('VERSION_CONFLICT', { current: o.version });
  const children = await orderChildren(tx, o.id);
  const mo = machineOrder(o, children.length > 0);
  if (!actionFitsState(mo, action)) {
    throw new OrdersError('ORDER_ACTION_NOT_ALLOWED', { state: o.state, action });
  }
  if (!mayTake(mo, machineActor(actor, o), action)) throw new OrdersError('FORBIDDEN', { action });
  checkInputs(action, input);

  const outcome = outcomeOf(mo, action);
  const applied = await specifics(ctx, o, action, input);
  await applyOutcome(ctx, o, children, action, outcome, applied, input);
  return getOrderDetail(ctx, o.id);
}

/**
 * Writes an action's outcome on a locked order: clocks and timers, the order row, the event,
 * outbox and audit, and the merged children of a master that closes. The caller has checked the
 * action (actOnOrder) or decides it for the system (an outage restored or ended).
 */
export async function applyOutcome(
  ctx: OrderCtx,
  o: OrderRow,
  children: { id: string; state: string }[],
  action: OrderAction | 'outage_restored',
  outcome: Outcome,
  applied: Applied,
  input: Pick<OrderActionInput, 'reason' | 'body' | 'result'>,
): Promise<void> {
  const { tx, actor, now } = ctx;
  const cal = await workingCalendarFor(tx);
  const existing = (await orderClocks(tx, o.id)).map(clockOf);
  const limits = o.sla_limits as Partial<Record<SlaStep, StepLimit>>;
  const changes = applyDirectives(cal, existing, outcome.clocks, limits, now);
  await saveClocks(tx, o.id, changes.clocks, changes.cancelTimers, changes.timers);
  const merged = new Map<SlaStep, Clock>(existing.map((c) => [c.step, c]));
  for (const c of changes.clocks) merged.set(c.step, c);
  const sla = orderSla(cal, [...merged.values()], now);

  const flags = withFlags(o.flags, outcome.addFlags, outcome.removeFlags);
  if (outcome.removeFlags.includes('suspension_requested')) applied.patch.suspension = null;
  await updateOrder(tx, o.id, o.version, {
    ...applied.patch,
    state: outcome.to,
    flags,
    sla_status: sla.status,
    due_at: sla.dueAt,
    sla_missed: sla.missed,
    updated_at: now,
  });
  const reason = input.reason ?? null;
  const body = input.body ?? input.result ?? reason;
  const events: EventInsert[] = [
    {
      id: newId(),
      order_id: o.id,
      at: now,
      action,
      from_state: o.state,
      to_state: outcome.to,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      unit_id: applied.unitId,
      visible_to_customer: action === 'reply',
      body,
      data: { ...applied.data, ...(reason && body !== reason ? { reason } : {}) },
    },
  ];
  const outbox: {
    topic: string;
    payload: Record<string, unknown>;
    orgId: string;
    provinceId: string;
  }[] = [
    {
      topic: 'order.changed',
      payload: {
        orderId: o.id,
        number: o.number,
        state: outcome.to,
        action,
        slaStatus: sla.status,
        dueAt: sla.dueAt?.toISOString() ?? null,
        version: o.version + 1,
        at: now.toISOString(),
        unitPath: applied.patch.unit_path ?? o.unit_path,
      },
      orgId: applied.patch.org_id ?? o.org_id,
      provinceId: o.province_id,
    },
  ];

  // Closing a master closes the children merged under it (主单/子单).
  if (FINISHED.includes(outcome.to)) {
    for (const child of children.filter((c) => c.state === 'merged')) {
      const c = await lockOrder(tx, child.id);
      if (!c) continue;
      await updateOrder(tx, c.id, c.version, {
        state: outcome.to,
        closed_at: now,
        updated_at: now,
      });
      events.push({
        id: newId(),
        order_id: c.id,
        at: now,
        action: 'close_with_master',
        from_state: 'merged',
        to_state: outcome.to,
        actor_id: actor.userId,
        actor_name: actor.displayName,
        unit_id: actor.unitId,
        visible_to_customer: false,
        body: null,
        data: { masterId: o.id, masterNumber: o.number },
      });
      outbox.push({
        topic: 'order.changed',
        payload: {
          ...outbox[0]!.payload,
          orderId: c.id,
          number: c.number,
          state: outcome.to,
          action: 'close_with_master',
          version: c.version + 1,
          unitPath: c.unit_path,
        },
        orgId: c.org_id,
        provinceId: c.province_id,
      });
    }
  }
  await insertEvents(tx, events);
  await insertOutbox(tx, outbox);
  await recordAudit(
    tx,
    { actor: { userId: actor.userId, username: actor.username }, meta: ctx.meta },
    {
      action: `order.${action}`,
      entityType: 'order',
      entityId: o.id,
      before: { state: o.state, version: o.version, assignedUnitId: o.assigned_unit_id },
      after: {
        state: outcome.to,
        version: o.version + 1,
        ...applied.data,
        ...(reason ? { reason } : {}),
      },
      orgId: o.org_id,
      provinceId: o.province_id,
    },
  );
}
