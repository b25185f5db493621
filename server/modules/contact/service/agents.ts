/**
 * Agents: one's own state from the desktop, the agents a lead watches, the time each spent in
 * each state, and the administrator's extension and skills per agent.
 */
import {
  AGENT_STATES,
  timeInStates,
  type AgentState,
  type NotReadyReason,
} from '../../../../common/contact/agent-states.js';
import { ROLE_PERMISSIONS, ROLES } from '../../../../common/permissions.js';
import type {
  AgentList,
  AgentProfileInput,
  AgentStateHistory,
  AgentStateInput,
  AgentView,
  CallSummary,
} from '../../../../common/schemas/contact.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { ContactError } from '../errors.js';
import { presentAgent, presentCall } from '../presenters.js';
import {
  agentUser,
  agentUsers,
  insertAgent,
  lockAgent,
  replaceSkills,
  skillsOf,
  updateAgent,
  intervalsOf,
  type AgentUserRow,
} from '../store/agents.js';
import { callsById } from '../store/calls.js';
import { skillsByIds } from '../store/config.js';
import { unitById } from '../store/refs.js';
import { emitAgentChange, moveAgent } from './agent-state.js';
import { auditBy, type ContactCtx, type ReadCtx } from './context.js';

/** The roles that work the phone (their agents are listed even before they first sign in). */
export const PHONE_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('contact.use'));

/** Agents with their skills and the call they are on, as views. */
async function views(ctx: ReadCtx, rows: AgentUserRow[]): Promise<AgentView[]> {
  const busy = rows.filter(
    (r) => r.agent?.current_call_id && ['talking', 'after_call_work'].includes(r.agent.state),
  );
  const [skills, calls] = await Promise.all([
    skillsOf(
      ctx.tx,
      rows.map((r) => r.id),
    ),
    callsById(
      ctx.tx,
      busy.map((r) => r.agent!.current_call_id!),
    ),
  ]);
  return rows.map((r) => {
    const call = r.agent?.current_call_id ? calls.get(r.agent.current_call_id) : undefined;
    const current: CallSummary | null = call ? presentCall(call, ctx.actor) : null;
    return presentAgent(r, skills.get(r.id) ?? [], current);
  });
}

/** The signed-in user's own agent view. */
export async function myAgentView(ctx: ReadCtx): Promise<AgentView> {
  authorize(ctx.actor, 'contact.use');
  const row = await agentUser(ctx.tx, ctx.actor.userId);
  if (!row) throw new ContactError('CONTACT_AGENT_NOT_FOUND');
  return (await views(ctx, [row]))[0]!;
}

/** Sign in, ready, not ready (with its reason), break, sign out: set by the agent. */
export async function setMyState(ctx: ContactCtx, input: AgentStateInput): Promise<AgentView> {
  authorize(ctx.actor, 'contact.use');
  await moveAgent(ctx.tx, {
    userId: ctx.actor.userId,
    change: { kind: 'set', to: input.state, reason: input.reason ?? null },
    now: ctx.now,
    notify: ctx.notify,
    by: {
      audit: auditBy(ctx),
      unit: { id: ctx.actor.unitId, path: ctx.actor.unitPath, provinceId: ctx.actor.provinceId },
      extension: input.extension,
    },
  });
  return myAgentView(ctx);
}

/** The agents in the lead's service area (or one unit of it), by name. */
export async function listAgents(
  ctx: ReadCtx,
  q: { unitId?: string | undefined; state?: AgentState | undefined },
): Promise<AgentList> {
  authorize(ctx.actor, 'contact.monitor');
  const prefix = serviceAreaPrefix(ctx.actor);
  let unitPath: string | undefined;
  if (q.unitId) {
    const unit = await unitById(ctx.tx, q.unitId);
    // A unit outside the area simply holds nobody the lead may see.
    unitPath = unit && unit.path.startsWith(prefix) ? unit.path : '/none/';
  }
  const rows = await agentUsers(ctx.tx, { prefix, roles: PHONE_ROLES, unitPath, state: q.state });
  const items = await views(ctx, rows);
  return { items, total: items.length };
}

/** An agent the actor may see (a phone user in the service area); not found otherwise. */
async function visibleAgent(ctx: ReadCtx, id: string): Promise<AgentUserRow> {
  const row = await agentUser(ctx.tx, id);
  if (!row || !row.unit_path.startsWith(serviceAreaPrefix(ctx.actor))) {
    throw new ContactError('CONTACT_AGENT_NOT_FOUND');
  }
  return row;
}

const MAX_HISTORY_DAYS = 93;

/** An agent's states between two instants, with the seconds spent in each. */
export async function agentStateHistory(
  ctx: ReadCtx,
  id: string,
  q: { from: string; to: string },
): Promise<AgentStateHistory> {
  // An agent reads her own; anyone else's needs a lead's permission.
  authorize(ctx.actor, id === ctx.actor.userId ? 'contact.use' : 'contact.monitor');
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (!(to > from) || to.getTime() - from.getTime() > MAX_HISTORY_DAYS * 86_400_000) {
    throw new AppError('VALIDATION_FAILED', [
      {
        in: 'querystring',
        path: 'to',
        message: `to must follow from, within ${MAX_HISTORY_DAYS} days`,
      },
    ]);
  }
  await visibleAgent(ctx, id);
  const rows = await intervalsOf(ctx.tx, id, from, to);
  const intervals = rows.map((r) => ({
    state: r.state as AgentState,
    startedAt: r.started_at,
    endedAt: r.ended_at,
  }));
  const totals = timeInStates(intervals, from, to, ctx.now);
  return {
    agentId: id,
    from: from.toISOString(),
    to: to.toISOString(),
    items: rows.map((r) => {
      const one = timeInStates(
        [{ state: r.state as AgentState, startedAt: r.started_at, endedAt: r.ended_at }],
        from,
        to,
        ctx.now,
      );
      return {
        state: r.state as AgentState,
        reason: r.reason as NotReadyReason | null,
        startedAt: r.started_at.toISOString(),
        endedAt: r.ended_at?.toISOString() ?? null,
        seconds: one[r.state as AgentState],
        callId: r.call_id,
      };
    }),
    totals: Object.fromEntries(AGENT_STATES.map((s) => [s, totals[s]])) as Record<
      AgentState,
      number
    >,
  };
}

/** The administrator sets an agent's extension and skills (with levels). */
export async function setAgentProfile(
  ctx: ContactCtx,
  id: string,
  input: AgentProfileInput,
): Promise<AgentView> {
  authorize(ctx.actor, 'contact.manage');
  const user = await visibleAgent(ctx, id);
  if (input.skills) {
    const found = await skillsByIds(
      ctx.tx,
      input.skills.map((s) => s.skillId),
    );
    // A skill holds for its unit's tree: it must be defined at the agent's unit or above.
    for (const s of input.skills) {
      const skill = found.find((f) => f.id === s.skillId);
      if (!skill || !user.unit_path.startsWith(skill.unit_path)) {
        throw new ContactError('CONTACT_SKILL_NOT_FOUND', { skillId: s.skillId });
      }
    }
  }
  if (!(await lockAgent(ctx.tx, id))) {
    await insertAgent(ctx.tx, {
      user_id: id,
      state: 'signed_out',
      state_since: ctx.now,
      extension: null,
      reason: null,
      org_id: user.org_id,
      unit_path: user.unit_path,
      province_id: user.province_id,
      updated_at: ctx.now,
    });
  }
  if (input.extension !== undefined) {
    await updateAgent(ctx.tx, id, { extension: input.extension, updated_at: ctx.now });
  }
  const before = (await skillsOf(ctx.tx, [id])).get(id) ?? [];
  if (input.skills) {
    const unique = new Map(input.skills.map((s) => [s.skillId, s.level]));
    await replaceSkills(
      ctx.tx,
      id,
      [...unique].map(([skillId, level]) => ({ skillId, level })),
    );
  }
  await recordAudit(ctx.tx, auditBy(ctx), {
    action: 'contact.agent_profile',
    entityType: 'contact_agent',
    entityId: id,
    before: { extension: user.agent?.extension ?? null, skills: before.map((s) => s.code) },
    after: input,
    orgId: user.org_id,
    provinceId: user.province_id,
  });
  const row = (await lockAgent(ctx.tx, id))!;
  await emitAgentChange(ctx.tx, row, ctx.now, ctx.notify);
  const fresh = await agentUser(ctx.tx, id);
  return (await views(ctx, [fresh!]))[0]!;
}
