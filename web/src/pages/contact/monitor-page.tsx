/** 坐席监控: the agents of the lead's area by state, with the time in state ticking and their call. */
import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import {
  AGENT_STATE_LABELS,
  AGENT_STATES,
  NOT_READY_REASON_LABELS,
} from '../../../../common/contact/agent-states.ts';
import type { AgentView } from '../../../../common/schemas/contact.ts';
import { useAgents, useContactLive } from '../../api/contact.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { STATE_COLORS, useElapsed } from './agent-state-bar.tsx';

function Elapsed({ since }: { since: string | null }) {
  return <span>{useElapsed(since)}</span>;
}

export function MonitorPage() {
  const { t, pick } = useI18n();
  useContactLive();
  const agents = useAgents();
  const items = agents.data?.items ?? [];
  return (
    <div>
      <Typography.Title level={3}>{t('contact.monitor.title')}</Typography.Title>
      <Row gutter={12} style={{ marginBottom: 16 }}>
        {AGENT_STATES.map((s) => (
          <Col key={s} xs={12} sm={8} md={4}>
            <Card size="small" data-testid={`monitor-count-${s}`}>
              <Statistic
                title={pick(AGENT_STATE_LABELS[s])}
                value={items.filter((a) => a.state === s).length}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Table<AgentView>
        rowKey="id"
        size="small"
        data-testid="agents-table"
        loading={agents.isLoading}
        dataSource={items}
        pagination={false}
        footer={() => t('contact.monitor.total', { n: items.length })}
        columns={[
          { title: t('contact.monitor.agent'), dataIndex: 'displayName', key: 'name' },
          { title: t('contact.monitor.unit'), key: 'unit', render: (a: AgentView) => a.unit.name },
          { title: t('contact.bar.extension'), dataIndex: 'extension', key: 'extension' },
          {
            title: t('contact.bar.state'),
            key: 'state',
            render: (a: AgentView) => (
              <Tag color={STATE_COLORS[a.state]} data-state={a.state}>
                {pick(AGENT_STATE_LABELS[a.state])}
                {a.reason ? ` · ${pick(NOT_READY_REASON_LABELS[a.reason])}` : ''}
              </Tag>
            ),
          },
          {
            title: t('contact.monitor.since'),
            key: 'since',
            render: (a: AgentView) => (a.state === 'signed_out' ? '' : <Elapsed since={a.since} />),
          },
          {
            title: t('contact.bar.currentCall'),
            key: 'call',
            render: (a: AgentView) =>
              a.currentCall
                ? `${a.currentCall.from ?? ''}${a.currentCall.queue ? ` · ${a.currentCall.queue}` : ''}`
                : '',
          },
          {
            title: t('contact.monitor.skills'),
            key: 'skills',
            render: (a: AgentView) =>
              a.skills.map((s) => (
                <Tag key={s.id}>
                  {s.name}
                  {s.level > 1 ? ` ${s.level}` : ''}
                </Tag>
              )),
          },
        ]}
      />
    </div>
  );
}
