/**
 * The dispatcher's board (抢修调度看板): crews with their state and jobs, the outages in progress
 * with their crew and clocks, and the fault orders waiting for a crew. Jobs whose work went
 * elsewhere (order linked to an outage, outage over) are closed first, so the board never shows
 * a crew holding work that is no longer its own.
 */
import type { RepairBoard } from '../../../../common/schemas/repair.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { authorize } from '../../auth/index.js';
import { presentOrder } from '../presenters.js';
import { crewsUnder } from '../store/crews.js';
import { waitingFaultOrders } from '../store/refs.js';
import { closeStaleJobs } from './close-jobs.js';
import type { RepairCtx } from './context.js';
import { boardOutages } from './outage-dispatch.js';
import { crewViews } from './views.js';

export async function repairBoard(ctx: RepairCtx): Promise<RepairBoard> {
  authorize(ctx.actor, 'repair.view');
  const prefix = serviceAreaPrefix(ctx.actor);
  const rows = await crewsUnder(ctx.tx, prefix);
  await closeStaleJobs(
    ctx,
    rows.map((c) => c.id),
  );
  const crews = await crewViews(ctx, rows);
  const shown = new Map(crews.flatMap((c) => c.jobs.map((j) => [j.id, j] as const)));
  const outages = await boardOutages(ctx, shown);
  const waiting = await waitingFaultOrders(ctx.tx, prefix);
  return {
    crews,
    outages,
    waiting: waiting.map((o) => ({
      ...presentOrder(ctx.actor, o),
      sentBackReason: o.sent_back_reason,
    })),
  };
}
