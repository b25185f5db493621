/**
 * What follows an outage's change beyond the outage itself: its linked fault orders (returned
 * together when the power is back, released when it is cancelled) and the notices to the
 * customers it affects. Runs in the same transaction as the change.
 */
import type { OutageAction } from '../../../../common/outages/categories.js';
import { releaseLinkedOrders, returnLinkedOrders } from '../../orders/index.js';
import { cancellationReason, restorationResult } from '../covering.js';
import type { OutageRow } from '../store.js';
import type { OutageCtx } from './outages.js';
import { queueOutageNotices } from './notices.js';

export async function afterOutageAction(
  ctx: OutageCtx,
  outage: OutageRow,
  action: OutageAction | 'create',
): Promise<void> {
  if (action === 'restore') {
    const at = outage.restored_at ?? ctx.now;
    await returnLinkedOrders(ctx, outage, restorationResult(outage, at));
  }
  if (action === 'cancel') {
    await releaseLinkedOrders(ctx, outage.id, cancellationReason(outage));
  }
  await queueOutageNotices(ctx, outage, action);
}
