import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgentList,
  AgentStateInput,
  AgentView,
  BlockedNumberList,
  CallList,
  CallListQuery,
  ContactSettings,
  CreatedIntegration,
  IntegrationList,
  QueueList,
  ScreenPop,
  SkillList,
  CallSummary,
  WrapUpInput,
} from '../../../common/schemas/contact.ts';
import { api } from './client.ts';
import { useLiveEvents } from './events.ts';

export const contactKey = ['contact'] as const;

/** An `event: contact` message: a call that rings or was answered by you, or an agent's state. */
export interface ContactLiveEvent {
  kind: 'call' | 'agent';
  id?: string;
  callId?: string;
  event?: string;
  state?: string;
  number?: string | null;
  userId?: string;
  /** The agent who answered the call, once answered. */
  agentId?: string | null;
}

/** Refetches the contact views on every pushed call or agent change (and after a reconnect). */
export function useContactLive(on?: (e: ContactLiveEvent) => void): void {
  const qc = useQueryClient();
  const refetch = () => void qc.invalidateQueries({ queryKey: contactKey });
  useLiveEvents<ContactLiveEvent>(
    'contact',
    (e) => {
      refetch();
      on?.(e);
    },
    refetch,
  );
}

export function useMyAgent() {
  return useQuery({
    queryKey: [...contactKey, 'me'],
    queryFn: () => api<AgentView>('GET', '/api/contact/me'),
    // A safety net for a missed push; the timer in state runs locally.
    refetchInterval: 30_000,
  });
}

export function useSetMyState() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AgentStateInput) => api<AgentView>('PUT', '/api/contact/me/state', { body }),
    onSuccess: (me) => {
      qc.setQueryData([...contactKey, 'me'], me);
      void qc.invalidateQueries({ queryKey: contactKey });
    },
  });
}

export type CallFilter = Partial<Omit<CallListQuery, 'page' | 'pageSize'>> & {
  page: number;
  pageSize: number;
};

export function useCalls(filter: CallFilter) {
  return useQuery({
    queryKey: [...contactKey, 'calls', filter],
    queryFn: () =>
      api<CallList>('GET', '/api/contact/calls', {
        query: filter,
      }),
    refetchInterval: 30_000,
  });
}

/** The screen pop of a call: refetched with the other contact views on every push. */
export function useScreenPop(callId: string | null) {
  return useQuery({
    queryKey: [...contactKey, 'pop', callId],
    queryFn: () => api<ScreenPop>('GET', `/api/contact/calls/${callId}/pop`),
    enabled: callId !== null,
    staleTime: 5_000,
  });
}

/** The viewer's answered calls still waiting for a wrap-up (待小结), newest first. */
export function useUnwrappedCalls() {
  return useQuery({
    queryKey: [...contactKey, 'unwrapped'],
    queryFn: () =>
      api<CallList>('GET', '/api/contact/calls', {
        query: { unwrapped: 'true', page: 1, pageSize: 20 },
      }),
    refetchInterval: 60_000,
  });
}

export function useWrapUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { callId: string; body: Partial<WrapUpInput> & Pick<WrapUpInput, 'code'> }) =>
      api<CallSummary>('POST', `/api/contact/calls/${v.callId}/wrap-up`, { body: v.body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: contactKey }),
  });
}

/** Attaches an order created on the desk to the call it came from, at once (not at wrap-up). */
export function useAttachCallOrder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { callId: string; orderId: string }) =>
      api<CallSummary>('POST', `/api/contact/calls/${v.callId}/orders`, {
        body: { orderId: v.orderId },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: contactKey }),
  });
}

export function useAgents(enabled = true) {
  return useQuery({
    queryKey: [...contactKey, 'agents'],
    queryFn: () => api<AgentList>('GET', '/api/contact/agents'),
    refetchInterval: 15_000,
    enabled,
  });
}

// ---- administration ----

export function useIntegrations() {
  return useQuery({
    queryKey: [...contactKey, 'integrations'],
    queryFn: () => api<IntegrationList>('GET', '/api/contact/integrations'),
  });
}
export function useBlocked() {
  return useQuery({
    queryKey: [...contactKey, 'blocked'],
    queryFn: () => api<BlockedNumberList>('GET', '/api/contact/blocked'),
  });
}
export function useSkills() {
  return useQuery({
    queryKey: [...contactKey, 'skills'],
    queryFn: () => api<SkillList>('GET', '/api/contact/skills'),
  });
}
export function useQueues() {
  return useQuery({
    queryKey: [...contactKey, 'queues'],
    queryFn: () => api<QueueList>('GET', '/api/contact/queues'),
  });
}
export function useContactSettings(unitId: string | undefined) {
  return useQuery({
    queryKey: [...contactKey, 'settings', unitId],
    queryFn: () => api<ContactSettings>('GET', '/api/contact/settings', { query: { unitId } }),
  });
}

/** Any admin write of the module; refetches the module's lists after it. */
export function useContactWrite<T = unknown>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (r: {
      method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      path: string;
      body?: unknown;
    }) => api<T>(r.method, r.path, r.body === undefined ? {} : { body: r.body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: contactKey }),
  });
}

export type { CreatedIntegration };
