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
  'customer.view': 'perm.customer.view',
  'customer.pii': 'perm.customer.pii',
  'customer.reveal': 'perm.customer.reveal',
  'customer.manage': 'perm.customer.manage',
  'customer.import': 'perm.customer.import',
  'customer.export': 'perm.customer.export',
  'segment.manage': 'perm.segment.manage',
  'grid.view': 'perm.grid.view',
  'calendar.view': 'perm.calendar.view',
  'calendar.manage': 'perm.calendar.manage',
  'order.view': 'perm.order.view',
  'order.create': 'perm.order.create',
  'order.dispatch': 'perm.order.dispatch',
  'order.handle': 'perm.order.handle',
  'order.review': 'perm.order.review',
  'order.supervise': 'perm.order.supervise',
  'order.manage': 'perm.order.manage',
  'outage.view': 'perm.outage.view',
  'outage.manage': 'perm.outage.manage',
  'repair.view': 'perm.repair.view',
  'repair.dispatch': 'perm.repair.dispatch',
  'repair.work': 'perm.repair.work',
  'repair.manage': 'perm.repair.manage',
  'notify.view': 'perm.notify.view',
  'notify.manage': 'perm.notify.manage',
  'knowledge.view': 'perm.knowledge.view',
  'knowledge.edit': 'perm.knowledge.edit',
  'knowledge.review': 'perm.knowledge.review',
  'contact.use': 'perm.contact.use',
  'contact.monitor': 'perm.contact.monitor',
  'contact.manage': 'perm.contact.manage',
};

export function permissionLabel(p: Permission, t: Translate): string {
  return t(KEYS[p]);
}
