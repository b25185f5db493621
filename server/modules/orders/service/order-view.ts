/** Reading orders: the detail with its timeline and clocks, and the filtered list. */
import type { SlaStatus, SlaStep } from '../../../../common/orders/sla.js';
import type { OrderDetail, OrderList, OrderListQuery } from '../../../../common/schemas/orders.js';
import { normalizePhone } from '../../../../common/customers/phone.js';
import { serviceAreaPrefix, type Actor } from '../../../platform/actor.js';
import { authorize } from '../../auth/index.js';
import { textQuery } from '../../customers/index.js';
import { outageOfOrder } from '../../outages/index.js';
import { OrdersError } from '../errors.js';
import { allowedActions } from '../machine.js';
import { presentDetail, presentSummary, typeNameOf } from '../presenters.js';
import { unitById } from '../store/context.js';
import { listOrderRows, type OrderListFilter } from '../store/list.js';
import {
  getOrder,
  orderAttachments,
  orderChildren,
  orderClocks,
  orderEvents,
  orderNames,
  type ClockRow,
  type OrderRow,
} from '../store/read.js';
import type { Clock } from './clocks.js';
import { canSee, machineActor, machineOrder, seesPii, type OrderCtx } from './context.js';
import { taxonomyVersion } from './taxonomy.js';

export function clockOf(r: ClockRow): Clock {
  return {
    step: r.step as SlaStep,
    limit: r.limit_spec,
    rule: r.rule,
    startedAt: r.started_at,
    dueAt: r.due_at,
    stoppedAt: r.stopped_at,
    pauses: r.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null })),
    status: r.status as SlaStatus,
    epoch: r.epoch,
  };
}

/** The order if it exists and the actor may see it; ORDER_NOT_FOUND otherwise (no leak). */
export async function visibleOrder(
  ctx: Pick<OrderCtx, 'tx' | 'actor'>,
  id: string,
): Promise<OrderRow> {
  authorize(ctx.actor, 'order.view');
  const o = await getOrder(ctx.tx, id);
  if (!o || !canSee(ctx.actor, o)) throw new OrdersError('ORDER_NOT_FOUND');
  return o;
}

export async function getOrderDetail(
  ctx: Pick<OrderCtx, 'tx' | 'actor'>,
  id: string,
): Promise<OrderDetail> {
  const o = await visibleOrder(ctx, id);
  const [names, events, clocks, children, attachments, tax, outage] = await Promise.all([
    orderNames(ctx.tx, o),
    orderEvents(ctx.tx, o.id),
    orderClocks(ctx.tx, o.id),
    orderChildren(ctx.tx, o.id),
    orderAttachments(ctx.tx, o.id),
    taxonomyVersion(ctx.tx, o.taxonomy_version),
    o.type_code === 'fault' ? outageOfOrder(ctx.tx, o.id) : null,
  ]);
  return presentDetail({
    order: o,
    names,
    typeName: typeNameOf(tax?.tree ?? null, o.type_code, o.subtype_code),
    pii: seesPii(ctx.actor),
    events,
    clocks: clocks.map(clockOf),
    children,
    outage: outage
      ? {
          id: outage.id,
          number: outage.number,
          title: outage.title,
          state: outage.state,
          estimatedRestoreAt: outage.estimated_restore_at
            ? new Date(outage.estimated_restore_at).toISOString()
            : null,
          via: outage.via,
        }
      : null,
    attachments,
    allowedActions: allowedActions(
      machineOrder(o, children.length > 0),
      machineActor(ctx.actor, o),
    ),
  });
}

/** The scope filter: a province by its own index, else a subtree of the tree, else everything. */
function scopeFilter(actor: Actor): OrderListFilter['scope'] {
  const prefix = serviceAreaPrefix(actor);
  if (actor.provinceId && prefix.endsWith(`/${actor.provinceId}/`))
    return { provinceId: actor.provinceId };
  if (prefix.split('/').filter(Boolean).length <= 1) return null;
  return { pathPrefix: prefix };
}

export async function listOrders(
  ctx: Pick<OrderCtx, 'tx' | 'actor'>,
  q: OrderListQuery,
): Promise<OrderList> {
  authorize(ctx.actor, 'order.view');
  const filter: OrderListFilter = {
    scope: scopeFilter(ctx.actor),
    types: q.type,
    states: q.state,
    slaStatuses: q.slaStatus,
    flag: q.flag,
    customerId: q.customerId,
    ownerId: q.ownerId,
    open: q.open === undefined ? undefined : q.open === 'true',
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    sort: q.sort,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  };
  if (q.unitId) {
    const unit = await unitById(ctx.tx, q.unitId);
    // A unit outside the scope simply matches nothing.
    filter.unitPathPrefix = unit ? unit.path : '/none/';
  }
  if (q.q) {
    const digits = q.q.replace(/[\s-]/g, '');
    if (/^\d{13,16}$/.test(digits)) filter.number = digits;
    else if (/^\+?\d{7,14}$/.test(digits)) filter.phone = normalizePhone(digits) ?? digits;
    else {
      const ts = textQuery(q.q);
      // Nothing searchable left (only punctuation or symbols): nothing matches.
      if (ts === null) return { items: [], total: 0, totalCapped: false };
      filter.tsquery = ts;
    }
  }
  const { rows, total, capped } = await listOrderRows(ctx.tx, filter);
  const pii = seesPii(ctx.actor);
  const items = await Promise.all(
    rows.map(async (r) => {
      const tax = await taxonomyVersion(ctx.tx, r.taxonomy_version);
      return presentSummary(r, r, typeNameOf(tax?.tree ?? null, r.type_code, r.subtype_code), pii);
    }),
  );
  return { items, total, totalCapped: capped };
}
