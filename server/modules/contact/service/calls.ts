/** The call log: calls in the viewer's service area with filters, and one call with its events. */
import type { CallDetail, CallList, CallListQuery } from '../../../../common/schemas/contact.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { authorize } from '../../auth/index.js';
import { ContactError } from '../errors.js';
import { presentCall } from '../presenters.js';
import { callById, callEvents, listCallRows, type CallRowWithUnit } from '../store/calls.js';
import { canSee, type ReadCtx } from './context.js';

export async function listCalls(ctx: ReadCtx, q: CallListQuery): Promise<CallList> {
  authorize(ctx.actor, 'contact.use');
  const outcomes = q.outcome
    ? [q.outcome]
    : q.unanswered === 'true'
      ? ['missed', 'abandoned']
      : q.unanswered === 'false'
        ? ['answered']
        : undefined;
  const { rows, total } = await listCallRows(ctx.tx, {
    prefix: serviceAreaPrefix(ctx.actor),
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    outcomes,
    state: q.state,
    direction: q.direction,
    // 待小结 is the viewer's own list: the calls she answered and has not wrapped up.
    agentId: q.unwrapped === 'true' ? ctx.actor.userId : q.agentId,
    queue: q.queue,
    unwrapped: q.unwrapped === undefined ? undefined : q.unwrapped === 'true',
    orderId: q.orderId,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map((r) => presentCall(r, ctx.actor)), total };
}

/** A call the actor may see; CONTACT_CALL_NOT_FOUND otherwise (no leak). */
export async function visibleCall(ctx: ReadCtx, id: string): Promise<CallRowWithUnit> {
  authorize(ctx.actor, 'contact.use');
  const call = await callById(ctx.tx, id);
  if (!call || !canSee(ctx.actor, call)) throw new ContactError('CONTACT_CALL_NOT_FOUND');
  return call;
}

export async function getCall(ctx: ReadCtx, id: string): Promise<CallDetail> {
  const call = await visibleCall(ctx, id);
  const events = await callEvents(ctx.tx, call.id);
  const full = presentCall(call, ctx.actor);
  return {
    ...full,
    // The raw events hold the numbers as sent: only for those who may see them in full.
    events: events.map((e) => ({
      at: e.received_at.toISOString(),
      event: e.event,
      result: e.result,
      payload:
        full.from === call.from_number && full.to === call.to_number
          ? (e.payload as Record<string, unknown>)
          : { event: e.event },
    })),
  };
}
