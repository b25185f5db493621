import type { ApiToken } from '../../../common/schemas/tokens.js';
import type { AuditEntry } from '../../../common/schemas/audit.js';
import type { Me } from '../../../common/schemas/auth.js';
import type { Unit } from '../../../common/schemas/units.js';
import type { User } from '../../../common/schemas/users.js';
import type { Actor } from '../../platform/actor.js';
import { isPermission, isRole } from '../../../common/permissions.js';
import type { UnitLevel, UnitKind } from '../../../common/org-levels.js';
import type { AuditRow } from './store/audit.js';
import type { TokenWithUser } from './store/tokens.js';
import type { UnitRowWithCount } from './store/units.js';
import type { UserWithUnit } from './store/users.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A mainland mobile shown as 138****5678 to roles that do not manage people. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const [name = '', domain = ''] = email.split('@');
  return `${name.slice(0, 1)}***@${domain}`;
}

export function presentMe(actor: Actor): Me {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      phone: actor.phone,
      email: actor.email,
      mustChangePassword: actor.mustChangePassword,
      lastLoginAt: iso(actor.lastLoginAt),
    },
    roles: actor.roles,
    permissions: actor.permissions,
    scope: actor.scope,
    unit: { id: actor.unitId, name: actor.unitName, level: actor.unitLevel },
    via: actor.via,
    csrfToken: actor.csrfToken,
    sessionExpiresAt: iso(actor.sessionExpiresAt),
  };
}

export function presentUnit(row: UnitRowWithCount): Unit {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    code: row.code,
    level: row.level as UnitLevel,
    kind: row.kind as UnitKind,
    active: row.active,
    depth: row.depth,
    provinceId: row.province_id,
    userCount: row.user_count,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A user; contact details are masked unless the viewer manages users. */
export function presentUser(row: UserWithUnit, viewer: Actor): User {
  const full = viewer.permissions.includes('user.manage') || viewer.userId === row.id;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles.filter(isRole),
    unitId: row.org_id,
    unitName: row.unit_name,
    phone: full ? row.phone : maskPhone(row.phone),
    email: full ? row.email : maskEmail(row.email),
    disabled: row.disabled,
    lockedUntil: row.locked_until && row.locked_until > new Date() ? iso(row.locked_until) : null,
    mustChangePassword: row.must_change_password,
    lastLoginAt: iso(row.last_login_at),
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentToken(row: TokenWithUser): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    userId: row.user_id,
    username: row.username,
    scopes: row.scopes.filter(isPermission),
    createdAt: row.created_at.toISOString(),
    expiresAt: iso(row.expires_at),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

export function presentAudit(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    ip: row.ip,
    unitId: row.org_id,
  };
}
