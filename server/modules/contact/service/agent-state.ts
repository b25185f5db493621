/**
 * Moving an agent from state to state, in the caller's transaction: the live row, the closed and
 * opened intervals (time in each state), the wrap-up end of the call when after-call work ends,
 * and the live update leads watch (topic `contact.agent`).
 */
import type { Kysely } from 'kysely';
import {
  agentTransition,
  type AgentState,
  type AgentStateChange,
  type NotReadyReason,
} from '../../../../common/contact/agent-states.js';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../platform/ids.js';
import { recordAudit, type AuditContext } from '../../auth/index.js';
import { ContactError } from '../errors.js';
import { endWrapUp } from '../store/calls.js';
import { acwSecondsAt } from '../store/config.js';
import {
  insertAgent,
  lockAgent,
  recordInterval,
  updateAgent,
  type AgentRow,
} from '../store/agents.js';
import { insertOutbox } from '../store/refs.js';

export interface MoveAgentOptions {
  userId: string;
  change: AgentStateChange;
  now: Date;
  /** Send the live update with the commit (PostgreSQL), else by the outbox dispatcher. */
  notify: boolean;
  /** The call that causes an answer or hangup. */
  callId?: string | null;
  /** Set by the agent: the agent row is created on first sign-in from this unit. */
  by?: {
    audit: AuditContext;
    unit: { id: string; path: string; provinceId: string | null };
    extension?: string | undefined;
  };
}

/** The live update of an agent's state. */
export async function emitAgentChange(
  tx: Kysely<DB>,
  row: AgentRow,
  now: Date,
  notify: boolean,
): Promise<void> {
  await insertOutbox(
    tx,
    {
      topic: 'contact.agent',
      payload: {
        kind: 'agent',
        userId: row.user_id,
        state: row.state,
        reason: row.reason,
        since: row.state_since.toISOString(),
        callId: row.current_call_id,
        at: now.toISOString(),
        unitPath: row.unit_path,
      },
      orgId: row.org_id,
      provinceId: row.province_id,
    },
    notify,
  );
}

/**
 * Applies a change to an agent. Returns the agent row after it, or null when the user has no
 * agent row and the change came from a call (a user who never signed in is not tracked).
 */
export async function moveAgent(tx: Kysely<DB>, o: MoveAgentOptions): Promise<AgentRow | null> {
  let row = await lockAgent(tx, o.userId);
  if (!row) {
    // A user who never signed in is not tracked: calls do not move them, signing out is moot.
    if (!o.by || (o.change.kind === 'set' && o.change.to === 'signed_out')) return null;
    await insertAgent(tx, {
      user_id: o.userId,
      extension: o.by.extension ?? null,
      state: 'signed_out',
      reason: null,
      state_since: o.now,
      org_id: o.by.unit.id,
      unit_path: o.by.unit.path,
      province_id: o.by.unit.provinceId,
      updated_at: o.now,
    });
    row = (await lockAgent(tx, o.userId))!;
  }
  const from = { state: row.state as AgentState, reason: row.reason as NotReadyReason | null };
  const t = agentTransition(from, o.change);
  const extension = o.by?.extension;
  if (t.kind === 'refuse') {
    throw new ContactError(
      t.why === 'on_call' ? 'CONTACT_STATE_NOT_ALLOWED' : 'CONTACT_REASON_REQUIRED',
    );
  }
  if (t.kind === 'stay') {
    if (extension !== undefined && extension !== row.extension) {
      await updateAgent(tx, o.userId, { extension, updated_at: o.now });
      return { ...row, extension };
    }
    return row;
  }

  const leavingAcw = from.state === 'after_call_work';
  if (leavingAcw && row.current_call_id) await endWrapUp(tx, row.current_call_id, o.now);
  let acwUntil: Date | null = null;
  if (t.to === 'after_call_work') {
    const { seconds } = await acwSecondsAt(tx, row.unit_path);
    // 0 s: after-call work lasts until the agent ends it.
    acwUntil = seconds > 0 ? new Date(o.now.getTime() + seconds * 1000) : null;
  }
  const currentCall =
    t.to === 'talking' || t.to === 'after_call_work' ? (o.callId ?? row.current_call_id) : null;
  const next: AgentRow = {
    ...row,
    state: t.to,
    reason: t.reason,
    state_since: o.now,
    idle_since: t.to === 'ready' ? o.now : row.idle_since,
    acw_until: acwUntil,
    reserved_until: t.to === 'talking' ? null : row.reserved_until,
    current_call_id: currentCall,
    extension: extension ?? row.extension,
    updated_at: o.now,
  };
  await updateAgent(tx, o.userId, {
    state: next.state,
    reason: next.reason,
    state_since: next.state_since,
    idle_since: next.idle_since,
    acw_until: next.acw_until,
    reserved_until: next.reserved_until,
    current_call_id: next.current_call_id,
    extension: next.extension,
    updated_at: o.now,
  });
  await recordInterval(
    tx,
    o.userId,
    o.now,
    t.to === 'signed_out'
      ? null
      : {
          id: newId(),
          user_id: o.userId,
          state: t.to,
          reason: t.reason,
          started_at: o.now,
          ended_at: null,
          call_id: currentCall,
          org_id: row.org_id,
          province_id: row.province_id,
        },
  );
  if (o.by) {
    await recordAudit(tx, o.by.audit, {
      action: 'contact.agent_state',
      entityType: 'contact_agent',
      entityId: o.userId,
      before: { state: from.state, reason: from.reason },
      after: { state: t.to, reason: t.reason },
      orgId: row.org_id,
      provinceId: row.province_id,
    });
  }
  await emitAgentChange(tx, next, o.now, o.notify);
  return next;
}
