/**
 * Closing jobs nobody set out on (取消): a dispatcher gives the work to another crew, or the work
 * went elsewhere: the job's fault order was linked to an outage (the outage's crew handles it and
 * the outage returns the order), or the job's outage ended without it. A crew already on the way
 * keeps its job: it is out there, and its stamps still count.
 */
import { LIVE_JOB_STATES } from '../../../../common/schemas/repair.js';
import { AppError } from '../../../platform/app-error.js';
import { recordAudit } from '../../auth/index.js';
import { crewById } from '../store/crews.js';
import { lockJob, staleJobs, updateJob, type JobRow } from '../store/jobs.js';
import type { RepairCtx } from './context.js';
import { emitRepairChange } from './crew-state.js';

/** Jobs that may be closed: the crew has not set out. */
export const CLOSABLE = ['offered', 'accepted'] as const;

/** Cancels a job the caller has locked, with its audit row and live update. */
export async function cancelJob(ctx: RepairCtx, j: JobRow, reason: string): Promise<void> {
  if (!(CLOSABLE as readonly string[]).includes(j.state))
    throw new AppError('VERSION_CONFLICT', { current: j.version });
  const ok = await updateJob(ctx.tx, j.id, j.version, {
    state: 'cancelled',
    cancelled_at: ctx.now,
    cancel_reason: reason,
    updated_at: ctx.now,
  });
  if (!ok) throw new AppError('VERSION_CONFLICT', { current: j.version });
  await recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    {
      action: 'repair.job_cancel',
      entityType: 'repair_job',
      entityId: j.id,
      before: { state: j.state, version: j.version },
      after: { state: 'cancelled', version: j.version + 1, reason },
      orgId: j.org_id,
      provinceId: j.province_id,
    },
  );
  const crew = await crewById(ctx.tx, j.crew_id);
  if (crew) {
    await emitRepairChange(ctx, crew, {
      action: 'cancel',
      jobId: j.id,
      jobState: 'cancelled',
      orderId: j.order_id,
      ...(j.outage_id ? { outageId: j.outage_id } : {}),
    });
  }
}

/** Why a stale job is closed, in the words kept on it. */
export function staleReason(s: { linked_outage: string | null; outage_state: string | null }) {
  if (s.linked_outage) return `工单已并入停电 ${s.linked_outage}，由停电统一抢修`;
  return s.outage_state === 'restored' ? '停电已送电，无需出发' : '停电已取消，无需出发';
}

/**
 * Closes the crews' stale jobs (see the top of this file). Run when the board or the crew view is
 * read, so that nobody is shown work that went elsewhere; the reader is recorded as the actor.
 * Returns how many were closed.
 */
export async function closeStaleJobs(ctx: RepairCtx, crewIds: readonly string[]): Promise<number> {
  let closed = 0;
  for (const s of await staleJobs(ctx.tx, crewIds)) {
    // Locked and read again: a crew member may have acted on it since.
    const j = await lockJob(ctx.tx, s.id);
    if (!j || !(CLOSABLE as readonly string[]).includes(j.state)) continue;
    await cancelJob(ctx, j, staleReason(s));
    closed++;
  }
  return closed;
}

/** Whether a job state is live (for callers holding a plain string). */
export const isLive = (state: string) => (LIVE_JOB_STATES as readonly string[]).includes(state);
