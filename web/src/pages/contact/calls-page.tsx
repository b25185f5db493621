/**
 * 通话记录: the agent's state bar on top, then the calls of the area with filters (today, the
 * outcome or all unanswered calls, queue, agent or only one's own), refreshed as calls change.
 */
import { Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import {
  CALL_OUTCOMES,
  type CallOutcome,
  type CallSummary,
} from '../../../../common/schemas/contact.ts';
import { WRAP_CODE_INFO } from '../../../../common/contact/wrap-codes.ts';
import { useAgents, useCalls, useContactLive, useMyAgent } from '../../api/contact.ts';
import { useCan } from '../../components/session-context.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AgentStateBar } from './agent-state-bar.tsx';
import { callStateKey, OUTCOME_COLORS, outcomeKey } from './call-labels.ts';

type OutcomeFilter = CallOutcome | 'unanswered' | undefined;

export function CallsPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  useContactLive();
  const me = useMyAgent();
  const agents = useAgents(can('contact.monitor'));
  const [when, setWhen] = useState<'today' | 'all'>('today');
  const [outcome, setOutcome] = useState<OutcomeFilter>(undefined);
  const [queue, setQueue] = useState<string | undefined>(undefined);
  const [agentId, setAgentId] = useState<string | undefined>(undefined);
  const [mine, setMine] = useState(false);
  const [unwrapped, setUnwrapped] = useState(false);
  const [page, setPage] = useState(1);
  // Today in China (UTC+8, no daylight saving), whatever the browser's zone.
  const from = useMemo(() => {
    if (when !== 'today') return undefined;
    const day = 86_400_000;
    const china = 8 * 3_600_000;
    return new Date(Math.floor((Date.now() + china) / day) * day - china).toISOString();
  }, [when]);
  const filter = {
    page,
    pageSize: 50,
    from,
    outcome: outcome === 'unanswered' ? undefined : outcome,
    unanswered: outcome === 'unanswered' ? ('true' as const) : undefined,
    queue,
    agentId: mine ? me.data?.id : agentId,
    unwrapped: unwrapped ? ('true' as const) : undefined,
  };
  const calls = useCalls(filter);
  const columns = [
    {
      title: t('contact.calls.time'),
      key: 'time',
      render: (c: CallSummary) =>
        dayjs(c.ringAt ?? c.answeredAt ?? c.endedAt).format('MM-DD HH:mm:ss'),
    },
    {
      title: t('contact.calls.direction'),
      key: 'direction',
      render: (c: CallSummary) => (c.direction ? t(`contact.direction.${c.direction}`) : ''),
    },
    { title: t('contact.calls.from'), dataIndex: 'from', key: 'from' },
    { title: t('contact.calls.to'), dataIndex: 'to', key: 'to' },
    { title: t('contact.calls.queue'), dataIndex: 'queue', key: 'queue' },
    {
      title: t('contact.calls.state'),
      key: 'state',
      render: (c: CallSummary) => (
        <Tag color={c.state === 'ringing' ? 'red' : c.state === 'talking' ? 'blue' : 'default'}>
          {t(callStateKey(c.state))}
        </Tag>
      ),
    },
    {
      title: t('contact.calls.outcome'),
      key: 'outcome',
      render: (c: CallSummary) =>
        c.outcome ? <Tag color={OUTCOME_COLORS[c.outcome]}>{t(outcomeKey(c.outcome))}</Tag> : null,
    },
    { title: t('contact.calls.cause'), dataIndex: 'cause', key: 'cause' },
    { title: t('contact.calls.agent'), key: 'agent', render: (c: CallSummary) => c.agent?.name },
    { title: t('contact.calls.wait'), dataIndex: 'waitSeconds', key: 'wait' },
    { title: t('contact.calls.talk'), dataIndex: 'talkSeconds', key: 'talk' },
    {
      title: t('contact.calls.wrapUp'),
      key: 'wrapUp',
      render: (c: CallSummary) =>
        c.wrapUp ? (
          <Tag color={c.wrapUp.closedOnSpot ? 'green' : 'blue'} title={c.wrapUp.note ?? undefined}>
            {pick(WRAP_CODE_INFO[c.wrapUp.code])}
          </Tag>
        ) : c.outcome === 'answered' && c.state === 'ended' ? (
          <Tag color="orange">{t('contact.calls.unwrapped')}</Tag>
        ) : null,
    },
  ];
  return (
    <div>
      <Typography.Title level={3}>{t('contact.calls.title')}</Typography.Title>
      {can('contact.use') && <AgentStateBar />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<'today' | 'all'>
          value={when}
          style={{ width: 120 }}
          onChange={(v) => {
            setWhen(v);
            setPage(1);
          }}
          data-testid="calls-when"
          options={[
            { value: 'today', label: t('contact.calls.today') },
            { value: 'all', label: t('contact.calls.all') },
          ]}
        />
        <Select<OutcomeFilter>
          allowClear
          placeholder={t('contact.calls.outcome')}
          style={{ width: 220 }}
          value={outcome}
          onChange={(v) => {
            setOutcome(v);
            setPage(1);
          }}
          data-testid="calls-outcome"
          options={[
            { value: 'unanswered', label: t('contact.calls.unanswered') },
            ...CALL_OUTCOMES.map((o) => ({ value: o, label: t(outcomeKey(o)) })),
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('contact.calls.queue')}
          style={{ width: 160 }}
          onSearch={(q) => {
            setQueue(q.trim() || undefined);
            setPage(1);
          }}
        />
        {can('contact.monitor') && (
          <Select<string>
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('contact.calls.agent')}
            style={{ width: 180 }}
            value={agentId}
            disabled={mine}
            onChange={(v) => {
              setAgentId(v);
              setPage(1);
            }}
            options={(agents.data?.items ?? []).map((a) => ({ value: a.id, label: a.displayName }))}
          />
        )}
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>
          {t('contact.calls.mine')}
        </Checkbox>
        <Checkbox
          checked={unwrapped}
          onChange={(e) => {
            setUnwrapped(e.target.checked);
            setPage(1);
          }}
          data-testid="calls-unwrapped"
        >
          {t('contact.calls.unwrapped')}
        </Checkbox>
      </Space>
      <Table<CallSummary>
        rowKey="id"
        size="small"
        data-testid="calls-table"
        loading={calls.isLoading}
        dataSource={calls.data?.items ?? []}
        columns={columns}
        pagination={{
          current: page,
          pageSize: 50,
          total: calls.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
    </div>
  );
}
