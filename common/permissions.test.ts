import { describe, expect, it } from 'vitest';
import {
  MENU,
  PERMISSIONS,
  ROLES,
  ROLE_PERMISSIONS,
  ROLE_SCOPE,
  menuFor,
  permissionsOf,
  scopeOf,
} from './permissions.js';

const BASE = ['dashboard.view', 'profile.view', 'knowledge.view'] as const;
/** Writing and approving the knowledge base: trainers and leads write, leads and managers approve. */
const KB_EDIT_REVIEW = ['knowledge.edit', 'knowledge.review'] as const;
const SEE = ['customer.view', 'grid.view'] as const;
const LEAD = [...BASE, ...SEE, 'org.view', 'user.view'] as const;
/** The center's work on orders, and the handling units'. */
const CENTER = [
  'order.view',
  'order.create',
  'order.dispatch',
  'order.review',
  'calendar.view',
] as const;
const HANDLER = ['order.view', 'order.handle', 'calendar.view'] as const;
/** Publishing outages and sending crews: dispatchers and leads. */
const DISPATCH = ['outage.view', 'outage.manage', 'repair.view', 'repair.dispatch'] as const;

describe('permission matrix', () => {
  it('gives every role the dashboard and the profile', () => {
    for (const role of ROLES) {
      expect(ROLE_PERMISSIONS[role]).toContain('dashboard.view');
      expect(ROLE_PERMISSIONS[role]).toContain('profile.view');
    }
  });

  it('shows personal data unmasked only to those who go to the customer', () => {
    const pii = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('customer.pii'));
    expect(pii).toEqual(['dispatcher', 'repair_crew']);
  });

  it('keeps management to the administrator', () => {
    for (const role of ROLES) {
      const manages = ['org.manage', 'user.manage', 'token.manage'].some((p) =>
        ROLE_PERMISSIONS[role].includes(p as never),
      );
      expect(manages, role).toBe(role === 'admin');
    }
  });

  it.each([
    ['agent', [...BASE, ...SEE, 'customer.reveal', ...CENTER, 'outage.view', 'contact.use']],
    ['repair_crew', [...BASE, ...SEE, 'customer.pii', ...HANDLER, 'outage.view', 'repair.work']],
    [
      'shift_lead',
      [
        ...LEAD,
        'customer.reveal',
        'customer.manage',
        ...CENTER,
        'order.supervise',
        ...DISPATCH,
        'notify.view',
        ...KB_EDIT_REVIEW,
        'contact.use',
        'contact.monitor',
      ],
    ],
    [
      'team_lead',
      [
        ...LEAD,
        'customer.reveal',
        'customer.manage',
        ...CENTER,
        'order.supervise',
        ...DISPATCH,
        'notify.view',
        ...KB_EDIT_REVIEW,
        'contact.use',
        'contact.monitor',
      ],
    ],
    [
      'center_manager',
      [
        ...LEAD,
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
    ],
    [
      'dispatcher',
      [
        ...BASE,
        ...SEE,
        'org.view',
        'customer.pii',
        ...HANDLER,
        'order.dispatch',
        ...DISPATCH,
        'repair.manage',
      ],
    ],
    [
      'quality_inspector',
      [...BASE, ...SEE, 'user.view', 'order.view', 'calendar.view', 'outage.view'],
    ],
    ['trainer', [...BASE, 'user.view', 'calendar.view', 'knowledge.edit']],
    // The administrator configures; accepting, handling and supervising orders is not theirs.
    [
      'admin',
      PERMISSIONS.filter(
        (p) =>
          ![
            'customer.pii',
            'order.create',
            'order.dispatch',
            'order.handle',
            'order.review',
            'order.supervise',
            'outage.manage',
            'repair.dispatch',
            'repair.work',
            'knowledge.edit',
            'knowledge.review',
            'contact.use',
          ].includes(p),
      ),
    ],
  ] as const)('%s has exactly its permissions', (role, expected) => {
    expect(permissionsOf([role])).toEqual(PERMISSIONS.filter((p) => expected.includes(p as never)));
  });

  it('unites the permissions of several roles without repeats, in catalogue order', () => {
    const both = permissionsOf(['trainer', 'repair_crew']);
    expect(both).toEqual([
      'dashboard.view',
      'profile.view',
      'user.view',
      'customer.view',
      'customer.pii',
      'grid.view',
      'order.view',
      'order.handle',
      'calendar.view',
      'outage.view',
      'repair.work',
      'knowledge.view',
      'knowledge.edit',
    ]);
    expect(permissionsOf([])).toEqual([]);
  });

  it('takes the widest scope among roles', () => {
    expect(scopeOf(['admin'])).toBe('subtree');
    expect(scopeOf(['repair_crew', 'dispatcher'])).toBe('subtree');
    expect(scopeOf(['admin', 'agent'])).toBe('province');
    for (const role of ROLES) expect(['subtree', 'province']).toContain(ROLE_SCOPE[role]);
  });

  it('shows a menu entry only with its permission', () => {
    expect(menuFor(permissionsOf(['agent'])).map((m) => m.key)).toEqual([
      'dashboard',
      'orders',
      'outages',
      'knowledge',
      'contactDesk',
      'contactCalls',
      'customers',
      'network',
      'segments',
      'calendar',
      'profile',
    ]);
    expect(menuFor(permissionsOf(['trainer'])).map((m) => m.key)).toEqual([
      'dashboard',
      'knowledge',
      'calendar',
      'users',
      'profile',
    ]);
    expect(menuFor(permissionsOf(['admin'])).map((m) => m.key)).toEqual(
      MENU.map((m) => m.key).filter(
        (k) =>
          ![
            'ordersAtRisk',
            'outagePredictions',
            'repairBoard',
            'crewView',
            'knowledgeReview',
            'contactDesk',
            'contactCalls',
          ].includes(k),
      ),
    );
    expect(menuFor(permissionsOf(['shift_lead'])).map((m) => m.key)).toContain('ordersAtRisk');
    expect(menuFor(permissionsOf(['dispatcher'])).map((m) => m.key)).toEqual([
      'dashboard',
      'orders',
      'outages',
      'outagePredictions',
      'knowledge',
      'repairBoard',
      'customers',
      'network',
      'segments',
      'calendar',
      'crews',
      'org',
      'profile',
    ]);
    expect(menuFor(permissionsOf(['repair_crew'])).map((m) => m.key)).toContain('crewView');
  });
});
