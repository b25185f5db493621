import type { Permission } from '../../../common/permissions.js';
import { inScope, type Actor } from '../../platform/actor.js';
import { AuthError } from './errors.js';

/** Throws FORBIDDEN (or TOKEN_SCOPE_INSUFFICIENT for a token lacking the scope). */
export function authorize(actor: Actor, permission: Permission): void {
  if (actor.permissions.includes(permission)) return;
  if (actor.via === 'token' && actor.rolePermissions.includes(permission)) {
    throw new AuthError('TOKEN_SCOPE_INSUFFICIENT', { permission });
  }
  throw new AuthError('FORBIDDEN', { permission });
}

/** Throws OUT_OF_SCOPE unless the unit path lies inside the actor's data scope. */
export function assertInScope(actor: Actor, unitPath: string): void {
  if (!inScope(actor, unitPath)) throw new AuthError('OUT_OF_SCOPE');
}

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface LoginLockState {
  failedLogins: number;
  lockedUntil: Date | null;
}

/** Whether a temporary lock is in force at `now`. */
export function isLocked(state: LoginLockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/**
 * The lock state after one more failed password: the fifth failure in a row locks the account
 * for 15 minutes; failures before an expired lock no longer count.
 */
export function afterFailedLogin(
  state: LoginLockState,
  now: Date,
): LoginLockState & { lockedNow: boolean } {
  const expired = state.lockedUntil !== null && state.lockedUntil <= now;
  const failed = (expired ? 0 : state.failedLogins) + 1;
  if (failed >= MAX_FAILED_LOGINS) {
    return {
      failedLogins: failed,
      lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000),
      lockedNow: true,
    };
  }
  return {
    failedLogins: failed,
    lockedUntil: expired ? null : state.lockedUntil,
    lockedNow: false,
  };
}
