import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { ORDER_CHANNEL_LABELS } from '../../../../common/orders/states.ts';
import type { OrderDetail } from '../../../../common/schemas/orders.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OrderActions } from './order-actions.tsx';
import { FlagTags, StateTag } from './order-labels.tsx';
import { SlaBadge } from './sla-badge.tsx';

/** Number, type, state, SLA and flags; who holds the order; the actions the user may take. */
export function OrderHeader({
  order: o,
  onConflict,
}: {
  order: OrderDetail;
  onConflict: () => void;
}) {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  return (
    <Card data-testid="order-header">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space size="middle" wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} />
          <Typography.Title level={4} style={{ margin: 0 }} copyable data-testid="order-number">
            {o.number}
          </Typography.Title>
          <Tag color="blue" data-testid="order-type">
            {pick(o.typeName)}
          </Tag>
          <StateTag state={o.state} />
          <SlaBadge status={o.slaStatus} dueAt={o.dueAt} />
          <FlagTags flags={o.flags} />
          {o.urgeCount > 0 && <Tag color="red">{t('orders.urged', { n: o.urgeCount })}</Tag>}
          <Tag>{t(o.callbackRequired ? 'orders.callbackNeeded' : 'orders.callbackNotNeeded')}</Tag>
        </Space>
        <Typography.Text strong data-testid="order-title">
          {o.title}
        </Typography.Text>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('orders.customer')}>
            {o.customer ? (
              <Link to={`/customers/${o.customer.id}`} data-testid="order-customer">
                {o.customer.name}（{o.customer.accountNo}）
              </Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.caller')}>
            {[o.callerName, o.callerPhone].filter(Boolean).join(' ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.channel')}>
            {pick(ORDER_CHANNEL_LABELS[o.channel])}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.acceptedAt')}>
            {formatDateTime(o.acceptedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.owner')}>
            {o.owner.name}（{o.acceptedUnit.name}）
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.assignedUnit')}>
            <span data-testid="order-assigned-unit">{o.assignedUnit?.name ?? '—'}</span>
          </Descriptions.Item>
          {o.master && (
            <Descriptions.Item label={t('orders.master')}>
              <Link to={`/orders/${o.master.id}`}>{o.master.number}</Link>
            </Descriptions.Item>
          )}
          {o.children.length > 0 && (
            <Descriptions.Item label={t('orders.children')}>
              <Space wrap data-testid="order-children">
                {o.children.map((c) => (
                  <Link key={c.id} to={`/orders/${c.id}`}>
                    {c.number}
                  </Link>
                ))}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
        <OrderActions order={o} onConflict={onConflict} />
      </Space>
    </Card>
  );
}
