/**
 * Fault orders answered by an outage (停电事件): linked to it when the dispatcher confirms an outage
 * the trouble-call analysis proposed (or when a caller is inside a live outage, at intake), all
 * returned together when the power is back, released to be dispatched on their own when the
 * outage is cancelled. The outages module decides when; this applies it to the orders with the
 * same clocks, history, audit and outbox as any action.
 */
import type { OrderState } from '../../../../common/orders/states.js';
import { deleteOutageLinks, insertOutageLinks, waitingLinkedOrders } from '../../outages/index.js';
import { outcomeOf, outageRestoredOutcome } from '../machine.js';
import { lockOrder } from '../store/read.js';
import { applyOutcome } from './act-on-order.js';
import { machineOrder, type OrderCtx } from './context.js';

/** The outage as the orders' history records it. */
export interface LinkedOutage {
  id: string;
  number: string;
  title: string;
  estimatedRestoreAt: Date | null;
}

const LINKABLE: OrderState[] = ['accepted', 'dispatched', 'handling'];

/**
 * Links fault orders to an outage: those not yet on site (accepted, dispatched, acknowledged)
 * wait for it in state 'linked' with their own dispatch and repair clocks stopped. Orders that
 * are not faults, already further along, closed, or linked to another outage are skipped.
 */
export async function linkOrdersToOutage(
  ctx: OrderCtx,
  outage: LinkedOutage,
  orderIds: string[],
  via: 'analysis' | 'manual',
): Promise<{ linked: string[]; skipped: string[] }> {
  const linked: string[] = [];
  const skipped: string[] = [];
  for (const id of orderIds) {
    const o = await lockOrder(ctx.tx, id);
    if (!o || o.type_code !== 'fault' || !LINKABLE.includes(o.state as OrderState)) {
      skipped.push(id);
      continue;
    }
    const outcome = outcomeOf(machineOrder(o, false), 'link_outage');
    await insertOutageLinks(ctx.tx, outage.id, [o.id], via, ctx.now);
    await applyOutcome(
      ctx,
      o,
      [],
      'link_outage',
      outcome,
      {
        patch: {},
        data: {
          outageId: outage.id,
          outageNumber: outage.number,
          estimatedRestoreAt: outage.estimatedRestoreAt?.toISOString() ?? null,
          via,
        },
        unitId: ctx.actor.unitId,
      },
      {},
    );
    linked.push(o.id);
  }
  return { linked, skipped };
}

/**
 * Power is back: every order still waiting for the outage is returned with the restoration as
 * its result, its review done by the outage's, and its callback queued (回访) when the type
 * needs one. Returns the orders moved.
 */
export async function returnLinkedOrders(
  ctx: OrderCtx,
  outage: Pick<LinkedOutage, 'id' | 'number'>,
  result: string,
  orderIds?: string[],
): Promise<string[]> {
  const ids = orderIds ?? (await waitingLinkedOrders(ctx.tx, outage.id));
  const moved: string[] = [];
  for (const id of ids) {
    const o = await lockOrder(ctx.tx, id);
    if (!o || o.state !== 'linked') continue;
    await applyOutcome(
      ctx,
      o,
      [],
      'outage_restored',
      outageRestoredOutcome(machineOrder(o, false)),
      {
        patch: { returned_at: ctx.now, reviewed_at: ctx.now, result },
        data: { outageId: outage.id, outageNumber: outage.number },
        unitId: ctx.actor.unitId,
      },
      { result },
    );
    moved.push(o.id);
  }
  return moved;
}

/**
 * The outage was not what these callers had (cancelled, or a proposal rejected): every order
 * still waiting for it is accepted again, to be dispatched on its own with fresh dispatch and
 * arrival clocks. Returns the orders released.
 */
export async function releaseLinkedOrders(
  ctx: OrderCtx,
  outageId: string,
  reason: string,
  orderIds?: string[],
): Promise<string[]> {
  const ids = orderIds ?? (await waitingLinkedOrders(ctx.tx, outageId));
  const released: string[] = [];
  for (const id of ids) {
    const o = await lockOrder(ctx.tx, id);
    if (!o || o.state !== 'linked') continue;
    await deleteOutageLinks(ctx.tx, [o.id]);
    await applyOutcome(
      ctx,
      o,
      [],
      'unlink_outage',
      outcomeOf(machineOrder(o, false), 'unlink_outage'),
      { patch: {}, data: { outageId, by: 'outage' }, unitId: ctx.actor.unitId },
      { reason },
    );
    released.push(o.id);
  }
  return released;
}
