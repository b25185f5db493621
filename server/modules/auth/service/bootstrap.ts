import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../platform/ids.js';
import { AuthError } from '../errors.js';
import { hashPassword, temporaryPassword } from '../passwords.js';
import { findUnitByCode, insertUnit } from '../store/units.js';
import { insertUser, usernameExists } from '../store/users.js';
import { recordAudit } from './audit.js';

/**
 * Creates the first unit of an empty installation and its administrator, who gets a temporary
 * password to change at first login. Everything else is then done through the admin UI.
 */
export async function bootstrapOrganisation(opts: {
  db: Kysely<DB>;
  rootName: string;
  rootCode: string;
  rootLevel: 'national' | 'province';
  username: string;
  displayName: string;
}): Promise<{ unitId: string; userId: string; temporaryPassword: string }> {
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  return opts.db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('org_units')
      .select('id')
      .where('parent_id', 'is', null)
      .executeTakeFirst();
    if (existing) throw new AuthError('UNIT_CODE_TAKEN', { reason: 'A top unit already exists' });
    if (await findUnitByCode(tx, opts.rootCode)) throw new AuthError('UNIT_CODE_TAKEN');
    if (await usernameExists(tx, opts.username)) throw new AuthError('USERNAME_TAKEN');
    const unitId = newId();
    const provinceId = opts.rootLevel === 'province' ? unitId : null;
    const unit = await insertUnit(tx, {
      id: unitId,
      parent_id: null,
      name: opts.rootName,
      code: opts.rootCode,
      level: opts.rootLevel,
      kind: 'company',
      path: `/${unitId}/`,
      depth: 0,
      org_id: unitId,
      province_id: provinceId,
    });
    const userId = newId();
    await insertUser(tx, {
      id: userId,
      username: opts.username,
      display_name: opts.displayName,
      password_hash: hash,
      roles: ['admin'],
      org_id: unitId,
      province_id: provinceId,
      phone: null,
      email: null,
      must_change_password: true,
    });
    const ctx = { actor: null, meta: { ip: null, requestId: null, userAgent: 'admin-cli' } };
    await recordAudit(tx, ctx, {
      action: 'unit.create',
      entityType: 'unit',
      entityId: unitId,
      after: { name: unit.name, code: unit.code, level: unit.level },
      orgId: unitId,
      provinceId,
    });
    await recordAudit(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: userId,
      after: { username: opts.username, roles: ['admin'], mustChangePassword: true },
      orgId: unitId,
      provinceId,
    });
    return { unitId, userId, temporaryPassword: password };
  });
}
