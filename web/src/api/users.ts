import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../common/permissions.ts';
import type { CreateUserInput, UpdateUserInput, User } from '../../../common/schemas/users.ts';
import { api } from './client.ts';

export const usersKey = ['users'] as const;

export interface UserFilter {
  q?: string;
  unitId?: string;
  role?: Role;
  page: number;
  pageSize: number;
}

export function useUsers(filter: UserFilter, enabled = true) {
  return useQuery({
    queryKey: [...usersKey, filter],
    queryFn: () =>
      api<{ items: User[]; total: number }>('GET', '/api/users', { query: { ...filter } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface WithTemporaryPassword {
  user: User;
  temporaryPassword: string;
}

export type UserCommand =
  | { kind: 'create'; input: CreateUserInput }
  | { kind: 'update'; id: string; input: UpdateUserInput }
  | { kind: 'lock' | 'unlock' | 'reset-password'; id: string };

function run(cmd: UserCommand): Promise<User | WithTemporaryPassword> {
  switch (cmd.kind) {
    case 'create':
      return api('POST', '/api/users', { body: cmd.input });
    case 'update':
      return api('PATCH', `/api/users/${cmd.id}`, { body: cmd.input });
    case 'lock':
    case 'unlock':
    case 'reset-password':
      return api('POST', `/api/users/${cmd.id}/${cmd.kind}`, { body: {} });
  }
}

export function useUserCommand() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}
