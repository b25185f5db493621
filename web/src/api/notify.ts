import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateTemplateInput,
  DeliveryDetail,
  DeliveryList,
  TemplateDetail,
  TemplateList,
  UpdateTemplateInput,
} from '../../../common/schemas/notify.ts';
import { api } from './client.ts';

export const notifyKey = ['notify'] as const;

/** Every message template, with the variables templates may use. */
export function useTemplates() {
  return useQuery({
    queryKey: [...notifyKey, 'templates'],
    queryFn: () => api<TemplateList>('GET', '/api/notify/templates'),
  });
}

/** One template with its saved versions. */
export function useTemplate(id: string | null) {
  return useQuery({
    queryKey: [...notifyKey, 'template', id],
    queryFn: () => api<TemplateDetail>('GET', `/api/notify/templates/${id}`),
    enabled: id !== null,
  });
}

/** Creates a template, or saves one at the version read. */
export function useSaveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      v: { id: null; body: CreateTemplateInput } | { id: string; body: UpdateTemplateInput },
    ) =>
      v.id === null
        ? api<TemplateDetail>('POST', '/api/notify/templates', { body: v.body })
        : api<TemplateDetail>('PATCH', `/api/notify/templates/${v.id}`, { body: v.body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notifyKey }),
  });
}

export type DeliveryFilter = Record<string, string | number | undefined>;

/** A page of the delivery log. */
export function useDeliveries(filter: DeliveryFilter) {
  return useQuery({
    queryKey: [...notifyKey, 'deliveries', filter],
    queryFn: () => api<DeliveryList>('GET', '/api/notify/deliveries', { query: filter }),
    placeholderData: keepPreviousData,
  });
}

export function useDelivery(id: string | null) {
  return useQuery({
    queryKey: [...notifyKey, 'delivery', id],
    queryFn: () => api<DeliveryDetail>('GET', `/api/notify/deliveries/${id}`),
    enabled: id !== null,
  });
}

/** Sends a failed delivery again. */
export function useRetryDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<DeliveryDetail>('POST', `/api/notify/deliveries/${id}/retry`),
    onSuccess: () => qc.invalidateQueries({ queryKey: notifyKey }),
  });
}
