import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { RequestMeta } from '../../../platform/actor.js';
import { newId } from '../../../platform/ids.js';
import { insertAudit } from '../store/audit.js';

/** Who did a change and from where: the actor may be absent (a failed login by a stranger). */
export interface AuditContext {
  actor: { userId: string; username: string } | null;
  meta: RequestMeta;
}

export interface AuditEntryInput {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  /** The unit the change belongs to: decides who may read the entry. */
  orgId: string | null;
  provinceId: string | null;
}

/** Writes one audit row in the caller's transaction, so the change and its record land together. */
export async function recordAudit(
  tx: Kysely<DB>,
  ctx: AuditContext,
  entry: AuditEntryInput,
): Promise<void> {
  await insertAudit(tx, {
    id: newId(),
    actor_id: ctx.actor?.userId ?? null,
    actor_name: ctx.actor?.username ?? null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: ctx.meta.ip,
    request_id: ctx.meta.requestId,
    org_id: entry.orgId,
    province_id: entry.provinceId,
  });
}
