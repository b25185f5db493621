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

describe('permission matrix', () => {
  it('gives every role the dashboard and the profile', () => {
    for (const role of ROLES) {
      expect(ROLE_PERMISSIONS[role]).toContain('dashboard.view');
      expect(ROLE_PERMISSIONS[role]).toContain('profile.view');
    }
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
    ['agent', ['dashboard.view', 'profile.view']],
    ['repair_crew', ['dashboard.view', 'profile.view']],
    ['shift_lead', ['dashboard.view', 'profile.view', 'org.view', 'user.view']],
    ['team_lead', ['dashboard.view', 'profile.view', 'org.view', 'user.view']],
    ['center_manager', ['dashboard.view', 'profile.view', 'org.view', 'user.view', 'audit.view']],
    ['dispatcher', ['dashboard.view', 'profile.view', 'org.view']],
    ['admin', [...PERMISSIONS]],
  ] as const)('%s has exactly its permissions', (role, expected) => {
    expect(permissionsOf([role])).toEqual(PERMISSIONS.filter((p) => expected.includes(p as never)));
  });

  it('unites the permissions of several roles without repeats, in catalogue order', () => {
    const both = permissionsOf(['dispatcher', 'quality_inspector']);
    expect(both).toEqual(['dashboard.view', 'profile.view', 'org.view', 'user.view']);
    expect(permissionsOf([])).toEqual([]);
  });

  it('takes the widest scope among roles', () => {
    expect(scopeOf(['admin'])).toBe('subtree');
    expect(scopeOf(['repair_crew', 'dispatcher'])).toBe('subtree');
    expect(scopeOf(['admin', 'agent'])).toBe('province');
    for (const role of ROLES) expect(['subtree', 'province']).toContain(ROLE_SCOPE[role]);
  });

  it('shows a menu entry only with its permission', () => {
    expect(menuFor(permissionsOf(['agent'])).map((m) => m.key)).toEqual(['dashboard', 'profile']);
    expect(menuFor(permissionsOf(['admin'])).map((m) => m.key)).toEqual(MENU.map((m) => m.key));
    expect(menuFor(permissionsOf(['dispatcher'])).map((m) => m.key)).toEqual([
      'dashboard',
      'org',
      'profile',
    ]);
  });
});
