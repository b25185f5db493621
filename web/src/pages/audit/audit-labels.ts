type Label = { zh: string; en: string };

/** The actions the server records today; an unknown one is shown by its code. */
export const ACTION_LABELS: Record<string, Label> = {
  'auth.login': { zh: '登录', en: 'Sign-in' },
  'auth.login_failed': { zh: '登录失败', en: 'Failed sign-in' },
  'auth.login_refused': { zh: '拒绝登录', en: 'Sign-in refused' },
  'auth.account_locked': { zh: '账号临时锁定', en: 'Account locked (failures)' },
  'auth.logout': { zh: '退出登录', en: 'Sign-out' },
  'user.create': { zh: '新建用户', en: 'User created' },
  'user.update': { zh: '修改用户', en: 'User changed' },
  'user.lock': { zh: '锁定用户', en: 'User locked' },
  'user.unlock': { zh: '解锁用户', en: 'User unlocked' },
  'user.password_reset': { zh: '重置密码', en: 'Password reset' },
  'user.password_changed': { zh: '修改密码', en: 'Password changed' },
  'unit.create': { zh: '新建单位', en: 'Unit created' },
  'unit.update': { zh: '修改单位', en: 'Unit changed' },
  'unit.move': { zh: '移动单位', en: 'Unit moved' },
  'unit.deactivate': { zh: '停用单位', en: 'Unit deactivated' },
  'unit.activate': { zh: '启用单位', en: 'Unit activated' },
  'token.create': { zh: '创建接口令牌', en: 'API token issued' },
  'token.revoke': { zh: '吊销接口令牌', en: 'API token revoked' },
  'demo.load': { zh: '加载演示数据', en: 'Demo data loaded' },
};

export const ENTITY_LABELS: Record<string, Label> = {
  user: { zh: '用户', en: 'User' },
  unit: { zh: '单位', en: 'Unit' },
  api_token: { zh: '接口令牌', en: 'API token' },
  system: { zh: '系统', en: 'System' },
};
