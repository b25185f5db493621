import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '../../../common/permissions.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useCan } from './session-context.ts';

/** Renders its children only for holders of the permission; the server enforces it anyway. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const can = useCan();
  const { t } = useI18n();
  if (!can(permission))
    return <Result status="403" title="403" subTitle={t('error.forbiddenPage')} />;
  return children;
}
