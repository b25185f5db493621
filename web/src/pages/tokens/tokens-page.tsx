import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { Permission } from '../../../../common/permissions.ts';
import type { ApiToken } from '../../../../common/schemas/tokens.ts';
import { useRevokeToken, useTokens } from '../../api/tokens.ts';
import { SecretModal } from '../../components/secret-modal.tsx';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { permissionLabel } from './permission-label.ts';
import { TokenFormModal } from './token-form-modal.tsx';

function TokenState({ token }: { token: ApiToken }) {
  const { t } = useI18n();
  if (token.revokedAt) return <Tag>{t('tokens.revoked')}</Tag>;
  if (token.expiresAt && new Date(token.expiresAt) <= new Date())
    return <Tag color="orange">{t('tokens.expired')}</Tag>;
  return <Tag color="green">{t('tokens.valid')}</Tag>;
}

export function TokensPage() {
  const { t } = useI18n();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const notifyError = useNotifyError();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  const columns: ColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name' },
    {
      title: t('tokens.prefix'),
      dataIndex: 'prefix',
      width: 140,
      render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
    },
    { title: t('tokens.user'), dataIndex: 'username', width: 120 },
    {
      title: t('tokens.scopes'),
      dataIndex: 'scopes',
      render: (scopes: Permission[]) =>
        scopes.map((s) => <Tag key={s}>{permissionLabel(s, t)}</Tag>),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      width: 150,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      width: 150,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('common.status'),
      key: 'state',
      width: 90,
      render: (_, tk) => <TokenState token={tk} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, tk) =>
        !tk.revokedAt && (
          <Popconfirm
            title={t('tokens.confirmRevoke', { name: tk.name })}
            onConfirm={() => revoke.mutate(tk.id, { onError: notifyError })}
          >
            <Button type="link" size="small" danger>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={t('menu.tokens')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('tokens.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      {tokens.isError && (
        <Alert type="error" showIcon message={tokens.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<ApiToken>
        rowKey="id"
        size="middle"
        loading={tokens.isPending || revoke.isPending}
        columns={columns}
        dataSource={tokens.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      <TokenFormModal open={creating} onClose={() => setCreating(false)} onCreated={setSecret} />
      <SecretModal
        title={t('tokens.secretTitle')}
        label={t('tokens.secretLabel')}
        secret={secret}
        onClose={() => setSecret(null)}
      />
    </Card>
  );
}
