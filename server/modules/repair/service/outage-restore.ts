/**
 * A crew completing an outage job restores the outage (送电), in the same transaction, through the
 * outages module's own action, so that its events, notices and the return of its linked orders
 * stay the outages module's.
 */
import type { Permission } from '../../../../common/permissions.js';
import type { UnitLevel } from '../../../../common/org-levels.js';
import type { Actor } from '../../../platform/actor.js';
import { actOnOutage } from '../../outages/index.js';
import { outageById, type OutageFacts } from '../store/outages.js';
import { unitById } from '../store/refs.js';
import type { RepairCtx } from './context.js';

const OUTAGE_RIGHTS: readonly Permission[] = ['outage.view', 'outage.manage'];

/**
 * The crew member acting for the dispatch that sent the crew. A crew holds neither outage.manage
 * nor, often, the outage's unit in its area (a station's crew, a city's outage), yet the dispatch
 * gave it this very outage to clear: the restoration runs with the outage rights and the service
 * area of the outage's unit, under the crew member's own name (who is what the outage's events
 * and audit record).
 */
export async function actorForOutage(ctx: RepairCtx, o: OutageFacts): Promise<Actor> {
  const unit = await unitById(ctx.tx, o.org_id);
  return {
    ...ctx.actor,
    permissions: [...new Set([...ctx.actor.permissions, ...OUTAGE_RIGHTS])],
    rolePermissions: [...new Set([...ctx.actor.rolePermissions, ...OUTAGE_RIGHTS])],
    scope: 'subtree',
    unitId: o.org_id,
    unitName: unit?.name ?? ctx.actor.unitName,
    unitLevel: (unit?.level ?? 'department') as UnitLevel,
    unitPath: o.unit_path,
    provinceId: o.province_id,
  };
}

/**
 * Restores the outage if its power is still off; an outage restored or cancelled meanwhile (by
 * the dispatcher, say) is left as it is. Returns whether this completion restored it.
 */
export async function restoreFromJob(
  ctx: RepairCtx,
  outageId: string,
  restoredScope: string | undefined,
): Promise<boolean> {
  // Locked before reading its version: actOnOutage checks the version it is given.
  const o = await outageById(ctx.tx, outageId, true);
  if (!o || o.state !== 'in_progress') return false;
  await actOnOutage({ ...ctx, actor: await actorForOutage(ctx, o) }, o.id, 'restore', {
    version: o.version,
    at: ctx.now.toISOString(),
    ...(restoredScope ? { restoredScope } : {}),
  });
  return true;
}
