/**
 * What a crew does with a job (接受, 退回, 出发, 到达, 完成): checked against the job machine, stamped
 * with time and position, and driven through the orders module's own actions with the crew
 * member as the actor, so that the order's timeline, SLA clocks and audit stay its own. An
 * outage job drives no order: its completion restores the outage (outage-restore.ts).
 */
import type { OrderActionInput } from '../../../../common/schemas/orders.js';
import type {
  CrewState,
  Job,
  JobAction,
  JobActionInput,
  JobState,
  MyCrewStateInput,
  MyJobs,
  Crew,
} from '../../../../common/schemas/repair.js';
import type { RepairJobsTable } from '../../../db/schema-repair.js';
import type { Updateable } from 'kysely';
import type { OrderState } from '../../../../common/orders/states.js';
import { AppError } from '../../../platform/app-error.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { actOnOrder } from '../../orders/index.js';
import { RepairError } from '../errors.js';
import { crewAfter, jobActionFits, jobNeeds, jobTarget, orderActionsFor } from '../machine.js';
import { crewById, crewIdsOfUser, isMember, lockCrew } from '../store/crews.js';
import { liveJobsOf, lockJob, recentJobsOf, updateJob, type JobRow } from '../store/jobs.js';
import { outageById, outageOfOrder, type OutageFacts } from '../store/outages.js';
import { photosOfJob } from '../store/photos.js';
import { attachmentsOfOrder, orderById, type OrderFacts } from '../store/refs.js';
import { closeStaleJobs } from './close-jobs.js';
import type { RepairCtx } from './context.js';
import { restoreFromJob } from './outage-restore.js';
import { setCrewState } from './crews.js';
import { emitRepairChange, moveCrew } from './crew-state.js';
import { jobViews } from './views.js';

/** A job of one of the actor's crews; another crew's job is REPAIR_NOT_CREW_MEMBER. */
async function myJob(ctx: RepairCtx, id: string): Promise<JobRow> {
  const j = await lockJob(ctx.tx, id);
  if (!j) throw new RepairError('REPAIR_JOB_NOT_FOUND');
  if (!(await isMember(ctx.tx, j.crew_id, ctx.actor.userId)))
    throw new RepairError('REPAIR_NOT_CREW_MEMBER');
  return j;
}

function checkInputs(action: JobAction, input: JobActionInput): void {
  const missing: string[] = jobNeeds(action).filter((k) => input[k] === undefined);
  if ((input.lat === undefined) !== (input.lng === undefined)) missing.push('lat', 'lng');
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      missing.map((k) => ({ path: [k], message: `Required for ${action}` })),
    );
  }
}

/** The job's own stamps for an action. */
function patchFor(
  ctx: RepairCtx,
  action: JobAction,
  input: JobActionInput,
  photoIds: string[],
): Updateable<RepairJobsTable> {
  const lat = input.lat ?? null;
  const lng = input.lng ?? null;
  switch (action) {
    case 'accept':
      return { accepted_at: ctx.now, accepted_by: ctx.actor.userId };
    case 'send_back':
      return { sent_back_at: ctx.now, sent_back_reason: input.reason! };
    case 'depart':
      return { departed_at: ctx.now, departed_lat: lat, departed_lng: lng };
    case 'arrive':
      return { arrived_at: ctx.now, arrived_lat: lat, arrived_lng: lng };
    case 'complete':
      return {
        completed_at: ctx.now,
        completed_lat: lat,
        completed_lng: lng,
        result: input.result!,
        cause: input.cause ?? null,
        photo_ids: photoIds,
      };
  }
}

/** Drives the order along with the job, as the crew member. */
async function driveOrder(
  ctx: RepairCtx,
  orderId: string,
  action: JobAction,
  input: JobActionInput,
): Promise<void> {
  const o = await orderById(ctx.tx, orderId);
  if (!o) throw new RepairError('ORDER_NOT_FOUND');
  let version = o.version;
  for (const step of orderActionsFor(action, o.state as OrderState)) {
    const body: OrderActionInput = { version };
    if (step === 'repaired' || step === 'return') {
      body.result = input.cause ? `${input.result!}（原因：${input.cause}）` : input.result!;
    }
    const after = await actOnOrder(ctx, orderId, step, body);
    version = after.version;
  }
}

/** Jobs the crew has not set out on: these close when their work went elsewhere. */
const NOT_SET_OUT: readonly JobState[] = ['offered', 'accepted'];

/**
 * Whether the work of the job went elsewhere (see close-jobs.ts): refused with a clear code so
 * that the crew's stale screen does not drive an order the outage now holds. A crew already on
 * the way keeps its job; its order, linked meanwhile, is then left to the outage.
 */
async function checkStillOurs(
  ctx: RepairCtx,
  j: JobRow,
  order: OrderFacts | null,
  outage: OutageFacts | null,
): Promise<void> {
  const state = j.state as JobState;
  if (state === 'cancelled')
    throw new RepairError('REPAIR_JOB_CLOSED', { reason: j.cancel_reason });
  if (!NOT_SET_OUT.includes(state)) return;
  if (order?.state === 'linked') {
    const linked = await outageOfOrder(ctx.tx, order.id);
    throw new RepairError('REPAIR_JOB_ORDER_LINKED', { outage: linked?.number ?? null });
  }
  if (outage && outage.state !== 'in_progress')
    throw new RepairError('REPAIR_JOB_CLOSED', { outageState: outage.state });
}

/** Photo ids must be the order's attachments (order jobs) or photos taken on the job. */
async function checkPhotos(ctx: RepairCtx, j: JobRow, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = new Set([
    ...(j.order_id ? await attachmentsOfOrder(ctx.tx, j.order_id, ids) : []),
    ...(await photosOfJob(ctx.tx, j.id, ids)),
  ]);
  const bad = ids.filter((id) => !found.has(id));
  if (bad.length > 0) throw new RepairError('REPAIR_PHOTO_INVALID', { ids: bad });
  return [...new Set(ids)];
}

/** Takes a crew action on a job; returns the job as it now stands. */
export async function actOnJob(
  ctx: RepairCtx,
  jobId: string,
  action: JobAction,
  input: JobActionInput,
): Promise<Job> {
  authorize(ctx.actor, 'repair.work');
  const j = await myJob(ctx, jobId);
  if (j.version !== input.version) throw new AppError('VERSION_CONFLICT', { current: j.version });
  const state = j.state as JobState;
  const order = j.order_id ? await orderById(ctx.tx, j.order_id) : null;
  const outage = j.outage_id ? await outageById(ctx.tx, j.outage_id) : null;
  await checkStillOurs(ctx, j, order, outage);
  if (!jobActionFits(state, action))
    throw new RepairError('REPAIR_JOB_ACTION_NOT_ALLOWED', { state, action });
  checkInputs(action, input);
  const photoIds = action === 'complete' ? await checkPhotos(ctx, j, input.photoIds ?? []) : [];
  const crew = await lockCrew(ctx.tx, j.crew_id);
  if (!crew) throw new RepairError('CREW_NOT_FOUND');

  // A linked order belongs to its outage now: the outage returns it when the power is back.
  if (order && order.state !== 'linked') await driveOrder(ctx, order.id, action, input);
  const to = jobTarget(action);
  const ok = await updateJob(ctx.tx, j.id, j.version, {
    ...patchFor(ctx, action, input, photoIds),
    state: to,
    updated_at: ctx.now,
  });
  if (!ok) throw new AppError('VERSION_CONFLICT', { current: j.version });
  const others = (await liveJobsOf(ctx.tx, [crew.id])).filter((x) => x.id !== j.id).length;
  const crewTo = crewAfter(action, crew.state as CrewState, others);
  await moveCrew(ctx, crew, crewTo, { jobId: j.id, audit: false });
  const restored =
    action === 'complete' && j.outage_id
      ? await restoreFromJob(ctx, j.outage_id, input.restoredScope)
      : false;
  await recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    {
      action: `repair.job_${action}`,
      entityType: 'repair_job',
      entityId: j.id,
      before: { state, version: j.version, crewState: crew.state },
      after: {
        state: to,
        version: j.version + 1,
        crewState: crewTo,
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.result ? { result: input.result } : {}),
        ...(input.cause ? { cause: input.cause } : {}),
        ...(input.lat !== undefined ? { lat: input.lat, lng: input.lng } : {}),
        ...(photoIds.length ? { photoIds } : {}),
        ...(restored ? { outageRestored: j.outage_id } : {}),
      },
      orgId: j.org_id,
      provinceId: j.province_id,
    },
  );
  await emitRepairChange(ctx, crew, {
    action,
    crewState: crewTo,
    jobId: j.id,
    jobState: to,
    orderId: j.order_id,
    outageId: j.outage_id,
  });
  const fresh = await lockJob(ctx.tx, j.id);
  return (await jobViews(ctx, [fresh!], new Map([[crew.id, crew.name]]), new Set([crew.id])))[0]!;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * The crew view: the actor's crews and their jobs (live ones and those of the last day). Jobs
 * whose work went elsewhere are closed first (see close-jobs.ts).
 */
export async function myJobs(ctx: RepairCtx): Promise<MyJobs> {
  authorize(ctx.actor, 'repair.work');
  const ids = await crewIdsOfUser(ctx.tx, ctx.actor.userId);
  await closeStaleJobs(ctx, ids);
  const crews = (await Promise.all(ids.map((id) => crewById(ctx.tx, id)))).flatMap((c) =>
    c ? [c] : [],
  );
  crews.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  const jobs = await recentJobsOf(ctx.tx, ids, new Date(ctx.now.getTime() - DAY_MS));
  const names = new Map(crews.map((c) => [c.id, c.name]));
  return {
    crews: crews.map((c) => ({
      id: c.id,
      name: c.name,
      state: c.state as CrewState,
      version: c.version,
    })),
    items: await jobViews(ctx, jobs, names, new Set(ids)),
  };
}

/** A crew member sets their own crew on or off duty. */
export async function memberSetsCrewState(ctx: RepairCtx, input: MyCrewStateInput): Promise<Crew> {
  authorize(ctx.actor, 'repair.work');
  const c = await lockCrew(ctx.tx, input.crewId);
  if (!c) throw new RepairError('CREW_NOT_FOUND');
  if (!(await isMember(ctx.tx, c.id, ctx.actor.userId)))
    throw new RepairError('REPAIR_NOT_CREW_MEMBER');
  return setCrewState(ctx, c, input);
}
