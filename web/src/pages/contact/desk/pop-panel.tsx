/**
 * The customer panel of the desk (来电弹屏): the greeting to use, the repeat-call warning, the
 * caller's customer with grid path and marks (or the candidates to choose from, or a quick
 * search for an unknown number), and their open and recent orders.
 */
import { Alert, Card, Descriptions, Empty, List, Radio, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { OPEN_STATES } from '../../../../../common/orders/states.ts';
import type { ScreenPop } from '../../../../../common/schemas/contact.ts';
import type { CustomerSummary } from '../../../../../common/schemas/customers.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { addressText, ClassTag, GridPathShort } from '../../customers/customer-display.tsx';
import { MarkTags } from '../../customers/customer-marks.tsx';
import { CustomerPicker } from '../../orders/customer-picker.tsx';
import { StateTag } from '../../orders/order-labels.tsx';
import { UrgeOrderButton } from './urge-order.tsx';

export function PopPanel(props: {
  pop: ScreenPop;
  customer: CustomerSummary | null;
  onCustomer: (c: CustomerSummary | null) => void;
  /** An open order was urged on this call. */
  onUrged: (order: { id: string; number: string }) => void;
}) {
  const { t, pick } = useI18n();
  const { pop, customer } = props;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="desk-pop">
      <Alert
        type="success"
        message={t('contact.desk.greeting')}
        description={<span data-testid="desk-greeting">{pop.greeting.text}</span>}
      />
      {pop.repeat.calls24h > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="desk-repeat"
          message={t('contact.desk.repeat', { n: pop.repeat.calls24h })}
          description={
            pop.repeat.lastAt
              ? t('contact.desk.repeatLast', {
                  at: formatDateTime(pop.repeat.lastAt),
                  agent: pop.repeat.lastAgent ?? '—',
                })
              : undefined
          }
        />
      )}
      <Card
        size="small"
        title={
          <Space>
            {t('contact.desk.customer')}
            <Tag data-testid="desk-match" data-match={pop.match}>
              {t(`contact.desk.match.${pop.match}`)}
            </Tag>
          </Space>
        }
      >
        {pop.match === 'several' && (
          <Radio.Group
            value={customer?.id}
            onChange={(e) =>
              props.onCustomer(pop.customers.find((c) => c.id === e.target.value) ?? null)
            }
            data-testid="desk-candidates"
          >
            <Space direction="vertical">
              {pop.customers.map((c) => (
                <Radio key={c.id} value={c.id}>
                  {c.name}（{c.accountNo}） · {addressText(c.address)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        )}
        {pop.match === 'none' && !customer && (
          <Typography.Paragraph type="secondary">
            {t('contact.desk.unknownNumber', { number: pop.number ?? '—' })}
          </Typography.Paragraph>
        )}
        <div style={{ margin: '8px 0' }} data-testid="desk-customer-search">
          <CustomerPicker chosen={customer} value={customer?.id} onPick={props.onCustomer} />
        </div>
        {customer && (
          <Descriptions size="small" column={1} data-testid="desk-customer">
            <Descriptions.Item label={t('contact.desk.name')}>
              <Space wrap size={4}>
                <Link to={`/customers/${customer.id}`} target="_blank">
                  {customer.name}
                </Link>
                <ClassTag value={customer.customerClass} />
                <MarkTags marks={customer.marks} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('contact.desk.accountNo')}>
              {customer.accountNo}
            </Descriptions.Item>
            <Descriptions.Item label={t('contact.desk.address')}>
              {addressText(customer.address)}
            </Descriptions.Item>
            <Descriptions.Item label={t('contact.desk.grid')}>
              <span data-testid="desk-grid-path">
                <GridPathShort path={customer.gridPath} />
              </span>
            </Descriptions.Item>
            {customer.marks.arrearsFen > 0 && (
              <Descriptions.Item label={t('contact.desk.arrears')}>
                <Typography.Text type="danger">
                  ¥{(customer.marks.arrearsFen / 100).toFixed(2)}
                </Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
      </Card>
      <Card size="small" title={t('contact.desk.orders')} data-testid="desk-orders">
        {pop.orders.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contact.desk.noOrders')} />
        ) : (
          <List
            size="small"
            dataSource={pop.orders}
            renderItem={(o) => (
              <List.Item key={o.id}>
                <Space direction="vertical" size={0}>
                  <Space size={4} wrap>
                    <Link to={`/orders/${o.id}`} target="_blank">
                      {o.number}
                    </Link>
                    <StateTag state={o.state} />
                    <Typography.Text type="secondary">{pick(o.typeName)}</Typography.Text>
                    {OPEN_STATES.includes(o.state) && (
                      <UrgeOrderButton
                        orderId={o.id}
                        onUrged={() => props.onUrged({ id: o.id, number: o.number })}
                      />
                    )}
                  </Space>
                  <Typography.Text style={{ fontSize: 12 }}>
                    {o.title} · {formatDateTime(o.acceptedAt)}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
