/**
 * Which agent a call should ring, pure: among the agents ready for it (ready, or whose after-call
 * work has run out, and not already offered another call), those with the queue's skill; the
 * caller's last agent first when the caller is a VIP or important customer or called within
 * 24 h and that agent is free; otherwise the one idle longest (ties: the higher skill level).
 */
import type { AgentState } from '../../../common/contact/agent-states.js';

export interface RoutableAgent {
  userId: string;
  state: AgentState;
  /** When the agent last became ready (null: never). */
  idleSince: Date | null;
  acwUntil: Date | null;
  reservedUntil: Date | null;
  /** Skill codes with their level (1–5). */
  skills: ReadonlyMap<string, number>;
}

export type RouteReason = 'last_agent' | 'longest_idle' | 'no_agent_with_skill' | 'no_agent_ready';

export interface RouteChoice {
  /** Candidates in order of preference; the first is the one to ring. */
  ranked: string[];
  reason: RouteReason;
}

/** Whether the agent can take a call now. */
export function isAvailable(a: RoutableAgent, now: Date): boolean {
  if (a.reservedUntil && a.reservedUntil > now) return false;
  if (a.state === 'ready') return true;
  return a.state === 'after_call_work' && a.acwUntil !== null && a.acwUntil <= now;
}

/** When the agent became free: after-call work that ran out counts from its end. */
function freeSince(a: RoutableAgent): number {
  if (a.state === 'after_call_work' && a.acwUntil) return a.acwUntil.getTime();
  return a.idleSince?.getTime() ?? 0;
}

export function rankAgents(opts: {
  agents: readonly RoutableAgent[];
  /** The queue's skill code; null routes to any available agent. */
  skill: string | null;
  /** The caller's last agent, when the caller deserves them (VIP, important, repeat). */
  preferredAgentId: string | null;
  now: Date;
}): RouteChoice {
  const hasSkill = (a: RoutableAgent) => opts.skill === null || a.skills.has(opts.skill);
  const skilled = opts.agents.filter((a) => isAvailable(a, opts.now) && hasSkill(a));
  if (skilled.length === 0) {
    // Agents with the skill who are all busy or held: nobody ready; else nobody has the skill.
    const anyReady = opts.agents.some((a) => isAvailable(a, opts.now));
    const reason =
      !anyReady || opts.agents.some(hasSkill) ? 'no_agent_ready' : 'no_agent_with_skill';
    return { ranked: [], reason };
  }
  const level = (a: RoutableAgent) => (opts.skill === null ? 0 : (a.skills.get(opts.skill) ?? 0));
  const ordered = [...skilled].sort(
    (a, b) =>
      freeSince(a) - freeSince(b) || level(b) - level(a) || a.userId.localeCompare(b.userId),
  );
  const preferred = ordered.findIndex((a) => a.userId === opts.preferredAgentId);
  if (preferred > 0) ordered.unshift(...ordered.splice(preferred, 1));
  return {
    ranked: ordered.map((a) => a.userId),
    reason: preferred >= 0 ? 'last_agent' : 'longest_idle',
  };
}
