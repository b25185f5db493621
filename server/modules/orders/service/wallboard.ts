/** The order figures of the contact module's wall board (大屏). */
import type { Kysely } from 'kysely';
import type { OrderState } from '../../../../common/orders/states.js';
import type { WallboardOrders } from '../../../../common/schemas/wallboard.js';
import type { DB } from '../../../db/schema.js';
import type { Actor } from '../../../platform/actor.js';
import { authorize } from '../../auth/index.js';
import { typeNameOf } from '../presenters.js';
import { atRiskCounts, mostUrgent, ordersByHour, type WallboardScope } from '../store/wallboard.js';
import { taxonomyVersion } from './taxonomy.js';

const TOP = 8;

/**
 * Orders accepted per hour of [start, end) (the day, 24 hours) and the open orders at risk, under
 * `prefix` (a part of the actor's service area, which the caller has checked).
 */
export async function wallboardOrders(o: {
  tx: Kysely<DB>;
  actor: Actor;
  prefix: string;
  start: Date;
  end: Date;
}): Promise<{ byHour: number[]; figures: WallboardOrders }> {
  authorize(o.actor, 'order.view');
  const p = o.actor.provinceId;
  const inProvince = p !== null && o.prefix.includes(`/${p}/`);
  const scope: WallboardScope = {
    provinceId: inProvince ? p : null,
    // The province itself: its column says it all (as for the order list of a province).
    pathPrefix: inProvince && o.prefix.endsWith(`/${p}/`) ? null : o.prefix,
  };
  const [hours, counts, top] = await Promise.all([
    ordersByHour(o.tx, scope, o.start, o.end),
    atRiskCounts(o.tx, scope),
    mostUrgent(o.tx, scope, TOP),
  ]);
  const byHour = Array.from({ length: 24 }, () => 0);
  for (const h of hours) if (h.hour >= 0 && h.hour < 24) byHour[h.hour] = h.orders;
  const n = (s: string) => counts.find((c) => c.sla_status === s)?.n ?? 0;
  const taxonomies = new Map(
    await Promise.all(
      [...new Set(top.map((r) => r.taxonomy_version))].map(
        async (v) => [v, (await taxonomyVersion(o.tx, v))?.tree ?? null] as const,
      ),
    ),
  );
  return {
    byHour,
    figures: {
      today: byHour.reduce((a, b) => a + b, 0),
      atRisk: { warning: n('warning'), critical: n('critical'), overdue: n('overdue') },
      top: top.map((r) => ({
        id: r.id,
        number: r.number,
        typeName: typeNameOf(
          taxonomies.get(r.taxonomy_version) ?? null,
          r.type_code,
          r.subtype_code,
        ),
        state: r.state as OrderState,
        slaStatus: r.sla_status as 'warning' | 'critical' | 'overdue',
        dueAt: r.due_at ? r.due_at.toISOString() : null,
      })),
    },
  };
}
