import { PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { OrderSummary } from '../../../../common/schemas/orders.ts';
import { useLiveOrders, useOrderList, type OrderQuery } from '../../api/orders.ts';
import { useCan } from '../../components/session-context.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { BulkReassignModal } from './bulk-reassign-modal.tsx';
import { OrderFilters } from './order-filters.tsx';
import { filterParams, listQuery, viewQuery, type FilterValues } from './order-query.ts';
import { OrderTable, type TableState } from './order-table.tsx';
import { SavedViews } from './saved-views.tsx';

/**
 * 工单管理: every order in the user's scope, filtered and sorted through the URL (so that a
 * saved view, Back and a shared link all show the same list), updated live from the server.
 */
export function OrdersPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = listQuery(params);
  const list = useOrderList(query);
  useLiveOrders();
  const supervisor = can('order.supervise');
  const [selected, setSelected] = useState<OrderSummary[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);

  const apply = (next: OrderQuery) => {
    setSelected([]);
    setParams(next);
  };
  const onSearch = (v: FilterValues) => apply(filterParams(v, params));
  const onTable = (s: TableState) =>
    setParams({
      ...viewQuery(params),
      ...(s.sort === '-acceptedAt' ? {} : { sort: s.sort }),
      ...(s.page > 1 ? { page: String(s.page) } : {}),
      ...(s.pageSize !== 20 ? { pageSize: String(s.pageSize) } : {}),
    });
  const state: TableState = {
    page: Number(query.page),
    pageSize: Number(query.pageSize),
    sort: query.sort ?? '-acceptedAt',
  };

  return (
    <Card
      title={t('menu.orders')}
      extra={
        <Space wrap>
          <SavedViews current={viewQuery(params)} onPick={apply} />
          {can('order.create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/orders/new')}
              data-testid="order-new"
            >
              {t('orders.new')}
            </Button>
          )}
        </Space>
      }
    >
      <OrderFilters params={params} onSearch={onSearch} />
      {list.isError && (
        <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 16 }} />
      )}
      {supervisor && (
        <Space style={{ marginBottom: 12 }}>
          <Button
            icon={<SwapOutlined />}
            disabled={selected.length === 0 || selected.length > 100}
            onClick={() => setBulkOpen(true)}
            data-testid="bulk-reassign-open"
          >
            {t('orders.bulk.button', { n: selected.length })}
          </Button>
        </Space>
      )}
      <OrderTable
        data={list.data}
        loading={list.isFetching && !list.data}
        state={state}
        onChange={onTable}
        selected={supervisor ? selected.map((o) => o.id) : undefined}
        onSelect={supervisor ? (_ids, rows) => setSelected(rows) : undefined}
      />
      <BulkReassignModal
        orders={selected}
        open={bulkOpen}
        onClose={() => setBulkOpen(false)}
        onDone={() => setSelected([])}
      />
    </Card>
  );
}
