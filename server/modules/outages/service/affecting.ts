/**
 * 停电查询 for a caller: the live and upcoming outages that cover a customer (or every customer
 * behind a phone number), and the filed major events whose script the agent answers from.
 */
import type { Kysely } from 'kysely';
import { normalizePhone } from '../../../../common/customers/phone.js';
import type { AffectingAnswer } from '../../../../common/schemas/outages.js';
import type { DB } from '../../../db/schema.js';
import { serviceAreaPrefix, type Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { authorize } from '../../auth/index.js';
import { presentOutageSummary } from '../presenters.js';
import { customerInArea, customersByPhone, liveOutagesCovering, majorEventsFor } from '../store.js';

export async function outagesAffecting(
  ctx: { tx: Kysely<DB>; actor: Actor; now: Date },
  q: { customerId?: string | undefined; phone?: string | undefined },
): Promise<AffectingAnswer> {
  authorize(ctx.actor, 'outage.view');
  const prefix = serviceAreaPrefix(ctx.actor);
  const customers: string[] = [];
  if (q.customerId) {
    const id = await customerInArea(ctx.tx, q.customerId, prefix);
    if (!id) throw new AppError('CUSTOMER_NOT_FOUND', { field: 'customerId' });
    customers.push(id);
  }
  if (q.phone !== undefined) {
    const phone = normalizePhone(q.phone);
    if (phone === null)
      throw new AppError('VALIDATION_FAILED', [{ path: ['phone'], message: 'Not a phone number' }]);
    for (const id of await customersByPhone(ctx.tx, phone, prefix))
      if (!customers.includes(id)) customers.push(id);
  }
  const [outages, events] = await Promise.all([
    liveOutagesCovering(ctx.tx, customers),
    majorEventsFor(ctx.tx, customers, ctx.now),
  ]);
  return {
    customers,
    outages: outages.map(presentOutageSummary),
    majorEvents: events.map((e) => ({
      id: e.id,
      title: e.title,
      script: e.script,
      endsAt: e.ends_at.toISOString(),
    })),
  };
}
