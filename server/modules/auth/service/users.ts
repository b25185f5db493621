import type { Kysely } from 'kysely';
import type {
  CreateUserInput,
  ListUsersQuery,
  UpdateUserInput,
  User,
} from '../../../../common/schemas/users.js';
import type { DB } from '../../../db/schema.js';
import { scopePrefix, type Actor, type RequestMeta } from '../../../platform/actor.js';
import { newId } from '../../../platform/ids.js';
import { AuthError } from '../errors.js';
import { hashPassword, temporaryPassword } from '../passwords.js';
import { assertInScope, authorize } from '../policy.js';
import { presentUser } from '../presenters.js';
import { deleteSessionsOfUser } from '../store/sessions.js';
import { getUnit, type UnitRow } from '../store/units.js';
import {
  getUser,
  getUserForUpdate,
  insertUser,
  listUsers,
  updateUser,
  usernameExists,
  type UserPatch,
  type UserWithUnit,
} from '../store/users.js';
import { recordAudit } from './audit.js';

interface Ctx {
  tx: Kysely<DB>;
  actor: Actor;
  meta: RequestMeta;
}

/** What the audit log keeps of a user: never the password hash. */
const snapshot = (u: UserWithUnit) => ({
  username: u.username,
  displayName: u.display_name,
  roles: u.roles,
  unitId: u.org_id,
  phone: u.phone,
  email: u.email,
  disabled: u.disabled,
  mustChangePassword: u.must_change_password,
});

async function audit(
  ctx: Ctx,
  action: string,
  user: Pick<UserWithUnit, 'id' | 'org_id' | 'province_id'>,
  before: unknown,
  after: unknown,
) {
  await recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    {
      action,
      entityType: 'user',
      entityId: user.id,
      before,
      after,
      orgId: user.org_id,
      provinceId: user.province_id,
    },
  );
}

async function loadInScope(ctx: Omit<Ctx, 'meta'>, id: string, forUpdate = false) {
  const user = forUpdate ? await getUserForUpdate(ctx.tx, id) : await getUser(ctx.tx, id);
  if (!user) throw new AuthError('USER_NOT_FOUND');
  assertInScope(ctx.actor, user.unit_path);
  return user;
}

async function activeUnitInScope(ctx: Ctx, unitId: string): Promise<UnitRow> {
  const unit = await getUnit(ctx.tx, unitId);
  if (!unit) throw new AuthError('UNIT_NOT_FOUND');
  assertInScope(ctx.actor, unit.path);
  if (!unit.active) throw new AuthError('UNIT_INACTIVE');
  return unit;
}

async function reload(ctx: Ctx, id: string): Promise<User> {
  return presentUser((await getUser(ctx.tx, id))!, ctx.actor);
}

export async function listUsersView(
  ctx: Omit<Ctx, 'meta'>,
  query: ListUsersQuery,
): Promise<{ items: User[]; total: number }> {
  authorize(ctx.actor, 'user.view');
  let prefix = scopePrefix(ctx.actor);
  if (query.unitId) {
    const unit = await getUnit(ctx.tx, query.unitId);
    if (!unit) throw new AuthError('UNIT_NOT_FOUND');
    assertInScope(ctx.actor, unit.path);
    prefix = unit.path;
  }
  const { rows, total } = await listUsers(ctx.tx, {
    prefix,
    q: query.q,
    role: query.role,
    unitId: query.unitId && query.includeDescendants === 'false' ? query.unitId : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map((r) => presentUser(r, ctx.actor)), total };
}

export async function getUserView(ctx: Omit<Ctx, 'meta'>, id: string): Promise<User> {
  if (id !== ctx.actor.userId) authorize(ctx.actor, 'user.view');
  return presentUser(await loadInScope(ctx, id), ctx.actor);
}

/** Creates an account with a temporary password that must be changed at first login. */
export async function createUser(
  ctx: Ctx,
  input: CreateUserInput,
): Promise<{ user: User; temporaryPassword: string }> {
  authorize(ctx.actor, 'user.manage');
  const unit = await activeUnitInScope(ctx, input.unitId);
  if (await usernameExists(ctx.tx, input.username)) throw new AuthError('USERNAME_TAKEN');
  const password = temporaryPassword();
  const id = newId();
  await insertUser(ctx.tx, {
    id,
    username: input.username,
    display_name: input.displayName,
    password_hash: await hashPassword(password),
    roles: input.roles,
    org_id: unit.id,
    province_id: unit.province_id,
    phone: input.phone ?? null,
    email: input.email ?? null,
    must_change_password: true,
  });
  const created = (await getUser(ctx.tx, id))!;
  await audit(ctx, 'user.create', created, undefined, snapshot(created));
  return { user: presentUser(created, ctx.actor), temporaryPassword: password };
}

export async function updateUserDetails(
  ctx: Ctx,
  id: string,
  input: UpdateUserInput,
): Promise<User> {
  authorize(ctx.actor, 'user.manage');
  const user = await loadInScope(ctx, id, true);
  const patch: UserPatch = {};
  if (input.displayName !== undefined) patch.display_name = input.displayName;
  if (input.phone !== undefined) patch.phone = input.phone;
  if (input.email !== undefined) patch.email = input.email;
  if (input.roles !== undefined) {
    if (
      id === ctx.actor.userId &&
      ctx.actor.roles.includes('admin') &&
      !input.roles.includes('admin')
    ) {
      throw new AuthError('CANNOT_CHANGE_SELF');
    }
    patch.roles = input.roles;
  }
  if (input.unitId !== undefined && input.unitId !== user.org_id) {
    const unit = await activeUnitInScope(ctx, input.unitId);
    patch.org_id = unit.id;
    patch.province_id = unit.province_id;
  }
  if (!(await updateUser(ctx.tx, id, patch, input.version))) {
    throw new AuthError('VERSION_CONFLICT', { currentVersion: user.version });
  }
  const updated = (await getUser(ctx.tx, id))!;
  await audit(ctx, 'user.update', updated, snapshot(user), snapshot(updated));
  return presentUser(updated, ctx.actor);
}

/** An administrator's lock: the account cannot sign in and its sessions end at once. */
export async function lockUser(ctx: Ctx, id: string): Promise<User> {
  authorize(ctx.actor, 'user.manage');
  if (id === ctx.actor.userId) throw new AuthError('CANNOT_CHANGE_SELF');
  const user = await loadInScope(ctx, id, true);
  await updateUser(ctx.tx, id, { disabled: true });
  const ended = await deleteSessionsOfUser(ctx.tx, id);
  await audit(
    ctx,
    'user.lock',
    user,
    { disabled: user.disabled },
    { disabled: true, sessionsEnded: ended },
  );
  return reload(ctx, id);
}

/** Lifts both the administrator's lock and a lock from failed logins. */
export async function unlockUser(ctx: Ctx, id: string): Promise<User> {
  authorize(ctx.actor, 'user.manage');
  const user = await loadInScope(ctx, id, true);
  await updateUser(ctx.tx, id, { disabled: false, failed_logins: 0, locked_until: null });
  await audit(
    ctx,
    'user.unlock',
    user,
    { disabled: user.disabled, lockedUntil: user.locked_until, failedLogins: user.failed_logins },
    { disabled: false, lockedUntil: null, failedLogins: 0 },
  );
  return reload(ctx, id);
}

/** Sets a new temporary password, ends the user's sessions and requires a change at next login. */
export async function resetPassword(
  ctx: Ctx,
  id: string,
): Promise<{ user: User; temporaryPassword: string }> {
  authorize(ctx.actor, 'user.manage');
  const user = await loadInScope(ctx, id, true);
  const password = temporaryPassword();
  await updateUser(ctx.tx, id, {
    password_hash: await hashPassword(password),
    must_change_password: true,
    failed_logins: 0,
    locked_until: null,
  });
  const ended = await deleteSessionsOfUser(ctx.tx, id);
  await audit(
    ctx,
    'user.password_reset',
    user,
    { mustChangePassword: user.must_change_password },
    { mustChangePassword: true, sessionsEnded: ended },
  );
  return { user: await reload(ctx, id), temporaryPassword: password };
}
