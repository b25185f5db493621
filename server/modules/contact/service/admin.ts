/**
 * What the administrator keeps for the telephone: PBX integrations (secret shown once), blocked
 * callers, skills, queue → skill mapping and the after-call-work limit. Each belongs to a unit
 * in the administrator's scope and holds for that unit's tree; every change is audited.
 */
import { normalizePhone } from '../../../../common/customers/phone.js';
import type {
  BlockedNumber,
  ContactSettings,
  CreatedIntegration,
  Integration,
  Queue,
  Skill,
} from '../../../../common/schemas/contact.js';
import { scopePrefix } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { newId } from '../../../platform/ids.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { ContactError } from '../errors.js';
import { presentBlocked, presentIntegration, presentQueue, presentSkill } from '../presenters.js';
import { newCtiSecret, sha256 } from '../secret.js';
import {
  acwSecondsAt,
  blockedById,
  blockedOf,
  blockedUnder,
  deleteBlocked,
  deleteQueue,
  insertBlocked,
  insertIntegration,
  insertQueue,
  insertSkill,
  integrationById,
  integrationsUnder,
  queueById,
  queueOf,
  queuesUnder,
  revokeIntegration,
  skillById,
  skillOf,
  skillsUnder,
  updateBlockedNote,
  updateQueueSkill,
  updateSkill,
  upsertSettings,
} from '../store/config.js';
import { unitById, type UnitRef } from '../store/refs.js';
import { auditBy, type ContactCtx, type ReadCtx } from './context.js';

const inScope = (ctx: ReadCtx, path: string) => path.startsWith(scopePrefix(ctx.actor));

/** A unit the administrator may configure; UNIT_NOT_FOUND otherwise. */
async function ownUnit(ctx: ReadCtx, id: string): Promise<UnitRef> {
  const unit = await unitById(ctx.tx, id);
  if (!unit || !inScope(ctx, unit.path)) throw new AppError('UNIT_NOT_FOUND');
  return unit;
}

async function audit(
  ctx: ContactCtx,
  action: string,
  entity: { type: string; id: string; orgId: string; provinceId: string | null },
  before: unknown,
  after: unknown,
) {
  await recordAudit(ctx.tx, auditBy(ctx), {
    action,
    entityType: entity.type,
    entityId: entity.id,
    before,
    after,
    orgId: entity.orgId,
    provinceId: entity.provinceId,
  });
}

// ---- integrations ----

export async function listIntegrations(ctx: ReadCtx): Promise<Integration[]> {
  authorize(ctx.actor, 'contact.manage');
  return (await integrationsUnder(ctx.tx, scopePrefix(ctx.actor))).map(presentIntegration);
}

export async function createIntegration(
  ctx: ContactCtx,
  input: { name: string; unitId: string },
): Promise<CreatedIntegration> {
  authorize(ctx.actor, 'contact.manage');
  const unit = await ownUnit(ctx, input.unitId);
  const { secret, prefix } = newCtiSecret();
  const id = newId();
  await insertIntegration(ctx.tx, {
    id,
    name: input.name,
    prefix,
    secret_hash: sha256(secret),
    org_id: unit.id,
    unit_path: unit.path,
    province_id: unit.province_id,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
  });
  const row = (await integrationById(ctx.tx, id))!;
  await audit(
    ctx,
    'contact.integration_create',
    { type: 'contact_integration', id, orgId: unit.id, provinceId: unit.province_id },
    undefined,
    { name: input.name, prefix },
  );
  return { integration: presentIntegration(row), secret, path: `/api/cti/${secret}` };
}

export async function revokeIntegrationById(ctx: ContactCtx, id: string): Promise<Integration> {
  authorize(ctx.actor, 'contact.manage');
  const row = await integrationById(ctx.tx, id);
  if (!row || !inScope(ctx, row.unit_path)) throw new ContactError('CONTACT_INTEGRATION_NOT_FOUND');
  if (!row.revoked_at) {
    await revokeIntegration(ctx.tx, id, ctx.actor.userId, ctx.now);
    await audit(
      ctx,
      'contact.integration_revoke',
      { type: 'contact_integration', id, orgId: row.org_id, provinceId: row.province_id },
      { revokedAt: null },
      { revokedAt: ctx.now.toISOString() },
    );
  }
  return presentIntegration((await integrationById(ctx.tx, id))!);
}

// ---- blocked callers ----

export async function listBlocked(ctx: ReadCtx): Promise<BlockedNumber[]> {
  authorize(ctx.actor, 'contact.manage');
  return (await blockedUnder(ctx.tx, scopePrefix(ctx.actor))).map(presentBlocked);
}

export async function blockNumber(
  ctx: ContactCtx,
  input: { number: string; note: string; unitId: string },
): Promise<BlockedNumber> {
  authorize(ctx.actor, 'contact.manage');
  const unit = await ownUnit(ctx, input.unitId);
  const number = normalizePhone(input.number)!;
  if (await blockedOf(ctx.tx, unit.id, number)) throw new ContactError('CONTACT_BLOCKED_EXISTS');
  const id = newId();
  await insertBlocked(ctx.tx, {
    id,
    number,
    note: input.note,
    org_id: unit.id,
    unit_path: unit.path,
    province_id: unit.province_id,
    created_by: ctx.actor.userId,
    created_by_name: ctx.actor.displayName,
    created_at: ctx.now,
  });
  await audit(
    ctx,
    'contact.block',
    { type: 'contact_blocked_number', id, orgId: unit.id, provinceId: unit.province_id },
    undefined,
    { number, note: input.note },
  );
  return presentBlocked((await blockedById(ctx.tx, id))!);
}

async function visibleBlocked(ctx: ReadCtx, id: string) {
  authorize(ctx.actor, 'contact.manage');
  const row = await blockedById(ctx.tx, id);
  if (!row || !inScope(ctx, row.unit_path)) throw new ContactError('CONTACT_BLOCKED_NOT_FOUND');
  return row;
}

export async function updateBlocked(
  ctx: ContactCtx,
  id: string,
  input: { note: string },
): Promise<BlockedNumber> {
  const row = await visibleBlocked(ctx, id);
  await updateBlockedNote(ctx.tx, id, input.note);
  await audit(
    ctx,
    'contact.block_note',
    { type: 'contact_blocked_number', id, orgId: row.org_id, provinceId: row.province_id },
    { note: row.note },
    { note: input.note },
  );
  return presentBlocked((await blockedById(ctx.tx, id))!);
}

export async function unblockNumber(ctx: ContactCtx, id: string): Promise<BlockedNumber> {
  const row = await visibleBlocked(ctx, id);
  await deleteBlocked(ctx.tx, id);
  await audit(
    ctx,
    'contact.unblock',
    { type: 'contact_blocked_number', id, orgId: row.org_id, provinceId: row.province_id },
    { number: row.number, note: row.note },
    undefined,
  );
  return presentBlocked(row);
}

// ---- skills ----

export async function listSkills(ctx: ReadCtx): Promise<Skill[]> {
  authorize(ctx.actor, 'contact.manage');
  return (await skillsUnder(ctx.tx, scopePrefix(ctx.actor))).map(presentSkill);
}

export async function createSkill(
  ctx: ContactCtx,
  input: { code: string; name: string; unitId: string },
): Promise<Skill> {
  authorize(ctx.actor, 'contact.manage');
  const unit = await ownUnit(ctx, input.unitId);
  if (await skillOf(ctx.tx, unit.id, input.code)) throw new ContactError('CONTACT_SKILL_EXISTS');
  const id = newId();
  await insertSkill(ctx.tx, {
    id,
    code: input.code,
    name: input.name,
    org_id: unit.id,
    unit_path: unit.path,
    province_id: unit.province_id,
    created_at: ctx.now,
  });
  await audit(
    ctx,
    'contact.skill_create',
    { type: 'contact_skill', id, orgId: unit.id, provinceId: unit.province_id },
    undefined,
    input,
  );
  return presentSkill((await skillById(ctx.tx, id))!);
}

export async function changeSkill(
  ctx: ContactCtx,
  id: string,
  input: { name?: string | undefined; active?: boolean | undefined },
): Promise<Skill> {
  authorize(ctx.actor, 'contact.manage');
  const row = await skillById(ctx.tx, id);
  if (!row || !inScope(ctx, row.unit_path)) throw new ContactError('CONTACT_SKILL_NOT_FOUND');
  const patch: { name?: string; active?: boolean } = {};
  if (input.name !== undefined) patch.name = input.name;
  if (input.active !== undefined) patch.active = input.active;
  if (Object.keys(patch).length > 0) await updateSkill(ctx.tx, id, patch);
  await audit(
    ctx,
    'contact.skill_update',
    { type: 'contact_skill', id, orgId: row.org_id, provinceId: row.province_id },
    { name: row.name, active: row.active },
    patch,
  );
  return presentSkill((await skillById(ctx.tx, id))!);
}

// ---- queues ----

export async function listQueues(ctx: ReadCtx): Promise<Queue[]> {
  authorize(ctx.actor, 'contact.manage');
  return (await queuesUnder(ctx.tx, scopePrefix(ctx.actor))).map(presentQueue);
}

/** A skill a queue of `unitPath` may use: defined at that unit or above it. */
async function usableSkill(ctx: ReadCtx, skillId: string | null, unitPath: string) {
  if (skillId === null) return;
  const skill = await skillById(ctx.tx, skillId);
  if (!skill || !unitPath.startsWith(skill.unit_path)) {
    throw new ContactError('CONTACT_SKILL_NOT_FOUND', { skillId });
  }
}

export async function createQueue(
  ctx: ContactCtx,
  input: { name: string; skillId: string | null; unitId: string },
): Promise<Queue> {
  authorize(ctx.actor, 'contact.manage');
  const unit = await ownUnit(ctx, input.unitId);
  await usableSkill(ctx, input.skillId, unit.path);
  if (await queueOf(ctx.tx, unit.id, input.name)) throw new ContactError('CONTACT_QUEUE_EXISTS');
  const id = newId();
  await insertQueue(ctx.tx, {
    id,
    name: input.name,
    skill_id: input.skillId,
    org_id: unit.id,
    unit_path: unit.path,
    province_id: unit.province_id,
    created_at: ctx.now,
  });
  await audit(
    ctx,
    'contact.queue_create',
    { type: 'contact_queue', id, orgId: unit.id, provinceId: unit.province_id },
    undefined,
    input,
  );
  return presentQueue((await queueById(ctx.tx, id))!);
}

async function visibleQueue(ctx: ReadCtx, id: string) {
  authorize(ctx.actor, 'contact.manage');
  const row = await queueById(ctx.tx, id);
  if (!row || !inScope(ctx, row.unit_path)) throw new ContactError('CONTACT_QUEUE_NOT_FOUND');
  return row;
}

export async function changeQueue(
  ctx: ContactCtx,
  id: string,
  input: { skillId: string | null },
): Promise<Queue> {
  const row = await visibleQueue(ctx, id);
  await usableSkill(ctx, input.skillId, row.unit_path);
  await updateQueueSkill(ctx.tx, id, input.skillId);
  await audit(
    ctx,
    'contact.queue_update',
    { type: 'contact_queue', id, orgId: row.org_id, provinceId: row.province_id },
    { skillId: row.skill_id },
    input,
  );
  return presentQueue((await queueById(ctx.tx, id))!);
}

export async function removeQueue(ctx: ContactCtx, id: string): Promise<Queue> {
  const row = await visibleQueue(ctx, id);
  await deleteQueue(ctx.tx, id);
  await audit(
    ctx,
    'contact.queue_delete',
    { type: 'contact_queue', id, orgId: row.org_id, provinceId: row.province_id },
    { name: row.name, skillId: row.skill_id },
    undefined,
  );
  return presentQueue(row);
}

// ---- settings ----

export async function settingsOf(
  ctx: ReadCtx,
  unitId: string | undefined,
): Promise<ContactSettings> {
  authorize(ctx.actor, 'contact.manage');
  const unit = await ownUnit(ctx, unitId ?? ctx.actor.unitId);
  const s = await acwSecondsAt(ctx.tx, unit.path);
  return { unitId: unit.id, acwMaxSeconds: s.seconds, own: s.ownOrgId === unit.id };
}

export async function putSettings(
  ctx: ContactCtx,
  input: { unitId: string; acwMaxSeconds: number },
): Promise<ContactSettings> {
  authorize(ctx.actor, 'contact.manage');
  const unit = await ownUnit(ctx, input.unitId);
  const before = await acwSecondsAt(ctx.tx, unit.path);
  await upsertSettings(ctx.tx, {
    orgId: unit.id,
    unitPath: unit.path,
    acwMaxSeconds: input.acwMaxSeconds,
    now: ctx.now,
  });
  await audit(
    ctx,
    'contact.settings',
    { type: 'contact_settings', id: unit.id, orgId: unit.id, provinceId: unit.province_id },
    { acwMaxSeconds: before.seconds },
    { acwMaxSeconds: input.acwMaxSeconds },
  );
  return { unitId: unit.id, acwMaxSeconds: input.acwMaxSeconds, own: true };
}
