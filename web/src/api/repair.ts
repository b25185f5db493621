import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Crew,
  CrewInput,
  CrewList,
  CrewSuggestion,
  CrewUpdate,
  Job,
  JobAction,
  JobActionInput,
  MyJobs,
  RepairBoard,
} from '../../../common/schemas/repair.ts';
import { api } from './client.ts';
import { useLiveEvents, useOrderEvents } from './events.ts';

export const repairKey = ['repair'] as const;
/** A safety net: offers and changes arrive live; a missed one is fetched within this time. */
const POLL_MS = 60_000;

/** Refetches the repair views whenever a crew, a job or an order in the user's scope changes. */
function useRepairLive(): void {
  const qc = useQueryClient();
  const refetch = () => void qc.invalidateQueries({ queryKey: repairKey });
  useLiveEvents('repair', refetch, refetch);
  useOrderEvents(refetch, refetch);
}

export function useRepairBoard() {
  useRepairLive();
  return useQuery({
    queryKey: [...repairKey, 'board'],
    queryFn: () => api<RepairBoard>('GET', '/api/repair/board'),
    refetchInterval: POLL_MS,
  });
}

export function useCrews() {
  return useQuery({
    queryKey: [...repairKey, 'crews'],
    queryFn: () =>
      api<CrewList>('GET', '/api/repair/crews', { query: { includeInactive: 'true' } }),
  });
}

export function useSuggestion(orderId: string | null) {
  return useQuery({
    queryKey: [...repairKey, 'suggestion', orderId],
    queryFn: () => api<CrewSuggestion>('GET', `/api/repair/orders/${orderId}/suggestion`),
    enabled: orderId !== null,
  });
}

function useRepairMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: repairKey }),
  });
}

export function useDispatch() {
  return useRepairMutation((v: { orderId: string; crewId: string }) =>
    api<Job>('POST', '/api/repair/jobs', { body: v }),
  );
}

export function useSaveCrew() {
  return useRepairMutation((v: { id: string | null; body: CrewInput | CrewUpdate }) =>
    v.id
      ? api<Crew>('PATCH', `/api/repair/crews/${v.id}`, { body: v.body })
      : api<Crew>('POST', '/api/repair/crews', { body: v.body }),
  );
}

export function useMyJobs() {
  useRepairLive();
  return useQuery({
    queryKey: [...repairKey, 'mine'],
    queryFn: () => api<MyJobs>('GET', '/api/crew/jobs'),
    refetchInterval: POLL_MS,
  });
}

export function useJobAction() {
  return useRepairMutation((v: { id: string; action: JobAction; input: JobActionInput }) =>
    api<Job>('POST', `/api/crew/jobs/${v.id}/actions/${v.action}`, { body: v.input }),
  );
}

export function useMyCrewState() {
  return useRepairMutation(
    (v: { crewId: string; version: number; state: 'on_duty' | 'off_duty' }) =>
      api<Crew>('POST', '/api/crew/state', { body: v }),
  );
}
