import type { Kysely } from 'kysely';
import type { UpdateOwnProfileInput } from '../../../../common/schemas/auth.js';
import type { DB } from '../../../db/schema.js';
import type { Actor, RequestMeta } from '../../../platform/actor.js';
import { AuthError } from '../errors.js';
import { getUserForUpdate, updateUser } from '../store/users.js';
import { recordAudit } from './audit.js';

/**
 * Lets anyone signed in keep their own phone and e-mail up to date (a shift lead must be able to
 * reach an agent); names, roles and units stay with the administrators.
 */
export async function updateOwnProfile(
  ctx: { tx: Kysely<DB>; actor: Actor; meta: RequestMeta },
  input: UpdateOwnProfileInput,
): Promise<{ phone: string | null; email: string | null }> {
  const { tx, actor } = ctx;
  const user = await getUserForUpdate(tx, actor.userId);
  if (!user) throw new AuthError('USER_NOT_FOUND');
  const after = {
    phone: input.phone !== undefined ? input.phone : user.phone,
    email: input.email !== undefined ? input.email : user.email,
  };
  if (after.phone === user.phone && after.email === user.email) return after;
  await updateUser(tx, actor.userId, after);
  await recordAudit(
    tx,
    { actor: { userId: actor.userId, username: actor.username }, meta: ctx.meta },
    {
      action: 'user.update_own_profile',
      entityType: 'user',
      entityId: actor.userId,
      before: { phone: user.phone, email: user.email },
      after,
      orgId: user.org_id,
      provinceId: user.province_id,
    },
  );
  return after;
}
