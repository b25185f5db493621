/**
 * Agent states (坐席状态) and the transitions between them, pure: the server applies them, the
 * web shows only the buttons they allow. An agent signs in (to ready, not ready or break), is
 * put to talking by the PBX's answer event and to after-call work (话后处理) by its hangup, and
 * leaves after-call work herself or when its time runs out.
 */
export const AGENT_STATES = [
  'signed_out',
  'ready',
  'not_ready',
  'break',
  'talking',
  'after_call_work',
] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/** What an agent may set from the desktop; talking and after-call work come from the calls. */
export const MANUAL_STATES = ['ready', 'not_ready', 'break', 'signed_out'] as const;
export type ManualState = (typeof MANUAL_STATES)[number];

/** Why an agent is not ready (示忙原因). */
export const NOT_READY_REASONS = [
  'training',
  'meeting',
  'meal',
  'coaching',
  'callback',
  'other',
] as const;
export type NotReadyReason = (typeof NOT_READY_REASONS)[number];

export const AGENT_STATE_LABELS: Record<AgentState, { zh: string; en: string }> = {
  signed_out: { zh: '未签入', en: 'Signed out' },
  ready: { zh: '就绪', en: 'Ready' },
  not_ready: { zh: '示忙', en: 'Not ready' },
  break: { zh: '小休', en: 'Break' },
  talking: { zh: '通话中', en: 'Talking' },
  after_call_work: { zh: '话后处理', en: 'After-call work' },
};

export const NOT_READY_REASON_LABELS: Record<NotReadyReason, { zh: string; en: string }> = {
  training: { zh: '培训', en: 'Training' },
  meeting: { zh: '会议', en: 'Meeting' },
  meal: { zh: '用餐', en: 'Meal' },
  coaching: { zh: '辅导', en: 'Coaching' },
  callback: { zh: '回访外呼', en: 'Call-backs' },
  other: { zh: '其他', en: 'Other' },
};

/** What moves an agent: the agent's own choice, or the calls and the after-call-work timer. */
export type AgentStateChange =
  | { kind: 'set'; to: ManualState; reason?: NotReadyReason | null }
  | { kind: 'answer' }
  | { kind: 'hangup' }
  | { kind: 'acw_timeout' };

export type AgentTransition =
  | { kind: 'move'; to: AgentState; reason: NotReadyReason | null }
  | { kind: 'stay' }
  | { kind: 'refuse'; why: 'on_call' | 'reason_required' };

/** The agent's next state, or why it stays. */
export function agentTransition(
  from: { state: AgentState; reason: NotReadyReason | null },
  change: AgentStateChange,
): AgentTransition {
  switch (change.kind) {
    case 'set': {
      // A call in progress ends by its hangup, not by a button.
      if (from.state === 'talking') return { kind: 'refuse', why: 'on_call' };
      const reason = change.to === 'not_ready' ? (change.reason ?? null) : null;
      if (change.to === 'not_ready' && reason === null) {
        return { kind: 'refuse', why: 'reason_required' };
      }
      if (change.to === from.state && reason === from.reason) return { kind: 'stay' };
      return { kind: 'move', to: change.to, reason };
    }
    case 'answer':
      // A signed-out user's phone is not the center's: the call is recorded, the state is not.
      if (from.state === 'signed_out' || from.state === 'talking') return { kind: 'stay' };
      return { kind: 'move', to: 'talking', reason: null };
    case 'hangup':
      return from.state === 'talking'
        ? { kind: 'move', to: 'after_call_work', reason: null }
        : { kind: 'stay' };
    case 'acw_timeout':
      return from.state === 'after_call_work'
        ? { kind: 'move', to: 'ready', reason: null }
        : { kind: 'stay' };
  }
}

/** The states an agent may pick now (the buttons to show). */
export function manualChoices(state: AgentState): ManualState[] {
  if (state === 'talking') return [];
  return MANUAL_STATES.filter((s) => s !== state || s === 'not_ready');
}

/** Seconds spent in each state between `from` and `to` (an open interval runs until `now`). */
export function timeInStates(
  intervals: readonly { state: AgentState; startedAt: Date; endedAt: Date | null }[],
  from: Date,
  to: Date,
  now: Date,
): Record<AgentState, number> {
  const totals = Object.fromEntries(AGENT_STATES.map((s) => [s, 0])) as Record<AgentState, number>;
  const end = Math.min(to.getTime(), now.getTime());
  for (const i of intervals) {
    const a = Math.max(i.startedAt.getTime(), from.getTime());
    const b = Math.min((i.endedAt ?? now).getTime(), end);
    if (b > a) totals[i.state] += (b - a) / 1000;
  }
  for (const s of AGENT_STATES) totals[s] = Math.round(totals[s]);
  return totals;
}
