/**
 * 关联来电 on an order's page: the calls whose wrap-up named the order (the call it came from,
 * the callers chasing it), with when, who took them and how they ended. For telephone users.
 */
import { Card, List, Space, Tag, Typography } from 'antd';
import { WRAP_CODE_INFO } from '../../../../common/contact/wrap-codes.ts';
import { useCalls } from '../../api/contact.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function OrderCalls({ orderId }: { orderId: string }) {
  const { t, pick } = useI18n();
  const calls = useCalls({ orderId, page: 1, pageSize: 20 });
  const items = calls.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('contact.orderCalls.title')} data-testid="order-calls">
      <List
        size="small"
        dataSource={items}
        renderItem={(c) => (
          <List.Item key={c.id}>
            <Space wrap size={6}>
              <Typography.Text>{formatDateTime(c.answeredAt ?? c.ringAt)}</Typography.Text>
              <Typography.Text className="lx-phone">{c.from ?? '—'}</Typography.Text>
              <Typography.Text type="secondary">{c.agent?.name ?? ''}</Typography.Text>
              {c.wrapUp && (
                <Tag color={c.wrapUp.closedOnSpot ? 'green' : 'blue'}>
                  {pick(WRAP_CODE_INFO[c.wrapUp.code])}
                </Tag>
              )}
              {c.wrapUp?.note && (
                <Typography.Text type="secondary">{c.wrapUp.note}</Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
