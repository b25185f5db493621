import { InfoCircleOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { SLA_STEP_LABELS } from '../../../../common/orders/sla.ts';
import type { OrderDetail } from '../../../../common/schemas/orders.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SlaBadge } from './sla-badge.tsx';
import { SlaDrawer } from './sla-drawer.tsx';
import { limitText } from './sla-text.ts';

type Clock = OrderDetail['clocks'][number];

/** 11-24 09:42: the year is this one in all but rare cases; the drawer shows it in full. */
const shortTime = (iso: string | null) => (iso ? formatDateTime(iso).slice(5) : '—');

/** 时限: each clock of the order with its due time; the drawer explains how each was worked out. */
export function OrderClocks({ order }: { order: OrderDetail }) {
  const { t, pick } = useI18n();
  const [explain, setExplain] = useState(false);
  return (
    <Card
      title={t('orders.section.clocks')}
      extra={
        <Button
          icon={<InfoCircleOutlined />}
          onClick={() => setExplain(true)}
          data-testid="sla-explain"
        >
          {t('orders.sla.explain')}
        </Button>
      }
    >
      <Table<Clock>
        rowKey={(c) => `${c.step}-${c.startedAt}`}
        size="small"
        pagination={false}
        dataSource={order.clocks}
        data-testid="order-clocks"
        scroll={{ x: 560 }}
        columns={[
          { title: t('orders.clock.step'), render: (_, c) => pick(SLA_STEP_LABELS[c.step]) },
          { title: t('orders.clock.limit'), render: (_, c) => limitText(c.limit, t) },
          { title: t('orders.clock.due'), render: (_, c) => shortTime(c.dueAt) },
          { title: t('orders.clock.stopped'), render: (_, c) => shortTime(c.stoppedAt) },
          {
            title: t('orders.clock.status'),
            render: (_, c) => <SlaBadge status={c.status} dueAt={c.stoppedAt ? null : c.dueAt} />,
          },
        ]}
      />
      <SlaDrawer orderId={order.id} open={explain} onClose={() => setExplain(false)} />
    </Card>
  );
}
