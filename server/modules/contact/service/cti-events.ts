/**
 * Telephony events in (Zammad's generic CTI push API): each event is logged as it came, applied to
 * its call under a row lock (call-machine.ts), moves the answering agent, and emits a live
 * update to the agents whose phones ring or who answered (the screen pop).
 */
import type { Kysely } from 'kysely';
import { normalizePhone } from '../../../../common/customers/phone.js';
import type { CtiAnswer, CtiEventInput } from '../../../../common/schemas/contact.js';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../platform/ids.js';
import { sha256 } from '../secret.js';
import { applyCtiEvent, type CallFacts } from '../call-machine.js';
import { ContactError } from '../errors.js';
import { callFacts } from '../presenters.js';
import { usersNamed } from '../store/agents.js';
import {
  insertCall,
  lockCall,
  logCtiEvent,
  setRecording,
  updateCall,
  type CallRow,
} from '../store/calls.js';
import { integrationBySecret, isBlocked, type IntegrationRow } from '../store/config.js';
import { insertOutbox } from '../store/refs.js';
import { moveAgent } from './agent-state.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The live integration of a secret; CTI_TOKEN_INVALID for an unknown or revoked one. */
export async function integrationOf(tx: Kysely<DB>, secret: string): Promise<IntegrationRow> {
  const row = await integrationBySecret(tx, sha256(secret));
  if (!row) throw new ContactError('CTI_TOKEN_INVALID');
  return row;
}

/** The agent who answered: answeringNumber first (as Zammad resolves it), then user[]. */
async function answeringAgent(
  tx: Kysely<DB>,
  prefix: string,
  e: CtiEventInput,
): Promise<{ id: string; name: string } | null> {
  if (e.answeringNumber) {
    const n = e.answeringNumber;
    const hits = await usersNamed(tx, prefix, [n], {
      phone: normalizePhone(n),
      id: UUID.test(n) ? n : null,
    });
    if (hits[0]) return { id: hits[0].id, name: hits[0].display_name };
  }
  if (e.user && e.user.length > 0) {
    const hits = await usersNamed(tx, prefix, e.user);
    // In the order user[] named them.
    for (const name of e.user) {
      const hit = hits.find((h) => h.matched === name || h.matched === name.toLowerCase());
      if (hit) return { id: hit.id, name: hit.display_name };
    }
  }
  return null;
}

function toRow(c: CallFacts) {
  return {
    direction: c.direction,
    from_number: c.fromNumber,
    to_number: c.toNumber,
    caller_number: c.callerNumber,
    queue: c.queue,
    state: c.state,
    outcome: c.outcome,
    cause: c.cause,
    ring_at: c.ringAt,
    queued_at: c.queuedAt,
    answered_at: c.answeredAt,
    ended_at: c.endedAt,
    agent_id: c.agentId,
    agent_name: c.agentName,
    answering_number: c.answeringNumber,
    user_names: c.userNames,
    ringing_user_ids: c.ringingUserIds,
    recording: c.recording,
  };
}

/** The live update of a call, addressed to the users whose phones ring and the answering agent. */
async function emitCallChange(
  tx: Kysely<DB>,
  call: { id: string; org_id: string; unit_path: string; province_id: string | null },
  c: CallFacts,
  e: CtiEventInput,
  now: Date,
  notify: boolean,
): Promise<void> {
  const userIds = [...new Set([...c.ringingUserIds, ...(c.agentId ? [c.agentId] : [])])];
  await insertOutbox(
    tx,
    {
      topic: 'contact.call',
      payload: {
        kind: 'call',
        id: call.id,
        callId: e.callId,
        event: e.event,
        state: c.state,
        outcome: c.outcome,
        direction: c.direction,
        // The ringing agent's phone shows the number anyway: the pop carries it in full.
        number: c.callerNumber ?? (c.direction === 'out' ? c.toNumber : c.fromNumber),
        queue: c.queue,
        agentId: c.agentId,
        userIds,
        at: now.toISOString(),
        unitPath: call.unit_path,
      },
      orgId: call.org_id,
      provinceId: call.province_id,
    },
    notify,
  );
}

/**
 * Applies one event of an integration; returns Zammad's answer. `notify`: send the live updates
 * with the commit (PostgreSQL), else leave them to the outbox dispatcher.
 */
export async function receiveCtiEvent(
  tx: Kysely<DB>,
  integration: IntegrationRow,
  e: CtiEventInput,
  now: Date,
  notify: boolean,
): Promise<CtiAnswer> {
  const prefix = integration.unit_path;
  const existing = await lockCall(tx, integration.org_id, e.callId);
  const direction = e.direction ?? existing?.direction ?? 'in';
  const other = direction === 'out' ? e.to : e.from;
  const callerNumber = other ? normalizePhone(other) : null;
  const newRing = e.event === 'newCall' && (existing?.ringing_user_ids.length ?? 0) === 0;
  const [ringing, agent, blocked] = await Promise.all([
    newRing && e.user?.length ? usersNamed(tx, prefix, e.user) : Promise.resolve([]),
    e.event === 'answer' && !existing?.agent_id
      ? answeringAgent(tx, prefix, e)
      : Promise.resolve(null),
    e.event === 'newCall' && direction === 'in' && callerNumber && !existing
      ? isBlocked(tx, callerNumber, prefix)
      : Promise.resolve(false),
  ]);
  const step = applyCtiEvent(
    existing ? callFacts(existing) : null,
    { event: e, callerNumber, ringingUserIds: ringing.map((u) => u.id), agent, blocked },
    now,
  );
  let call: Pick<CallRow, 'id' | 'org_id' | 'unit_path' | 'province_id'>;
  if (existing) {
    call = existing;
    if (step.changed) await updateCall(tx, existing.id, { ...toRow(step.next), updated_at: now });
  } else {
    call = {
      id: newId(),
      org_id: integration.org_id,
      unit_path: integration.unit_path,
      province_id: integration.province_id,
    };
    await insertCall(tx, {
      ...call,
      ...toRow(step.next),
      integration_id: integration.id,
      call_id: e.callId,
      first_seen_at: now,
      updated_at: now,
    });
  }
  const rejected = step.next.outcome === 'blocked' && e.event === 'newCall';
  await logCtiEvent(tx, {
    integration_id: integration.id,
    call_id: e.callId,
    event: e.event,
    payload: JSON.stringify(e),
    result: rejected ? 'rejected' : step.changed ? 'applied' : 'duplicate',
    contact_call_id: call.id,
    org_id: integration.org_id,
    province_id: integration.province_id,
    received_at: now,
  });
  if (step.agentEffect) {
    await moveAgent(tx, {
      userId: step.agentEffect.agentId,
      change: { kind: step.agentEffect.kind },
      callId: call.id,
      now,
      notify,
    });
  }
  if (step.changed) await emitCallChange(tx, call, step.next, e, now, notify);
  return rejected ? { action: 'reject', reason: 'busy' } : {};
}

/** The PBX names where a call's recording is kept, after the call (or instead of `recording`). */
export async function recordRecording(
  tx: Kysely<DB>,
  integration: IntegrationRow,
  input: { callId: string; recording: string },
  now: Date,
): Promise<{ id: string }> {
  const row = await setRecording(tx, integration.org_id, input.callId, input.recording, now);
  if (!row) throw new ContactError('CONTACT_CALL_NOT_FOUND');
  return { id: row.id };
}
