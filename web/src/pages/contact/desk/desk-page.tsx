/**
 * 坐席工作台: one page for the whole call. The call bar (state buttons, the call and its timer,
 * the queue); the outage banner; the customer panel from the screen pop; a new order in place
 * and the wrap-up; the knowledge panel. Everything of one call is kept together and forgotten
 * when the next call takes the desk.
 */
import { QuestionCircleOutlined } from '@ant-design/icons';
import {
  App,
  Badge,
  Card,
  Col,
  Empty,
  List,
  Popover,
  Row,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { CustomerSummary } from '../../../../../common/schemas/customers.ts';
import {
  useAttachCallOrder,
  useMyAgent,
  useScreenPop,
  useSetMyState,
  useUnwrappedCalls,
} from '../../../api/contact.ts';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { OrderCreateForm } from '../../orders/order-create-form.tsx';
import { AgentStateBar } from '../agent-state-bar.tsx';
import { CallPanel } from './call-panel.tsx';
import { KnowledgePanel, type UsedArticle } from './knowledge-panel.tsx';
import { OutageBanner } from './outage-banner.tsx';
import { PopPanel } from './pop-panel.tsx';
import { useDeskCall } from './use-desk-call.ts';
import { DESK_SHORTCUTS, focusIn, useDeskShortcuts } from './use-desk-shortcuts.ts';
import { WrapUpPanel, type CallOrder } from './wrap-up-panel.tsx';

function ShortcutHelp() {
  const { t } = useI18n();
  return (
    <Popover
      title={t('contact.desk.shortcuts')}
      content={
        <List
          size="small"
          dataSource={[...DESK_SHORTCUTS]}
          renderItem={(s) => (
            <List.Item>
              <Tag>{s.keys}</Tag> {t(s.what)}
            </List.Item>
          )}
        />
      }
    >
      <QuestionCircleOutlined data-testid="desk-shortcuts" />
    </Popover>
  );
}

/** One call on the desk; keyed by the call, so its customer, article and orders start afresh. */
function CallDesk(props: {
  callId: string;
  tab: string;
  onTab: (tab: string) => void;
  onWrapped: () => void;
}) {
  const { t } = useI18n();
  const pop = useScreenPop(props.callId);
  const attach = useAttachCallOrder();
  const notifyError = useNotifyError();
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const [article, setArticle] = useState<UsedArticle | null>(null);
  const [orders, setOrders] = useState<CallOrder[]>([]);
  const [urged, setUrged] = useState<CallOrder[]>([]);
  const data = pop.data;

  // Orders the call already has (the desk was reloaded during it) are listed again.
  const callOrders = data?.callOrders;
  useEffect(() => {
    if (!callOrders || callOrders.length === 0) return;
    setOrders((list) => {
      const more = callOrders.filter((o) => !list.some((x) => x.id === o.id));
      return more.length > 0 ? [...list, ...more] : list;
    });
  }, [callOrders]);
  // The one customer behind the number is the call's customer until the agent picks another.
  const only = data?.match === 'one' ? data.customers[0] : undefined;
  useEffect(() => {
    if (only) setCustomer((c) => c ?? only);
  }, [only]);
  // At the hang-up the wrap-up comes forward.
  const state = data?.call.state;
  const { onTab } = props;
  useEffect(() => {
    if (state === 'ended') onTab('wrap');
  }, [state, onTab]);

  if (pop.isError) {
    return <Empty description={t('contact.desk.callGone')} />;
  }
  if (!data) return <Card loading />;
  const unwrapped = data.call.state === 'ended' && data.call.wrapUp === null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <CallPanel call={data.call} number={data.number} />
      </Card>
      <OutageBanner pop={data} />
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <PopPanel
            pop={data}
            customer={customer}
            onCustomer={setCustomer}
            onUrged={(o) =>
              setUrged((list) => (list.some((x) => x.id === o.id) ? list : [...list, o]))
            }
          />
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small">
            <Tabs
              activeKey={props.tab}
              onChange={props.onTab}
              items={[
                {
                  key: 'order',
                  label: (
                    <span data-testid="desk-tab-order">
                      {t('contact.desk.newOrder')}
                      {orders.length > 0 && (
                        <Badge count={orders.length} size="small" offset={[6, -2]} />
                      )}
                    </span>
                  ),
                  children: (
                    <div data-testid="desk-order">
                      {orders.length > 0 && (
                        <Space wrap style={{ marginBottom: 8 }} data-testid="desk-call-orders">
                          {t('contact.desk.ordersOfCall')}
                          {orders.map((o) => (
                            <Link key={o.id} to={`/orders/${o.id}`} target="_blank">
                              <Tag color="blue">{o.number}</Tag>
                            </Link>
                          ))}
                        </Space>
                      )}
                      <OrderCreateForm
                        compact
                        customer={customer}
                        callerPhone={data.number}
                        onCreated={(o) => {
                          setOrders((list) => [...list, { id: o.id, number: o.number }]);
                          // The call and the order know each other from now on.
                          attach.mutate(
                            { callId: props.callId, orderId: o.id },
                            { onError: notifyError },
                          );
                        }}
                      />
                    </div>
                  ),
                },
                {
                  key: 'wrap',
                  label: (
                    <span data-testid="desk-tab-wrap">
                      <Badge dot={unwrapped} offset={[6, 0]}>
                        {t('contact.desk.wrapUp')}
                      </Badge>
                    </span>
                  ),
                  children: (
                    <WrapUpPanel
                      call={data.call}
                      customerId={customer?.id ?? null}
                      article={article}
                      orders={orders}
                      urged={urged}
                      knownOrders={data.orders.map((o) => ({ id: o.id, number: o.number }))}
                      onDone={props.onWrapped}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <KnowledgePanel used={article} onUse={setArticle} />
        </Col>
      </Row>
    </Space>
  );
}

/** The desk while no call is on it: waiting for the next, the calls still to wrap up. */
function IdleDesk({ onShow }: { onShow: (id: string) => void }) {
  const { t } = useI18n();
  const unwrapped = useUnwrappedCalls();
  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <Card size="small" data-testid="desk-idle">
          <Empty description={t('contact.desk.waiting')} />
          {(unwrapped.data?.items.length ?? 0) > 0 && (
            <List
              size="small"
              header={t('contact.desk.toWrap')}
              dataSource={unwrapped.data?.items ?? []}
              renderItem={(c) => (
                <List.Item key={c.id}>
                  <Typography.Link onClick={() => onShow(c.id)}>
                    {formatDateTime(c.answeredAt)} · {c.from ?? '—'}
                  </Typography.Link>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <KnowledgePanel used={null} />
      </Col>
    </Row>
  );
}

export function DeskPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const desk = useDeskCall();
  const me = useMyAgent();
  const setState = useSetMyState();
  const notifyError = useNotifyError();
  const [tab, setTab] = useState('order');

  useEffect(() => setTab('order'), [desk.callId]);
  useDeskShortcuts({
    ready: () => setState.mutate({ state: 'ready' }, { onError: notifyError }),
    notReady: () =>
      setState.mutate({ state: 'not_ready', reason: 'other' }, { onError: notifyError }),
    customer: () => focusIn('desk-customer-search'),
    knowledge: () => focusIn('desk-knowledge'),
    order: () => {
      setTab('order');
      setTimeout(() => focusIn('create-type'), 0);
    },
    wrapUp: () => {
      setTab('wrap');
      setTimeout(() => focusIn('desk-wrap-code'), 0);
    },
  });

  return (
    <div data-testid="desk-page">
      <Space align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.contactDesk')}
        </Typography.Title>
        <ShortcutHelp />
      </Space>
      <AgentStateBar />
      {desk.callId ? (
        <CallDesk
          key={desk.callId}
          callId={desk.callId}
          tab={tab}
          onTab={setTab}
          onWrapped={() => {
            void message.info(t('contact.desk.nextCall'));
            desk.show(null);
          }}
        />
      ) : (
        <IdleDesk onShow={desk.show} />
      )}
      {me.data?.state === 'signed_out' && (
        <Typography.Text type="secondary">{t('contact.desk.signInFirst')}</Typography.Text>
      )}
    </div>
  );
}
