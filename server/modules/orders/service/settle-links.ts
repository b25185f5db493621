/**
 * Linked orders left behind by an outage that ended: a caller accepted into an outage in the
 * moment another transaction restored or cancelled it (the intake reads the outage, then writes
 * the order). They are settled as the outage's end settled the others, on behalf of whoever
 * ended it, so no caller waits for an outage that is over.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Actor } from '../../../platform/actor.js';
import {
  cancellationReason,
  restorationResult,
  strandedLinkedOrders,
  type StrandedLink,
} from '../../outages/index.js';
import { releaseLinkedOrders, returnLinkedOrders } from './outage-links.js';

/** The one who ended the outage, as far as history and audit need them. */
function actorOf(s: StrandedLink): Actor {
  return {
    // Without a recorded person the entries are the system's (actor_id stays empty).
    userId: s.actor_id as string,
    username: s.actor_name || 'system',
    displayName: s.actor_name || '系统',
    roles: [],
    permissions: [],
    rolePermissions: [],
    scope: 'subtree',
    unitId: s.org_id,
    unitName: '',
    unitLevel: 'province',
    unitPath: s.unit_path,
    provinceId: s.province_id,
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

/** Settles up to `limit` stranded orders; returns how many were moved. */
export async function settleStrandedLinks(db: Kysely<DB>, now: Date, limit = 200): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const stranded = await strandedLinkedOrders(tx, limit);
    let moved = 0;
    for (const s of stranded) {
      const ctx = {
        tx,
        actor: actorOf(s),
        meta: { ip: null, requestId: null, userAgent: null },
        now,
      };
      const outage = { id: s.outage_id, number: s.outage_number, title: s.outage_title };
      const done =
        s.outage_state === 'restored'
          ? await returnLinkedOrders(ctx, outage, restorationResult(outage, s.restored_at ?? now), [
              s.order_id,
            ])
          : await releaseLinkedOrders(ctx, s.outage_id, cancellationReason(outage), [s.order_id]);
      moved += done.length;
    }
    return moved;
  });
}
