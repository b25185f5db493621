import { describe, expect, it } from 'vitest';
import {
  AGENT_STATES,
  agentTransition,
  manualChoices,
  timeInStates,
  type AgentState,
} from './agent-states.js';

const at = (state: AgentState, reason: 'meal' | 'training' | null = null) => ({ state, reason });

describe('agent state machine', () => {
  it.each([
    ['signed_out', 'ready'],
    ['signed_out', 'break'],
    ['ready', 'break'],
    ['ready', 'signed_out'],
    ['break', 'ready'],
    ['after_call_work', 'ready'],
    ['after_call_work', 'signed_out'],
    ['not_ready', 'ready'],
  ] as const)('the agent moves %s → %s', (from, to) => {
    expect(agentTransition(at(from), { kind: 'set', to })).toEqual({
      kind: 'move',
      to,
      reason: null,
    });
  });

  it('not ready needs a reason, keeps it, and a new reason is a move of its own', () => {
    expect(agentTransition(at('ready'), { kind: 'set', to: 'not_ready' })).toEqual({
      kind: 'refuse',
      why: 'reason_required',
    });
    expect(agentTransition(at('ready'), { kind: 'set', to: 'not_ready', reason: 'meal' })).toEqual({
      kind: 'move',
      to: 'not_ready',
      reason: 'meal',
    });
    expect(
      agentTransition(at('not_ready', 'meal'), { kind: 'set', to: 'not_ready', reason: 'meal' }),
    ).toEqual({ kind: 'stay' });
    expect(
      agentTransition(at('not_ready', 'meal'), {
        kind: 'set',
        to: 'not_ready',
        reason: 'training',
      }),
    ).toEqual({ kind: 'move', to: 'not_ready', reason: 'training' });
    // Leaving not ready drops the reason.
    expect(agentTransition(at('not_ready', 'meal'), { kind: 'set', to: 'ready' })).toEqual({
      kind: 'move',
      to: 'ready',
      reason: null,
    });
  });

  it('refuses every button during a call; the same state again is no move', () => {
    for (const to of ['ready', 'break', 'signed_out'] as const) {
      expect(agentTransition(at('talking'), { kind: 'set', to })).toEqual({
        kind: 'refuse',
        why: 'on_call',
      });
    }
    expect(agentTransition(at('ready'), { kind: 'set', to: 'ready' })).toEqual({ kind: 'stay' });
    expect(manualChoices('talking')).toEqual([]);
    expect(manualChoices('ready')).toEqual(['not_ready', 'break', 'signed_out']);
  });

  it('calls move the agent: answer → talking, hangup → after-call work, timeout → ready', () => {
    for (const s of ['ready', 'not_ready', 'break', 'after_call_work'] as const) {
      expect(agentTransition(at(s), { kind: 'answer' })).toEqual({
        kind: 'move',
        to: 'talking',
        reason: null,
      });
    }
    expect(agentTransition(at('signed_out'), { kind: 'answer' })).toEqual({ kind: 'stay' });
    expect(agentTransition(at('talking'), { kind: 'answer' })).toEqual({ kind: 'stay' });
    expect(agentTransition(at('talking'), { kind: 'hangup' })).toEqual({
      kind: 'move',
      to: 'after_call_work',
      reason: null,
    });
    for (const s of AGENT_STATES.filter((x) => x !== 'talking')) {
      expect(agentTransition(at(s), { kind: 'hangup' })).toEqual({ kind: 'stay' });
    }
    expect(agentTransition(at('after_call_work'), { kind: 'acw_timeout' })).toEqual({
      kind: 'move',
      to: 'ready',
      reason: null,
    });
    expect(agentTransition(at('break'), { kind: 'acw_timeout' })).toEqual({ kind: 'stay' });
  });
});

describe('time in states', () => {
  const t = (m: number) => new Date(Date.UTC(2026, 2, 2, 0, m));
  it('clips intervals to the window and runs the open one until now', () => {
    const totals = timeInStates(
      [
        { state: 'ready', startedAt: t(-10), endedAt: t(5) },
        { state: 'talking', startedAt: t(5), endedAt: t(8) },
        { state: 'after_call_work', startedAt: t(8), endedAt: t(9) },
        { state: 'ready', startedAt: t(9), endedAt: null },
      ],
      t(0),
      t(60),
      t(20),
    );
    expect(totals).toEqual({
      signed_out: 0,
      ready: 5 * 60 + 11 * 60,
      not_ready: 0,
      break: 0,
      talking: 180,
      after_call_work: 60,
    });
  });
});
