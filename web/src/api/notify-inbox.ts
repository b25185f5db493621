import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxList, InboxReadAll } from '../../../common/schemas/notify.ts';
import { api } from './client.ts';
import { useLiveEvents } from './events.ts';

const inboxKey = ['notify', 'inbox'] as const;

/**
 * How often the unread count is fetched again without a push: the live stream (/api/events)
 * says at once when the user's inbox changes (`event: notify`); the poll only covers a stream
 * that broke without the browser noticing.
 */
export const INBOX_POLL_MS = 60_000;

/**
 * The signed-in user's unread count: fetched again when the server pushes a change of the
 * user's inbox (a new message, or one read in another tab), after the stream reconnects, when
 * the window regains focus, and every INBOX_POLL_MS.
 */
export function useUnreadCount() {
  const qc = useQueryClient();
  const refetch = () => void qc.invalidateQueries({ queryKey: inboxKey });
  useLiveEvents('notify', refetch, refetch);
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
