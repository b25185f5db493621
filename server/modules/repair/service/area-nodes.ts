/**
 * Finding the feeders and transformers of a crew's service area by code or name (the register's
 * picker): within the area the crew's unit serves, or the caller's own when no unit is given.
 */
import type { AreaNodeList, AreaNodeQuery } from '../../../../common/schemas/repair.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { authorize } from '../../auth/index.js';
import { RepairError } from '../errors.js';
import { searchAreaNodes, unitById } from '../store/refs.js';
import { crewAreaPath, type ReadCtx } from './context.js';

const LIMIT = 50;

export async function findAreaNodes(ctx: ReadCtx, q: AreaNodeQuery): Promise<AreaNodeList> {
  authorize(ctx.actor, 'repair.manage');
  const own = serviceAreaPrefix(ctx.actor);
  let prefix = own;
  if (q.unitId) {
    const unit = await unitById(ctx.tx, q.unitId);
    if (!unit) throw new RepairError('UNIT_NOT_FOUND', { field: 'unitId' });
    if (!unit.path.startsWith(own)) throw new RepairError('OUT_OF_SCOPE', { field: 'unitId' });
    prefix = crewAreaPath(unit);
  }
  const items = await searchAreaNodes(ctx.tx, {
    prefix,
    text: q.q?.trim() || null,
    kind: q.kind ?? null,
    limit: LIMIT,
  });
  return { items };
}
