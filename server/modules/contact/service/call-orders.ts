/**
 * Orders attached to a call as the agent creates them (or takes one up) while she is on it, not
 * only at the wrap-up: the order's page shows the call and its recording at once, and the link
 * survives a reload of the desk or a wrap-up that never comes. The wrap-up adds what it names.
 */
import type { AttachCallOrderInput, CallSummary } from '../../../../common/schemas/contact.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { visibleOrder } from '../../orders/index.js';
import { ContactError } from '../errors.js';
import { presentCall } from '../presenters.js';
import { attachOrder, callById } from '../store/calls.js';
import { visibleCall } from './calls.js';
import { auditBy, type ContactCtx } from './context.js';

export async function attachOrderToCall(
  ctx: ContactCtx,
  id: string,
  input: AttachCallOrderInput,
): Promise<CallSummary> {
  authorize(ctx.actor, 'contact.use');
  const call = await visibleCall(ctx, id);
  if (call.agent_id !== ctx.actor.userId) throw new ContactError('CONTACT_CALL_NOT_YOURS');
  // The order must be one the agent may see (not found otherwise, no leak).
  await visibleOrder(ctx, input.orderId);
  const r = await attachOrder(ctx.tx, call.id, input.orderId, ctx.now);
  if (r === 'wrapped') throw new ContactError('CONTACT_WRAP_UP_DONE');
  if (r === 'full') throw new ContactError('CONTACT_CALL_ORDERS_FULL');
  if (r === 'added') {
    await recordAudit(ctx.tx, auditBy(ctx), {
      action: 'contact.call_order',
      entityType: 'contact_call',
      entityId: call.id,
      after: { orderId: input.orderId },
      orgId: call.org_id,
      provinceId: call.province_id,
    });
  }
  const after = await callById(ctx.tx, call.id);
  return presentCall(after!, ctx.actor);
}
