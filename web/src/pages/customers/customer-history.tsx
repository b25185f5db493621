import { Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { CustomerHistory } from '../../../../common/schemas/customers.ts';
import { useCustomerHistory } from '../../api/customers.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { actionLabel, changeValue, fieldLabel } from './history-values.ts';

type Entry = CustomerHistory['items'][number];

/** 变更历史: who changed what, newest first; personal values stay masked as the server keeps them. */
export function CustomerHistoryCard({ customerId }: { customerId: string }) {
  const { t, pick } = useI18n();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const history = useCustomerHistory(customerId, page);

  const columns: ColumnsType<Entry> = [
    { title: t('customers.history.at'), dataIndex: 'at', width: 150, render: formatDateTime },
    {
      title: t('customers.history.actor'),
      dataIndex: 'actorName',
      width: 110,
      render: (v: string | null) => v ?? t('customers.history.system'),
    },
    {
      title: t('customers.history.action'),
      dataIndex: 'action',
      width: 90,
      render: (v: string) => actionLabel(v, t),
    },
    {
      title: t('customers.history.changes'),
      key: 'changes',
      // A new record lists every field; its creation says enough.
      render: (_, e) =>
        e.action === 'create' ? (
          t('customers.history.createdNote')
        ) : (
          <ul className="lx-changes" style={{ margin: 0, paddingInlineStart: 18 }}>
            {Object.entries(e.changes).map(([field, [before, after]]) => (
              <li key={field}>
                <Typography.Text strong>{fieldLabel(field, t)}</Typography.Text>
                {': '}
                <Typography.Text delete type="secondary">
                  {changeValue(field, before, t, pick)}
                </Typography.Text>
                {' → '}
                {changeValue(field, after, t, pick)}
              </li>
            ))}
          </ul>
        ),
    },
  ];

  return (
    <Card title={t('customers.section.history')} size="small">
      <Table<Entry>
        rowKey="id"
        size="small"
        loading={history.isFetching}
        columns={columns}
        dataSource={history.data?.items ?? []}
        data-testid="customer-history"
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: history.data?.total ?? 0,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
      />
    </Card>
  );
}
