import type {
  DeliveryDetail,
  DeliveryList,
  DeliveryListQuery,
} from '../../../../common/schemas/notify.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { authorize } from '../../auth/index.js';
import { NotifyError } from '../errors.js';
import { presentDelivery, presentDeliveryDetail } from '../presenters.js';
import { requeueDelivery } from '../store/deliveries.js';
import { attemptsOf, deliveryById, listDeliveries, type DeliveryLogRow } from '../store/log.js';
import { audit, type ReadCtx, type WriteCtx } from './context.js';

const pii = (ctx: ReadCtx) => ctx.actor.permissions.includes('customer.pii');

/** The delivery log of the actor's service area, newest first. */
export async function listDeliveryLog(ctx: ReadCtx, q: DeliveryListQuery): Promise<DeliveryList> {
  authorize(ctx.actor, 'notify.view');
  const { rows, total } = await listDeliveries(ctx.tx, serviceAreaPrefix(ctx.actor), q);
  const now = new Date();
  return { items: rows.map((r) => presentDelivery(r, pii(ctx), now)), total };
}

/** A delivery of the actor's service area; out of the area it does not exist. */
async function visible(ctx: ReadCtx, id: string): Promise<DeliveryLogRow> {
  const row = await deliveryById(ctx.tx, id);
  if (!row || !row.unit_path.startsWith(serviceAreaPrefix(ctx.actor))) {
    throw new NotifyError('NOTIFY_DELIVERY_NOT_FOUND');
  }
  return row;
}

/** One delivery with the rendered message and every attempt. */
export async function getDelivery(ctx: ReadCtx, id: string): Promise<DeliveryDetail> {
  authorize(ctx.actor, 'notify.view');
  const row = await visible(ctx, id);
  return presentDeliveryDetail(row, await attemptsOf(ctx.tx, id), pii(ctx));
}

/** Sends a failed delivery again, with a fresh allowance of attempts (audited). */
export async function retryDelivery(ctx: WriteCtx, id: string): Promise<DeliveryDetail> {
  authorize(ctx.actor, 'notify.manage');
  const row = await visible(ctx, id);
  if (!(await requeueDelivery(ctx.tx, id, new Date()))) {
    throw new NotifyError('NOTIFY_RETRY_NOT_ALLOWED', { status: row.status });
  }
  await audit(ctx, {
    action: 'notify.delivery.retry',
    entityType: 'notify_delivery',
    entityId: id,
    before: { status: row.status, attempts: row.attempts, errorCode: row.error_code },
    after: { status: 'pending' },
    orgId: ctx.actor.unitId,
    provinceId: ctx.actor.provinceId,
  });
  const after = (await deliveryById(ctx.tx, id))!;
  return presentDeliveryDetail(after, await attemptsOf(ctx.tx, id), pii(ctx));
}
