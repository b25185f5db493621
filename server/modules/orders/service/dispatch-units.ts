/**
 * The units an order may be sent to or located in: the active units of the actor's service area.
 * Agents do not hold org.view (they never manage the tree) but must pick a unit to dispatch to.
 */
import type { z } from 'zod';
import type { UnitList } from '../../../../common/schemas/units.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { authorize } from '../../auth/index.js';
import { unitsUnder } from '../store/context.js';
import type { OrderCtx } from './context.js';

export async function dispatchUnits(
  ctx: Pick<OrderCtx, 'tx' | 'actor'>,
): Promise<z.input<typeof UnitList>> {
  authorize(ctx.actor, 'order.view');
  const rows = await unitsUnder(ctx.tx, serviceAreaPrefix(ctx.actor));
  const ids = new Set(rows.map((r) => r.id));
  const items = rows.map((r) => ({
    id: r.id,
    // The top of the visible part is a root here, whatever lies above it.
    parentId: r.parent_id && ids.has(r.parent_id) ? r.parent_id : null,
    name: r.name,
    code: r.code,
    level: r.level as never,
    kind: r.kind as never,
    active: true,
    depth: r.depth,
    provinceId: r.province_id,
    userCount: 0,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  }));
  return { items, total: items.length };
}
