import { describe, expect, it } from 'vitest';
import type { CtiEventInput } from '../../../common/schemas/contact.js';
import { applyCtiEvent, type CallFacts, type ResolvedEvent } from './call-machine.js';

const AGENT = { id: '0190c0de-0000-7000-8000-000000000001', name: '李晓雯' };
const t0 = Date.UTC(2026, 2, 10, 1, 0, 0);
const at = (s: number) => new Date(t0 + s * 1000);

const EVENTS: Record<'newCall' | 'answer' | 'hangup', CtiEventInput> = {
  newCall: {
    event: 'newCall',
    from: '13912340001',
    to: '95598',
    direction: 'in',
    callId: 'c1',
    user: ['李晓雯'],
    queue: 'fault',
  },
  answer: { event: 'answer', callId: 'c1', user: ['李晓雯'], answeringNumber: '8001' },
  hangup: { event: 'hangup', callId: 'c1', cause: 'normalClearing' },
};

const resolved = (e: CtiEventInput, blocked = false): ResolvedEvent => ({
  event: e,
  callerNumber: '13912340001',
  ringingUserIds: e.event === 'newCall' ? [AGENT.id] : [],
  agent: e.event === 'answer' ? AGENT : null,
  blocked,
});

/** Plays events one second apart; returns the last facts and the agent effects in order. */
function play(names: (keyof typeof EVENTS)[], blocked = false) {
  let call: CallFacts | null = null;
  const effects: string[] = [];
  const changed: boolean[] = [];
  names.forEach((n, i) => {
    const step = applyCtiEvent(call, resolved(EVENTS[n], blocked), at(i));
    call = step.next;
    changed.push(step.changed);
    if (step.agentEffect) effects.push(step.agentEffect.kind);
  });
  return { call: call!, effects, changed };
}

const ORDERS: (keyof typeof EVENTS)[][] = [
  ['newCall', 'answer', 'hangup'],
  ['newCall', 'hangup', 'answer'],
  ['answer', 'newCall', 'hangup'],
  ['answer', 'hangup', 'newCall'],
  ['hangup', 'newCall', 'answer'],
  ['hangup', 'answer', 'newCall'],
];

describe('CTI events in every order', () => {
  it.each(ORDERS)('%s → %s → %s ends answered with every timestamp', (...order) => {
    const { call, effects } = play(order);
    expect(call.state).toBe('ended');
    expect(call.outcome).toBe('answered');
    expect(call.ringAt).not.toBeNull();
    expect(call.answeredAt).not.toBeNull();
    expect(call.endedAt).not.toBeNull();
    expect(call.answeredAt!.getTime()).toBeLessThanOrEqual(call.endedAt!.getTime());
    expect(call.queue).toBe('fault');
    expect(call.fromNumber).toBe('13912340001');
    expect(call.agentId).toBe(AGENT.id);
    expect(call.ringingUserIds).toEqual([AGENT.id]);
    // The agent talks and wraps up only when the answer came before the hangup.
    const answeredFirst = order.indexOf('answer') < order.indexOf('hangup');
    expect(effects).toEqual(answeredFirst ? ['answer', 'hangup'] : []);
  });

  it.each(ORDERS)('%s → %s → %s with every event twice is the same call', (...order) => {
    const once = play(order);
    const twice = play(order.flatMap((n) => [n, n]));
    const strip = (c: CallFacts) => ({
      ...c,
      ringAt: null,
      queuedAt: null,
      answeredAt: null,
      endedAt: null,
      firstSeenAt: null,
    });
    expect(strip(twice.call)).toEqual(strip(once.call));
    // Every repeat is a duplicate: it changes nothing and moves no agent.
    expect(twice.changed.filter((_, i) => i % 2 === 1)).toEqual([false, false, false]);
    expect(twice.effects).toEqual(once.effects);
    // And the whole sequence played again afterwards changes nothing either.
    const again = play([...order, ...order]);
    expect(again.changed.slice(3)).toEqual([false, false, false]);
  });

  it('keeps the times of the events in order: ring, queue, answer, end', () => {
    const { call } = play(['newCall', 'answer', 'hangup']);
    expect([call.ringAt, call.queuedAt, call.answeredAt, call.endedAt]).toEqual([
      at(0),
      at(0),
      at(1),
      at(2),
    ]);
  });

  it('a newCall after the answer does not ring it again', () => {
    const { call } = play(['answer', 'newCall']);
    expect(call.state).toBe('talking');
    expect(call.answeredAt).toEqual(at(0));
    expect(call.ringAt).toEqual(at(0));
  });

  it('a hangup before any answer is abandoned (cancel) or missed, with its cause kept', () => {
    let call: CallFacts | null = applyCtiEvent(null, resolved(EVENTS.newCall), at(0)).next;
    const cancelled = applyCtiEvent(
      call,
      resolved({ event: 'hangup', callId: 'c1', cause: 'cancel' }),
      at(30),
    );
    expect(cancelled.next).toMatchObject({ state: 'ended', outcome: 'abandoned', cause: 'cancel' });
    expect(cancelled.agentEffect).toBeNull();
    call = applyCtiEvent(null, resolved(EVENTS.newCall), at(0)).next;
    for (const cause of ['noAnswer', 'busy', 'congestion', 'notFound', 'forwarded'] as const) {
      const r = applyCtiEvent(call, resolved({ event: 'hangup', callId: 'c1', cause }), at(9));
      expect(r.next).toMatchObject({ outcome: 'missed', cause });
    }
  });

  it('an answer after the hangup fills the answer but the call stays ended', () => {
    const { call } = play(['newCall', 'hangup', 'answer']);
    expect(call).toMatchObject({ state: 'ended', outcome: 'answered' });
    expect(call.answeredAt).toEqual(call.endedAt);
  });

  it('a blocked caller’s call ends at once as blocked; later events do not revive it', () => {
    const { call, effects } = play(['newCall', 'answer', 'hangup'], true);
    expect(call).toMatchObject({ state: 'ended', outcome: 'blocked', answeredAt: null });
    expect(effects).toEqual([]);
  });

  it('fills a recording reference whenever the PBX sends one', () => {
    const first = applyCtiEvent(null, resolved(EVENTS.newCall), at(0)).next;
    const r = applyCtiEvent(
      first,
      resolved({ event: 'hangup', callId: 'c1', cause: 'normalClearing', recording: 'r/1.wav' }),
      at(5),
    );
    expect(r.next.recording).toBe('r/1.wav');
  });
});
