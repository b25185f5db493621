import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { BoardOutage } from '../../../../common/schemas/repair.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CategoryTag } from '../outages/outage-labels.tsx';
import { CommitmentTags } from './commitment-tags.tsx';
import { JobStateTag } from './crew-labels.tsx';
import { OutageDispatchModal } from './outage-dispatch-modal.tsx';

/** Scope nodes shown on a row; the outage page lists them all. */
const SCOPE_SHOWN = 4;

/** Re-dispatch is possible while the crew has not set out. */
const REPLACEABLE = ['offered', 'accepted'];

function OutageRow({ o, onDispatch }: { o: BoardOutage; onDispatch: () => void }) {
  const { t } = useI18n();
  const action = !o.job ? (
    <Button key="d" type="primary" size="small" onClick={onDispatch} data-testid="outage-dispatch">
      {t('repair.board.outageDispatch')}
    </Button>
  ) : REPLACEABLE.includes(o.job.state) ? (
    <Button key="r" size="small" onClick={onDispatch} data-testid="outage-redispatch">
      {t('repair.board.redispatch')}
    </Button>
  ) : null;
  return (
    <List.Item
      data-testid="board-outage"
      data-number={o.number}
      data-job-state={o.job?.state ?? 'none'}
      actions={action ? [action] : []}
    >
      <List.Item.Meta
        title={
          <Space wrap size={4}>
            <Link to={`/outages/${o.id}`}>{o.number}</Link>
            <CategoryTag category={o.category} />
            <span>{o.title}</span>
          </Space>
        }
        description={
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Typography.Text type="secondary">{o.areaText}</Typography.Text>
            <Space size={[4, 4]} wrap>
              {o.scope.slice(0, SCOPE_SHOWN).map((n) => (
                <Tag key={n.id} bordered={false}>
                  {n.name}
                </Tag>
              ))}
              {o.scope.length > SCOPE_SHOWN && <Tag>+{o.scope.length - SCOPE_SHOWN}</Tag>}
            </Space>
            <Typography.Text>
              {t('repair.board.customers', { n: o.affectedCustomers })}
              {o.importantCustomers > 0 &&
                ` · ${t('repair.board.important', { n: o.importantCustomers })}`}
              {' · '}
              {t('repair.board.linked', { n: o.linkedOrders })}
            </Typography.Text>
            <CommitmentTags c={o.commitments} />
            {o.job ? (
              <Space size={4}>
                <JobStateTag state={o.job.state} />
                <span data-testid="outage-crew">{o.job.crew.name}</span>
              </Space>
            ) : (
              <Tag color="red">{t('repair.board.noJob')}</Tag>
            )}
            {o.sentBack && (
              <Typography.Text type="danger">
                {t('repair.board.sentBackBy', { crew: o.sentBack.crew, reason: o.sentBack.reason })}
              </Typography.Text>
            )}
          </Space>
        }
      />
    </List.Item>
  );
}

/** The outages in progress with their crew, clocks and counts; dispatch and re-dispatch. */
export function BoardOutages({ outages, loading }: { outages: BoardOutage[]; loading: boolean }) {
  const { t } = useI18n();
  const [dispatching, setDispatching] = useState<BoardOutage | null>(null);
  return (
    <Card
      title={t('repair.board.outages')}
      loading={loading}
      style={{ marginBottom: 16 }}
      data-testid="board-outages"
    >
      <List
        dataSource={outages}
        locale={{ emptyText: t('repair.board.noOutages') }}
        renderItem={(o) => <OutageRow o={o} onDispatch={() => setDispatching(o)} />}
      />
      {dispatching && (
        <OutageDispatchModal outage={dispatching} onClose={() => setDispatching(null)} />
      )}
    </Card>
  );
}
