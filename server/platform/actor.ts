import type { DataScope, Permission, Role } from '../../common/permissions.js';
import type { UnitLevel } from '../../common/org-levels.js';

/** Who is acting: resolved once per request from the session cookie or the API token. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** Effective permissions: the roles' grant, narrowed to the token's scopes for API tokens. */
  permissions: Permission[];
  /** What the roles alone grant (differs from permissions only for an API token). */
  rolePermissions: Permission[];
  scope: DataScope;
  unitId: string;
  unitName: string;
  unitLevel: UnitLevel;
  unitPath: string;
  provinceId: string | null;
  phone: string | null;
  email: string | null;
  lastLoginAt: Date | null;
  mustChangePassword: boolean;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
  sessionExpiresAt: Date | null;
  tokenId: string | null;
}

/** Where a change came from, recorded with it in the audit log. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
  userAgent: string | null;
}

/** The path prefix of the units an actor may see (DESIGN §4: data scope). */
export function scopePrefix(actor: Pick<Actor, 'scope' | 'unitPath' | 'provinceId'>): string {
  if (actor.scope === 'province' && actor.provinceId) {
    const at = actor.unitPath.indexOf(`/${actor.provinceId}/`);
    if (at >= 0) return actor.unitPath.slice(0, at + actor.provinceId.length + 2);
  }
  return actor.unitPath;
}

/** Whether a unit (by its path) lies inside the actor's scope. */
export function inScope(
  actor: Pick<Actor, 'scope' | 'unitPath' | 'provinceId'>,
  unitPath: string,
): boolean {
  return unitPath.startsWith(scopePrefix(actor));
}

/**
 * The part of the tree whose customers and network an actor serves. A department (dispatch
 * center, repair team, supply station staff office) works for the company it belongs to, so
 * people in a department see their parent unit's area; otherwise it is the data scope.
 */
export function serviceAreaPrefix(
  actor: Pick<Actor, 'scope' | 'unitPath' | 'provinceId' | 'unitLevel'>,
): string {
  const prefix = scopePrefix(actor);
  if (prefix !== actor.unitPath || actor.unitLevel !== 'department') return prefix;
  const parent = actor.unitPath.slice(0, actor.unitPath.slice(0, -1).lastIndexOf('/') + 1);
  return parent.length > 1 ? parent : prefix;
}
