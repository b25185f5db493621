import { Card, Descriptions, Typography, type DescriptionsProps } from 'antd';
import { ORDER_FIELD_LABELS, ORDER_FIELDS } from '../../../../common/orders/fields.ts';
import { SATISFACTION_LABELS } from '../../../../common/orders/states.ts';
import type { OrderDetail } from '../../../../common/schemas/orders.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh.ts';
import { fieldText } from './order-fields.ts';

type Item = NonNullable<DescriptionsProps['items']>[number];

const STAMPS: [keyof OrderDetail['stamps'], MessageKey][] = [
  ['dispatchedAt', 'orders.stamp.dispatchedAt'],
  ['firstContactAt', 'orders.stamp.firstContactAt'],
  ['arrivedAt', 'orders.stamp.arrivedAt'],
  ['repairedAt', 'orders.stamp.repairedAt'],
  ['returnedAt', 'orders.stamp.returnedAt'],
  ['reviewedAt', 'orders.stamp.reviewedAt'],
  ['calledBackAt', 'orders.stamp.calledBackAt'],
  ['closedAt', 'orders.stamp.closedAt'],
];

const pre = (text: string) => (
  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph>
);

/** What the order is about: description, the type's fields, the result and the milestones. */
export function OrderInfo({ order: o }: { order: OrderDetail }) {
  const { t, pick } = useI18n();
  const items: (Item | false)[] = [
    {
      key: 'description',
      label: t('orders.description'),
      children: pre(o.description),
      span: 'filled',
    },
    { key: 'address', label: t('orders.address'), children: o.address ?? '—', span: 'filled' },
    ...ORDER_FIELDS.filter((f) => o.fields[f] !== undefined).map((f): Item => ({
      key: f,
      label: pick(ORDER_FIELD_LABELS[f]),
      children: <span data-testid={`order-field-${f}`}>{fieldText(f, o.fields[f], t, pick)}</span>,
    })),
    o.result !== null && {
      key: 'result',
      label: t('orders.result'),
      children: pre(o.result),
      span: 'filled',
    },
    o.satisfaction !== null && {
      key: 'satisfaction',
      label: t('orders.input.satisfaction'),
      children: pick(SATISFACTION_LABELS[o.satisfaction]),
    },
    o.suspension !== null && {
      key: 'suspension',
      label: t('orders.suspension'),
      children: `${o.suspension.reason}（${o.suspension.requestedBy.name} · ${formatDateTime(o.suspension.requestedAt)}）`,
      span: 'filled',
    },
    (o.repeat24h > 0 || o.repeat7d > 0) && {
      key: 'repeats',
      label: t('orders.repeats'),
      children: t('orders.repeatsText', { d1: o.repeat24h, d7: o.repeat7d }),
      span: 'filled',
    },
    ...STAMPS.filter(([k]) => o.stamps[k]).map(([k, label]): Item => ({
      key: k,
      label: t(label),
      children: formatDateTime(o.stamps[k]),
    })),
  ];
  return (
    <Card title={t('orders.section.content')} data-testid="order-info">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        items={items.filter((i): i is Item => i !== false)}
      />
    </Card>
  );
}
