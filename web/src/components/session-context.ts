import { createContext, useContext } from 'react';
import type { Permission } from '../../../common/permissions.ts';
import type { Me } from '../../../common/schemas/auth.ts';

export const SessionContext = createContext<Me | null>(null);

/** The signed-in user; only for components rendered behind the session gate. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside a signed-in session');
  return me;
}

/** Whether the signed-in user holds a permission (the server checks again on every call). */
export function useCan(): (permission: Permission) => boolean {
  const me = useSession();
  return (permission) => me.permissions.includes(permission);
}
