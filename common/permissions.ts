/**
 * Roles, permissions and the matrix between them. The server enforces it on every route; the web
 * reads it only to decide which menu entries to show.
 */
export const ROLES = [
  'agent',
  'shift_lead',
  'team_lead',
  'center_manager',
  'dispatcher',
  'repair_crew',
  'back_office',
  'quality_inspector',
  'trainer',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  agent: { zh: '坐席员', en: 'Agent' },
  shift_lead: { zh: '值长', en: 'Shift lead' },
  team_lead: { zh: '班长/副班长', en: 'Team lead' },
  center_manager: { zh: '中心主任', en: 'Center manager' },
  dispatcher: { zh: '调度员', en: 'Dispatcher' },
  repair_crew: { zh: '抢修人员', en: 'Repair crew' },
  back_office: { zh: '业务处理人员', en: 'Back office' },
  quality_inspector: { zh: '质检员', en: 'Quality inspector' },
  trainer: { zh: '培训师', en: 'Trainer' },
  admin: { zh: '系统管理员', en: 'Administrator' },
};

export const PERMISSIONS = [
  'dashboard.view',
  'profile.view',
  'org.view',
  'org.manage',
  'user.view',
  'user.manage',
  'audit.view',
  'token.manage',
  'customer.view',
  'customer.pii',
  'customer.reveal',
  'customer.manage',
  'customer.import',
  'customer.export',
  'segment.manage',
  'grid.view',
  'order.view',
  'order.create',
  'order.dispatch',
  'order.handle',
  'order.review',
  'order.supervise',
  'order.manage',
  'calendar.view',
  'calendar.manage',
  'outage.view',
  'outage.manage',
  'repair.view',
  'repair.dispatch',
  'repair.work',
  'repair.manage',
  'notify.view',
  'notify.manage',
  'knowledge.view',
  'knowledge.edit',
  'knowledge.review',
  'contact.use',
  'contact.monitor',
  'contact.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Everyone reads the knowledge base (a crew member answers safety questions too). Trainers and
 * leads write it (`knowledge.edit`); leads and the center manager approve it (`knowledge.review`).
 */
const EVERYONE: Permission[] = ['dashboard.view', 'profile.view', 'knowledge.view'];
/** Finding a customer and seeing them on the network; personal data stays masked. */
const CUSTOMERS: Permission[] = ['customer.view', 'grid.view'];
const LEADS: Permission[] = [...EVERYONE, ...CUSTOMERS, 'org.view', 'user.view'];
/**
 * Work orders. The center accepts, dispatches, reviews, calls back and archives (`order.create`,
 * `order.dispatch`, `order.review`); the units that must act acknowledge, handle and return
 * (`order.handle`); leads and the center manager supervise: reassign, approve suspensions,
 * terminate, re-open (`order.supervise`); admins edit the taxonomy, routing and SLA rules.
 */
const CENTER_ORDERS: Permission[] = [
  'order.view',
  'order.create',
  'order.dispatch',
  'order.review',
  'calendar.view',
];
const LEAD_ORDERS: Permission[] = [...CENTER_ORDERS, 'order.supervise'];
const HANDLER_ORDERS: Permission[] = ['order.view', 'order.handle', 'calendar.view'];
/**
 * Outages and repair (rules.md §3, §5). Everyone who answers or handles customers sees outages;
 * dispatchers and leads publish them, confirm predicted ones and file major service events;
 * dispatchers send crews, crews work their orders on site; admins keep the crew register with
 * the dispatchers. Notification templates are the administrator's; leads read the delivery log.
 */
const SEE_OUTAGES: Permission[] = ['outage.view'];
/**
 * The telephone: agents (and leads, who take calls too) sign in, set their state and see the call
 * log (`contact.use`); leads and the center manager watch the agents (`contact.monitor`); the
 * administrator keeps the PBX tokens, blocked callers, skills and queues (`contact.manage`).
 */
const PHONE: Permission[] = ['contact.use'];
const LEAD_PHONE: Permission[] = ['contact.use', 'contact.monitor'];
const DISPATCH_REPAIR: Permission[] = [
  'outage.view',
  'outage.manage',
  'repair.view',
  'repair.dispatch',
];

/**
 * Which permissions each role grants. A user with several roles has the union.
 * Personal data: crews and dispatchers must reach the customer on site, so they see phones and
 * address details in full (`customer.pii`); agents, leads and the back office see them masked and
 * may reveal a value when the call needs it (`customer.reveal`, audited); quality inspectors see
 * masked data only; trainers do not see customers at all.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  agent: [...EVERYONE, ...CUSTOMERS, 'customer.reveal', ...CENTER_ORDERS, ...SEE_OUTAGES, ...PHONE],
  shift_lead: [
    ...LEADS,
    'customer.reveal',
    'customer.manage',
    ...LEAD_ORDERS,
    ...DISPATCH_REPAIR,
    'notify.view',
    'knowledge.edit',
    'knowledge.review',
    ...LEAD_PHONE,
  ],
  team_lead: [
    ...LEADS,
    'customer.reveal',
    'customer.manage',
    ...LEAD_ORDERS,
    ...DISPATCH_REPAIR,
    'notify.view',
    'knowledge.edit',
    'knowledge.review',
    ...LEAD_PHONE,
  ],
  center_manager: [
    ...LEADS,
    'audit.view',
    'customer.reveal',
    'customer.export',
    'order.view',
    'order.supervise',
    'calendar.view',
    'outage.view',
    'repair.view',
    'notify.view',
    'knowledge.review',
    'contact.monitor',
  ],
  dispatcher: [
    ...EVERYONE,
    ...CUSTOMERS,
    'org.view',
    'customer.pii',
    ...HANDLER_ORDERS,
    'order.dispatch',
    ...DISPATCH_REPAIR,
    'repair.manage',
  ],
  repair_crew: [
    ...EVERYONE,
    ...CUSTOMERS,
    'customer.pii',
    ...HANDLER_ORDERS,
    ...SEE_OUTAGES,
    'repair.work',
  ],
  back_office: [
    ...EVERYONE,
    ...CUSTOMERS,
    'org.view',
    'customer.reveal',
    'customer.manage',
    ...HANDLER_ORDERS,
    ...SEE_OUTAGES,
  ],
  quality_inspector: [
    ...EVERYONE,
    'customer.view',
    'grid.view',
    'user.view',
    'order.view',
    'calendar.view',
    'outage.view',
  ],
  trainer: [...EVERYONE, 'user.view', 'calendar.view', 'knowledge.edit'],
  admin: [
    ...LEADS,
    'org.manage',
    'user.manage',
    'audit.view',
    'token.manage',
    'customer.reveal',
    'customer.manage',
    'customer.import',
    'customer.export',
    'segment.manage',
    'order.view',
    'order.manage',
    'calendar.view',
    'calendar.manage',
    'outage.view',
    'repair.view',
    'repair.manage',
    'notify.view',
    'notify.manage',
    'contact.monitor',
    'contact.manage',
  ],
};

/**
 * How far a role sees. `subtree`: the user's own unit and everything under it. `province`: the
 * whole province the unit belongs to, because a provincial 95598 center serves every city and
 * county of its province (agents, leads, inspectors and trainers work across them).
 */
export type DataScope = 'subtree' | 'province';

export const ROLE_SCOPE: Record<Role, DataScope> = {
  agent: 'province',
  shift_lead: 'province',
  team_lead: 'province',
  center_manager: 'province',
  dispatcher: 'subtree',
  repair_crew: 'subtree',
  back_office: 'subtree',
  quality_inspector: 'province',
  trainer: 'province',
  admin: 'subtree',
};

/** The permissions a set of roles grants, sorted. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

/** The widest data scope among the roles (`province` wins over `subtree`). */
export function scopeOf(roles: readonly Role[]): DataScope {
  return roles.some((r) => ROLE_SCOPE[r] === 'province') ? 'province' : 'subtree';
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** Entries of the web app's menu and the permission each needs. */
export const MENU = [
  { key: 'dashboard', path: '/', permission: 'dashboard.view' },
  { key: 'orders', path: '/orders', permission: 'order.view' },
  { key: 'ordersAtRisk', path: '/orders/at-risk', permission: 'order.supervise' },
  { key: 'outages', path: '/outages', permission: 'outage.view' },
  { key: 'outagePredictions', path: '/outages/predictions', permission: 'outage.manage' },
  { key: 'knowledge', path: '/knowledge', permission: 'knowledge.view' },
  { key: 'knowledgeReview', path: '/knowledge/review', permission: 'knowledge.review' },
  { key: 'contactDesk', path: '/contact/desk', permission: 'contact.use' },
  { key: 'contactCalls', path: '/contact/calls', permission: 'contact.use' },
  { key: 'contactMonitor', path: '/contact/monitor', permission: 'contact.monitor' },
  { key: 'wallboard', path: '/wallboard', permission: 'contact.monitor' },
  { key: 'repairBoard', path: '/repair/board', permission: 'repair.dispatch' },
  { key: 'crewView', path: '/crew', permission: 'repair.work' },
  { key: 'customers', path: '/customers', permission: 'customer.view' },
  { key: 'network', path: '/network', permission: 'grid.view' },
  { key: 'segments', path: '/segments', permission: 'customer.view' },
  { key: 'imports', path: '/imports', permission: 'customer.import' },
  { key: 'orderSettings', path: '/admin/order-settings', permission: 'order.manage' },
  { key: 'calendar', path: '/admin/calendar', permission: 'calendar.view' },
  { key: 'crews', path: '/admin/crews', permission: 'repair.manage' },
  { key: 'contactSettings', path: '/admin/contact', permission: 'contact.manage' },
  { key: 'notifyTemplates', path: '/admin/notify/templates', permission: 'notify.manage' },
  { key: 'notifyLog', path: '/admin/notify/log', permission: 'notify.view' },
  { key: 'org', path: '/admin/units', permission: 'org.view' },
  { key: 'users', path: '/admin/users', permission: 'user.view' },
  { key: 'tokens', path: '/admin/tokens', permission: 'token.manage' },
  { key: 'audit', path: '/admin/audit', permission: 'audit.view' },
  { key: 'profile', path: '/profile', permission: 'profile.view' },
] as const satisfies readonly { key: string; path: string; permission: Permission }[];
export type MenuKey = (typeof MENU)[number]['key'];

/** The menu entries a holder of these permissions may use. */
export function menuFor(permissions: readonly Permission[]): (typeof MENU)[number][] {
  return MENU.filter((m) => permissions.includes(m.permission));
}
