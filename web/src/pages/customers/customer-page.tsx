import { ArrowLeftOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { CustomerDetail, RevealResult } from '../../../../common/schemas/customers.ts';
import { ApiError } from '../../api/client.ts';
import { useCustomer } from '../../api/customers.ts';
import { useCan } from '../../components/session-context.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ClassTag } from './customer-display.tsx';
import { CustomerEditDrawer } from './customer-edit-drawer.tsx';
import { CustomerHistoryCard } from './customer-history.tsx';
import { MarkTags } from './customer-marks.tsx';
import {
  AddressCard,
  BasicCard,
  ContactCard,
  PendingCard,
  SegmentsCard,
} from './customer-sections.tsx';
import type { Editable } from './edit-values.ts';
import { GridPathCard } from './grid-path-card.tsx';
import { RevealModal, withRevealed } from './reveal-modal.tsx';

function editableOf(c: CustomerDetail, r: RevealResult | null): Editable {
  if (!c.masked) return { phones: true, email: true, wechatId: true, address: true };
  return {
    phones: r?.phones !== undefined,
    email: r?.email !== undefined,
    wechatId: r?.wechatId !== undefined,
    address: r?.address !== undefined,
  };
}

/** 客户 360°: the archive record, its place on the network, segments and history in one page. */
export function CustomerPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const can = useCan();
  const customer = useCustomer(id);
  // Revealed values live here only: leaving the page forgets them.
  const [revealed, setRevealed] = useState<RevealResult | null>(null);
  const [revealOpen, setRevealOpen] = useState(false);
  const [editOpen, setEditOpen] = useState(false);
  useEffect(() => setRevealed(null), [id]);
  const { message } = App.useApp();
  const shown = useMemo(
    () => (customer.data ? withRevealed(customer.data, revealed) : null),
    [customer.data, revealed],
  );

  if (customer.isPending) return <Spin size="large" style={{ display: 'block', margin: 80 }} />;
  if (customer.isError) {
    const notFound = customer.error instanceof ApiError && customer.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('customers.notFound') : customer.error.message}
        extra={<Button onClick={() => void navigate('/customers')}>{t('customers.back')}</Button>}
      />
    );
  }
  const c = shown!;
  const raw = customer.data;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card data-testid="customer-header">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Space size="middle" wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="customer-name">
              {c.name}
            </Typography.Title>
            <Typography.Text copyable data-testid="customer-account">
              {c.accountNo}
            </Typography.Text>
            <ClassTag value={c.customerClass} />
            <Tag color={c.status === 'active' ? 'green' : 'default'}>
              {t(c.status === 'active' ? 'customers.status.active' : 'customers.status.closed')}
            </Tag>
            <MarkTags marks={c.marks} />
          </Space>
          <Space>
            {can('order.create') && (
              <Button
                onClick={() => void navigate(`/orders/new?customerId=${c.id}`)}
                data-testid="customer-new-order"
              >
                {t('orders.new')}
              </Button>
            )}
            {raw.canReveal && raw.masked && (
              <Button
                icon={<EyeOutlined />}
                onClick={() => setRevealOpen(true)}
                data-testid="reveal"
              >
                {t('customers.reveal.button')}
              </Button>
            )}
            {raw.canEdit && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => setEditOpen(true)}
                data-testid="edit"
              >
                {t('common.edit')}
              </Button>
            )}
          </Space>
        </Space>
        {revealed && (
          <Alert
            type="warning"
            showIcon
            message={t('customers.reveal.shown')}
            style={{ marginTop: 12 }}
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <BasicCard c={c} />
        </Col>
        <Col xs={24} lg={12}>
          <ContactCard c={c} />
        </Col>
        <Col xs={24} lg={12}>
          <AddressCard c={c} />
        </Col>
        <Col xs={24} lg={12}>
          <SegmentsCard c={c} />
        </Col>
        <Col span={24}>
          <GridPathCard path={c.gridPath} />
        </Col>
        <Col xs={24} lg={12}>
          <PendingCard title={t('customers.section.orders')} note={t('customers.pendingOrders')} />
        </Col>
        <Col xs={24} lg={12}>
          <PendingCard
            title={t('customers.section.outages')}
            note={t('customers.pendingOutages')}
          />
        </Col>
        <Col span={24}>
          <CustomerHistoryCard customerId={c.id} />
        </Col>
      </Row>
      <RevealModal
        customerId={c.id}
        open={revealOpen}
        onClose={() => setRevealOpen(false)}
        onRevealed={(r) => setRevealed((prev) => ({ ...prev, ...r }))}
      />
      <CustomerEditDrawer
        customer={c}
        editable={editableOf(raw, revealed)}
        open={editOpen}
        onClose={() => setEditOpen(false)}
        onSaved={() => {
          setEditOpen(false);
          // The saved record comes back masked; stale revealed values must not linger over it.
          setRevealed(null);
          void message.success(t('customers.edit.saved'));
        }}
      />
    </Space>
  );
}
