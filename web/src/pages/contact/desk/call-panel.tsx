/** The call on the desk: number, queue, state and its timer (ringing, talking, wrap-up). */
import { PhoneOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import type { CallSummary } from '../../../../../common/schemas/contact.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useElapsed } from '../agent-state-bar.tsx';
import { callStateKey } from '../call-labels.ts';

const STATE_COLOR = { ringing: 'red', talking: 'blue', ended: 'default' } as const;

/** mm:ss between two instants (a finished call's talk time). */
function span(from: string, to: string): string {
  const s = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function CallPanel({ call, number }: { call: CallSummary; number: string | null }) {
  const { t } = useI18n();
  const since =
    call.state === 'ringing' ? (call.ringAt ?? call.queuedAt) : (call.answeredAt ?? call.ringAt);
  const running = useElapsed(call.state === 'ended' ? null : since);
  const timer =
    call.state === 'ended'
      ? call.answeredAt && call.endedAt
        ? span(call.answeredAt, call.endedAt)
        : '--:--'
      : running;
  return (
    <Space size="middle" wrap data-testid="desk-call" data-state={call.state}>
      <PhoneOutlined
        style={{ fontSize: 20, color: call.state === 'ringing' ? '#cf1322' : undefined }}
      />
      <Typography.Text strong style={{ fontSize: 18 }} data-testid="desk-call-number">
        {number ?? call.from ?? t('contact.desk.noNumber')}
      </Typography.Text>
      <Tag color={STATE_COLOR[call.state]} data-testid="desk-call-state">
        {t(callStateKey(call.state))}
      </Tag>
      <Typography.Text
        style={{ fontSize: 18, fontVariantNumeric: 'tabular-nums' }}
        data-testid="desk-call-timer"
      >
        {timer}
      </Typography.Text>
      {call.queue && (
        <Typography.Text type="secondary">
          {t('contact.desk.queue')}: {call.queue}
        </Typography.Text>
      )}
      {call.waitSeconds !== null && (
        <Typography.Text type="secondary">
          {t('contact.desk.waited', { s: call.waitSeconds })}
        </Typography.Text>
      )}
    </Space>
  );
}
