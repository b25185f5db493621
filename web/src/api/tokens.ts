import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission } from '../../../common/permissions.ts';
import type { ApiToken } from '../../../common/schemas/tokens.ts';
import { api } from './client.ts';

const tokensKey = ['tokens'] as const;

export function useTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: () => api<{ items: ApiToken[]; total: number }>('GET', '/api/tokens'),
  });
}

export interface NewToken {
  name: string;
  userId: string;
  scopes: Permission[];
  expiresInDays?: number;
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewToken) =>
      api<{ token: ApiToken; secret: string }>('POST', '/api/tokens', { body: input }),
    onSettled: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ApiToken>('DELETE', `/api/tokens/${id}`),
    onSettled: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
}
