import { Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import type { OrderList, OrderSummary } from '../../../../common/schemas/orders.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { FlagTags, StateTag } from './order-labels.tsx';
import { SlaBadge } from './sla-badge.tsx';

export interface TableState {
  page: number;
  pageSize: number;
  sort: string;
}

type SortOrder = 'ascend' | 'descend' | null;
const orderOf = (sort: string, field: string): SortOrder =>
  sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null;

/** The orders of a list page; selection is offered only when `selected` is given. */
export function OrderTable(props: {
  data: OrderList | undefined;
  loading: boolean;
  state: TableState;
  onChange: (s: TableState) => void;
  selected?: string[];
  onSelect?: (ids: string[], rows: OrderSummary[]) => void;
  testId?: string;
}) {
  const { t, pick } = useI18n();
  const { sort } = props.state;
  const columns: ColumnsType<OrderSummary> = [
    {
      title: t('orders.number'),
      dataIndex: 'number',
      width: 150,
      render: (n: string, o) => (
        <Link to={`/orders/${o.id}`} data-testid="order-link">
          {n}
        </Link>
      ),
    },
    { title: t('orders.type'), width: 130, render: (_, o) => pick(o.typeName) },
    {
      title: t('orders.title'),
      dataIndex: 'title',
      width: 180,
      ellipsis: true,
    },
    {
      title: t('orders.customerOrCaller'),
      width: 150,
      render: (_, o) =>
        o.customer ? (
          <Link to={`/customers/${o.customer.id}`}>{o.customer.name}</Link>
        ) : (
          <Typography.Text>
            {o.callerName ?? '—'} {o.callerPhone ?? ''}
          </Typography.Text>
        ),
    },
    {
      title: t('orders.state'),
      dataIndex: 'state',
      width: 120,
      render: (_, o) => <StateTag state={o.state} />,
    },
    {
      title: t('orders.sla'),
      key: 'dueAt',
      width: 190,
      sorter: true,
      sortOrder: orderOf(sort, 'dueAt'),
      render: (_, o) => <SlaBadge status={o.slaStatus} dueAt={o.dueAt} />,
    },
    {
      title: t('orders.flags'),
      key: 'urgeCount',
      width: 180,
      sorter: true,
      sortOrder: sort === '-urgeCount' ? 'descend' : null,
      sortDirections: ['descend'],
      render: (_, o) => (
        <Space size={[0, 4]} wrap>
          <FlagTags flags={o.flags} />
          {o.urgeCount > 0 && <Tag color="red">{t('orders.urged', { n: o.urgeCount })}</Tag>}
        </Space>
      ),
    },
    {
      title: t('orders.assignedUnit'),
      width: 150,
      ellipsis: true,
      render: (_, o) => o.assignedUnit?.name ?? '—',
    },
    {
      title: t('orders.acceptedAt'),
      key: 'acceptedAt',
      width: 150,
      sorter: true,
      sortOrder: orderOf(sort, 'acceptedAt'),
      // Newest first is the default; the header toggles between the two without a third state.
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (_, o) => formatDateTime(o.acceptedAt),
    },
  ];

  const onSelect = props.onSelect;
  return (
    <Table<OrderSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.data?.items ?? []}
      loading={props.loading}
      scroll={{ x: 1300 }}
      data-testid={props.testId ?? 'order-table'}
      rowSelection={
        props.selected && onSelect
          ? {
              selectedRowKeys: props.selected,
              preserveSelectedRowKeys: true,
              onChange: (keys, rows) => onSelect(keys as string[], rows),
            }
          : undefined
      }
      pagination={{
        current: props.state.page,
        pageSize: props.state.pageSize,
        total: props.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (n) =>
          props.data?.totalCapped ? t('orders.totalCapped', { n }) : t('common.total', { n }),
      }}
      onChange={(pagination, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const field = String(s?.columnKey ?? '');
        let next = '-acceptedAt';
        if (s?.order && field === 'urgeCount') next = '-urgeCount';
        else if (s?.order && field) next = s.order === 'ascend' ? field : `-${field}`;
        props.onChange({
          page: next === sort ? (pagination.current ?? 1) : 1,
          pageSize: pagination.pageSize ?? props.state.pageSize,
          sort: next,
        });
      }}
    />
  );
}
