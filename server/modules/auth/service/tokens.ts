import type { Kysely } from 'kysely';
import type { ApiToken, CreateTokenInput } from '../../../../common/schemas/tokens.js';
import type { DB } from '../../../db/schema.js';
import { scopePrefix, type Actor, type RequestMeta } from '../../../platform/actor.js';
import { newId } from '../../../platform/ids.js';
import { AuthError } from '../errors.js';
import { assertInScope, authorize } from '../policy.js';
import { presentToken } from '../presenters.js';
import { getToken, insertToken, listTokens, revokeToken } from '../store/tokens.js';
import { getUser } from '../store/users.js';
import { recordAudit } from './audit.js';
import { randomSecret, sha256 } from './principal.js';

interface Ctx {
  tx: Kysely<DB>;
  actor: Actor;
  meta: RequestMeta;
}

export async function listTokensView(ctx: Omit<Ctx, 'meta'>): Promise<ApiToken[]> {
  authorize(ctx.actor, 'token.manage');
  return (await listTokens(ctx.tx, scopePrefix(ctx.actor))).map(presentToken);
}

/**
 * Issues an API token acting as a user (usually a service account) and limited to the given
 * scopes. The secret is returned once; only its SHA-256 is stored.
 */
export async function createToken(
  ctx: Ctx,
  input: CreateTokenInput,
): Promise<{ token: ApiToken; secret: string }> {
  authorize(ctx.actor, 'token.manage');
  const user = await getUser(ctx.tx, input.userId);
  if (!user) throw new AuthError('USER_NOT_FOUND');
  assertInScope(ctx.actor, user.unit_path);
  const id = newId();
  const prefix = randomSecret(6).slice(0, 8);
  const secret = `lx_${prefix}_${randomSecret(32)}`;
  await insertToken(ctx.tx, {
    id,
    name: input.name,
    prefix,
    secret_hash: sha256(secret),
    user_id: user.id,
    scopes: input.scopes,
    org_id: user.org_id,
    province_id: user.province_id,
    created_by: ctx.actor.userId,
    expires_at: input.expiresInDays
      ? new Date(Date.now() + input.expiresInDays * 86_400_000)
      : null,
  });
  const row = (await getToken(ctx.tx, id))!;
  await recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    {
      action: 'token.create',
      entityType: 'api_token',
      entityId: id,
      after: { name: input.name, userId: user.id, scopes: input.scopes, prefix },
      orgId: user.org_id,
      provinceId: user.province_id,
    },
  );
  return { token: presentToken(row), secret };
}

export async function revokeTokenById(ctx: Ctx, id: string): Promise<ApiToken> {
  authorize(ctx.actor, 'token.manage');
  const token = await getToken(ctx.tx, id);
  if (!token) throw new AuthError('TOKEN_NOT_FOUND');
  assertInScope(ctx.actor, token.unit_path);
  await revokeToken(ctx.tx, id);
  await recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    {
      action: 'token.revoke',
      entityType: 'api_token',
      entityId: id,
      before: { revokedAt: token.revoked_at },
      after: { revoked: true },
      orgId: token.org_id,
      provinceId: token.province_id,
    },
  );
  return presentToken((await getToken(ctx.tx, id))!);
}
