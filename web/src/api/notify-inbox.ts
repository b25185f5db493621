import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxList, InboxReadAll } from '../../../common/schemas/notify.ts';
import { api } from './client.ts';

const inboxKey = ['notify', 'inbox'] as const;

/**
 * How often the unread count is fetched again. The live stream (/api/events) carries orders,
 * outages and crews, not inbox messages, so the bell asks the server itself.
 */
export const INBOX_POLL_MS = 30_000;

/** The signed-in user's unread count (polled; fetched again when the window regains focus). */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...inboxKey, 'unread'],
    queryFn: () =>
      api<InboxList>('GET', '/api/notify/inbox', {
        query: { unread: 'true', page: 1, pageSize: 1 },
      }),
    select: (r) => r.unread,
    refetchInterval: INBOX_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** A page of the signed-in user's messages, newest first. */
export function useInbox(page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: [...inboxKey, 'list', page, pageSize],
    queryFn: () => api<InboxList>('GET', '/api/notify/inbox', { query: { page, pageSize } }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Marks one message read. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>('POST', `/api/notify/inbox/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKey }),
  });
}

/** Marks every message read. */
export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<InboxReadAll>('POST', '/api/notify/inbox/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKey }),
  });
}
