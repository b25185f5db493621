import type { Kysely } from 'kysely';
import type { UnitLevel } from '../../common/org-levels.js';
import { isRole, permissionsOf, scopeOf } from '../../common/permissions.js';
import type { DB } from '../../server/db/schema.js';
import type { Actor } from '../../server/platform/actor.js';

/**
 * The actors of demo users, built the way a session builds them (roles → permissions and data
 * scope, the user's unit), so the demo's work goes through the services' own checks. Keyed by
 * username; users that do not exist are missing from the map.
 */
export async function demoActors(tx: Kysely<DB>, usernames: string[]): Promise<Map<string, Actor>> {
  if (usernames.length === 0) return new Map();
  const rows = await tx
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.roles',
      'u.province_id',
      'u.phone',
      'u.email',
      'u.last_login_at',
      'o.id as unit_id',
      'o.name as unit_name',
      'o.level as unit_level',
      'o.path as unit_path',
    ])
    .where('u.username', 'in', usernames)
    .execute();
  const actors = new Map<string, Actor>();
  for (const r of rows) {
    const roles = r.roles.filter(isRole);
    const permissions = permissionsOf(roles);
    actors.set(r.username, {
      userId: r.id,
      username: r.username,
      displayName: r.display_name,
      roles,
      permissions,
      rolePermissions: permissions,
      scope: scopeOf(roles),
      unitId: r.unit_id,
      unitName: r.unit_name,
      unitLevel: r.unit_level as UnitLevel,
      unitPath: r.unit_path,
      provinceId: r.province_id,
      phone: r.phone,
      email: r.email,
      lastLoginAt: r.last_login_at,
      mustChangePassword: false,
      via: 'session',
      sessionId: null,
      csrfToken: null,
      sessionExpiresAt: null,
      tokenId: null,
    });
  }
  return actors;
}
