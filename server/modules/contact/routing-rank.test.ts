import { describe, expect, it } from 'vitest';
import { isAvailable, rankAgents, type RoutableAgent } from './routing-rank.js';

const now = new Date('2026-03-10T02:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const agent = (id: string, over: Partial<RoutableAgent> = {}): RoutableAgent => ({
  userId: id,
  state: 'ready',
  idleSince: ago(60),
  acwUntil: null,
  reservedUntil: null,
  skills: new Map([['fault', 1]]),
  ...over,
});

describe('routing choice', () => {
  it('rings the longest-idle ready agent with the skill', () => {
    const r = rankAgents({
      agents: [
        agent('a', { idleSince: ago(30) }),
        agent('b', { idleSince: ago(300) }),
        agent('c', { idleSince: ago(900), skills: new Map([['complaint', 3]]) }),
        agent('d', { idleSince: ago(1200), state: 'not_ready' }),
      ],
      skill: 'fault',
      preferredAgentId: null,
      now,
    });
    expect(r).toEqual({ ranked: ['b', 'a'], reason: 'longest_idle' });
  });

  it('breaks ties by skill level, and without a skill takes anyone ready', () => {
    const same = ago(100);
    const r = rankAgents({
      agents: [
        agent('a', { idleSince: same, skills: new Map([['fault', 1]]) }),
        agent('b', { idleSince: same, skills: new Map([['fault', 4]]) }),
      ],
      skill: 'fault',
      preferredAgentId: null,
      now,
    });
    expect(r.ranked).toEqual(['b', 'a']);
    const any = rankAgents({
      agents: [agent('x', { skills: new Map(), idleSince: ago(500) }), agent('y')],
      skill: null,
      preferredAgentId: null,
      now,
    });
    expect(any.ranked).toEqual(['x', 'y']);
  });

  it('prefers the caller’s last agent when free, else falls back to the longest idle', () => {
    const agents = [agent('a', { idleSince: ago(600) }), agent('b', { idleSince: ago(10) })];
    expect(rankAgents({ agents, skill: 'fault', preferredAgentId: 'b', now })).toEqual({
      ranked: ['b', 'a'],
      reason: 'last_agent',
    });
    const busy = [agent('a', { idleSince: ago(600) }), agent('b', { state: 'talking' })];
    expect(rankAgents({ agents: busy, skill: 'fault', preferredAgentId: 'b', now })).toEqual({
      ranked: ['a'],
      reason: 'longest_idle',
    });
  });

  it('says why nobody rings: nobody ready, or nobody with the skill', () => {
    expect(
      rankAgents({
        agents: [agent('a', { state: 'break' }), agent('b', { state: 'talking' })],
        skill: 'fault',
        preferredAgentId: null,
        now,
      }),
    ).toEqual({ ranked: [], reason: 'no_agent_ready' });
    expect(
      rankAgents({ agents: [agent('a')], skill: 'dialect-yue', preferredAgentId: null, now }),
    ).toEqual({ ranked: [], reason: 'no_agent_with_skill' });
  });

  it('counts after-call work that ran out as free since its end; a held agent is not free', () => {
    expect(isAvailable(agent('a', { state: 'after_call_work', acwUntil: ago(5) }), now)).toBe(true);
    expect(isAvailable(agent('a', { state: 'after_call_work', acwUntil: ago(-5) }), now)).toBe(
      false,
    );
    expect(isAvailable(agent('a', { state: 'after_call_work', acwUntil: null }), now)).toBe(false);
    expect(isAvailable(agent('a', { reservedUntil: ago(-10) }), now)).toBe(false);
    expect(isAvailable(agent('a', { reservedUntil: ago(10) }), now)).toBe(true);
    const r = rankAgents({
      agents: [
        agent('ready-recently', { idleSince: ago(20) }),
        agent('acw-ended-long-ago', { state: 'after_call_work', acwUntil: ago(200) }),
      ],
      skill: 'fault',
      preferredAgentId: null,
      now,
    });
    expect(r.ranked).toEqual(['acw-ended-long-ago', 'ready-recently']);
  });
});
