import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  ORDER_STATE_LABELS,
  ORDER_STATES,
  type OrderState,
} from '../../../../common/orders/states.ts';
import type { OutageAction } from '../../../../common/outages/categories.ts';
import type { OutageDetail } from '../../../../common/schemas/outages.ts';
import { useLiveOutages, useOutage } from '../../api/outages.ts';
import { useCan } from '../../components/session-context.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ACTION_LABELS, OutageActionModal } from './outage-action-modal.tsx';
import { OutageCustomers } from './outage-customers.tsx';
import { OutageNotices } from './outage-notices.tsx';
import { CategoryTag, OutageFlagTags, OutageStateTag } from './outage-labels.tsx';
import { WindowText } from './outage-table.tsx';
import { OutageTimeline } from './outage-timeline.tsx';

type Node = OutageDetail['scope'][number];
type LinkedOrder = OutageDetail['orders'][number];

const isOrderState = (s: string): s is OrderState =>
  (ORDER_STATES as readonly string[]).includes(s);

function Scope({ outage }: { outage: OutageDetail }) {
  const { t } = useI18n();
  return (
    <>
      {outage.unmatchedAddresses.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('outages.scope.unmatched', { list: outage.unmatchedAddresses.join('、') })}
        />
      )}
      <Table<Node>
        rowKey={(n) => `${n.kind}:${n.id}`}
        size="small"
        dataSource={outage.scope}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="outage-scope-nodes"
        columns={[
          {
            title: t('outages.scope.kind'),
            width: 90,
            render: (_, n) =>
              t(n.kind === 'feeder' ? 'outages.scope.feeder' : 'outages.scope.transformer'),
          },
          {
            title: t('outages.scope.code'),
            width: 160,
            render: (_, n) => <Link to={`/network?kind=${n.kind}&id=${n.id}`}>{n.code}</Link>,
          },
          { title: t('outages.scope.name'), dataIndex: 'name' },
        ]}
      />
    </>
  );
}

function Orders({ orders }: { orders: LinkedOrder[] }) {
  const { t, pick } = useI18n();
  return (
    <Table<LinkedOrder>
      rowKey="id"
      size="small"
      dataSource={orders}
      pagination={false}
      locale={{ emptyText: t('outages.orders.none') }}
      data-testid="outage-orders"
      columns={[
        {
          title: t('orders.number'),
          dataIndex: 'number',
          render: (n: string, o) => <Link to={`/orders/${o.id}`}>{n}</Link>,
        },
        {
          title: t('orders.state'),
          render: (_, o) => (isOrderState(o.state) ? pick(ORDER_STATE_LABELS[o.state]) : o.state),
        },
        { title: t('outages.orders.via'), dataIndex: 'via' },
      ]}
    />
  );
}

function Header(props: { outage: OutageDetail; onAction: (a: OutageAction) => void }) {
  const { t } = useI18n();
  const o = props.outage;
  return (
    <Card
      data-testid="outage-header"
      title={
        <Space wrap>
          <span data-testid="outage-number">{o.number}</span>
          <OutageStateTag state={o.state} />
          <CategoryTag category={o.category} />
          <span>{o.title}</span>
        </Space>
      }
      extra={
        <Space wrap>
          {o.allowedActions.map((a) => (
            <Button
              key={a}
              danger={a === 'cancel'}
              type={a === 'publish' || a === 'restore' ? 'primary' : 'default'}
              onClick={() => props.onAction(a)}
              data-testid={`outage-action-${a}`}
            >
              {t(ACTION_LABELS[a])}
            </Button>
          ))}
        </Space>
      }
    >
      {o.flags.length > 0 && (
        <div style={{ marginBottom: 12 }} data-testid="outage-flags">
          <OutageFlagTags flags={o.flags} />
        </div>
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('outages.window')}>
          <WindowText o={o} />
        </Descriptions.Item>
        <Descriptions.Item label={t('outages.startedAt')}>
          {formatDateTime(o.startedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('outages.estimate')}>
          {formatDateTime(o.estimatedRestoreAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('outages.restoredAt')}>
          {formatDateTime(o.restoredAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('outages.publishedAt')}>
          {formatDateTime(o.publishedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('outages.affected')}>
          <span data-testid="outage-affected-count">
            {t('outages.affectedCount', { n: o.affectedCustomers })}
          </span>
          {o.importantCustomers > 0 && (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('outages.importantCount', { n: o.importantCustomers })}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('outages.unit')}>{o.unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('outages.source')}>
          {t(o.source === 'manual' ? 'outages.sourceManual' : 'outages.sourceAnalysis')}
        </Descriptions.Item>
        {o.faultType && (
          <Descriptions.Item label={t('outages.faultType')}>{o.faultType}</Descriptions.Item>
        )}
        {o.equipment && (
          <Descriptions.Item label={t('outages.equipment')}>{o.equipment}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('outages.reason')} span={3}>
          {o.reason}
        </Descriptions.Item>
        <Descriptions.Item label={t('outages.area')} span={3}>
          {o.areaText}
        </Descriptions.Item>
        {o.delayReason && (
          <Descriptions.Item label={t('outages.delayReason')} span={3}>
            {o.delayReason}
          </Descriptions.Item>
        )}
        {o.restoredScope && (
          <Descriptions.Item label={t('outages.restoredScope')} span={3}>
            {o.restoredScope}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** 停电信息详情: the outage, its scope, affected customers, linked orders and what happened. */
export function OutagePage() {
  const { t } = useI18n();
  const can = useCan();
  const { id = '' } = useParams();
  const outage = useOutage(id);
  useLiveOutages();
  const [action, setAction] = useState<OutageAction | null>(null);

  if (outage.isPending) return <Spin size="large" style={{ display: 'block', margin: 48 }} />;
  if (outage.isError) {
    return (
      <Result
        status="error"
        title={outage.error.message}
        extra={<Button onClick={() => void outage.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const o = outage.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Header outage={o} onAction={setAction} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card>
            <Tabs
              items={[
                {
                  key: 'scope',
                  label: `${t('outages.section.scope')} (${o.scope.length})`,
                  children: <Scope outage={o} />,
                },
                ...(can('customer.view')
                  ? [
                      {
                        key: 'customers',
                        label: (
                          <span data-testid="outage-tab-customers">
                            {t('outages.section.customers')} ({o.affectedCustomers})
                          </span>
                        ),
                        children: <OutageCustomers id={o.id} />,
                      },
                    ]
                  : []),
                {
                  key: 'orders',
                  label: (
                    <span data-testid="outage-tab-orders">
                      {t('outages.section.orders')} ({o.orders.length})
                    </span>
                  ),
                  children: <Orders orders={o.orders} />,
                },
                {
                  key: 'notices',
                  label: (
                    <span data-testid="outage-tab-notices">
                      {t('outages.section.notices')} ({o.notices.total})
                    </span>
                  ),
                  children: <OutageNotices outageId={o.id} notices={o.notices} />,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <OutageTimeline events={o.events} />
        </Col>
      </Row>
      <OutageActionModal outage={o} action={action} onClose={() => setAction(null)} />
    </Space>
  );
}
