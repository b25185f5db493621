import { Space, Tag, Tooltip } from 'antd';
import type { User } from '../../../../common/schemas/users.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** 正常 / 已锁定(管理员) / 临时锁定 / 需改密: the states that decide whether someone can sign in. */
export function UserStatus({ user }: { user: User }) {
  const { t } = useI18n();
  const tempLocked = user.lockedUntil !== null && new Date(user.lockedUntil) > new Date();
  const tags = [];
  if (user.disabled)
    tags.push(
      <Tag key="disabled" color="red">
        {t('userStatus.disabled')}
      </Tag>,
    );
  if (tempLocked) {
    tags.push(
      <Tooltip
        key="temp"
        title={t('userStatus.lockedUntil', { at: formatDateTime(user.lockedUntil) })}
      >
        <Tag color="orange">{t('userStatus.tempLocked')}</Tag>
      </Tooltip>,
    );
  }
  if (user.mustChangePassword)
    tags.push(
      <Tag key="pw" color="gold">
        {t('userStatus.mustChange')}
      </Tag>,
    );
  if (tags.length === 0)
    tags.push(
      <Tag key="ok" color="green">
        {t('userStatus.ok')}
      </Tag>,
    );
  return <Space size={0}>{tags}</Space>;
}
