import { Card, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CustomerSummary } from '../../../../common/schemas/customers.ts';
import type { GridNode } from '../../../../common/schemas/grid.ts';
import { useGridCustomers, type GridCustomersFilter } from '../../api/grid.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { addressText, ClassTag, PhoneList } from '../customers/customer-display.tsx';
import { MarkTags } from '../customers/customer-marks.tsx';
import { nodeKey } from './grid-node-ref.ts';

const FIRST_PAGE: GridCustomersFilter = { page: 1, pageSize: 20, importantOnly: false };

/** The customers supplied through the node; phones and addresses come masked as the API sends them. */
export function NodeCustomers({ node }: { node: GridNode }) {
  const { t } = useI18n();
  const key = nodeKey(node);
  const [state, setState] = useState({ ...FIRST_PAGE, key });
  // Another node starts on its first page but keeps the "important only" choice.
  const filter = state.key === key ? state : { ...state, key, page: 1 };
  const refine = (patch: Partial<GridCustomersFilter>) => setState({ ...filter, ...patch });
  const customers = useGridCustomers(node.kind, node.id, {
    page: filter.page,
    pageSize: filter.pageSize,
    importantOnly: filter.importantOnly,
  });

  const columns: ColumnsType<CustomerSummary> = [
    {
      title: t('network.accountNo'),
      dataIndex: 'accountNo',
      width: 120,
      render: (v: string, c) => (
        <Link to={`/customers/${c.id}`} data-testid="network-customer-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('network.customerName'),
      dataIndex: 'name',
      width: 180,
      // The marks sit under the name: one column fewer keeps the table readable at 1280 px.
      render: (name: string, c) => (
        <Space direction="vertical" size={2}>
          <span>{name}</span>
          <MarkTags marks={c.marks} />
        </Space>
      ),
    },
    {
      title: t('network.customerClass'),
      dataIndex: 'customerClass',
      width: 90,
      render: (_, c) => <ClassTag value={c.customerClass} />,
    },
    { title: t('network.address'), key: 'address', render: (_, c) => addressText(c.address) },
    {
      title: t('network.phones'),
      key: 'phones',
      width: 160,
      render: (_, c) => <PhoneList phones={c.phones} />,
    },
  ];

  return (
    <Card
      size="small"
      title={t('network.customersTitle')}
      data-testid="network-customers"
      extra={
        <Space size={6}>
          <Switch
            size="small"
            checked={filter.importantOnly}
            onChange={(importantOnly) => refine({ importantOnly, page: 1 })}
            data-testid="network-important-only"
          />
          <Typography.Text>{t('network.importantOnly')}</Typography.Text>
        </Space>
      }
    >
      <Table<CustomerSummary>
        rowKey="id"
        size="small"
        loading={customers.isFetching}
        columns={columns}
        dataSource={customers.data?.items ?? []}
        scroll={{ x: 760 }}
        locale={customers.isError ? { emptyText: customers.error.message } : undefined}
        data-testid="network-customers-table"
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: customers.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('common.total', { n }),
          onChange: (page, pageSize) => refine({ page, pageSize }),
        }}
      />
    </Card>
  );
}
