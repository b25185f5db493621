import { Alert, Space, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { OutageCustomers as Customers } from '../../../../common/schemas/outages.ts';
import { useOutageCustomers } from '../../api/outages.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Row = Customers['items'][number];

/** 影响客户: the customers the outage affects, important ones first, a page at a time. */
export function OutageCustomers({ id }: { id: string }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState({ page: 1, pageSize: 20, importantOnly: false });
  const list = useOutageCustomers(id, filter);
  const columns: ColumnsType<Row> = [
    {
      title: t('outages.customers.accountNo'),
      dataIndex: 'accountNo',
      width: 150,
      render: (n: string, c) => <Link to={`/customers/${c.id}`}>{n}</Link>,
    },
    { title: t('outages.customers.name'), dataIndex: 'name', width: 200 },
    {
      title: t('outages.customers.important'),
      width: 100,
      render: (_, c) =>
        c.important ? <Tag color="red">{t('outages.customers.important')}</Tag> : null,
    },
    { title: t('outages.customers.transformer'), dataIndex: 'transformer' },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Switch
          checked={filter.importantOnly}
          onChange={(importantOnly) => setFilter((f) => ({ ...f, importantOnly, page: 1 }))}
          data-testid="outage-customers-important"
        />
        {t('outages.customers.importantOnly')}
      </Space>
      {list.isError && <Alert type="error" showIcon message={list.error.message} />}
      <Table<Row>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        data-testid="outage-customers"
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (n) => (
            <span data-testid="outage-customers-total">{t('common.total', { n })}</span>
          ),
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
      />
    </>
  );
}
