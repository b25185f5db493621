/**
 * Sending crews to fault orders (派抢修): the suggested crew for an order, and the dispatch
 * itself, which offers the order to the crew as a job.
 */
import type {
  CrewState,
  CrewSuggestion,
  DispatchInput,
  Job,
} from '../../../../common/schemas/repair.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { newId } from '../../../platform/ids.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { actOnOrder } from '../../orders/index.js';
import { RepairError } from '../errors.js';
import { rankCrews, type CandidateCrew } from '../machine.js';
import { areasOf, crewsUnder } from '../store/crews.js';
import { insertJob, liveJobOfOrder, liveJobsOf } from '../store/jobs.js';
import { orderById, unitById, unitNames, type OrderFacts } from '../store/refs.js';
import { canSee, crewAreaPath, type ReadCtx, type RepairCtx } from './context.js';
import { visibleCrew } from './crews.js';
import { emitRepairChange } from './crew-state.js';
import { jobViews } from './views.js';

/** Orders a crew can be sent to: fault orders held by a unit, before arrival. */
const DISPATCHABLE = ['dispatched', 'handling'];

async function dispatchableOrder(ctx: ReadCtx, orderId: string): Promise<OrderFacts> {
  const o = await orderById(ctx.tx, orderId);
  if (!o || !canSee(ctx.actor, o)) throw new RepairError('ORDER_NOT_FOUND');
  if (o.type_code !== 'fault' || !DISPATCHABLE.includes(o.state) || !o.assigned_unit_id)
    throw new RepairError('REPAIR_ORDER_NOT_DISPATCHABLE', { state: o.state });
  return o;
}

/** Crews in the actor's area as the suggestion ranks them. */
export async function candidateCrews(ctx: ReadCtx): Promise<CandidateCrew[]> {
  const crews = await crewsUnder(ctx.tx, serviceAreaPrefix(ctx.actor));
  const ids = crews.map((c) => c.id);
  const areas = await areasOf(ctx.tx, ids);
  const live = await liveJobsOf(ctx.tx, ids);
  const units = await unitNames(
    ctx.tx,
    crews.map((c) => c.org_id),
  );
  return crews.map((c) => {
    const unit = units.get(c.org_id);
    const mine = areas.filter((a) => a.crew_id === c.id);
    return {
      id: c.id,
      name: c.name,
      state: c.state as CrewState,
      busy: live.some((j) => j.crew_id === c.id),
      unitPath: c.unit_path,
      areaPath: unit ? crewAreaPath(unit) : c.unit_path,
      feederIds: mine.filter((a) => a.kind === 'feeder').map((a) => a.id),
      transformerIds: mine.filter((a) => a.kind === 'transformer').map((a) => a.id),
    };
  });
}

export async function suggestCrews(ctx: ReadCtx, orderId: string): Promise<CrewSuggestion> {
  authorize(ctx.actor, 'repair.dispatch');
  const o = await dispatchableOrder(ctx, orderId);
  const ranked = rankCrews(
    { transformerId: o.transformer_id, feederId: o.feeder_id, unitPath: o.unit_path },
    await candidateCrews(ctx),
  );
  return {
    orderId: o.id,
    suggestedCrewId: ranked.find((r) => r.suggested)?.crew.id ?? null,
    candidates: ranked.map((r) => ({
      crew: { id: r.crew.id, name: r.crew.name },
      state: r.crew.state,
      busy: r.crew.busy,
      match: r.match,
      suggested: r.suggested,
    })),
  };
}

/**
 * Offers a fault order to a crew. When the order sits with a unit the crew's members cannot see
 * (say the county, and the crew is a station's), it is first reassigned (改派) to the crew's unit
 * through the orders module, so that the members may act on it; accepting then acknowledges it.
 */
export async function dispatchToCrew(ctx: RepairCtx, input: DispatchInput): Promise<Job> {
  authorize(ctx.actor, 'repair.dispatch');
  const crew = await visibleCrew(ctx, input.crewId, true);
  if (!crew.active) throw new RepairError('CREW_NOT_FOUND');
  if (crew.state === 'off_duty') throw new RepairError('REPAIR_CREW_OFF_DUTY');
  const o = await dispatchableOrder(ctx, input.orderId);
  if (await liveJobOfOrder(ctx.tx, o.id)) throw new RepairError('REPAIR_ORDER_HAS_JOB');
  const suggestion = rankCrews(
    { transformerId: o.transformer_id, feederId: o.feeder_id, unitPath: o.unit_path },
    await candidateCrews(ctx),
  ).find((r) => r.suggested);
  const unit = await unitById(ctx.tx, crew.org_id);
  if (unit && !o.unit_path.startsWith(crewAreaPath(unit))) {
    await actOnOrder(ctx, o.id, 'reassign', {
      version: o.version,
      unitId: crew.org_id,
      reason: `派抢修队伍 ${crew.name}`,
    });
  }
  const id = newId();
  await insertJob(ctx.tx, {
    id,
    crew_id: crew.id,
    order_id: o.id,
    outage_id: null,
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
      after: { crewId: crew.id, orderId: o.id, orderNumber: o.number, state: 'offered' },
      orgId: crew.org_id,
      provinceId: crew.province_id,
    },
  );
  await emitRepairChange(ctx, crew, {
    action: 'dispatch',
    jobId: id,
    jobState: 'offered',
    orderId: o.id,
  });
  const jobs = await liveJobsOf(ctx.tx, [crew.id]);
  return (
    await jobViews(
      ctx,
      jobs.filter((j) => j.id === id),
      new Map([[crew.id, crew.name]]),
    )
  )[0]!;
}
