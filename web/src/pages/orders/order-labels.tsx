import { Space, Tag } from 'antd';
import type { SlaStatus } from '../../../../common/orders/sla.ts';
import {
  ORDER_FLAG_LABELS,
  ORDER_STATE_LABELS,
  type OrderFlag,
  type OrderState,
} from '../../../../common/orders/states.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Label = { zh: string; en: string };

/** Select options for a list of codes and their labels. */
export function labelOptions<K extends string>(
  codes: readonly K[],
  labels: Record<K, Label>,
  pick: (l: Label) => string,
): { value: K; label: string }[] {
  return codes.map((k) => ({ value: k, label: pick(labels[k]) }));
}

/** Colours of the SLA states: green on time, then gold, orange, red as the due time nears. */
export const SLA_COLORS: Record<SlaStatus, string> = {
  ok: 'green',
  warning: 'gold',
  critical: 'orange',
  overdue: 'red',
  paused: 'default',
  met: 'cyan',
  missed: 'magenta',
};

const STATE_COLORS: Record<OrderState, string> = {
  accepted: 'default',
  dispatched: 'processing',
  handling: 'blue',
  on_site: 'cyan',
  repaired: 'cyan',
  returned: 'purple',
  reviewed: 'geekblue',
  called_back: 'geekblue',
  suspended: 'warning',
  linked: 'volcano',
  merged: 'default',
  archived: 'success',
  terminated: 'default',
};

export function StateTag({ state }: { state: OrderState }) {
  const { pick } = useI18n();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="order-state" data-state={state}>
      {pick(ORDER_STATE_LABELS[state])}
    </Tag>
  );
}

const FLAG_COLORS: Record<OrderFlag, string> = {
  important_customer: 'gold',
  sensitive_customer: 'volcano',
  repeat_24h: 'orange',
  repeat_7d: 'orange',
  repeat_complaint: 'red',
  over_level: 'red',
  escalated: 'red',
  supervised: 'magenta',
  suspension_requested: 'warning',
};

export function FlagTags({ flags }: { flags: readonly OrderFlag[] }) {
  const { pick } = useI18n();
  if (flags.length === 0) return null;
  return (
    <Space size={[0, 4]} wrap>
      {flags.map((f) => (
        <Tag key={f} color={FLAG_COLORS[f]} bordered={false}>
          {pick(ORDER_FLAG_LABELS[f])}
        </Tag>
      ))}
    </Space>
  );
}
