import { Alert, Card, Descriptions, Drawer, Progress, Space, Spin, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { OrderSla } from '../../../../common/schemas/orders.ts';
import { useOrderSla } from '../../api/orders.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SlaBadge } from './sla-badge.tsx';
import { extensionText, ruleText } from './sla-text.ts';

type Clock = OrderSla['clocks'][number];
type Item = NonNullable<DescriptionsProps['items']>[number];
const percent = (f: number) => Math.round(f * 100);
const strokeOf = (f: number, th: OrderSla['thresholds']) =>
  f >= 1 ? '#cf1322' : f >= th.critical ? '#d46b08' : f >= th.warning ? '#d48806' : undefined;

function dayTags(days: string[], color: string) {
  return (
    <Space size={[4, 4]} wrap>
      {days.map((d) => (
        <Tag key={d} color={color}>
          {d}
        </Tag>
      ))}
    </Space>
  );
}

function ClockCard({ c, thresholds }: { c: Clock; thresholds: OrderSla['thresholds'] }) {
  const { t, pick } = useI18n();
  const items: (Item | false)[] = [
    { key: 'limit', label: t('orders.clock.limit'), children: pick(c.limitText) },
    { key: 'rule', label: t('orders.sla.rule'), children: ruleText(c.rule, t) },
    { key: 'start', label: t('orders.clock.start'), children: formatDateTime(c.startedAt) },
    {
      key: 'pauses',
      label: t('orders.sla.pauses'),
      children:
        c.pauses.length === 0
          ? t('orders.sla.noPauses')
          : c.pauses.map((p, i) => (
              <div key={i}>
                {formatDateTime(p.from)} – {p.to ? formatDateTime(p.to) : t('orders.sla.ongoing')}
                {' · '}
                {t('orders.sla.extends', { span: extensionText(p.extends, t) })}
              </div>
            )),
    },
    {
      key: 'warning',
      label: t('orders.sla.warningAt', { p: percent(thresholds.warning) }),
      children: formatDateTime(c.warningAt),
    },
    {
      key: 'critical',
      label: t('orders.sla.criticalAt', { p: percent(thresholds.critical) }),
      children: formatDateTime(c.criticalAt),
    },
    {
      key: 'due',
      label: t('orders.clock.due'),
      children: <Typography.Text strong>{formatDateTime(c.dueAt)}</Typography.Text>,
    },
    c.stoppedAt !== null && {
      key: 'stopped',
      label: t('orders.clock.stopped'),
      children: formatDateTime(c.stoppedAt),
    },
    {
      key: 'used',
      label: t('orders.sla.used'),
      children: (
        <Progress
          percent={Math.min(100, percent(c.fraction))}
          format={() => `${percent(c.fraction)}%`}
          strokeColor={strokeOf(c.fraction, thresholds)}
          size="small"
        />
      ),
    },
    c.countedDays.length > 0 && {
      key: 'counted',
      label: t('orders.sla.countedDays'),
      children: dayTags(c.countedDays, 'blue'),
    },
    c.pausedDays.length > 0 && {
      key: 'paused',
      label: t('orders.sla.pausedDays'),
      children: dayTags(c.pausedDays, 'default'),
    },
    c.skippedDays.length > 0 && {
      key: 'skipped',
      label: t('orders.sla.skippedDays'),
      children: (
        <Space size={[4, 4]} wrap>
          {c.skippedDays.map((d) => (
            <Tag key={d.date}>
              {d.date}{' '}
              {d.name ?? t(d.reason === 'weekend' ? 'orders.sla.weekend' : 'orders.sla.holiday')}
            </Tag>
          ))}
        </Space>
      ),
    },
    c.notes.length > 0 && {
      key: 'notes',
      label: t('orders.sla.notes'),
      children: c.notes.map((n, i) => <div key={i}>{pick(n)}</div>),
    },
  ];
  return (
    <Card
      size="small"
      title={pick(c.stepLabel)}
      extra={<SlaBadge status={c.status} dueAt={c.stoppedAt ? null : c.dueAt} />}
      data-testid={`sla-clock-${c.step}`}
    >
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 130 } }}
        items={items.filter((i): i is Item => i !== false)}
      />
    </Card>
  );
}

/** 时限说明: for each clock, the rule that set it, where it started, pauses and the due times. */
export function SlaDrawer(props: { orderId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const sla = useOrderSla(props.orderId, props.open);
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      width={560}
      title={t('orders.sla.explainTitle', { number: sla.data?.number ?? '' })}
      data-testid="sla-drawer"
    >
      {sla.isPending && <Spin />}
      {sla.isError && <Alert type="error" showIcon message={sla.error.message} />}
      {sla.data && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {sla.data.clocks.length === 0 && <Alert type="info" message={t('orders.sla.none')} />}
          {sla.data.clocks.map((c, i) => (
            <ClockCard key={`${c.step}-${i}`} c={c} thresholds={sla.data.thresholds} />
          ))}
        </Space>
      )}
    </Drawer>
  );
}
