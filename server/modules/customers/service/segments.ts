import { SegmentRule } from '../../../../common/customers/segment-rule.js';
import type {
  CreateSegmentInput,
  Segment,
  SegmentList,
  UpdateSegmentInput,
} from '../../../../common/schemas/segments.js';
import { inScope, serviceAreaPrefix } from '../../../platform/actor.js';
import { newId } from '../../../platform/ids.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { CustomersError } from '../errors.js';
import {
  countSegments,
  getSegment,
  insertSegment,
  segmentCodeExists,
  segmentsVisible,
  updateSegmentRow,
  type SegmentRow,
} from '../store/segments.js';
import type { ReadCtx, WriteCtx } from './context.js';

function present(s: SegmentRow, customers: number): Segment {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    description: s.description,
    service: s.service,
    rule: SegmentRule.parse(s.rule),
    priority: s.priority,
    active: s.active,
    customers,
    version: s.version,
    updatedAt: s.updated_at.toISOString(),
  };
}

/** The segments the actor sees with their customer counts inside the actor's scope. */
export async function listSegments(ctx: ReadCtx): Promise<SegmentList> {
  authorize(ctx.actor, 'customer.view');
  const prefix = serviceAreaPrefix(ctx.actor);
  const rows = await segmentsVisible(ctx.tx, prefix);
  // A segment defined above the scope counts within the scope; one inside counts in its subtree.
  const counts = await countSegments(
    ctx.tx,
    prefix,
    rows
      .filter((s) => s.active)
      .map((s) => ({
        id: s.id,
        rule: SegmentRule.parse(s.rule),
        unitPath: s.unit_path.length > prefix.length ? s.unit_path : prefix,
      })),
  );
  return { items: rows.map((s) => present(s, counts.get(s.id) ?? 0)), total: rows.length };
}

async function countOne(ctx: ReadCtx, s: SegmentRow & { unit_path: string }): Promise<number> {
  if (!s.active) return 0;
  const prefix = serviceAreaPrefix(ctx.actor);
  const counts = await countSegments(ctx.tx, prefix, [
    {
      id: s.id,
      rule: SegmentRule.parse(s.rule),
      unitPath: s.unit_path.length > prefix.length ? s.unit_path : prefix,
    },
  ]);
  return counts.get(s.id) ?? 0;
}

async function audit(
  ctx: WriteCtx,
  action: string,
  s: SegmentRow,
  before: unknown,
  after: unknown,
) {
  await recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    {
      action,
      entityType: 'segment',
      entityId: s.id,
      before,
      after,
      orgId: s.org_id,
      provinceId: s.province_id,
    },
  );
}

const snapshot = (s: SegmentRow) => ({
  code: s.code,
  name: s.name,
  description: s.description,
  service: s.service,
  rule: s.rule,
  priority: s.priority,
  active: s.active,
});

/** Defines a segment for the admin's unit, or for a unit inside their scope. */
export async function createSegment(ctx: WriteCtx, input: CreateSegmentInput): Promise<Segment> {
  authorize(ctx.actor, 'segment.manage');
  let orgId = ctx.actor.unitId;
  let provinceId = ctx.actor.provinceId;
  if (input.unitId !== undefined && input.unitId !== orgId) {
    const unit = await ctx.tx
      .selectFrom('org_units')
      .select(['id', 'path', 'province_id'])
      .where('id', '=', input.unitId)
      .executeTakeFirst();
    if (!unit) throw new CustomersError('UNIT_NOT_FOUND');
    if (!inScope(ctx.actor, unit.path)) throw new CustomersError('OUT_OF_SCOPE');
    orgId = unit.id;
    provinceId = unit.province_id;
  }
  if (await segmentCodeExists(ctx.tx, orgId, input.code)) {
    throw new CustomersError('SEGMENT_CODE_TAKEN');
  }
  const id = newId();
  await insertSegment(ctx.tx, {
    id,
    code: input.code,
    name: input.name,
    description: input.description,
    service: input.service,
    rule: input.rule,
    priority: input.priority,
    active: input.active,
    orgId,
    provinceId,
  });
  const row = (await getSegment(ctx.tx, id))!;
  await audit(ctx, 'segment.create', row, null, snapshot(row));
  return present(row, await countOne(ctx, row));
}

/** Edits a segment the admin owns (defined at or below their unit). */
export async function updateSegment(
  ctx: WriteCtx,
  id: string,
  input: UpdateSegmentInput,
): Promise<Segment> {
  authorize(ctx.actor, 'segment.manage');
  const row = await getSegment(ctx.tx, id);
  if (!row || !inScope(ctx.actor, row.unit_path)) {
    // Segments defined above the admin's unit are visible but not theirs to change.
    if (row && ctx.actor.unitPath.startsWith(row.unit_path)) {
      throw new CustomersError('OUT_OF_SCOPE');
    }
    throw new CustomersError('SEGMENT_NOT_FOUND');
  }
  const { version, ...patch } = input;
  const ok = await updateSegmentRow(ctx.tx, id, version, patch);
  if (!ok) throw new CustomersError('VERSION_CONFLICT', { currentVersion: row.version });
  const after = (await getSegment(ctx.tx, id))!;
  await audit(ctx, 'segment.update', after, snapshot(row), snapshot(after));
  return present(after, await countOne(ctx, after));
}
