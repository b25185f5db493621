import { Card, Space, Tag, Timeline, Typography } from 'antd';
import {
  ORDER_ACTION_LABELS,
  ORDER_ACTIONS,
  ORDER_STATE_LABELS,
  SATISFACTION_LABELS,
  SATISFACTION,
  type OrderAction,
  type Satisfaction,
} from '../../../../common/orders/states.ts';
import type { OrderEvent } from '../../../../common/schemas/orders.ts';
import { SLA_STEP_LABELS, SLA_STEPS } from '../../../../common/orders/sla.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh.ts';

// Entries the server writes itself, beside the people's actions.
const SYSTEM_EVENTS: Record<string, MessageKey> = {
  accept: 'orders.event.create',
  create: 'orders.event.create',
  attach: 'orders.event.attach',
  attachment: 'orders.event.attach',
  sla_warning: 'orders.event.slaWarning',
  sla_critical: 'orders.event.slaCritical',
  sla_overdue: 'orders.event.slaOverdue',
  escalate: 'orders.event.escalate',
  close_with_master: 'orders.event.closeWithMaster',
  outage_restored: 'orders.event.outageRestored',
};

const COLORS: Partial<Record<string, string>> = {
  accept: 'blue',
  terminate: 'red',
  sla_overdue: 'red',
  send_back: 'orange',
  review_reject: 'orange',
  sla_warning: 'orange',
  sla_critical: 'orange',
  archive: 'green',
  outage_restored: 'green',
  link_outage: 'purple',
  note: 'gray',
};

const isAction = (a: string): a is OrderAction => (ORDER_ACTIONS as readonly string[]).includes(a);
const isSatisfaction = (s: unknown): s is Satisfaction =>
  typeof s === 'string' && (SATISFACTION as readonly string[]).includes(s);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);

function Entry({ e }: { e: OrderEvent }) {
  const { t, pick } = useI18n();
  const system = SYSTEM_EVENTS[e.action];
  // Time-limit entries name the clock they are about.
  const step = SLA_STEPS.find((x) => x === e.data.step);
  const base = isAction(e.action)
    ? pick(ORDER_ACTION_LABELS[e.action])
    : system
      ? t(system)
      : e.action;
  const label = step ? `${base} · ${pick(SLA_STEP_LABELS[step])}` : base;
  // What the action carried, when the server keeps it beside the body.
  const extras = [str(e.data.reason), str(e.data.result)].filter(
    (x): x is string => x !== null && x !== e.body,
  );
  // Where a dispatch or reassignment sent the order.
  const toUnit = str(e.data.unitName);
  const satisfaction = isSatisfaction(e.data.satisfaction) ? e.data.satisfaction : null;
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      <Space size={6} wrap>
        <Typography.Text strong>{label}</Typography.Text>
        {e.fromState && e.toState && e.fromState !== e.toState && (
          <Typography.Text type="secondary">
            {pick(ORDER_STATE_LABELS[e.fromState])} → {pick(ORDER_STATE_LABELS[e.toState])}
          </Typography.Text>
        )}
        {e.visibleToCustomer && (
          <Tag color="blue" bordered={false} data-testid="timeline-visible">
            {t('orders.visibleToCustomer')}
          </Tag>
        )}
        {toUnit && <Typography.Text>→ {toUnit}</Typography.Text>}
        {satisfaction && <Tag>{pick(SATISFACTION_LABELS[satisfaction])}</Tag>}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(e.at)}
        {e.actor ? ` · ${e.actor.name}` : ` · ${t('orders.system')}`}
        {e.unit ? ` · ${e.unit.name}` : ''}
      </Typography.Text>
      {e.body && (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {e.body}
        </Typography.Paragraph>
      )}
      {extras.map((x, i) => (
        <Typography.Paragraph key={i} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {x}
        </Typography.Paragraph>
      ))}
    </Space>
  );
}

/** 处理过程: everything that happened to the order, oldest first. */
export function OrderTimeline({ events }: { events: OrderEvent[] }) {
  const { t } = useI18n();
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Card title={t('orders.section.timeline')} data-testid="order-timeline">
      <Timeline
        items={sorted.map((e) => ({
          key: e.id,
          color: COLORS[e.action] ?? 'blue',
          children: (
            <div data-testid="timeline-item" data-action={e.action}>
              <Entry e={e} />
            </div>
          ),
        }))}
      />
    </Card>
  );
}
