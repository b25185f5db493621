import type { Permission } from '../../../../common/permissions.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh.ts';

const KEYS: Record<Permission, MessageKey> = {
  'dashboard.view': 'perm.dashboard.view',
  'profile.view': 'perm.profile.view',
  'org.view': 'perm.org.view',
  'org.manage': 'perm.org.manage',
  'user.view': 'perm.user.view',
  'user.manage': 'perm.user.manage',
  'audit.view': 'perm.audit.view',
  'token.manage': 'perm.token.manage',
};

export function permissionLabel(p: Permission, t: Translate): string {
  return t(KEYS[p]);
}
