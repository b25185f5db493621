/** The crew register (抢修队伍): list, detail, create, change, on/off duty, state history. */
import type {
  Crew,
  CrewHistory,
  CrewInput,
  CrewList,
  CrewListQuery,
  CrewState,
  CrewStateInput,
  CrewUpdate,
} from '../../../../common/schemas/repair.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { newId } from '../../../platform/ids.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { RepairError } from '../errors.js';
import {
  crewById,
  crewStates,
  crewsUnder,
  lockCrew,
  replaceAreas,
  replaceMembers,
  updateCrew as updateCrewRow,
  insertCrew,
  type CrewRow,
} from '../store/crews.js';
import { liveJobsOf } from '../store/jobs.js';
import { crewUsers, gridNodes, unitById, type UnitRef } from '../store/refs.js';
import { canSee, crewAreaPath, type ReadCtx, type RepairCtx } from './context.js';
import { emitRepairChange, moveCrew } from './crew-state.js';
import { crewViews } from './views.js';

/** Who may read crews: everyone who sees repair work (the register's keepers do too). */
function authorizeRead(ctx: ReadCtx): void {
  authorize(ctx.actor, 'repair.view');
}

export async function listCrews(ctx: ReadCtx, q: CrewListQuery): Promise<CrewList> {
  authorizeRead(ctx);
  let unitPath: string | undefined;
  if (q.unitId) {
    const unit = await unitById(ctx.tx, q.unitId);
    if (!unit) throw new RepairError('UNIT_NOT_FOUND', { field: 'unitId' });
    unitPath = unit.path;
  }
  const rows = await crewsUnder(ctx.tx, serviceAreaPrefix(ctx.actor), {
    ...(unitPath ? { unitPath } : {}),
    includeInactive: q.includeInactive === 'true',
  });
  const items = await crewViews(ctx, rows);
  return { items, total: items.length };
}

/** A crew the actor may see; CREW_NOT_FOUND otherwise (as for one that does not exist). */
export async function visibleCrew(ctx: ReadCtx, id: string, lock = false): Promise<CrewRow> {
  const c = lock ? await lockCrew(ctx.tx, id) : await crewById(ctx.tx, id);
  if (!c || !canSee(ctx.actor, c)) throw new RepairError('CREW_NOT_FOUND');
  return c;
}

export async function getCrew(ctx: ReadCtx, id: string): Promise<Crew> {
  authorizeRead(ctx);
  const c = await visibleCrew(ctx, id);
  return (await crewViews(ctx, [c]))[0]!;
}

export async function crewHistory(ctx: ReadCtx, id: string): Promise<CrewHistory> {
  authorizeRead(ctx);
  await visibleCrew(ctx, id);
  const rows = await crewStates(ctx.tx, id);
  return {
    items: rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      fromState: r.from_state as CrewState | null,
      toState: r.to_state as CrewState,
      actor: r.actor_name,
      jobId: r.job_id,
      note: r.note,
    })),
  };
}

async function ownUnit(ctx: RepairCtx, unitId: string): Promise<UnitRef> {
  const unit = await unitById(ctx.tx, unitId);
  if (!unit) throw new RepairError('UNIT_NOT_FOUND', { field: 'unitId' });
  if (!unit.path.startsWith(serviceAreaPrefix(ctx.actor)))
    throw new RepairError('OUT_OF_SCOPE', { field: 'unitId' });
  if (!unit.active || !unit.province_id)
    throw new RepairError('UNIT_INACTIVE', { field: 'unitId' });
  return unit;
}

/** Members must be active crew users in the actor's area; the leader must be one of them. */
async function checkPeople(
  ctx: RepairCtx,
  memberIds: readonly string[],
  leaderId: string | null,
): Promise<void> {
  const prefix = serviceAreaPrefix(ctx.actor);
  const found = await crewUsers(ctx.tx, memberIds);
  const ok = new Set(found.filter((u) => u.path.startsWith(prefix)).map((u) => u.id));
  const bad = memberIds.filter((id) => !ok.has(id));
  if (bad.length > 0)
    throw new RepairError('CREW_MEMBER_INVALID', { field: 'memberIds', ids: bad });
  if (leaderId && !memberIds.includes(leaderId))
    throw new RepairError('CREW_MEMBER_INVALID', { field: 'leaderId' });
}

/** Area nodes must exist and belong to the crew's area (its unit, or a department's parent). */
async function checkArea(
  ctx: RepairCtx,
  unit: UnitRef,
  feederIds: readonly string[],
  transformerIds: readonly string[],
): Promise<void> {
  const area = crewAreaPath(unit);
  const found = await gridNodes(ctx.tx, feederIds, transformerIds);
  const ok = new Set(found.filter((n) => n.path.startsWith(area)).map((n) => n.id));
  const bad = [...feederIds, ...transformerIds].filter((id) => !ok.has(id));
  if (bad.length > 0) throw new RepairError('CREW_AREA_INVALID', { ids: bad });
}

export async function createCrew(ctx: RepairCtx, input: CrewInput): Promise<Crew> {
  authorize(ctx.actor, 'repair.manage');
  const unit = await ownUnit(ctx, input.unitId);
  const members = [...new Set(input.memberIds)];
  const leaderId = input.leaderId ?? null;
  await checkPeople(ctx, members, leaderId);
  await checkArea(ctx, unit, input.feederIds, input.transformerIds);
  const id = newId();
  await insertCrew(ctx.tx, {
    id,
    name: input.name,
    org_id: unit.id,
    unit_path: unit.path,
    province_id: unit.province_id!,
    leader_id: leaderId,
    phone: input.phone ?? null,
    vehicle: input.vehicle ?? null,
    shift_start: input.shiftStart,
    shift_end: input.shiftEnd,
    state: 'off_duty',
    state_since: ctx.now,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await replaceMembers(ctx.tx, id, members);
  await replaceAreas(ctx.tx, id, [...new Set(input.feederIds)], [...new Set(input.transformerIds)]);
  const after = { ...input, memberIds: members };
  await recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    {
      action: 'repair.crew_create',
      entityType: 'repair_crew',
      entityId: id,
      after,
      orgId: unit.id,
      provinceId: unit.province_id!,
    },
  );
  const crew = await visibleCrew(ctx, id);
  await emitRepairChange(ctx, crew, { action: 'crew_create', crewState: 'off_duty' });
  return (await crewViews(ctx, [crew]))[0]!;
}

export async function updateCrew(ctx: RepairCtx, id: string, input: CrewUpdate): Promise<Crew> {
  authorize(ctx.actor, 'repair.manage');
  const c = await visibleCrew(ctx, id, true);
  if (c.version !== input.version) throw new AppError('VERSION_CONFLICT', { current: c.version });
  const unit = await ownUnit(ctx, c.org_id);
  const current = (await crewViews(ctx, [c]))[0]!;
  const members = input.memberIds
    ? [...new Set(input.memberIds)]
    : current.members.map((m) => m.id);
  const leaderId = input.leaderId === undefined ? c.leader_id : input.leaderId;
  if (input.memberIds !== undefined || input.leaderId !== undefined)
    await checkPeople(ctx, members, leaderId);
  const feeders =
    input.feederIds ?? current.area.filter((a) => a.kind === 'feeder').map((a) => a.id);
  const transformers =
    input.transformerIds ?? current.area.filter((a) => a.kind === 'transformer').map((a) => a.id);
  if (input.feederIds !== undefined || input.transformerIds !== undefined) {
    await checkArea(ctx, unit, input.feederIds ?? [], input.transformerIds ?? []);
  }
  if (input.active === false && current.jobs.length > 0) throw new RepairError('CREW_BUSY');
  const ok = await updateCrewRow(ctx.tx, c.id, c.version, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    leader_id: leaderId,
    ...(input.phone !== undefined ? { phone: input.phone } : {}),
    ...(input.vehicle !== undefined ? { vehicle: input.vehicle } : {}),
    ...(input.shiftStart !== undefined ? { shift_start: input.shiftStart } : {}),
    ...(input.shiftEnd !== undefined ? { shift_end: input.shiftEnd } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
    updated_at: ctx.now,
  });
  if (!ok) throw new AppError('VERSION_CONFLICT', { current: c.version });
  if (input.memberIds !== undefined) await replaceMembers(ctx.tx, c.id, members);
  if (input.feederIds !== undefined || input.transformerIds !== undefined)
    await replaceAreas(ctx.tx, c.id, [...new Set(feeders)], [...new Set(transformers)]);
  const { version: _v, ...changes } = input;
  void _v;
  await recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    {
      action: 'repair.crew_update',
      entityType: 'repair_crew',
      entityId: c.id,
      before: {
        version: c.version,
        name: c.name,
        leaderId: c.leader_id,
        memberIds: current.members.map((m) => m.id),
        area: current.area.map((a) => a.id),
        active: c.active,
      },
      after: { version: c.version + 1, ...changes },
      orgId: c.org_id,
      provinceId: c.province_id,
    },
  );
  await emitRepairChange(ctx, c, { action: 'crew_update' });
  return getCrew(ctx, c.id);
}

/**
 * On or off duty. A crew holding live jobs cannot go off duty (CREW_BUSY); going on duty while
 * on the road keeps the moving state.
 */
export async function setCrewState(
  ctx: RepairCtx,
  c: CrewRow,
  input: CrewStateInput,
): Promise<Crew> {
  if (c.version !== input.version) throw new AppError('VERSION_CONFLICT', { current: c.version });
  if (!c.active) throw new RepairError('CREW_NOT_FOUND');
  const live = await liveJobsOf(ctx.tx, [c.id]);
  if (input.state === 'off_duty' && live.length > 0) throw new RepairError('CREW_BUSY');
  const current = c.state as CrewState;
  const to: CrewState = input.state === 'on_duty' && current !== 'off_duty' ? current : input.state;
  if (to === c.state) {
    // Nothing changes, but the caller's version was right: still bump it, so that two people
    // pressing the same button see the clash the second time.
    const ok = await updateCrewRow(ctx.tx, c.id, c.version, { updated_at: ctx.now });
    if (!ok) throw new AppError('VERSION_CONFLICT', { current: c.version });
  } else {
    await moveCrew(ctx, c, to, { note: input.note ?? null });
  }
  await emitRepairChange(ctx, c, { action: 'crew_state', crewState: to });
  return getCrewUnchecked(ctx, c.id);
}

/** The crew as its members see it (they need not hold repair.view). */
export async function getCrewUnchecked(ctx: ReadCtx, id: string): Promise<Crew> {
  const c = await crewById(ctx.tx, id);
  if (!c) throw new RepairError('CREW_NOT_FOUND');
  return (await crewViews(ctx, [c]))[0]!;
}

/** A dispatcher sets a crew on or off duty. */
export async function dispatcherSetsCrewState(
  ctx: RepairCtx,
  id: string,
  input: CrewStateInput,
): Promise<Crew> {
  authorize(ctx.actor, 'repair.dispatch');
  const c = await visibleCrew(ctx, id, true);
  return setCrewState(ctx, c, input);
}
