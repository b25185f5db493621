import { SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Statistic } from 'antd';
import { useState } from 'react';
import { SLA_STATUS_LABELS, type SlaStatus } from '../../../../common/orders/sla.ts';
import type { OrderSummary } from '../../../../common/schemas/orders.ts';
import { useLiveOrders, useOrderList } from '../../api/orders.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { BulkReassignModal } from './bulk-reassign-modal.tsx';
import { OrderTable, type TableState } from './order-table.tsx';

const AT_RISK = ['warning', 'critical', 'overdue'] as const satisfies readonly SlaStatus[];
type AtRisk = (typeof AT_RISK)[number];
const COLORS: Record<AtRisk, string> = {
  warning: '#d48806',
  critical: '#d46b08',
  overdue: '#cf1322',
};

/** The number of open orders in one SLA state (one row fetched: only the total is wanted). */
function useCount(status: AtRisk) {
  return useOrderList({ open: 'true', slaStatus: status, page: '1', pageSize: '1' });
}

/**
 * 超时预警: the open orders nearing or past their due time, the most urgent first, for the
 * shift lead to chase or reassign. Live: a change anywhere in scope refreshes the counts.
 */
export function AtRiskPage() {
  const { t, pick } = useI18n();
  const counts = {
    warning: useCount('warning'),
    critical: useCount('critical'),
    overdue: useCount('overdue'),
  };
  const [statuses, setStatuses] = useState<AtRisk[]>([...AT_RISK]);
  const [table, setTable] = useState<TableState>({ page: 1, pageSize: 50, sort: 'dueAt' });
  const list = useOrderList({
    open: 'true',
    slaStatus: statuses.join(','),
    sort: table.sort,
    page: String(table.page),
    pageSize: String(table.pageSize),
  });
  useLiveOrders();
  const [selected, setSelected] = useState<OrderSummary[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);

  const toggle = (s: AtRisk) => {
    setStatuses((prev) => (prev.length === 1 && prev[0] === s ? [...AT_RISK] : [s]));
    setTable((prev) => ({ ...prev, page: 1 }));
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        {AT_RISK.map((s) => (
          <Col key={s} xs={24} sm={8}>
            <Card
              hoverable
              onClick={() => toggle(s)}
              style={statuses.length === 1 && statuses[0] === s ? { borderColor: COLORS[s] } : {}}
              data-testid={`at-risk-${s}`}
            >
              <Statistic
                title={pick(SLA_STATUS_LABELS[s])}
                value={counts[s].data?.total ?? '—'}
                loading={counts[s].isPending}
                valueStyle={{ color: COLORS[s] }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={t('menu.ordersAtRisk')}
        extra={
          <Button
            icon={<SwapOutlined />}
            disabled={selected.length === 0 || selected.length > 100}
            onClick={() => setBulkOpen(true)}
            data-testid="bulk-reassign-open"
          >
            {t('orders.bulk.button', { n: selected.length })}
          </Button>
        }
      >
        {list.isError && (
          <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 16 }} />
        )}
        <OrderTable
          data={list.data}
          loading={list.isFetching && !list.data}
          state={table}
          onChange={setTable}
          selected={selected.map((o) => o.id)}
          onSelect={(_ids, rows) => setSelected(rows)}
          testId="at-risk-table"
        />
      </Card>
      <BulkReassignModal
        orders={selected}
        open={bulkOpen}
        onClose={() => setBulkOpen(false)}
        onDone={() => setSelected([])}
      />
    </Space>
  );
}
