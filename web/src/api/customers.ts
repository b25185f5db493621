import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CustomerClass, CustomerMark } from '../../../common/customers/codes.ts';
import type {
  CustomerDetail,
  CustomerHistory,
  CustomerList,
  CustomerSearchResult,
  RevealInput,
  RevealResult,
  UpdateCustomerInput,
} from '../../../common/schemas/customers.ts';
import { api } from './client.ts';

export const customersKey = ['customers'] as const;

/** The one-box look-up (phone, 户号, meter number, name or address); idle while `q` is blank. */
export function useCustomerSearch(q: string, limit = 20) {
  return useQuery({
    queryKey: [...customersKey, 'search', q, limit],
    queryFn: () =>
      api<CustomerSearchResult>('GET', '/api/customers/search', { query: { q, limit } }),
    enabled: q.trim() !== '',
  });
}

export interface CustomerFilter {
  unitId?: string;
  customerClass?: CustomerClass;
  mark?: CustomerMark;
  segmentId?: string;
  page: number;
  pageSize: number;
}

export function useCustomerList(filter: CustomerFilter, enabled = true) {
  return useQuery({
    queryKey: [...customersKey, 'list', filter],
    queryFn: () => api<CustomerList>('GET', '/api/customers', { query: { ...filter } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: [...customersKey, 'detail', id],
    queryFn: () => api<CustomerDetail>('GET', `/api/customers/${id}`),
  });
}

export function useCustomerHistory(id: string, page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...customersKey, 'history', id, page],
    queryFn: () =>
      api<CustomerHistory>('GET', `/api/customers/${id}/history`, { query: { ...page } }),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateCustomer(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCustomerInput) =>
      api<CustomerDetail>('PATCH', `/api/customers/${id}`, { body: input }),
    onSuccess: (detail) => qc.setQueryData([...customersKey, 'detail', id], detail),
    // Lists, search results, history and segment counts may all have changed.
    onSettled: () => qc.invalidateQueries({ queryKey: customersKey }),
  });
}

/**
 * Asks for the full personal values (audited on the server). The answer lives only in the
 * caller's state: `gcTime: 0` keeps it out of the mutation cache once the page is left.
 */
export function useRevealCustomer(id: string) {
  return useMutation({
    mutationFn: (input: RevealInput) =>
      api<RevealResult>('POST', `/api/customers/${id}/reveal`, { body: input }),
    gcTime: 0,
  });
}
