import type { Kysely } from 'kysely';
import { levelFitsUnder, type UnitLevel } from '../../../../common/org-levels.js';
import type {
  CreateUnitInput,
  MoveUnitInput,
  Unit,
  UpdateUnitInput,
} from '../../../../common/schemas/units.js';
import type { DB } from '../../../db/schema.js';
import { followUnitMove } from '../../../db/unit-moves.js';
import { scopePrefix, type Actor, type RequestMeta } from '../../../platform/actor.js';
import { newId } from '../../../platform/ids.js';
import { AuthError } from '../errors.js';
import { assertInScope, authorize } from '../policy.js';
import { presentUnit } from '../presenters.js';
import {
  deactivateSubtree,
  findUnitByCode,
  getUnitForUpdate,
  getUnitWithCount,
  insertUnit,
  listUnitsUnder,
  moveSubtree,
  setParent,
  updateUnit,
  type UnitRow,
} from '../store/units.js';
import { countActiveUsersUnder, setProvinceOfUsersIn } from '../store/users.js';
import { recordAudit } from './audit.js';

interface Ctx {
  tx: Kysely<DB>;
  actor: Actor;
  meta: RequestMeta;
}

const snapshot = (u: UnitRow) => ({
  name: u.name,
  code: u.code,
  level: u.level,
  kind: u.kind,
  parentId: u.parent_id,
  path: u.path,
  active: u.active,
});

function audit(ctx: Ctx, action: string, unit: UnitRow, before: unknown, after: unknown) {
  return recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    {
      action,
      entityType: 'unit',
      entityId: unit.id,
      before,
      after,
      orgId: unit.id,
      provinceId: unit.province_id,
    },
  );
}

/** The province a unit at `level` under `parent` belongs to. */
function provinceFor(level: UnitLevel, id: string, parent: UnitRow | null): string | null {
  if (level === 'province') return id;
  return parent?.province_id ?? null;
}

async function loadInScope(ctx: Ctx, id: string, forUpdate = false): Promise<UnitRow> {
  const unit = forUpdate ? await getUnitForUpdate(ctx.tx, id) : await getUnitWithCount(ctx.tx, id);
  if (!unit) throw new AuthError('UNIT_NOT_FOUND');
  assertInScope(ctx.actor, unit.path);
  return unit;
}

async function present(ctx: Ctx, id: string): Promise<Unit> {
  const row = await getUnitWithCount(ctx.tx, id);
  if (!row) throw new AuthError('UNIT_NOT_FOUND');
  return presentUnit(row);
}

/** The units in the actor's scope, parents first. */
export async function listUnits(ctx: Omit<Ctx, 'meta'>, includeInactive: boolean): Promise<Unit[]> {
  authorize(ctx.actor, 'org.view');
  const rows = await listUnitsUnder(ctx.tx, scopePrefix(ctx.actor), includeInactive);
  return rows.map(presentUnit);
}

export async function getUnitView(ctx: Omit<Ctx, 'meta'>, id: string): Promise<Unit> {
  authorize(ctx.actor, 'org.view');
  const unit = await getUnitWithCount(ctx.tx, id);
  if (!unit) throw new AuthError('UNIT_NOT_FOUND');
  assertInScope(ctx.actor, unit.path);
  return presentUnit(unit);
}

export async function createUnit(ctx: Ctx, input: CreateUnitInput): Promise<Unit> {
  authorize(ctx.actor, 'org.manage');
  const parent = await loadInScope(ctx, input.parentId, true);
  if (!parent.active) throw new AuthError('UNIT_INACTIVE');
  if (!levelFitsUnder(input.level, parent.level as UnitLevel)) {
    throw new AuthError('UNIT_LEVEL_INVALID', { level: input.level, parentLevel: parent.level });
  }
  if (await findUnitByCode(ctx.tx, input.code)) throw new AuthError('UNIT_CODE_TAKEN');
  const id = newId();
  const row = await insertUnit(ctx.tx, {
    id,
    parent_id: parent.id,
    name: input.name,
    code: input.code,
    level: input.level,
    kind: input.level === 'department' ? input.kind : 'company',
    path: `${parent.path}${id}/`,
    depth: parent.depth + 1,
    org_id: id,
    province_id: provinceFor(input.level, id, parent),
  });
  await audit(ctx, 'unit.create', row, undefined, snapshot(row));
  return present(ctx, id);
}

export async function updateUnitDetails(
  ctx: Ctx,
  id: string,
  input: UpdateUnitInput,
): Promise<Unit> {
  authorize(ctx.actor, 'org.manage');
  const unit = await loadInScope(ctx, id, true);
  if (input.code && input.code.toLowerCase() !== unit.code.toLowerCase()) {
    if (await findUnitByCode(ctx.tx, input.code)) throw new AuthError('UNIT_CODE_TAKEN');
  }
  const patch: Parameters<typeof updateUnit>[3] = {};
  if (input.name !== undefined) patch.name = input.name;
  if (input.code !== undefined) patch.code = input.code;
  if (input.kind !== undefined && unit.level === 'department') patch.kind = input.kind;
  const updated = await updateUnit(ctx.tx, id, input.version, patch);
  if (!updated) throw new AuthError('VERSION_CONFLICT', { currentVersion: unit.version });
  await audit(ctx, 'unit.update', updated, snapshot(unit), snapshot(updated));
  return present(ctx, id);
}

/** Moves a unit and its whole subtree under another parent. */
export async function moveUnit(ctx: Ctx, id: string, input: MoveUnitInput): Promise<Unit> {
  authorize(ctx.actor, 'org.manage');
  const unit = await loadInScope(ctx, id, true);
  if (!unit.parent_id || unit.path === scopePrefix(ctx.actor))
    throw new AuthError('UNIT_ROOT_IMMUTABLE');
  if (unit.version !== input.version) {
    throw new AuthError('VERSION_CONFLICT', { currentVersion: unit.version });
  }
  const parent = await loadInScope(ctx, input.parentId, true);
  if (parent.path.startsWith(unit.path)) throw new AuthError('UNIT_MOVE_INTO_ITSELF');
  if (!parent.active) throw new AuthError('UNIT_INACTIVE');
  if (!levelFitsUnder(unit.level as UnitLevel, parent.level as UnitLevel)) {
    throw new AuthError('UNIT_LEVEL_INVALID', { level: unit.level, parentLevel: parent.level });
  }
  if (parent.id === unit.parent_id) return present(ctx, id);
  const provinceId = provinceFor(unit.level as UnitLevel, unit.id, parent);
  const movedIds = await moveSubtree(ctx.tx, {
    oldPrefix: unit.path,
    newPrefix: `${parent.path}${unit.id}/`,
    depthDelta: parent.depth + 1 - unit.depth,
    provinceId,
  });
  await setParent(ctx.tx, unit.id, parent.id);
  const provinceChanged = provinceId !== unit.province_id;
  if (provinceChanged) await setProvinceOfUsersIn(ctx.tx, movedIds, provinceId);
  // Orders, outages, crews, calls … keep copies of their unit's path and province.
  const rowsFollowed = await followUnitMove(ctx.tx, {
    oldPrefix: unit.path,
    newPrefix: `${parent.path}${unit.id}/`,
    movedIds,
    ...(provinceChanged ? { newProvinceId: provinceId } : {}),
  });
  const moved = (await getUnitForUpdate(ctx.tx, id))!;
  await audit(ctx, 'unit.move', moved, snapshot(unit), {
    ...snapshot(moved),
    subtreeUnits: movedIds.length,
    rowsFollowed,
  });
  return present(ctx, id);
}

/** Deactivates a unit and everything under it; refused while active users remain there. */
export async function deactivateUnit(ctx: Ctx, id: string, version: number): Promise<Unit> {
  authorize(ctx.actor, 'org.manage');
  const unit = await loadInScope(ctx, id, true);
  if (!unit.parent_id || unit.path === scopePrefix(ctx.actor))
    throw new AuthError('UNIT_ROOT_IMMUTABLE');
  if (unit.version !== version)
    throw new AuthError('VERSION_CONFLICT', { currentVersion: unit.version });
  const users = await countActiveUsersUnder(ctx.tx, unit.path);
  if (users > 0) throw new AuthError('UNIT_HAS_ACTIVE_USERS', { activeUsers: users });
  const ids = await deactivateSubtree(ctx.tx, unit.path);
  await audit(
    ctx,
    'unit.deactivate',
    unit,
    { active: true },
    { active: false, subtreeUnits: ids.length },
  );
  return present(ctx, id);
}

/** Re-activates one unit; its parent must be active. */
export async function activateUnit(ctx: Ctx, id: string, version: number): Promise<Unit> {
  authorize(ctx.actor, 'org.manage');
  const unit = await loadInScope(ctx, id, true);
  if (unit.parent_id) {
    const parent = await getUnitForUpdate(ctx.tx, unit.parent_id);
    if (!parent?.active) throw new AuthError('UNIT_INACTIVE', { parentId: unit.parent_id });
  }
  const updated = await updateUnit(ctx.tx, id, version, { active: true });
  if (!updated) throw new AuthError('VERSION_CONFLICT', { currentVersion: unit.version });
  await audit(ctx, 'unit.activate', updated, { active: unit.active }, { active: true });
  return present(ctx, id);
}
