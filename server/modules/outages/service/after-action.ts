/**
 * What follows an outage's change beyond the outage itself: its linked fault orders (returned
 * together when the power is back, released when it is cancelled) and the notices to the
 * customers it affects. Runs in the same transaction as the change.
 */
import type { OutageAction } from '../../../../common/outages/categories.js';
import { releaseLinkedOrders, returnLinkedOrders } from '../../orders/index.js';
import type { OutageRow } from '../store.js';
import type { OutageCtx } from './outages.js';

/** 11月25日 08:00 in China time: how the result of a returned order tells the time. */
function chinaTime(d: Date): string {
  const c = new Date(d.getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${c.getUTCMonth() + 1}月${c.getUTCDate()}日 ${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`;
}

export async function afterOutageAction(
  ctx: OutageCtx,
  outage: OutageRow,
  action: OutageAction | 'create',
): Promise<void> {
  if (action === 'restore') {
    const at = outage.restored_at ?? ctx.now;
    await returnLinkedOrders(
      ctx,
      outage,
      `停电已恢复（${outage.number} ${outage.title}），恢复送电时间 ${chinaTime(at)}。`,
    );
  }
  if (action === 'cancel') {
    await releaseLinkedOrders(ctx, outage.id, `停电事件 ${outage.number} 已取消`);
  }
}
