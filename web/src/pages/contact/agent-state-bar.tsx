/**
 * The agent's state bar (for the call log now, the desktop later): the state with its timer, the
 * buttons the state machine allows (sign in / ready, not ready with a reason, break, sign out),
 * the extension, and the call that rings or is in progress, pushed live by the server.
 */
import { PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import {
  AGENT_STATE_LABELS,
  manualChoices,
  NOT_READY_REASON_LABELS,
  NOT_READY_REASONS,
  type AgentState,
  type ManualState,
  type NotReadyReason,
} from '../../../../common/contact/agent-states.ts';
import {
  useContactLive,
  useMyAgent,
  useSetMyState,
  type ContactLiveEvent,
} from '../../api/contact.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh.ts';

export const STATE_COLORS: Record<AgentState, string> = {
  signed_out: 'default',
  ready: 'green',
  not_ready: 'orange',
  break: 'gold',
  talking: 'blue',
  after_call_work: 'purple',
};

const BUTTONS: Record<ManualState, { label: MessageKey; signedOut?: MessageKey }> = {
  ready: { label: 'contact.bar.ready', signedOut: 'contact.bar.signIn' },
  not_ready: { label: 'contact.bar.notReady' },
  break: { label: 'contact.bar.break' },
  signed_out: { label: 'contact.bar.signOut' },
};

/** mm:ss (or h:mm:ss) since an instant, ticking every second. */
export function useElapsed(since: string | null): string {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!since) return '--:--';
  const s = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const hh = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function AgentStateBar() {
  const { t, pick } = useI18n();
  const me = useMyAgent();
  const setState = useSetMyState();
  const notifyError = useNotifyError();
  const [reason, setReason] = useState<NotReadyReason>('meal');
  const [extension, setExtension] = useState('');
  // A call ringing this agent, as pushed; it leaves when the call is answered or ends.
  const [ringing, setRinging] = useState<ContactLiveEvent | null>(null);
  useContactLive((e) => {
    if (e.kind !== 'call') return;
    if (e.state === 'ringing') setRinging(e);
    else setRinging((r) => (r && r.id === e.id ? null : r));
  });
  const agent = me.data;
  useEffect(() => {
    if (agent?.extension) setExtension((x) => x || agent.extension!);
  }, [agent?.extension]);
  const elapsed = useElapsed(agent?.since ?? null);
  if (!agent) return <Card loading size="small" />;

  const set = (state: ManualState) =>
    setState.mutate(
      {
        state,
        ...(state === 'not_ready' ? { reason } : {}),
        ...(/^\d{2,12}$/.test(extension) ? { extension } : {}),
      },
      { onError: notifyError },
    );
  const call = agent.currentCall;
  return (
    <Card size="small" data-testid="agent-state-bar" style={{ marginBottom: 16 }}>
      <Space wrap size="middle">
        <Typography.Text type="secondary">{t('contact.bar.state')}</Typography.Text>
        <Tag color={STATE_COLORS[agent.state]} data-testid="agent-state" data-state={agent.state}>
          {pick(AGENT_STATE_LABELS[agent.state])}
          {agent.reason ? ` · ${pick(NOT_READY_REASON_LABELS[agent.reason])}` : ''}
        </Tag>
        <Typography.Text data-testid="agent-timer" title={t('contact.bar.inState')}>
          {elapsed}
        </Typography.Text>
        <Input
          size="small"
          style={{ width: 110 }}
          addonBefore={t('contact.bar.extension')}
          placeholder={t('contact.bar.extensionPlaceholder')}
          value={extension}
          onChange={(e) => setExtension(e.target.value.replace(/\D/g, ''))}
          data-testid="agent-extension"
        />
        {manualChoices(agent.state).includes('not_ready') && (
          <Select<NotReadyReason>
            size="small"
            style={{ width: 110 }}
            value={reason}
            onChange={setReason}
            aria-label={t('contact.bar.reason')}
            data-testid="not-ready-reason"
            options={NOT_READY_REASONS.map((r) => ({
              value: r,
              label: pick(NOT_READY_REASON_LABELS[r]),
            }))}
          />
        )}
        {manualChoices(agent.state).map((s) => (
          <Button
            key={s}
            size="small"
            type={s === 'ready' ? 'primary' : 'default'}
            loading={setState.isPending && setState.variables?.state === s}
            onClick={() => set(s)}
            data-testid={`state-${s}`}
          >
            {t(
              agent.state === 'signed_out' && BUTTONS[s].signedOut
                ? BUTTONS[s].signedOut
                : BUTTONS[s].label,
            )}
          </Button>
        ))}
        {ringing && (
          <Tag icon={<PhoneOutlined />} color="red" data-testid="ringing-call">
            {t('contact.bar.ringing')} {ringing.number ?? ''}
          </Tag>
        )}
        {call && (
          <Typography.Text data-testid="current-call">
            {t('contact.bar.currentCall')}: {call.from ?? ''}
            {call.queue ? ` · ${call.queue}` : ''}
          </Typography.Text>
        )}
        {agent.state === 'after_call_work' && agent.acwUntil && (
          <Typography.Text type="secondary">
            {t('contact.bar.acwUntil', { time: dayjs(agent.acwUntil).format('HH:mm:ss') })}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
