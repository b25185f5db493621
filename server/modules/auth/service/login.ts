import type { Kysely } from 'kysely';
import type { ErrorCode } from '../../../../common/errors.js';
import type { DB } from '../../../db/schema.js';
import type { Actor, RequestMeta } from '../../../platform/actor.js';
import { AuthError } from '../errors.js';
import { announcePrincipalChange, principalCacheOf } from '../principal-cache.js';
import {
  assertPasswordPolicy,
  burnVerification,
  hashPassword,
  verifyPassword,
} from '../passwords.js';
import { afterFailedLogin, isLocked } from '../policy.js';
import { deleteSession, deleteSessionsOfUser, insertSession } from '../store/sessions.js';
import {
  findUserByUsernameForUpdate,
  getUserForUpdate,
  setLoginState,
  updateUser,
} from '../store/users.js';
import { recordAudit } from './audit.js';
import { randomSecret, sha256 } from './principal.js';

export interface LoginResultInternal {
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

type Outcome =
  { ok: true; value: LoginResultInternal } | { ok: false; code: ErrorCode; details?: unknown };

/**
 * Checks a username and password and opens a session. Failures are counted and audited in their
 * own committed transaction before the error is thrown, so a lock survives the failed request.
 */
export async function login(opts: {
  db: Kysely<DB>;
  username: string;
  password: string;
  meta: RequestMeta;
  ttlSeconds: number;
}): Promise<LoginResultInternal> {
  const { db, username, password, meta } = opts;
  // argon2 runs outside the transaction: PGlite has one connection and must not wait on it.
  const candidate = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  const passwordOk = candidate
    ? await verifyPassword(candidate.password_hash, password)
    : (await burnVerification(password), false);

  const outcome = await db.transaction().execute(async (tx): Promise<Outcome> => {
    const user = candidate ? await findUserByUsernameForUpdate(tx, username) : undefined;
    const ctx = { actor: user ? { userId: user.id, username: user.username } : null, meta };
    const scope = { orgId: user?.org_id ?? null, provinceId: user?.province_id ?? null };
    const now = new Date();
    if (!user) {
      await recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: null,
        after: { username: username.slice(0, 64), reason: 'unknown_user' },
        ...scope,
      });
      return { ok: false, code: 'INVALID_CREDENTIALS' };
    }
    if (user.disabled) {
      await recordAudit(tx, ctx, {
        action: 'auth.login_refused',
        entityType: 'user',
        entityId: user.id,
        after: { reason: 'disabled' },
        ...scope,
      });
      return { ok: false, code: 'ACCOUNT_DISABLED' };
    }
    const lock = { failedLogins: user.failed_logins, lockedUntil: user.locked_until };
    if (isLocked(lock, now)) {
      await recordAudit(tx, ctx, {
        action: 'auth.login_refused',
        entityType: 'user',
        entityId: user.id,
        after: { reason: 'locked', lockedUntil: user.locked_until },
        ...scope,
      });
      return { ok: false, code: 'ACCOUNT_LOCKED', details: { lockedUntil: user.locked_until } };
    }
    if (!passwordOk) {
      const next = afterFailedLogin(lock, now);
      await setLoginState(tx, user.id, {
        failed_logins: next.failedLogins,
        locked_until: next.lockedUntil,
      });
      await recordAudit(tx, ctx, {
        action: next.lockedNow ? 'auth.account_locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        before: { failedLogins: user.failed_logins },
        after: { failedLogins: next.failedLogins, lockedUntil: next.lockedUntil },
        ...scope,
      });
      return next.lockedNow
        ? { ok: false, code: 'ACCOUNT_LOCKED', details: { lockedUntil: next.lockedUntil } }
        : { ok: false, code: 'INVALID_CREDENTIALS' };
    }
    const sessionToken = randomSecret();
    const csrfToken = randomSecret(24);
    const expiresAt = new Date(now.getTime() + opts.ttlSeconds * 1000);
    await setLoginState(tx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now });
    await insertSession(tx, {
      id: sha256(sessionToken),
      user_id: user.id,
      csrf_token: csrfToken,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 512) ?? null,
      expires_at: expiresAt,
    });
    await recordAudit(tx, ctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      after: { mustChangePassword: user.must_change_password },
      ...scope,
    });
    return { ok: true, value: { sessionToken, csrfToken, expiresAt } };
  });
  if (!outcome.ok) throw new AuthError(outcome.code, outcome.details);
  return outcome.value;
}

/** Ends the actor's session. */
export async function logout(opts: {
  db: Kysely<DB>;
  actor: Actor;
  meta: RequestMeta;
}): Promise<void> {
  const { actor } = opts;
  await opts.db.transaction().execute(async (tx) => {
    if (actor.sessionId) await deleteSession(tx, actor.sessionId);
    await announcePrincipalChange(tx);
    await recordAudit(
      tx,
      { actor: { userId: actor.userId, username: actor.username }, meta: opts.meta },
      {
        action: 'auth.logout',
        entityType: 'user',
        entityId: actor.userId,
        orgId: actor.unitId,
        provinceId: actor.provinceId,
      },
    );
  });
  principalCacheOf(opts.db)?.clear();
}

/**
 * Changes the actor's own password (also the first-login change): checks the current one and
 * the policy, then ends the user's other sessions.
 */
export async function changeOwnPassword(opts: {
  db: Kysely<DB>;
  actor: Actor;
  currentPassword: string;
  newPassword: string;
  meta: RequestMeta;
}): Promise<void> {
  const { db, actor } = opts;
  assertPasswordPolicy(opts.newPassword);
  const current = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(current.password_hash, opts.currentPassword))) {
    throw new AuthError('WRONG_CURRENT_PASSWORD');
  }
  if (opts.currentPassword === opts.newPassword) throw new AuthError('PASSWORD_REUSED');
  const hash = await hashPassword(opts.newPassword);
  await db.transaction().execute(async (tx) => {
    const user = await getUserForUpdate(tx, actor.userId);
    if (!user) throw new AuthError('USER_NOT_FOUND');
    await updateUser(tx, actor.userId, {
      password_hash: hash,
      must_change_password: false,
      password_changed_at: new Date(),
    });
    await deleteSessionsOfUser(tx, actor.userId, actor.sessionId ?? undefined);
    await announcePrincipalChange(tx);
    await recordAudit(
      tx,
      { actor: { userId: actor.userId, username: actor.username }, meta: opts.meta },
      {
        action: 'user.password_changed',
        entityType: 'user',
        entityId: actor.userId,
        before: { mustChangePassword: user.must_change_password },
        after: { mustChangePassword: false },
        orgId: user.org_id,
        provinceId: user.province_id,
      },
    );
  });
  principalCacheOf(db)?.clear();
}
