import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Actor, RequestMeta } from '../../../platform/actor.js';
import { recordAudit, type AuditEntryInput } from '../../auth/index.js';

export interface ReadCtx {
  tx: Kysely<DB>;
  actor: Actor;
}

export interface WriteCtx extends ReadCtx {
  meta: RequestMeta;
}

/** Writes the audit row of a change in the change's transaction. */
export async function audit(ctx: WriteCtx, entry: AuditEntryInput): Promise<void> {
  await recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    entry,
  );
}
