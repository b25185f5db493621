/**
 * The analysis acting on its own (a straggler call joining a live outage): a system actor of the
 * call's province. Its id is the nil UUID, so history and audit show the change as the system's.
 */
import { PERMISSIONS } from '../../../../common/permissions.js';
import type { Actor, RequestMeta } from '../../../platform/actor.js';

export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

export function analysisActor(province: { id: string; path: string; name: string }): Actor {
  return {
    userId: SYSTEM_USER_ID,
    username: 'system.analysis',
    displayName: '故障研判',
    roles: [],
    permissions: [...PERMISSIONS],
    rolePermissions: [...PERMISSIONS],
    scope: 'province',
    unitId: province.id,
    unitName: province.name,
    unitLevel: 'province',
    unitPath: province.path,
    provinceId: province.id,
    phone: null,
    email: null,
    lastLoginAt: null,
    mustChangePassword: false,
    via: 'session',
    sessionId: null,
    csrfToken: null,
    sessionExpiresAt: null,
    tokenId: null,
  };
}

export const SYSTEM_META: RequestMeta = { ip: null, requestId: null, userAgent: null };
