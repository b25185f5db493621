import { Alert, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import { ORDER_STATE_LABELS, type OrderState } from '../../../../common/orders/states.ts';
import type {
  PredictionCall,
  PredictionList,
  PredictionSummary,
} from '../../../../common/schemas/outage-predictions.ts';
import { usePrediction } from '../../api/outage-predictions.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PredictionActions } from './prediction-actions.tsx';
import { NodeCell, NodePath, PredictionStateTag } from './predictions-labels.tsx';

export interface PageState {
  page: number;
  pageSize: number;
}

/** The fault orders a prediction explains, loaded when its row is opened. */
function PredictionCalls({ id }: { id: string }) {
  const { t, pick } = useI18n();
  const q = usePrediction(id);
  if (q.isError) return <Alert type="error" showIcon message={q.error.message} />;
  const columns: ColumnsType<PredictionCall> = [
    {
      title: t('predictions.order.number'),
      dataIndex: 'number',
      render: (n: string, c) => <Link to={`/orders/${c.orderId}`}>{n}</Link>,
    },
    {
      title: t('predictions.order.customer'),
      render: (_, c) => (c.customer ? `${c.customer.name}（${c.customer.accountNo}）` : '—'),
    },
    { title: t('predictions.order.phone'), dataIndex: 'callerPhone' },
    { title: t('predictions.order.transformer'), render: (_, c) => c.transformer.name },
    { title: t('predictions.order.at'), render: (_, c) => formatDateTime(c.at) },
    {
      title: t('predictions.order.state'),
      render: (_, c) => {
        const label = ORDER_STATE_LABELS[c.state as OrderState];
        return label ? pick(label) : c.state;
      },
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {q.data?.rejectReason && (
        <Typography.Text type="secondary">
          {t('predictions.rejectReason')}：{q.data.rejectReason}
        </Typography.Text>
      )}
      <Table<PredictionCall>
        rowKey="orderId"
        size="small"
        columns={columns}
        dataSource={q.data?.orders ?? []}
        loading={q.isFetching && !q.data}
        pagination={false}
        data-testid="prediction-calls"
      />
    </Space>
  );
}

/** Predictions, a page at a time; a row opens to its calls. */
export function PredictionsTable(props: {
  data: PredictionList | undefined;
  loading: boolean;
  state: PageState;
  onChange: (s: PageState) => void;
}) {
  const { t } = useI18n();
  const columns: ColumnsType<PredictionSummary> = [
    { title: t('predictions.node'), width: 200, render: (_, p) => <NodeCell p={p} /> },
    { title: t('predictions.path'), width: 280, render: (_, p) => <NodePath p={p} /> },
    {
      title: t('predictions.calls'),
      dataIndex: 'calls',
      width: 90,
      render: (n: number) => <span data-testid="prediction-calls-count">{n}</span>,
    },
    { title: t('predictions.customers'), dataIndex: 'customers', width: 90 },
    { title: t('predictions.transformers'), dataIndex: 'transformers', width: 90 },
    {
      title: t('predictions.firstCall'),
      width: 140,
      render: (_, p) => formatDateTime(p.firstCallAt),
    },
    {
      title: t('predictions.lastCall'),
      width: 140,
      render: (_, p) => formatDateTime(p.lastCallAt),
    },
    {
      title: t('predictions.state'),
      width: 100,
      render: (_, p) => <PredictionStateTag state={p.state} />,
    },
    {
      title: t('predictions.actions'),
      width: 220,
      fixed: 'right',
      render: (_, p) =>
        p.outage ? (
          <Link to={`/outages/${p.outage.id}`} data-testid="prediction-outage">
            {p.outage.number}
          </Link>
        ) : (
          <PredictionActions p={p} size="small" />
        ),
    },
  ];
  return (
    <Table<PredictionSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.data?.items ?? []}
      loading={props.loading}
      scroll={{ x: 1350 }}
      data-testid="prediction-table"
      onRow={(p) =>
        ({ 'data-testid': 'prediction-row', 'data-node': p.node.id, 'data-id': p.id }) as object
      }
      expandable={{ expandedRowRender: (p) => <PredictionCalls id={p.id} /> }}
      locale={{ emptyText: t('predictions.none') }}
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
