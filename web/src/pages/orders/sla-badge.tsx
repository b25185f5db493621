import { Tag, Tooltip } from 'antd';
import { SLA_STATUS_LABELS, type SlaStatus } from '../../../../common/orders/sla.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { SLA_COLORS } from './order-labels.tsx';
import { useNow } from './use-now.ts';

const RUNNING: readonly SlaStatus[] = ['ok', 'warning', 'critical', 'overdue'];
const two = (n: number) => String(n).padStart(2, '0');

/** A span of time as 1天 02:03:04 (days only when there are any). */
export function formatSpan(ms: number, t: Translate): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86_400);
  const h = two(Math.floor((s % 86_400) / 3600));
  const clock = `${h}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  return days > 0 ? `${t('orders.sla.days', { n: days })} ${clock}` : clock;
}

function Countdown({ status, dueAt }: { status: SlaStatus; dueAt: string }) {
  const { t, pick } = useI18n();
  const now = useNow();
  const left = new Date(dueAt).getTime() - now;
  const shown: SlaStatus = left < 0 ? 'overdue' : status;
  // Past due: how long; on time: how long is left; in between, the level and what is left (an
  // order may be overdue on one clock while the next due time is still ahead).
  const span = formatSpan(left, t);
  const text =
    left < 0
      ? t('orders.sla.over', { span })
      : shown === 'ok'
        ? t('orders.sla.left', { span })
        : `${pick(SLA_STATUS_LABELS[shown])} · ${t('orders.sla.left', { span })}`;
  return (
    <Tooltip title={t('orders.sla.dueAt', { at: formatDateTime(dueAt) })}>
      <Tag
        color={SLA_COLORS[shown]}
        data-testid="sla-badge"
        data-status={shown}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {text}
      </Tag>
    </Tooltip>
  );
}

/**
 * The SLA state of an order with a live countdown to its due time. The server's status decides
 * the colour, except that a running clock shown past its due time turns red at once, before the
 * server's own scan reports it.
 */
export function SlaBadge({ status, dueAt }: { status: SlaStatus; dueAt: string | null }) {
  const { pick } = useI18n();
  if (RUNNING.includes(status) && dueAt) return <Countdown status={status} dueAt={dueAt} />;
  return (
    <Tag color={SLA_COLORS[status]} data-testid="sla-badge" data-status={status}>
      {pick(SLA_STATUS_LABELS[status])}
    </Tag>
  );
}
