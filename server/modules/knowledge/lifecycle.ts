/**
 * The approval flow of a knowledge article, as pure rules over its two versions in play: the
 * live one (what agents read) and the working one (a draft, or a version in review).
 *
 *   draft --submit--> review --approve--> published --(expiry date or expire)--> expired
 *                        \--reject (reason)--> draft
 *
 * Editing a published article opens a new working draft; the live version stays live until the
 * new one is approved, when it becomes superseded.
 */
import type { KnowledgeAction, KnowledgeState } from '../../../common/schemas/knowledge.js';
import type { Permission } from '../../../common/permissions.js';

export interface FlowVersions {
  live: { state: KnowledgeState; expiresAt: Date | null } | null;
  working: { state: 'draft' | 'review'; submittedBy: string | null } | null;
}

/** A version's state as of `now`: a published version past its expiry date is expired. */
export function effectiveState(
  state: KnowledgeState,
  expiresAt: Date | null,
  now: Date,
): KnowledgeState {
  return state === 'published' && expiresAt !== null && expiresAt <= now ? 'expired' : state;
}

/** The article's state: its live version's, else its working version's. */
export function articleState(flow: FlowVersions, now: Date): KnowledgeState {
  if (flow.live) return effectiveState(flow.live.state, flow.live.expiresAt, now);
  return flow.working?.state ?? 'draft';
}

/** The permission each action needs. */
export const ACTION_PERMISSION: Record<KnowledgeAction, Permission> = {
  edit: 'knowledge.edit',
  submit: 'knowledge.edit',
  approve: 'knowledge.review',
  reject: 'knowledge.review',
  expire: 'knowledge.review',
};

export type Refusal = 'not_allowed' | 'self_review';

/** Why the state refuses an action (the permission is checked apart), or null when it allows it. */
export function stateRefusal(
  action: KnowledgeAction,
  flow: FlowVersions,
  userId: string,
  now: Date,
): Refusal | null {
  const working = flow.working?.state ?? null;
  switch (action) {
    case 'edit':
      return working === 'review' ? 'not_allowed' : null;
    case 'submit':
      return working === 'draft' ? null : 'not_allowed';
    case 'approve':
      if (working !== 'review') return 'not_allowed';
      // Four eyes: whoever submitted a version does not approve it.
      return flow.working?.submittedBy === userId ? 'self_review' : null;
    case 'reject':
      return working === 'review' ? null : 'not_allowed';
    case 'expire': {
      const live = flow.live;
      return live && effectiveState(live.state, live.expiresAt, now) === 'published'
        ? null
        : 'not_allowed';
    }
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The actions a person may take now: permission held and state allowing. */
export function allowedActions(
  flow: FlowVersions,
  actor: { userId: string; permissions: readonly Permission[] },
  now: Date,
): KnowledgeAction[] {
  const all: KnowledgeAction[] = ['edit', 'submit', 'approve', 'reject', 'expire'];
  return all.filter(
    (a) =>
      actor.permissions.includes(ACTION_PERMISSION[a]) &&
      stateRefusal(a, flow, actor.userId, now) === null,
  );
}

/** Whether validity dates make sense: an expiry, when given, after the start. */
export function datesValid(effectiveFrom: Date | null, expiresAt: Date | null): boolean {
  return effectiveFrom === null || expiresAt === null || expiresAt > effectiveFrom;
}
