/** A crew's state change with its history row, audit row and live update, in the caller's tx. */
import type { CrewState } from '../../../../common/schemas/repair.js';
import { AppError } from '../../../platform/app-error.js';
import { newId } from '../../../platform/ids.js';
import { recordAudit } from '../../auth/index.js';
import { insertCrewState, updateCrew, type CrewRow } from '../store/crews.js';
import { insertOutbox } from '../store/jobs.js';
import type { RepairCtx } from './context.js';

/** The live update every board and crew view listens for (topic `repair.changed`). */
export async function emitRepairChange(
  ctx: RepairCtx,
  crew: Pick<CrewRow, 'id' | 'unit_path' | 'org_id' | 'province_id'>,
  payload: {
    action: string;
    crewState?: CrewState;
    jobId?: string;
    jobState?: string;
    orderId?: string | null;
    outageId?: string | null;
  },
): Promise<void> {
  await insertOutbox(ctx.tx, {
    topic: 'repair.changed',
    payload: { crewId: crew.id, ...payload, at: ctx.now.toISOString(), unitPath: crew.unit_path },
    orgId: crew.org_id,
    provinceId: crew.province_id,
  });
}

/**
 * Moves a crew to `to` (no-op when it is there already), at the crew version read: a clash is a
 * 409. Returns the crew's new version.
 */
export async function moveCrew(
  ctx: RepairCtx,
  crew: CrewRow,
  to: CrewState,
  opts: { jobId?: string | null; note?: string | null; audit?: boolean } = {},
): Promise<number> {
  if (crew.state === to) return crew.version;
  const ok = await updateCrew(ctx.tx, crew.id, crew.version, {
    state: to,
    state_since: ctx.now,
    updated_at: ctx.now,
  });
  if (!ok) throw new AppError('VERSION_CONFLICT', { current: crew.version });
  await insertCrewState(ctx.tx, {
    id: newId(),
    crew_id: crew.id,
    at: ctx.now,
    from_state: crew.state,
    to_state: to,
    actor_id: ctx.actor.userId,
    actor_name: ctx.actor.displayName,
    job_id: opts.jobId ?? null,
    note: opts.note ?? null,
  });
  if (opts.audit !== false) {
    await recordAudit(
      ctx.tx,
      { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
      {
        action: 'repair.crew_state',
        entityType: 'repair_crew',
        entityId: crew.id,
        before: { state: crew.state, version: crew.version },
        after: { state: to, version: crew.version + 1, jobId: opts.jobId ?? null },
        orgId: crew.org_id,
        provinceId: crew.province_id,
      },
    );
  }
  return crew.version + 1;
}
