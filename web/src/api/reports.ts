import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../common/schemas/audit.ts';
import type { DashboardSummary } from '../../../common/schemas/dashboard.ts';
import { api } from './client.ts';

export function useDashboardSummary() {
  return useQuery({
    queryKey: ['dashboard', 'summary'],
    queryFn: () => api<DashboardSummary>('GET', '/api/dashboard/summary'),
  });
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** ISO datetimes with offset */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () =>
      api<{ items: AuditEntry[]; total: number }>('GET', '/api/audit', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}
