/**
 * The routing endpoint a PBX may ask before ringing anyone: the queue's skill, the caller's last
 * agent when the caller deserves them, and the longest-idle ready agent otherwise (pure ranking in
 * routing-rank.ts). The chosen agent is held for the ring so a second call goes elsewhere.
 */
import type { Kysely } from 'kysely';
import type { AgentState } from '../../../../common/contact/agent-states.js';
import { normalizePhone } from '../../../../common/customers/phone.js';
import type { RouteAnswer, RouteInput } from '../../../../common/schemas/contact.js';
import type { DB } from '../../../db/schema.js';
import { rankAgents, type RoutableAgent } from '../routing-rank.js';
import { reserveAgent, routableAgents } from '../store/agents.js';
import { lastAnsweringAgent } from '../store/calls.js';
import { skillOfQueue, type IntegrationRow } from '../store/config.js';
import { callerDeservesLastAgent } from '../store/refs.js';

/** How long an offered agent is held for the call before another call may have them. */
export const OFFER_HOLD_MS = 20_000;
const REPEAT_WINDOW_MS = 24 * 3_600_000;

/**
 * Whose customers call this integration: a center that is a department serves the company it
 * belongs to (the 95598 center, its province), as serviceAreaPrefix has it for people.
 */
export function customerArea(i: Pick<IntegrationRow, 'unit_path' | 'unit_level'>): string {
  if (i.unit_level !== 'department') return i.unit_path;
  const parent = i.unit_path.slice(0, i.unit_path.slice(0, -1).lastIndexOf('/') + 1);
  return parent.length > 1 ? parent : i.unit_path;
}

/** The agent a call should ring, or null with the reason. */
export async function routeCall(
  tx: Kysely<DB>,
  integration: IntegrationRow,
  input: RouteInput,
  now: Date,
): Promise<RouteAnswer> {
  const prefix = integration.unit_path;
  const number = normalizePhone(input.from);
  const [queue, last, rows] = await Promise.all([
    input.queue ? skillOfQueue(tx, input.queue, prefix) : Promise.resolve({ code: null }),
    number ? lastAnsweringAgent(tx, number, prefix) : Promise.resolve(null),
    routableAgents(tx, prefix),
  ]);
  let preferred: string | null = null;
  if (number && last) {
    const repeat = now.getTime() - last.at.getTime() <= REPEAT_WINDOW_MS;
    if (repeat || (await callerDeservesLastAgent(tx, number, customerArea(integration)))) {
      preferred = last.agentId;
    }
  }
  const agents: RoutableAgent[] = rows.map((r) => ({
    userId: r.user_id,
    state: r.state as AgentState,
    idleSince: r.idle_since,
    acwUntil: r.acw_until,
    reservedUntil: r.reserved_until,
    skills: new Map(r.skills.map((s) => [s.code, s.level])),
  }));
  const choice = rankAgents({ agents, skill: queue.code, preferredAgentId: preferred, now });
  for (const id of choice.ranked) {
    // Another call may have taken the agent since the read: try the next one.
    if (!(await reserveAgent(tx, id, now, new Date(now.getTime() + OFFER_HOLD_MS)))) continue;
    const r = rows.find((x) => x.user_id === id)!;
    return {
      agent: {
        id,
        username: r.username,
        displayName: r.display_name,
        extension: r.extension,
        phone: r.phone,
      },
      reason: id === preferred ? 'last_agent' : 'longest_idle',
      skill: queue.code,
    };
  }
  return {
    agent: null,
    // Every candidate was taken by a concurrent call: nobody is ready for this one.
    reason: choice.ranked.length > 0 ? 'no_agent_ready' : choice.reason,
    skill: queue.code,
  };
}
