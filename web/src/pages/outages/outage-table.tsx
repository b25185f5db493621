import { Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import type { OutageList, OutageSummary } from '../../../../common/schemas/outages.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CategoryTag, OutageFlagTags, OutageStateTag } from './outage-labels.tsx';

export interface PageState {
  page: number;
  pageSize: number;
}

/** The planned window, or when the power went off for an outage without one. */
export function WindowText({ o }: { o: OutageSummary }) {
  const { t } = useI18n();
  if (o.plannedStart) {
    return (
      <Space direction="vertical" size={0}>
        <span>{formatDateTime(o.plannedStart)}</span>
        <Typography.Text type="secondary">
          {t('outages.to')} {formatDateTime(o.plannedEnd)}
        </Typography.Text>
      </Space>
    );
  }
  return (
    <span>
      {t('outages.startedAt')} {formatDateTime(o.startedAt)}
    </span>
  );
}

/** The outages of the list tab, a page at a time. */
export function OutageTable(props: {
  data: OutageList | undefined;
  loading: boolean;
  state: PageState;
  onChange: (s: PageState) => void;
}) {
  const { t } = useI18n();
  const columns: ColumnsType<OutageSummary> = [
    {
      title: t('outages.number'),
      dataIndex: 'number',
      width: 150,
      render: (n: string, o) => (
        <Link to={`/outages/${o.id}`} data-testid="outage-link">
          {n}
        </Link>
      ),
    },
    {
      title: t('outages.category'),
      width: 130,
      render: (_, o) => <CategoryTag category={o.category} />,
    },
    {
      title: t('outages.state'),
      width: 90,
      render: (_, o) => <OutageStateTag state={o.state} />,
    },
    { title: t('outages.title'), dataIndex: 'title', width: 200, ellipsis: true },
    { title: t('outages.area'), dataIndex: 'areaText', width: 180, ellipsis: true },
    { title: t('outages.window'), width: 170, render: (_, o) => <WindowText o={o} /> },
    {
      title: t('outages.estimate'),
      width: 140,
      render: (_, o) => formatDateTime(o.restoredAt ?? o.estimatedRestoreAt),
    },
    {
      title: t('outages.affected'),
      width: 110,
      render: (_, o) => (
        <Space direction="vertical" size={0} data-testid="outage-affected">
          <span>{t('outages.affectedCount', { n: o.affectedCustomers })}</span>
          {o.importantCustomers > 0 && (
            <Typography.Text type="danger">
              {t('outages.importantCount', { n: o.importantCustomers })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('outages.linkedOrders'), dataIndex: 'linkedOrders', width: 90 },
    {
      title: t('outages.flags'),
      width: 200,
      render: (_, o) => <OutageFlagTags flags={o.flags} />,
    },
  ];
  return (
    <Table<OutageSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.data?.items ?? []}
      loading={props.loading}
      scroll={{ x: 1450 }}
      data-testid="outage-table"
      pagination={{
        current: props.state.page,
        pageSize: props.state.pageSize,
        total: props.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (n) => t('common.total', { n }),
        onChange: (page, pageSize) => props.onChange({ page, pageSize }),
      }}
    />
  );
}
