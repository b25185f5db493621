/**
 * What one CTI event does to a call, pure. PBX bridges repeat events and deliver them out of
 * order, so every event is applied to whatever is known: the same event twice changes nothing;
 * a hangup before any answer ends the call unanswered (abandoned when the caller cancelled,
 * missed otherwise); an answer after the hangup fills the answer time but leaves the call ended;
 * a newCall after the answer does not ring it again.
 */
import type { CallOutcome, CallState, CtiEventInput } from '../../../common/schemas/contact.js';

/** The facts of a call that events change (a row of contact_calls, in plain data). */
export interface CallFacts {
  direction: 'in' | 'out' | null;
  fromNumber: string | null;
  toNumber: string | null;
  callerNumber: string | null;
  queue: string | null;
  state: CallState;
  outcome: CallOutcome | null;
  cause: string | null;
  firstSeenAt: Date;
  ringAt: Date | null;
  queuedAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  agentId: string | null;
  agentName: string | null;
  answeringNumber: string | null;
  userNames: string[];
  ringingUserIds: string[];
  recording: string | null;
}

/** The event with what the service resolved for it (numbers, users, the block list). */
export interface ResolvedEvent {
  event: CtiEventInput;
  /** The other party's number, normalised (caller of an inbound call, callee of an outbound). */
  callerNumber: string | null;
  /** Users named by user[] (newCall: whose phones ring). */
  ringingUserIds: string[];
  /** The answering agent, resolved from answeringNumber or user[] (answer events). */
  agent: { id: string; name: string } | null;
  /** The caller is on the block list (inbound newCall only). */
  blocked: boolean;
}

export interface CallStep {
  next: CallFacts;
  /** Whether anything changed (false: a duplicate). */
  changed: boolean;
  /** What the agent's state must follow: the call was answered, or an answered call ended. */
  agentEffect: { kind: 'answer' | 'hangup'; agentId: string } | null;
}

/** The outcome of a call that ended without an answer. */
export function unansweredOutcome(cause: string | null): CallOutcome {
  return cause === 'cancel' ? 'abandoned' : 'missed';
}

function empty(now: Date): CallFacts {
  return {
    direction: null,
    fromNumber: null,
    toNumber: null,
    callerNumber: null,
    queue: null,
    state: 'ringing',
    outcome: null,
    cause: null,
    firstSeenAt: now,
    ringAt: null,
    queuedAt: null,
    answeredAt: null,
    endedAt: null,
    agentId: null,
    agentName: null,
    answeringNumber: null,
    userNames: [],
    ringingUserIds: [],
    recording: null,
  };
}

const same = (a: CallFacts, b: CallFacts) => JSON.stringify(a) === JSON.stringify(b);

/** Applies one event to a call (null: the first event of this callId) at `now`. */
export function applyCtiEvent(call: CallFacts | null, r: ResolvedEvent, now: Date): CallStep {
  const before = call ?? empty(now);
  const e = r.event;
  const c: CallFacts = { ...before };
  // Whatever the event, fill what we did not know yet (a late newCall still brings the numbers).
  c.direction ??= e.direction ?? null;
  c.fromNumber ??= e.from ?? null;
  c.toNumber ??= e.to ?? null;
  c.callerNumber ??= r.callerNumber;
  if (e.recording) c.recording = e.recording;
  if (e.queue && c.queue === null) {
    c.queue = e.queue;
    // Queued when the queue became known, but never after the call was answered or ended.
    c.queuedAt = c.answeredAt ?? c.endedAt ?? now;
  }
  let agentEffect: CallStep['agentEffect'] = null;

  switch (e.event) {
    case 'newCall': {
      // A late newCall rings nothing again: the ring time is when the call was first seen.
      c.ringAt ??= c.firstSeenAt;
      if (e.user && c.userNames.length === 0) c.userNames = e.user;
      if (c.ringingUserIds.length === 0) c.ringingUserIds = r.ringingUserIds;
      if (r.blocked && call === null) {
        c.state = 'ended';
        c.outcome = 'blocked';
        c.endedAt = now;
      }
      break;
    }
    case 'answer': {
      if (r.agent && c.agentId === null) {
        c.agentId = r.agent.id;
        c.agentName = r.agent.name;
      }
      c.answeringNumber ??= e.answeringNumber ?? null;
      if (c.state === 'ringing') {
        c.state = 'talking';
        c.answeredAt = now;
        if (c.agentId) agentEffect = { kind: 'answer', agentId: c.agentId };
      } else if (c.state === 'ended' && c.answeredAt === null && c.outcome !== 'blocked') {
        // The answer came after the hangup: it happened before the end; the call stays ended.
        c.answeredAt = c.endedAt;
        c.outcome = 'answered';
      }
      break;
    }
    case 'hangup': {
      c.cause ??= e.cause ?? null;
      if (c.state !== 'ended') {
        const wasTalking = c.state === 'talking';
        c.state = 'ended';
        c.endedAt = now;
        c.outcome = wasTalking ? 'answered' : unansweredOutcome(c.cause);
        if (wasTalking && c.agentId) agentEffect = { kind: 'hangup', agentId: c.agentId };
      }
      break;
    }
  }
  return { next: c, changed: call === null || !same(before, c), agentEffect };
}
