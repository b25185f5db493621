/** The outage figures of the contact module's wall board (大屏). */
import type { Kysely } from 'kysely';
import type { OutageCategory, OutageState } from '../../../../common/outages/categories.js';
import type { WallboardOutages } from '../../../../common/schemas/wallboard.js';
import type { DB } from '../../../db/schema.js';
import type { Actor } from '../../../platform/actor.js';
import { authorize } from '../../auth/index.js';
import { powerOffOutages } from '../store/wallboard.js';

const SHOWN = 8;

/**
 * The outages with the power off now under `prefix` (a part of the actor's service area, which
 * the caller has checked): how many, the customers cut off, and the earliest few.
 */
export async function wallboardOutages(o: {
  tx: Kysely<DB>;
  actor: Actor;
  prefix: string;
  now: Date;
}): Promise<WallboardOutages> {
  authorize(o.actor, 'outage.view');
  const p = o.actor.provinceId;
  const r = await powerOffOutages(o.tx, {
    prefix: o.prefix,
    provinceId: p && o.prefix.includes(`/${p}/`) ? p : null,
    at: o.now,
    limit: SHOWN,
  });
  return {
    active: r.total,
    affectedCustomers: r.affected,
    items: r.rows.map((x) => ({
      id: x.id,
      number: x.number,
      title: x.title,
      category: x.category as OutageCategory,
      state: x.state as OutageState,
      since: x.since ? x.since.toISOString() : null,
      estimatedRestoreAt: x.estimated_restore_at ? x.estimated_restore_at.toISOString() : null,
      affectedCustomers: x.affected_customers,
    })),
  };
}
