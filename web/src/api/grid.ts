import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type {
  GridCustomers,
  GridNodeDetail,
  GridNodeKind,
  GridNodeList,
} from '../../../common/schemas/grid.ts';
import { api } from './client.ts';

export const gridKey = ['grid'] as const;

export interface SubstationFilter {
  unitId?: string;
  q?: string;
}

/** The substations in the caller's scope, with the customers supplied through each. */
export function useSubstations(filter: SubstationFilter) {
  return useQuery({
    queryKey: [...gridKey, 'substations', filter],
    queryFn: () => api<GridNodeList>('GET', '/api/grid/substations', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}

/**
 * One node with its ancestors and children. Shared by the tree (which loads children through
 * it) and the detail panel, so expanding a node and selecting it cost one request.
 */
export function gridNodeQuery(kind: GridNodeKind, id: string) {
  return queryOptions({
    queryKey: [...gridKey, 'node', kind, id],
    queryFn: () => api<GridNodeDetail>('GET', `/api/grid/${kind}/${id}`),
    // The network changes by import, rarely: a minute's staleness keeps tree clicks instant.
    staleTime: 60_000,
  });
}

export function useGridNode(kind: GridNodeKind, id: string) {
  return useQuery(gridNodeQuery(kind, id));
}

export interface GridCustomersFilter {
  page: number;
  pageSize: number;
  importantOnly: boolean;
}

/** The customers supplied through a node, a page at a time. */
export function useGridCustomers(kind: GridNodeKind, id: string, filter: GridCustomersFilter) {
  return useQuery({
    queryKey: [...gridKey, 'customers', kind, id, filter],
    queryFn: () =>
      api<GridCustomers>('GET', `/api/grid/${kind}/${id}/customers`, {
        query: {
          page: filter.page,
          pageSize: filter.pageSize,
          important: filter.importantOnly ? 'true' : undefined,
        },
      }),
    placeholderData: keepPreviousData,
  });
}
