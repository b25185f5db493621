import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../../common/permissions.ts';
import type { User } from '../../../../common/schemas/users.ts';
import { useUnits } from '../../api/org.ts';
import {
  useUserCommand,
  useUsers,
  type UserFilter,
  type WithTemporaryPassword,
} from '../../api/users.ts';
import { SecretModal } from '../../components/secret-modal.tsx';
import { useCan, useSession } from '../../components/session-context.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { buildTree, treeOptions } from '../units/unit-tree.ts';
import { UserFormModal, type UserFormTarget } from './user-form-modal.tsx';
import { UserStatus } from './user-status.tsx';

export function UsersPage() {
  const { t, pick } = useI18n();
  const me = useSession();
  const can = useCan();
  const manage = can('user.manage');
  const [filter, setFilter] = useState<UserFilter>({ page: 1, pageSize: 20 });
  const users = useUsers(filter);
  const units = useUnits(can('org.view'));
  const unitTree = useMemo(
    () => treeOptions(buildTree(units.data?.items ?? []), () => true),
    [units.data],
  );
  const command = useUserCommand();
  const notifyError = useNotifyError();
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [secret, setSecret] = useState<WithTemporaryPassword | null>(null);

  const refine = (patch: Partial<UserFilter>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));
  const act = (kind: 'lock' | 'unlock' | 'reset-password', u: User) =>
    command.mutate(
      { kind, id: u.id },
      {
        onSuccess: (r) => {
          if ('temporaryPassword' in r) setSecret(r);
        },
        onError: notifyError,
      },
    );

  const columns: ColumnsType<User> = [
    { title: t('user.username'), dataIndex: 'username', width: 130 },
    { title: t('user.displayName'), dataIndex: 'displayName', width: 120 },
    {
      title: t('user.roles'),
      dataIndex: 'roles',
      render: (roles: Role[]) =>
        roles.map((r) => (
          <Tag key={r} color={r === 'admin' ? 'volcano' : 'cyan'}>
            {pick(ROLE_LABELS[r])}
          </Tag>
        )),
    },
    { title: t('user.unit'), dataIndex: 'unitName' },
    {
      title: t('user.phone'),
      dataIndex: 'phone',
      width: 130,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 170,
      render: (_, u) => <UserStatus user={u} />,
    },
    {
      title: t('user.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (v: string | null) => formatDateTime(v),
    },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', user: u })}>
            {t('common.edit')}
          </Button>
          {u.disabled || u.lockedUntil ? (
            <Button type="link" size="small" onClick={() => act('unlock', u)}>
              {t('users.unlock')}
            </Button>
          ) : (
            <Popconfirm
              title={t('users.confirmLock', { name: u.displayName })}
              onConfirm={() => act('lock', u)}
            >
              <Button type="link" size="small" danger disabled={u.id === me.user.id}>
                {t('users.lock')}
              </Button>
            </Popconfirm>
          )}
          <Popconfirm
            title={t('users.confirmReset', { name: u.displayName })}
            onConfirm={() => act('reset-password', u)}
          >
            <Button type="link" size="small">
              {t('users.resetPassword')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('menu.users')}
      extra={
        manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setFormTarget({ mode: 'create' })}
          >
            {t('users.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          style={{ width: 260 }}
          onSearch={(q) => refine({ q: q.trim() || undefined })}
          data-testid="users-search"
        />
        {can('org.view') && (
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('users.filterUnit')}
            style={{ width: 260 }}
            treeData={unitTree}
            onChange={(unitId?: string) => refine({ unitId })}
          />
        )}
        <Select<Role>
          allowClear
          placeholder={t('users.filterRole')}
          style={{ width: 180 }}
          options={ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))}
          onChange={(role?: Role) => refine({ role })}
        />
      </Space>
      {users.isError && (
        <Alert type="error" showIcon message={users.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching || command.isPending}
        columns={columns}
        dataSource={users.data?.items ?? []}
        data-testid="users-table"
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('common.total', { n }),
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
      />
      <UserFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onCreated={setSecret}
      />
      <SecretModal
        title={t('users.temporaryPasswordTitle', { name: secret?.user.displayName ?? '' })}
        label={t('users.temporaryPasswordLabel', { username: secret?.user.username ?? '' })}
        secret={secret?.temporaryPassword ?? null}
        onClose={() => setSecret(null)}
      />
    </Card>
  );
}
