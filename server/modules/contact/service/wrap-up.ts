/**
 * The wrap-up of a call (话后小结): the agent who answered it records how it ended, with what the
 * code requires (the article an enquiry was answered with, the order the call became or asked
 * about, a note). The article's use is counted as an answer on this call. When the agent is still
 * in after-call work for the call, the wrap-up ends it and she goes on (ready by default).
 */
import { wrapUpProblems, WRAP_CODE_INFO } from '../../../../common/contact/wrap-codes.js';
import type { CallSummary, WrapUpInput } from '../../../../common/schemas/contact.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { getCustomerDetail } from '../../customers/index.js';
import { recordArticleUse } from '../../knowledge/index.js';
import { visibleOrder } from '../../orders/index.js';
import { ContactError } from '../errors.js';
import { presentCall } from '../presenters.js';
import { lockAgent } from '../store/agents.js';
import { callById, MAX_CALL_ORDERS, writeWrapUp } from '../store/calls.js';
import { insertOutbox } from '../store/refs.js';
import { moveAgent } from './agent-state.js';
import { visibleCall } from './calls.js';
import { auditBy, type ContactCtx } from './context.js';

export async function wrapUpCall(
  ctx: ContactCtx,
  id: string,
  input: WrapUpInput,
): Promise<CallSummary> {
  authorize(ctx.actor, 'contact.use');
  const call = await visibleCall(ctx, id);
  if (call.outcome !== null && call.outcome !== 'answered') {
    throw new ContactError('CONTACT_CALL_NOT_ANSWERED');
  }
  if (call.agent_id !== ctx.actor.userId) throw new ContactError('CONTACT_WRAP_UP_NOT_YOURS');
  if (call.state !== 'ended') throw new ContactError('CONTACT_CALL_NOT_ENDED');
  if (call.wrap_code !== null) throw new ContactError('CONTACT_WRAP_UP_DONE');
  // The orders attached during the call stay; the wrap-up adds those it names.
  const orderIds = [...new Set([...call.wrap_order_ids, ...input.orderIds])];
  if (orderIds.length > MAX_CALL_ORDERS) throw new ContactError('CONTACT_CALL_ORDERS_FULL');
  const problems = wrapUpProblems({ ...input, orderIds });
  if (problems.length > 0) {
    throw new ContactError(
      'CONTACT_WRAP_UP_INCOMPLETE',
      problems.map((p) => ({ path: [p.path], message: p.en, messageZh: p.zh })),
    );
  }

  // What the wrap-up names must exist and be the agent's to see (not found otherwise, no leak).
  if (input.customerId) await getCustomerDetail(ctx, input.customerId);
  for (const orderId of new Set(input.orderIds)) await visibleOrder(ctx, orderId);
  if (input.articleId) {
    await recordArticleUse(ctx, input.articleId, { kind: 'answered', contactId: call.id });
  }

  const note = input.note?.trim() || null;
  const written = await writeWrapUp(ctx.tx, call.id, {
    code: input.code,
    note,
    customerId: input.customerId ?? null,
    articleId: input.articleId ?? null,
    orderIds,
    by: { id: ctx.actor.userId, name: ctx.actor.displayName },
    at: ctx.now,
  });
  if (!written) throw new ContactError('CONTACT_WRAP_UP_DONE');
  await recordAudit(ctx.tx, auditBy(ctx), {
    action: 'contact.wrap_up',
    entityType: 'contact_call',
    entityId: call.id,
    after: {
      code: input.code,
      closedOnSpot: WRAP_CODE_INFO[input.code].closedOnSpot,
      customerId: input.customerId ?? null,
      articleId: input.articleId ?? null,
      orderIds,
      note,
    },
    orgId: call.org_id,
    provinceId: call.province_id,
  });

  // Still in after-call work for this call: the wrap-up is its end.
  const agent = await lockAgent(ctx.tx, ctx.actor.userId);
  if (agent && agent.state === 'after_call_work' && agent.current_call_id === call.id) {
    await moveAgent(ctx.tx, {
      userId: ctx.actor.userId,
      change: {
        kind: 'set',
        to: input.next,
        reason: input.next === 'not_ready' ? (input.nextReason ?? null) : null,
      },
      now: ctx.now,
      notify: ctx.notify,
      by: {
        audit: auditBy(ctx),
        unit: { id: ctx.actor.unitId, path: ctx.actor.unitPath, provinceId: ctx.actor.provinceId },
      },
    });
  }

  await insertOutbox(
    ctx.tx,
    {
      topic: 'contact.call',
      payload: {
        kind: 'call',
        id: call.id,
        callId: call.call_id,
        event: 'wrapUp',
        state: call.state,
        outcome: call.outcome,
        code: input.code,
        agentId: call.agent_id,
        userIds: [ctx.actor.userId],
        at: ctx.now.toISOString(),
        unitPath: call.unit_path,
      },
      orgId: call.org_id,
      provinceId: call.province_id,
    },
    ctx.notify,
  );
  const after = await callById(ctx.tx, call.id);
  return presentCall(after!, ctx.actor);
}
