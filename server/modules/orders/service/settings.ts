/**
 * Admin settings of the order loop: publishing taxonomy versions, routing rules and the time
 * limits units commit to. Rules belong to a unit and reach the orders located in its subtree.
 */
import { z } from 'zod';
import type {
  CreateRoutingRuleInput,
  CreateSlaRuleInput,
  PublishTaxonomyInput,
  RoutingRule,
  SlaRule,
  TaxonomyVersion,
  UpdateRoutingRuleInput,
  UpdateSlaRuleInput,
} from '../../../../common/schemas/orders.js';
import { scopePrefix } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { newId } from '../../../platform/ids.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { OrdersError } from '../errors.js';
import { unitById, type UnitRef } from '../store/context.js';
import {
  insertRoutingRule,
  insertSlaRule,
  listRoutingRules,
  listSlaRules,
  updateRoutingRule,
  updateSlaRule,
  type RoutingRuleRow,
  type SlaRuleRow,
} from '../store/settings.js';
import { insertTaxonomy, latestTaxonomyVersion } from '../store/taxonomy.js';
import type { OrderCtx } from './context.js';
import {
  currentTaxonomy,
  forgetLatestTaxonomy,
  taxonomyProblems,
  taxonomyVersion,
} from './taxonomy.js';

type Ctx = Pick<OrderCtx, 'tx' | 'actor' | 'meta'>;

export async function getTaxonomyVersion(
  ctx: Pick<OrderCtx, 'tx' | 'actor'>,
  version?: number,
): Promise<z.input<typeof TaxonomyVersion>> {
  authorize(ctx.actor, 'order.view');
  const row =
    version === undefined ? await currentTaxonomy(ctx.tx) : await taxonomyVersion(ctx.tx, version);
  if (!row) throw new OrdersError('NOT_FOUND', { version });
  return {
    version: row.version,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    taxonomy: row.tree,
  };
}

/** Publishes a new version; the editor must have started from the newest (409 otherwise). */
export async function publishTaxonomy(ctx: Ctx, input: z.infer<typeof PublishTaxonomyInput>) {
  authorize(ctx.actor, 'order.manage');
  const problems = taxonomyProblems(input.taxonomy);
  if (problems.length > 0) throw new OrdersError('TAXONOMY_INVALID', problems);
  const latest = await latestTaxonomyVersion(ctx.tx);
  if (input.baseVersion !== latest) throw new AppError('VERSION_CONFLICT', { current: latest });
  const version = latest + 1;
  const createdAt = await insertTaxonomy(ctx.tx, {
    version,
    tree: input.taxonomy,
    note: input.note ?? null,
    createdBy: ctx.actor.userId,
  });
  await recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    {
      action: 'order_taxonomy.publish',
      entityType: 'order_taxonomy',
      entityId: String(version),
      after: { version, note: input.note ?? null },
      orgId: ctx.actor.unitId,
      provinceId: ctx.actor.provinceId,
    },
  );
  forgetLatestTaxonomy();
  return {
    version,
    note: input.note ?? null,
    createdAt: createdAt.toISOString(),
    taxonomy: input.taxonomy,
  };
}

async function unitInScope(ctx: Ctx, id: string, field: string): Promise<UnitRef> {
  const unit = await unitById(ctx.tx, id);
  if (!unit || !unit.path.startsWith(scopePrefix(ctx.actor)))
    throw new OrdersError('UNIT_NOT_FOUND', { field });
  if (!unit.active) throw new OrdersError('UNIT_INACTIVE', { field });
  return unit;
}

const presentRouting = (r: RoutingRuleRow): z.input<typeof RoutingRule> => ({
  id: r.id,
  unit: { id: r.org_id, name: r.org_name },
  typeCode: r.type_code as never,
  subtypeCode: r.subtype_code,
  feederId: r.feeder_id,
  targetUnit: { id: r.target_unit_id, name: r.target_name },
  priority: r.priority,
  active: r.active,
  note: r.note,
  version: r.version,
});

const presentSla = (r: SlaRuleRow): z.input<typeof SlaRule> => ({
  id: r.id,
  unit: { id: r.org_id, name: r.org_name },
  typeCode: r.type_code as never,
  subtypeCode: r.subtype_code,
  clauses: r.clauses as never,
  deriveSteps: r.derive_steps,
  active: r.active,
  note: r.note,
  version: r.version,
});

const audit = (
  ctx: Ctx,
  action: string,
  entityType: string,
  id: string,
  after: unknown,
  unit: { id: string; province_id: string | null },
) =>
  recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    { action, entityType, entityId: id, after, orgId: unit.id, provinceId: unit.province_id },
  );

export async function routingRules(ctx: Ctx) {
  authorize(ctx.actor, 'order.manage');
  const items = (await listRoutingRules(ctx.tx, scopePrefix(ctx.actor))).map(presentRouting);
  return { items, total: items.length };
}

export async function createRoutingRule(ctx: Ctx, input: z.infer<typeof CreateRoutingRuleInput>) {
  authorize(ctx.actor, 'order.manage');
  const unit = await unitInScope(ctx, input.unitId, 'unitId');
  const target = await unitInScope(ctx, input.targetUnitId, 'targetUnitId');
  if (input.subtypeCode !== null && input.typeCode === null) {
    throw new AppError('VALIDATION_FAILED', [
      { path: ['subtypeCode'], message: 'A subtype needs its type' },
    ]);
  }
  const id = newId();
  await insertRoutingRule(ctx.tx, {
    id,
    orgId: unit.id,
    orgPath: unit.path,
    provinceId: unit.province_id,
    typeCode: input.typeCode,
    subtypeCode: input.subtypeCode,
    feederId: input.feederId,
    targetUnitId: target.id,
    priority: input.priority,
    note: input.note ?? null,
    createdBy: ctx.actor.userId,
  });
  await audit(ctx, 'order_routing_rule.create', 'order_routing_rule', id, input, unit);
  const rows = await listRoutingRules(ctx.tx, unit.path);
  return presentRouting(rows.find((r) => r.id === id)!);
}

export async function editRoutingRule(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof UpdateRoutingRuleInput>,
) {
  authorize(ctx.actor, 'order.manage');
  const rows = await listRoutingRules(ctx.tx, scopePrefix(ctx.actor));
  const rule = rows.find((r) => r.id === id);
  if (!rule) throw new OrdersError('ROUTING_RULE_NOT_FOUND');
  if (rule.version !== input.version)
    throw new AppError('VERSION_CONFLICT', { current: rule.version });
  if (input.targetUnitId) await unitInScope(ctx, input.targetUnitId, 'targetUnitId');
  const ok = await updateRoutingRule(ctx.tx, id, input.version, {
    target_unit_id: input.targetUnitId,
    priority: input.priority,
    active: input.active,
    note: input.note,
  });
  if (!ok) throw new AppError('VERSION_CONFLICT');
  await audit(ctx, 'order_routing_rule.update', 'order_routing_rule', id, input, {
    id: rule.org_id,
    province_id: null,
  });
  const after = await listRoutingRules(ctx.tx, rule.org_path);
  return presentRouting(after.find((r) => r.id === id)!);
}

export async function slaRules(ctx: Ctx) {
  authorize(ctx.actor, 'order.manage');
  const items = (await listSlaRules(ctx.tx, scopePrefix(ctx.actor))).map(presentSla);
  return { items, total: items.length };
}

function checkDerivable(clauses: { step: string }[], derive: boolean) {
  if (derive && !clauses.some((c) => c.step === 'total')) {
    throw new AppError('VALIDATION_FAILED', [
      { path: ['deriveSteps'], message: 'Deriving step limits needs a total (step "total")' },
    ]);
  }
}

export async function createSlaRule(ctx: Ctx, input: z.infer<typeof CreateSlaRuleInput>) {
  authorize(ctx.actor, 'order.manage');
  const unit = await unitInScope(ctx, input.unitId, 'unitId');
  checkDerivable(input.clauses, input.deriveSteps);
  const id = newId();
  await insertSlaRule(ctx.tx, {
    id,
    orgId: unit.id,
    orgPath: unit.path,
    provinceId: unit.province_id,
    typeCode: input.typeCode,
    subtypeCode: input.subtypeCode,
    clauses: input.clauses,
    deriveSteps: input.deriveSteps,
    note: input.note ?? null,
    createdBy: ctx.actor.userId,
  });
  await audit(ctx, 'order_sla_rule.create', 'order_sla_rule', id, input, unit);
  const rows = await listSlaRules(ctx.tx, unit.path);
  return presentSla(rows.find((r) => r.id === id)!);
}

export async function editSlaRule(ctx: Ctx, id: string, input: z.infer<typeof UpdateSlaRuleInput>) {
  authorize(ctx.actor, 'order.manage');
  const rows = await listSlaRules(ctx.tx, scopePrefix(ctx.actor));
  const rule = rows.find((r) => r.id === id);
  if (!rule) throw new OrdersError('SLA_RULE_NOT_FOUND');
  if (rule.version !== input.version)
    throw new AppError('VERSION_CONFLICT', { current: rule.version });
  checkDerivable(
    input.clauses ?? (rule.clauses as { step: string }[]),
    input.deriveSteps ?? rule.derive_steps,
  );
  const ok = await updateSlaRule(ctx.tx, id, input.version, {
    clauses: input.clauses,
    derive_steps: input.deriveSteps,
    active: input.active,
    note: input.note,
  });
  if (!ok) throw new AppError('VERSION_CONFLICT');
  await audit(ctx, 'order_sla_rule.update', 'order_sla_rule', id, input, {
    id: rule.org_id,
    province_id: null,
  });
  const after = await listSlaRules(ctx.tx, rule.org_path);
  return presentSla(after.find((r) => r.id === id)!);
}
