import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AreaNodeList,
  Crew,
  CrewInput,
  CrewList,
  CrewSuggestion,
  CrewUpdate,
  Job,
  JobAction,
  JobActionInput,
  JobPhoto,
  MyJobs,
  OutageCrewSuggestion,
  OutageDispatchInput,
  RepairBoard,
} from '../../../common/schemas/repair.ts';
import { useSession } from '../components/session-context.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { api, ApiError } from './client.ts';
import { useLiveEvents, useOrderEvents } from './events.ts';

export const repairKey = ['repair'] as const;
/** A safety net: offers and changes arrive live; a missed one is fetched within this time. */
const POLL_MS = 60_000;

/**
 * Refetches the repair views whenever a crew, a job, an order or an outage in the user's scope
 * changes (an outage restored or an order linked closes the jobs it made moot).
 */
function useRepairLive(): void {
  const qc = useQueryClient();
  const refetch = () => void qc.invalidateQueries({ queryKey: repairKey });
  useLiveEvents('repair', refetch, refetch);
  useLiveEvents('outage', refetch, refetch);
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

export function useOutageSuggestion(outageId: string | null) {
  return useQuery({
    queryKey: [...repairKey, 'outage-suggestion', outageId],
    queryFn: () => api<OutageCrewSuggestion>('GET', `/api/repair/outages/${outageId}/suggestion`),
    enabled: outageId !== null,
  });
}

/** Feeders and transformers by code or name, for a crew's service area. */
export function useAreaNodes(q: string, unitId: string | undefined) {
  return useQuery({
    queryKey: [...repairKey, 'area-nodes', q, unitId],
    queryFn: () => api<AreaNodeList>('GET', '/api/repair/area-nodes', { query: { q, unitId } }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
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

export function useDispatchOutage() {
  return useRepairMutation((v: OutageDispatchInput) =>
    api<Job>('POST', '/api/repair/outage-jobs', { body: v }),
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

/** Uploads a photo to an outage job (multipart; `api()` speaks JSON only). */
export function useUploadJobPhoto(jobId: string) {
  const { csrfToken } = useSession();
  const { lang } = useI18n();
  return useMutation({
    mutationFn: async (file: File): Promise<JobPhoto> => {
      const form = new FormData();
      form.append('file', file, file.name);
      const headers: Record<string, string> = {
        accept: 'application/json',
        'accept-language': lang === 'zh' ? 'zh-CN' : 'en',
      };
      if (csrfToken) headers['x-csrf-token'] = csrfToken;
      let res: Response;
      try {
        res = await fetch(`/api/crew/jobs/${jobId}/photos`, {
          method: 'POST',
          headers,
          credentials: 'same-origin',
          body: form,
        });
      } catch {
        throw new ApiError(
          0,
          'NETWORK_ERROR',
          lang === 'zh' ? '无法连接服务器。' : 'Cannot reach the server.',
        );
      }
      const body = (await res.json().catch(() => null)) as
        (JobPhoto & { error?: { code?: string; message?: string; details?: unknown } }) | null;
      if (!res.ok) {
        const e = body?.error;
        throw new ApiError(
          res.status,
          e?.code ?? `HTTP_${res.status}`,
          e?.message ?? `HTTP ${res.status}`,
          e?.details,
        );
      }
      return body!;
    },
  });
}

/** A plain link: the session cookie authorises the download. */
export function jobPhotoUrl(jobId: string, photoId: string): string {
  return `/api/repair/jobs/${jobId}/photos/${photoId}`;
}
