/**
 * What follows an outage's change beyond the outage itself: its linked fault orders (earlier
 * callers joined when the power goes off, all returned together when it is back, released when
 * it is cancelled) and the notices to the customers it affects. Runs in the same transaction as
 * the change.
 */
import type { OutageAction } from '../../../../common/outages/categories.js';
import { releaseLinkedOrders, returnLinkedOrders } from '../../orders/index.js';
import { cancellationReason, restorationResult } from '../covering.js';
import type { OutageRow } from '../store.js';
import type { OutageCtx } from './outages.js';
import { joinEarlierCalls } from './earlier-calls.js';
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
  // The power goes off: callers who came before it was entered join it. An outage confirmed
  // from a prediction links its own calls first (predictions/decide.ts), then does the same.
  if ((action === 'publish' || action === 'start') && outage.source !== 'analysis') {
    await joinEarlierCalls(ctx, outage, 'manual');
  }
  await queueOutageNotices(ctx, outage, action);
}
