import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { OutageAction, OutageState } from '../../../common/outages/categories.ts';
import type {
  CreateMajorEventInput,
  CreateOutageInput,
  MajorEvent,
  OutageActionInput,
  OutageCustomers,
  OutageDetail,
  OutageList,
} from '../../../common/schemas/outages.ts';
import { api } from './client.ts';
import { useLiveEvents } from './events.ts';

export const outagesKey = ['outages'] as const;
const listKey = [...outagesKey, 'list'] as const;
const detailKey = (id: string) => [...outagesKey, 'detail', id] as const;
const majorEventsKey = [...outagesKey, 'major-events'] as const;

/** The list's query parameters (state, category, live, from, to, q, page, pageSize). */
export type OutageQuery = Record<string, string>;

export function useOutageList(query: OutageQuery, enabled = true) {
  return useQuery({
    queryKey: [...listKey, query],
    queryFn: () => api<OutageList>('GET', '/api/outages', { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOutage(id: string) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: () => api<OutageDetail>('GET', `/api/outages/${id}`),
  });
}

export interface OutageCustomersFilter {
  page: number;
  pageSize: number;
  importantOnly: boolean;
}

/** The customers an outage affects, important ones first, a page at a time. */
export function useOutageCustomers(id: string, filter: OutageCustomersFilter, enabled = true) {
  return useQuery({
    queryKey: [...outagesKey, 'customers', id, filter],
    queryFn: () =>
      api<OutageCustomers>('GET', `/api/outages/${id}/customers`, {
        query: {
          page: filter.page,
          pageSize: filter.pageSize,
          important: filter.importantOnly ? 'true' : undefined,
        },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateOutage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOutageInput) =>
      api<OutageDetail>('POST', '/api/outages', { body: input }),
    onSuccess: (detail) => {
      qc.setQueryData(detailKey(detail.id), detail);
      void qc.invalidateQueries({ queryKey: listKey });
    },
  });
}

export type OutageActionBody = Omit<OutageActionInput, 'version'>;

/** One step of the outage's life; the answer is the outage as it now stands. */
export function useOutageAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { action: OutageAction; version: number; body: OutageActionBody }) =>
      api<OutageDetail>('POST', `/api/outages/${id}/actions/${v.action}`, {
        body: { ...v.body, version: v.version },
      }),
    onSuccess: (detail) => {
      qc.setQueryData(detailKey(id), detail);
      void qc.invalidateQueries({ queryKey: [...outagesKey, 'customers', id] });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: listKey }),
  });
}

export function useMajorEvents(filter: { active?: 'true'; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...majorEventsKey, filter],
    queryFn: () =>
      api<{ items: MajorEvent[]; total: number }>('GET', '/api/major-events', {
        query: { ...filter },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateMajorEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateMajorEventInput) =>
      api<MajorEvent>('POST', '/api/major-events', { body: input }),
    onSettled: () => qc.invalidateQueries({ queryKey: majorEventsKey }),
  });
}

/** An `event: outage` message of /api/events: an outage in the user's scope changed. */
export interface OutageLiveEvent {
  outageId: string;
  number: string;
  state: OutageState;
  /** An OutageAction, or create / update. */
  action: string;
  version: number;
  at: string;
}

/**
 * Keeps the cached outage lists and details current from the server's pushed events: lists
 * are refetched shortly after (a burst coalesced into one), a detail when its version moved.
 */
export function useLiveOutages() {
  const qc = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onEvent = useCallback(
    (e: OutageLiveEvent) => {
      const cached = qc.getQueryData<OutageDetail>(detailKey(e.outageId));
      // Our own action already put this version in the cache.
      if (cached && cached.version < e.version) {
        void qc.invalidateQueries({ queryKey: detailKey(e.outageId) });
        void qc.invalidateQueries({ queryKey: [...outagesKey, 'customers', e.outageId] });
      }
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        void qc.invalidateQueries({ queryKey: listKey });
      }, 500);
    },
    [qc],
  );
  useLiveEvents('outage', onEvent, () => void qc.invalidateQueries({ queryKey: outagesKey }));
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );
}
