/**
 * Sending a crew to an outage (停电抢修派工): the live outages of the board with their crew and
 * clocks, the suggested crew (whose area covers most of the scope, else the nearest of the unit),
 * and the dispatch itself, one live job per outage; re-dispatch (改派) closes a job the crew has
 * not set out on and offers the outage to another crew.
 */
import type {
  BoardOutage,
  Job,
  OutageCrewSuggestion,
  OutageDispatchInput,
} from '../../../../common/schemas/repair.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { newId } from '../../../platform/ids.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { RepairError } from '../errors.js';
import { rankCrewsForOutage, type RankedForOutage } from '../outage-suggestion.js';
import { crewById } from '../store/crews.js';
import {
  crewPositions,
  insertJob,
  jobsOfOutages,
  liveJobOfOutage,
  lockJob,
} from '../store/jobs.js';
import { outageById, outagesInProgress, scopeFactsOf, type OutageFacts } from '../store/outages.js';
import { canSee, type ReadCtx, type RepairCtx } from './context.js';
import { CLOSABLE, cancelJob, isLive } from './close-jobs.js';
import { emitRepairChange } from './crew-state.js';
import { visibleCrew } from './crews.js';
import { candidateCrews } from './dispatch.js';
import { jobViews, outageViews } from './views.js';

/** An outage in the actor's area that a crew can be sent to: power is off now. */
async function dispatchableOutage(ctx: ReadCtx, id: string, lock = false): Promise<OutageFacts> {
  const o = await outageById(ctx.tx, id, lock);
  if (!o || !canSee(ctx.actor, o)) throw new RepairError('OUTAGE_NOT_FOUND');
  if (o.state !== 'in_progress')
    throw new RepairError('REPAIR_OUTAGE_NOT_DISPATCHABLE', { state: o.state });
  return o;
}

async function rankFor(ctx: ReadCtx, outageId: string): Promise<RankedForOutage[]> {
  const crews = await candidateCrews(ctx);
  const positions = await crewPositions(
    ctx.tx,
    crews.map((c) => c.id),
  );
  return rankCrewsForOutage(
    await scopeFactsOf(ctx.tx, outageId),
    crews.map((c) => ({ ...c, position: positions.get(c.id) ?? null })),
  );
}

export async function suggestCrewsForOutage(
  ctx: ReadCtx,
  outageId: string,
): Promise<OutageCrewSuggestion> {
  authorize(ctx.actor, 'repair.dispatch');
  const o = await dispatchableOutage(ctx, outageId);
  const ranked = await rankFor(ctx, o.id);
  return {
    outageId: o.id,
    suggestedCrewId: ranked.find((r) => r.suggested)?.crew.id ?? null,
    candidates: ranked.map((r) => ({
      crew: { id: r.crew.id, name: r.crew.name },
      state: r.crew.state,
      busy: r.crew.busy,
      match: r.match,
      overlap: r.overlap,
      distanceKm: r.distanceKm === null ? null : Math.round(r.distanceKm * 10) / 10,
      suggested: r.suggested,
    })),
  };
}

/**
 * Offers an outage to a crew. With `replace`, a job the outage's crew has not set out on is
 * cancelled first (改派); one on the way or on site stays (REPAIR_JOB_UNDER_WAY).
 */
export async function dispatchOutage(ctx: RepairCtx, input: OutageDispatchInput): Promise<Job> {
  authorize(ctx.actor, 'repair.dispatch');
  // Checked before any lock; the unique index keeps one live job per outage whatever races.
  // Locks are then taken crew first, job second, as a crew's own action takes them (job, then
  // its crew) only for a job of that crew, which is never the one replaced here.
  const o = await dispatchableOutage(ctx, input.outageId);
  const current = await liveJobOfOutage(ctx.tx, o.id);
  if (current && (!input.replace || current.crew_id === input.crewId))
    throw new RepairError('REPAIR_OUTAGE_HAS_JOB');
  const crew = await visibleCrew(ctx, input.crewId, true);
  if (!crew.active) throw new RepairError('CREW_NOT_FOUND');
  if (crew.state === 'off_duty') throw new RepairError('REPAIR_CREW_OFF_DUTY');
  const live = current ? await lockJob(ctx.tx, current.id) : null;
  if (live && isLive(live.state)) {
    if (!(CLOSABLE as readonly string[]).includes(live.state))
      throw new RepairError('REPAIR_JOB_UNDER_WAY', { state: live.state });
    await cancelJob(ctx, live, input.reason ?? `改派给 ${crew.name}`);
  }
  const suggestion = (await rankFor(ctx, o.id)).find((r) => r.suggested);
  const id = newId();
  await insertJob(ctx.tx, {
    id,
    crew_id: crew.id,
    order_id: null,
    outage_id: o.id,
    state: 'offered',
    suggested: suggestion?.crew.id === crew.id,
    offered_at: ctx.now,
    offered_by: ctx.actor.userId,
    org_id: crew.org_id,
    unit_path: crew.unit_path,
    province_id: crew.province_id,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    {
      action: 'repair.dispatch',
      entityType: 'repair_job',
      entityId: id,
      after: {
        crewId: crew.id,
        outageId: o.id,
        outageNumber: o.number,
        state: 'offered',
        ...(current ? { replaces: current.id } : {}),
      },
      orgId: crew.org_id,
      provinceId: crew.province_id,
    },
  );
  await emitRepairChange(ctx, crew, {
    action: 'dispatch',
    jobId: id,
    jobState: 'offered',
    outageId: o.id,
  });
  const job = (await liveJobOfOutage(ctx.tx, o.id))!;
  return (await jobViews(ctx, [job], new Map([[crew.id, crew.name]])))[0]!;
}

/**
 * The outages in progress in the actor's area, each with its live job (as the board's crews show
 * it; a crew outside the area is loaded apart), its clocks and, when no crew holds it, the last
 * send-back.
 */
export async function boardOutages(
  ctx: ReadCtx & { now: Date },
  shownJobs: ReadonlyMap<string, Job>,
): Promise<BoardOutage[]> {
  const rows = await outagesInProgress(ctx.tx, serviceAreaPrefix(ctx.actor));
  const ids = rows.map((o) => o.id);
  const [views, jobs] = await Promise.all([
    outageViews(ctx, ids, ctx.now),
    jobsOfOutages(ctx.tx, ids),
  ]);
  const crewIds = [...new Set(jobs.map((j) => j.crew_id))];
  const crews = await Promise.all(crewIds.map((id) => crewById(ctx.tx, id)));
  const names = new Map(crews.flatMap((c) => (c ? [[c.id, c.name] as const] : [])));
  const liveRows = jobs.filter((j) => isLive(j.state));
  const others = await jobViews(
    ctx,
    liveRows.filter((j) => !shownJobs.has(j.id)),
    names,
  );
  const live = new Map([...shownJobs, ...others.map((j) => [j.id, j] as const)]);
  return rows.map((o) => {
    const mine = jobs.filter((j) => j.outage_id === o.id);
    const current = mine.find((j) => isLive(j.state));
    const last = mine[0];
    return {
      ...views.shown.get(o.id)!,
      job: current ? (live.get(current.id) ?? null) : null,
      commitments: views.commitments(
        o.id,
        current?.arrived_at ? new Date(current.arrived_at) : null,
      )!,
      sentBack:
        !current && last?.state === 'sent_back' && last.sent_back_at && last.sent_back_reason
          ? {
              crew: names.get(last.crew_id) ?? '',
              reason: last.sent_back_reason,
              at: new Date(last.sent_back_at).toISOString(),
            }
          : null,
    };
  });
}
