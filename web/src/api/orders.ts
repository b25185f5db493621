import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { Lang } from '../../../common/errors.ts';
import type { OrderAction } from '../../../common/orders/states.ts';
import type { z } from 'zod';
import type {
  BulkReassignInput,
  BulkReassignResult as BulkReassignResultSchema,
  CreateOrderInput,
  OrderActionInput,
  OrderAttachment as OrderAttachmentSchema,
  OrderDetail,
  OrderList,
  OrderSla,
  OrderSummary,
  SavedView as SavedViewSchema,
  TaxonomyVersion as TaxonomyVersionSchema,
} from '../../../common/schemas/orders.ts';
import { useSession } from '../components/session-context.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Unit } from '../../../common/schemas/units.ts';
import { api, ApiError } from './client.ts';
import { useOrderEvents, type OrderLiveEvent } from './events.ts';

export const ordersKey = ['orders'] as const;
const listKey = [...ordersKey, 'list'] as const;
const detailKey = (id: string) => [...ordersKey, 'detail', id] as const;

/** The list's query parameters, as the URL and saved views carry them. */
export type OrderQuery = Record<string, string>;

export type OrderAttachment = z.infer<typeof OrderAttachmentSchema>;
export type SavedView = z.infer<typeof SavedViewSchema>;
export type TaxonomyVersion = z.infer<typeof TaxonomyVersionSchema>;
export type BulkReassignResult = z.infer<typeof BulkReassignResultSchema>;

// The same words as client.ts uses when the server cannot be reached.
const NETWORK_MESSAGE: Record<Lang, string> = {
  zh: '无法连接服务器，请检查网络后重试。',
  en: 'Cannot reach the server; check the network and try again.',
};

interface Sender {
  csrfToken: string | null;
  lang: Lang;
}

/**
 * A request that `api()` cannot make: with an Idempotency-Key, a multipart body, or a 204 answer.
 * Same CSRF and language headers, errors read the same way.
 */
async function send<T>(
  who: Sender,
  method: string,
  path: string,
  opts: { json?: unknown; form?: FormData; idempotencyKey?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': who.lang === 'zh' ? 'zh-CN' : 'en',
  };
  if (who.csrfToken) headers['x-csrf-token'] = who.csrfToken;
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  if (opts.json !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.form ?? (opts.json === undefined ? undefined : JSON.stringify(opts.json)),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE[who.lang]);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string; details?: unknown };
    } | null;
    const e = body?.error;
    if (e?.code && e.message) throw new ApiError(res.status, e.code, e.message, e.details);
    throw new ApiError(res.status, `HTTP_${res.status}`, `HTTP ${res.status} ${res.statusText}`);
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}

function useSender(): Sender {
  const { csrfToken } = useSession();
  const { lang } = useI18n();
  return { csrfToken, lang };
}

/** 32 random hex digits. Not crypto.randomUUID: it is missing on plain-http intranet hosts. */
export function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

export function useOrderList(query: OrderQuery, enabled = true) {
  return useQuery({
    queryKey: [...listKey, query],
    queryFn: () => api<OrderList>('GET', '/api/orders', { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: () => api<OrderDetail>('GET', `/api/orders/${id}`),
  });
}

/** Every deadline of the order explained; fetched when the explanation is opened. */
export function useOrderSla(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...ordersKey, 'sla', id],
    queryFn: () => api<OrderSla>('GET', `/api/orders/${id}/sla`),
    enabled,
  });
}

/** The current taxonomy: types, subtypes, required fields, callback. */
export function useOrderTypes() {
  return useQuery({
    queryKey: [...ordersKey, 'types'],
    queryFn: () => api<TaxonomyVersion>('GET', '/api/order-types'),
    staleTime: 5 * 60_000,
  });
}

export function useCreateOrder() {
  const who = useSender();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { input: CreateOrderInput; idempotencyKey: string }) =>
      send<OrderDetail>(who, 'POST', '/api/orders', {
        json: v.input,
        idempotencyKey: v.idempotencyKey,
      }),
    onSuccess: (detail) => {
      qc.setQueryData(detailKey(detail.id), detail);
      void qc.invalidateQueries({ queryKey: listKey });
    },
  });
}

export type ActionBody = Omit<OrderActionInput, 'version'>;

/** One step of the loop; the answer is the order as it now stands. */
export function useOrderAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { action: OrderAction; version: number; body: ActionBody }) =>
      api<OrderDetail>('POST', `/api/orders/${id}/actions/${v.action}`, {
        body: { ...v.body, version: v.version },
      }),
    onSuccess: (detail) => qc.setQueryData(detailKey(id), detail),
    onSettled: () => qc.invalidateQueries({ queryKey: listKey }),
  });
}

export function useBulkReassign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkReassignInput) =>
      api<BulkReassignResult>('POST', '/api/orders/bulk-reassign', { body: input }),
    onSettled: () => qc.invalidateQueries({ queryKey: ordersKey }),
  });
}

export function useUploadAttachment(id: string) {
  const who = useSender();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return send<OrderAttachment>(who, 'POST', `/api/orders/${id}/attachments`, { form });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: detailKey(id) }),
  });
}

/** A plain link: the session cookie authorises the download. */
export function attachmentUrl(orderId: string, attachmentId: string): string {
  return `/api/orders/${orderId}/attachments/${attachmentId}`;
}

const viewsKey = [...ordersKey, 'views'] as const;

export function useSavedViews() {
  return useQuery({
    queryKey: viewsKey,
    queryFn: () => api<{ items: SavedView[] }>('GET', '/api/orders/views'),
  });
}

export function useSaveView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; query: OrderQuery }) =>
      api<SavedView>('POST', '/api/orders/views', { body: input }),
    onSettled: () => qc.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function useDeleteView() {
  const who = useSender();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => send<void>(who, 'DELETE', `/api/orders/views/${id}`),
    onSettled: () => qc.invalidateQueries({ queryKey: viewsKey }),
  });
}

/** A list row with what an event says of the order now. */
function patched(o: OrderSummary, e: OrderLiveEvent): OrderSummary {
  if (e.version > o.version) {
    return { ...o, state: e.state, slaStatus: e.slaStatus, dueAt: e.dueAt, version: e.version };
  }
  // A time-limit warning: same version, new SLA state (the due time is unchanged).
  return e.version === o.version && e.slaStatus !== o.slaStatus
    ? { ...o, slaStatus: e.slaStatus }
    : o;
}

/**
 * Keeps the cached order lists and details current from the server's pushed events: a row is
 * patched at once (state, SLA status, due time), then the lists are refetched shortly after,
 * since a change may move an order in or out of a filter. Mount on every order page.
 */
export function useLiveOrders(onEvent?: (e: OrderLiveEvent) => void) {
  const qc = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refetchLists = useCallback(() => {
    if (timer.current) return;
    // Coalesce bursts (a bulk reassignment sends one event per order) into one refetch.
    timer.current = setTimeout(() => {
      timer.current = null;
      void qc.invalidateQueries({ queryKey: listKey });
    }, 500);
  }, [qc]);

  useOrderEvents(
    (e) => {
      qc.setQueriesData<OrderList>({ queryKey: listKey }, (list) =>
        list
          ? { ...list, items: list.items.map((o) => (o.id === e.orderId ? patched(o, e) : o)) }
          : list,
      );
      const cached = qc.getQueryData<OrderDetail>(detailKey(e.orderId));
      // Our own action already put this version in the cache: no need to fetch it again. A
      // time-limit warning changes the SLA state without a new version.
      if (cached && (cached.version < e.version || cached.slaStatus !== e.slaStatus)) {
        void qc.invalidateQueries({ queryKey: detailKey(e.orderId) });
        void qc.invalidateQueries({ queryKey: [...ordersKey, 'sla', e.orderId] });
      }
      refetchLists();
      onEvent?.(e);
    },
    () => void qc.invalidateQueries({ queryKey: ordersKey }),
  );
}

/** The units an order may be dispatched to or located in (the caller's service area). */
export function useDispatchUnits(enabled = true) {
  return useQuery({
    queryKey: ['orders', 'units'],
    queryFn: () => api<{ items: Unit[]; total: number }>('GET', '/api/orders/units'),
    enabled,
    staleTime: 5 * 60_000,
  });
}
