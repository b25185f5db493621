import type { Kysely } from 'kysely';
import type { AuditEntry, ListAuditQuery } from '../../../../common/schemas/audit.js';
import type { DB } from '../../../db/schema.js';
import { scopePrefix, type Actor } from '../../../platform/actor.js';
import { authorize } from '../policy.js';
import { presentAudit } from '../presenters.js';
import { listAudit } from '../store/audit.js';

/** Audit entries about units in the actor's scope, newest first. Read-only by design. */
export async function listAuditView(
  ctx: { tx: Kysely<DB>; actor: Actor },
  query: ListAuditQuery,
): Promise<{ items: AuditEntry[]; total: number }> {
  authorize(ctx.actor, 'audit.view');
  const { rows, total } = await listAudit(ctx.tx, { ...query, prefix: scopePrefix(ctx.actor) });
  return { items: rows.map(presentAudit), total };
}
