/** Responses of the contact module: allowlists of fields, the caller's number masked by role. */
import type { AgentState, NotReadyReason } from '../../../common/contact/agent-states.js';
import { maskPhone } from '../../../common/customers/masking.js';
import type {
  AgentView,
  BlockedNumber,
  CallOutcome,
  CallState,
  CallSummary,
  Integration,
  Queue,
  Skill,
  WrapUp,
} from '../../../common/schemas/contact.js';
import { WRAP_CODE_INFO, type WrapCode } from '../../../common/contact/wrap-codes.js';
import type { Actor } from '../../platform/actor.js';
import type { CallFacts } from './call-machine.js';
import type { AgentUserRow, SkillOfAgent } from './store/agents.js';
import type { CallRow, CallRowWithUnit } from './store/calls.js';
import type { BlockedRow, IntegrationRow, QueueRow, SkillRow } from './store/config.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const seconds = (a: Date | null, b: Date | null) =>
  a && b ? Math.max(0, Math.round((b.getTime() - a.getTime()) / 1000)) : null;

/** Whether the viewer sees the caller's number in full: their own call, or a role that needs it. */
export function seesNumber(actor: Actor, call: CallRow): boolean {
  return (
    actor.permissions.includes('customer.pii') ||
    call.agent_id === actor.userId ||
    call.ringing_user_ids.includes(actor.userId)
  );
}

function presentWrapUp(call: CallRow): WrapUp | null {
  if (!call.wrap_code || !call.wrapped_at) return null;
  const code = call.wrap_code as WrapCode;
  return {
    code,
    note: call.wrap_note,
    customerId: call.wrap_customer_id,
    articleId: call.wrap_article_id,
    orderIds: call.wrap_order_ids,
    closedOnSpot: WRAP_CODE_INFO[code].closedOnSpot,
    by: { id: call.wrapped_by ?? '', name: call.wrapped_by_name ?? '' },
    at: call.wrapped_at.toISOString(),
  };
}

export function presentCall(call: CallRowWithUnit, actor: Actor): CallSummary {
  const full = seesNumber(actor, call);
  // Only the customer's side is personal data; the center's own number is not.
  const mask = (n: string | null, customerSide: boolean) =>
    n === null || full || !customerSide ? n : maskPhone(n);
  const inbound = call.direction !== 'out';
  const waitEnd = call.answered_at ?? call.ended_at;
  return {
    id: call.id,
    callId: call.call_id,
    direction: call.direction as 'in' | 'out' | null,
    from: mask(call.from_number, inbound),
    to: mask(call.to_number, !inbound),
    queue: call.queue,
    state: call.state as CallState,
    outcome: call.outcome as CallOutcome | null,
    cause: call.cause,
    ringAt: iso(call.ring_at),
    queuedAt: iso(call.queued_at),
    answeredAt: iso(call.answered_at),
    endedAt: iso(call.ended_at),
    wrapUpEndAt: iso(call.wrap_up_end_at),
    waitSeconds: seconds(call.ring_at ?? call.first_seen_at, waitEnd),
    talkSeconds: seconds(call.answered_at, call.ended_at),
    agent: call.agent_id ? { id: call.agent_id, name: call.agent_name ?? '' } : null,
    users: call.user_names,
    recording: call.recording,
    unit: { id: call.org_id, name: call.unit_name },
    orderIds: call.wrap_order_ids,
    wrapUp: presentWrapUp(call),
    version: call.version,
  };
}

/** A call row as the pure machine sees it. */
export function callFacts(r: CallRow): CallFacts {
  return {
    direction: r.direction as 'in' | 'out' | null,
    fromNumber: r.from_number,
    toNumber: r.to_number,
    callerNumber: r.caller_number,
    queue: r.queue,
    state: r.state as CallState,
    outcome: r.outcome as CallOutcome | null,
    cause: r.cause,
    firstSeenAt: r.first_seen_at,
    ringAt: r.ring_at,
    queuedAt: r.queued_at,
    answeredAt: r.answered_at,
    endedAt: r.ended_at,
    agentId: r.agent_id,
    agentName: r.agent_name,
    answeringNumber: r.answering_number,
    userNames: r.user_names,
    ringingUserIds: r.ringing_user_ids,
    recording: r.recording,
  };
}

export function presentAgent(
  u: AgentUserRow,
  skills: SkillOfAgent[],
  currentCall: CallSummary | null,
): AgentView {
  const a = u.agent;
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    unit: { id: u.org_id, name: u.unit_name },
    extension: a?.extension ?? null,
    state: (a?.state ?? 'signed_out') as AgentState,
    reason: (a?.reason ?? null) as NotReadyReason | null,
    since: iso(a?.state_since),
    acwUntil: a?.state === 'after_call_work' ? iso(a.acw_until) : null,
    currentCall,
    skills: skills.map((s) => ({ id: s.id, code: s.code, name: s.name, level: s.level })),
  };
}

export function presentIntegration(r: IntegrationRow): Integration {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    unit: { id: r.org_id, name: r.unit_name },
    createdAt: r.created_at.toISOString(),
    lastUsedAt: iso(r.last_used_at),
    revokedAt: iso(r.revoked_at),
  };
}

export function presentBlocked(r: BlockedRow): BlockedNumber {
  return {
    id: r.id,
    number: r.number,
    note: r.note,
    unit: { id: r.org_id, name: r.unit_name },
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
  };
}

export function presentSkill(r: SkillRow): Skill {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    active: r.active,
    unit: { id: r.org_id, name: r.unit_name },
    agents: Number(r.agents),
  };
}

export function presentQueue(r: QueueRow): Queue {
  return {
    id: r.id,
    name: r.name,
    skill:
      r.skill_id && r.skill_code && r.skill_name
        ? { id: r.skill_id, code: r.skill_code, name: r.skill_name }
        : null,
    unit: { id: r.org_id, name: r.unit_name },
  };
}
