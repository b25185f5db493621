import { Drawer, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CustomerSummary } from '../../../../common/schemas/customers.ts';
import type { Segment } from '../../../../common/schemas/segments.ts';
import { useCustomerList } from '../../api/customers.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { customerColumns } from '../customers/customer-columns.tsx';
import { ruleText } from './rule-text.ts';

/** The customers a segment's rule places in it (in the caller's scope); a row opens the 360°. */
export function SegmentCustomersDrawer(props: { segment: Segment | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const { segment } = props;
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  useEffect(() => setPage((p) => ({ ...p, page: 1 })), [segment?.id]);
  const list = useCustomerList({ segmentId: segment?.id, ...page }, segment !== null);

  return (
    <Drawer
      open={segment !== null}
      width={1100}
      title={segment ? t('segments.customersTitle', { name: segment.name }) : ''}
      onClose={props.onClose}
      destroyOnHidden
    >
      {segment && (
        <Typography.Paragraph type="secondary">
          {ruleText(segment.rule, t, pick)}
        </Typography.Paragraph>
      )}
      <Table<CustomerSummary>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        columns={customerColumns<CustomerSummary>(t)}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        onRow={(c) => ({
          onClick: () => void navigate(`/customers/${c.id}`),
          style: { cursor: 'pointer' },
        })}
        data-testid="segment-customers"
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
      />
    </Drawer>
  );
}
