import { Button, Col, Result, Row, Space, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useLiveOrders, useOrder } from '../../api/orders.ts';
import { useCan } from '../../components/session-context.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OrderCalls } from '../contact/order-calls.tsx';
import { OrderAttachments } from './order-attachments.tsx';
import { OrderClocks } from './order-clocks.tsx';
import { OrderHeader } from './order-header.tsx';
import { OrderInfo } from './order-info.tsx';
import { OrderOutage } from './order-outage.tsx';
import { OrderTimeline } from './order-timeline.tsx';

/** 工单详情: the order, its clocks and history, and the actions the user may take on it now. */
export function OrderPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const order = useOrder(id);
  // A change pushed for this order makes the cached copy stale; useLiveOrders refetches it.
  useLiveOrders();

  if (order.isPending) return <Spin size="large" style={{ display: 'block', margin: 80 }} />;
  if (order.isError) {
    const notFound = order.error instanceof ApiError && order.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('orders.notFound') : order.error.message}
        extra={<Button onClick={() => void navigate('/orders')}>{t('orders.back')}</Button>}
      />
    );
  }
  const o = order.data;
  const canUpload =
    o.state !== 'merged' &&
    (can('order.create') || can('order.handle') || can('order.review') || can('order.supervise'));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <OrderHeader order={o} onConflict={() => void order.refetch()} />
      {o.outage && <OrderOutage outage={o.outage} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <OrderInfo order={o} />
            <OrderClocks order={o} />
            <OrderAttachments order={o} canUpload={canUpload} />
            {can('contact.use') && <OrderCalls orderId={o.id} />}
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <OrderTimeline events={o.timeline} />
        </Col>
      </Row>
    </Space>
  );
}
