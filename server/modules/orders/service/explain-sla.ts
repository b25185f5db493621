/** GET /api/orders/{id}/sla: every deadline of an order with the rule, start, pauses and due. */
import { DEFAULT_THRESHOLDS } from '../../../../common/orders/sla.js';
import { thresholdsOf } from './clocks.js';
import type { OrderSla } from '../../../../common/schemas/orders.js';
import { explainClock } from '../sla/index.js';
import { orderClocks } from '../store/read.js';
import { workingCalendarFor } from './calendar.js';
import type { OrderCtx } from './context.js';
import { clockOf, visibleOrder } from './order-view.js';

export async function explainOrderSla(
  ctx: Pick<OrderCtx, 'tx' | 'actor' | 'now'>,
  id: string,
): Promise<OrderSla> {
  const o = await visibleOrder(ctx, id);
  const cal = await workingCalendarFor(ctx.tx);
  const clocks = (await orderClocks(ctx.tx, o.id)).map(clockOf);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    orderId: o.id,
    number: o.number,
    thresholds: { ...(clocks[0] ? thresholdsOf(clocks[0]) : DEFAULT_THRESHOLDS) },
    clocks: clocks.map((c) => {
      const e = explainClock(cal, c, ctx.now, thresholdsOf(c));
      return {
        step: e.step,
        stepLabel: e.stepLabel,
        limit: e.limit,
        limitText: e.limitText,
        rule: e.rule,
        startedAt: e.startedAt.toISOString(),
        pauses: e.pauses.map((p) => ({
          from: p.from.toISOString(),
          to: iso(p.to),
          extends: p.extends,
        })),
        dueAt: e.dueAt.toISOString(),
        warningAt: e.warningAt.toISOString(),
        criticalAt: e.criticalAt.toISOString(),
        stoppedAt: iso(e.stoppedAt),
        status: e.status,
        fraction: e.fraction,
        remainingMs: e.remainingMs,
        pausedMs: e.pausedMs,
        extendedWorkingDays: e.extendedWorkingDays,
        countedDays: e.countedDays,
        pausedDays: e.pausedDays,
        skippedDays: e.skippedDays,
        notes: e.notes,
      };
    }),
  };
}
