import type {
  GridCustomers,
  GridNode,
  GridNodeDetail,
  GridNodeKind,
  GridNodeList,
} from '../../../common/schemas/grid.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { serviceAreaPrefix, type Actor } from '../../platform/actor.js';
import { authorize } from '../auth/index.js';
import { listCustomersView } from '../customers/index.js';
import { GridError } from './errors.js';
import {
  childNodes,
  customerCounts,
  nodeById,
  substationsServing,
  type NodeRow,
} from './store/nodes.js';

interface Ctx {
  tx: Kysely<DB>;
  actor: Actor;
}

function present(
  r: NodeRow,
  counts: Map<string, { customers: number; important: number }>,
): GridNode {
  const c = counts.get(r.id);
  return {
    kind: r.kind,
    id: r.id,
    code: r.code,
    name: r.name,
    areaClass: r.area_class,
    unitId: r.org_id,
    unitName: r.unit_name,
    voltageKv: r.voltage_kv,
    capacityKva: r.capacity_kva,
    lat: r.lat,
    lng: r.lng,
    customers: c?.customers ?? 0,
    importantCustomers: c?.important ?? 0,
    children: r.children,
  };
}

async function withCounts(ctx: Ctx, kind: GridNodeKind, rows: NodeRow[]): Promise<GridNode[]> {
  const counts = await customerCounts(
    ctx.tx,
    kind,
    rows.map((r) => r.id),
    serviceAreaPrefix(ctx.actor),
  );
  return rows.map((r) => present(r, counts));
}

/** The substations serving the actor's area, with customer counts. */
export async function listSubstations(
  ctx: Ctx,
  q: { unitId?: string; q?: string },
): Promise<GridNodeList> {
  authorize(ctx.actor, 'grid.view');
  const area = serviceAreaPrefix(ctx.actor);
  let unitPath: string | undefined;
  if (q.unitId) {
    const unit = await ctx.tx
      .selectFrom('org_units')
      .select('path')
      .where('id', '=', q.unitId)
      .executeTakeFirst();
    if (!unit) throw new GridError('UNIT_NOT_FOUND');
    unitPath = unit.path;
  }
  const rows = await substationsServing(ctx.tx, area, { unitPath, q: q.q });
  const items = await withCounts(ctx, 'substation', rows);
  return { items, total: items.length };
}

/**
 * A node the actor may see: its owner lies in the actor's area, or (for a substation or feeder)
 * it feeds part of the area. Anything else reads as not found.
 */
async function visibleNode(ctx: Ctx, kind: GridNodeKind, id: string): Promise<NodeRow> {
  authorize(ctx.actor, 'grid.view');
  const node = await nodeById(ctx.tx, kind, id);
  if (!node) throw new GridError('GRID_NODE_NOT_FOUND');
  const area = serviceAreaPrefix(ctx.actor);
  if (node.unit_path.startsWith(area)) return node;
  if (kind !== 'transformer') {
    const counts = await customerCounts(ctx.tx, kind, [id], area);
    const below = kind === 'substation' ? await childNodes(ctx.tx, 'substation', id) : [];
    if ((counts.get(id)?.customers ?? 0) > 0 || below.some((f) => f.unit_path.startsWith(area))) {
      return node;
    }
  }
  throw new GridError('GRID_NODE_NOT_FOUND');
}

/** One node with its ancestors and its children, all with customer counts. */
export async function nodeDetail(
  ctx: Ctx,
  kind: GridNodeKind,
  id: string,
): Promise<GridNodeDetail> {
  const node = await visibleNode(ctx, kind, id);
  const ancestors: GridNodeDetail['ancestors'] = [];
  if (kind === 'transformer' && node.parent_id) {
    const feeder = await nodeById(ctx.tx, 'feeder', node.parent_id);
    if (feeder?.parent_id) {
      const sub = await nodeById(ctx.tx, 'substation', feeder.parent_id);
      if (sub) ancestors.push({ kind: 'substation', id: sub.id, code: sub.code, name: sub.name });
    }
    if (feeder)
      ancestors.push({ kind: 'feeder', id: feeder.id, code: feeder.code, name: feeder.name });
  } else if (kind === 'feeder' && node.parent_id) {
    const sub = await nodeById(ctx.tx, 'substation', node.parent_id);
    if (sub) ancestors.push({ kind: 'substation', id: sub.id, code: sub.code, name: sub.name });
  }
  const [self] = await withCounts(ctx, kind, [node]);
  const children =
    kind === 'transformer'
      ? []
      : await withCounts(
          ctx,
          kind === 'substation' ? 'feeder' : 'transformer',
          await childNodes(ctx.tx, kind, id),
        );
  return { node: self!, ancestors, children };
}

/** The customers supplied through a node, in the actor's scope. */
export async function nodeCustomers(
  ctx: Ctx,
  kind: GridNodeKind,
  id: string,
  q: { page: number; pageSize: number; important?: 'true' | 'false' },
): Promise<GridCustomers> {
  await visibleNode(ctx, kind, id);
  return listCustomersView(
    ctx,
    {
      page: q.page,
      pageSize: q.pageSize,
      ...(q.important === 'true' ? { mark: 'important' as const } : {}),
    },
    { kind, id },
  );
}
