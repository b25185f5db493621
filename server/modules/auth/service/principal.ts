import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  isRole,
  permissionsOf,
  scopeOf,
  type Permission,
  type Role,
} from '../../../../common/permissions.js';
import type { UnitLevel } from '../../../../common/org-levels.js';
import type { DB } from '../../../db/schema.js';
import type { Actor } from '../../../platform/actor.js';
import { AuthError } from '../errors.js';
import { principalCacheOf } from '../principal-cache.js';
import { findSessionPrincipal, touchSession, type PrincipalRow } from '../store/sessions.js';
import { findTokenPrincipal, touchToken } from '../store/tokens.js';

/** SHA-256 in base64url: secrets are high-entropy, so a fast hash is enough at rest. */
export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('base64url');
}

export function randomSecret(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

// Sliding expiry is written back at most this often, so reads stay reads.
const TOUCH_INTERVAL_MS = 60_000;

function actorFrom(
  row: PrincipalRow,
  extra: Pick<Actor, 'via' | 'sessionId' | 'csrfToken' | 'sessionExpiresAt' | 'tokenId'>,
  tokenScopes?: readonly string[],
): Actor {
  const roles: Role[] = row.roles.filter(isRole);
  const rolePermissions = permissionsOf(roles);
  const permissions: Permission[] = tokenScopes
    ? rolePermissions.filter((p) => tokenScopes.includes(p))
    : rolePermissions;
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    roles,
    permissions,
    rolePermissions,
    scope: scopeOf(roles),
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitLevel: row.unit_level as UnitLevel,
    unitPath: row.unit_path,
    provinceId: row.province_id,
    phone: row.phone,
    email: row.email,
    lastLoginAt: row.last_login_at,
    mustChangePassword: extra.via === 'session' && row.must_change_password,
    ...extra,
  };
}

/** The actor behind a session cookie; throws UNAUTHENTICATED, SESSION_EXPIRED or ACCOUNT_DISABLED. */
export async function actorFromSession(
  db: Kysely<DB>,
  cookieValue: string,
  ttlSeconds: number,
): Promise<Actor> {
  const id = sha256(cookieValue);
  const cache = principalCacheOf(db);
  const key = `s:${id}`;
  const load = () => findSessionPrincipal(db, id);
  const row = cache ? await cache.get(key, load) : await load();
  if (!row) throw new AuthError('UNAUTHENTICATED');
  const now = Date.now();
  if (row.expires_at.getTime() <= now) throw new AuthError('SESSION_EXPIRED');
  if (row.disabled) throw new AuthError('ACCOUNT_DISABLED');
  let expiresAt = row.expires_at;
  if (now - row.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) {
    expiresAt = new Date(now + ttlSeconds * 1000);
    await touchSession(db, row.session_id, expiresAt);
    cache?.update(key, { ...row, last_seen_at: new Date(now), expires_at: expiresAt });
  }
  return actorFrom(row, {
    via: 'session',
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    sessionExpiresAt: expiresAt,
    tokenId: null,
  });
}

/** The actor behind an API token (`Authorization: Bearer lx_…`); revoked or expired is refused. */
export async function actorFromToken(db: Kysely<DB>, secret: string): Promise<Actor> {
  const hash = sha256(secret);
  const cache = principalCacheOf(db);
  const key = `t:${hash}`;
  const load = () => findTokenPrincipal(db, hash);
  const row = cache ? await cache.get(key, load) : await load();
  const now = Date.now();
  if (!row || row.revoked_at || (row.expires_at && row.expires_at.getTime() <= now)) {
    throw new AuthError('UNAUTHENTICATED');
  }
  if (row.disabled) throw new AuthError('ACCOUNT_DISABLED');
  if (!row.last_used_at || now - row.last_used_at.getTime() >= TOUCH_INTERVAL_MS) {
    await touchToken(db, row.token_id);
    cache?.update(key, { ...row, last_used_at: new Date(now) });
  }
  return actorFrom(
    row,
    {
      via: 'token',
      sessionId: null,
      csrfToken: null,
      sessionExpiresAt: null,
      tokenId: row.token_id,
    },
    row.scopes,
  );
}
