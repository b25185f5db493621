import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginInput, LoginResult, Me } from '../../../common/schemas/auth.ts';
import { api, ApiError, setCsrfToken } from './client.ts';

export const meKey = ['me'] as const;

/** The signed-in user, or null when nobody is signed in. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('GET', '/api/me', { expect401: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: Infinity });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) =>
      api<LoginResult>('POST', '/api/auth/login', { body: input, expect401: true }),
    onSuccess: ({ me }) => {
      setCsrfToken(me.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>('POST', '/api/auth/logout', { body: {} }),
    // Signed out locally even when the server call fails: the user asked to leave.
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      qc.setQueryData(meKey, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api<Me>('POST', '/api/auth/change-password', { body: input }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.setQueryData(meKey, me);
    },
  });
}

/** Changes the signed-in user's own phone and e-mail. */
export function useUpdateOwnProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { phone?: string | null; email?: string | null }) =>
      api<Me>('PATCH', '/api/me', { body: input }),
    onSuccess: (me) => qc.setQueryData(meKey, me),
  });
}
