/**
 * 批量改派: a supervisor moves many orders to one unit. Each order is its own transaction, so one
 * order that cannot move (finished, out of scope) does not hold back the others.
 */
import type { Kysely } from 'kysely';
import { ERROR_CATALOGUE } from '../../../../common/errors.js';
import type { BulkReassignInput } from '../../../../common/schemas/orders.js';
import type { DB } from '../../../db/schema.js';
import type { Actor, RequestMeta } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { authorize } from '../../auth/index.js';
import { getOrder } from '../store/read.js';
import { actOnOrder } from './act-on-order.js';

export async function bulkReassign(
  db: Kysely<DB>,
  actor: Actor,
  meta: RequestMeta,
  input: BulkReassignInput,
  lang: 'zh' | 'en',
): Promise<{ items: { id: string; ok: boolean; code: string | null; message: string | null }[] }> {
  authorize(actor, 'order.supervise');
  const items = [];
  for (const id of [...new Set(input.orderIds)]) {
    try {
      await db.transaction().execute(async (tx) => {
        const current = await getOrder(tx, id);
        await actOnOrder({ tx, actor, meta, now: new Date() }, id, 'reassign', {
          version: current?.version ?? 1,
          unitId: input.unitId,
          reason: input.reason,
        });
      });
      items.push({ id, ok: true, code: null, message: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      items.push({ id, ok: false, code: e.code, message: ERROR_CATALOGUE[e.code][lang] });
    }
  }
  return { items };
}
