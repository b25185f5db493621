import {
  App,
  Button,
  Card,
  Col,
  Empty,
  List,
  Modal,
  Radio,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { JobOrder } from '../../../../common/schemas/repair.ts';
import { useDispatch, useRepairBoard, useSuggestion } from '../../api/repair.ts';
import { useCan } from '../../components/session-context.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PredictionsPanel } from '../outages/predictions-panel.tsx';
import { SlaBadge } from '../orders/sla-badge.tsx';
import { BoardOutages } from './board-outages.tsx';
import { CommitmentTags } from './commitment-tags.tsx';
import { CrewStateTag, JobStateTag } from './crew-labels.tsx';

/** Picks a crew for an order: the suggested one preselected. */
function DispatchModal({ order, onClose }: { order: JobOrder; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const suggestion = useSuggestion(order.id);
  const dispatch = useDispatch();
  const [picked, setPicked] = useState<string | null>(null);
  const crewId = picked ?? suggestion.data?.suggestedCrewId ?? null;
  const candidates = suggestion.data?.candidates ?? [];
  return (
    <Modal
      open
      title={t('repair.dispatch.title', { number: order.number })}
      onCancel={onClose}
      okText={t('repair.board.dispatch')}
      okButtonProps={{ disabled: !crewId, loading: dispatch.isPending }}
      onOk={() => {
        if (!crewId) return;
        dispatch.mutate(
          { orderId: order.id, crewId },
          {
            onSuccess: (job) => {
              void message.success(t('repair.dispatch.done', { crew: job.crew.name }));
              onClose();
            },
            onError: notifyError,
          },
        );
      }}
    >
      {candidates.length === 0 && !suggestion.isLoading ? (
        <Empty description={t('repair.dispatch.none')} />
      ) : (
        <Radio.Group value={crewId} onChange={(e) => setPicked(e.target.value as string)}>
          <Space direction="vertical">
            {candidates.map((c) => (
              <Radio key={c.crew.id} value={c.crew.id} data-testid="crew-candidate">
                {c.crew.name} <CrewStateTag state={c.state} />
                <Tag>{t(`repair.dispatch.match.${c.match}`)}</Tag>
                {c.busy && <Tag color="red">{t('repair.dispatch.busy')}</Tag>}
                {c.suggested && <Tag color="green">{t('repair.dispatch.suggested')}</Tag>}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
    </Modal>
  );
}

/**
 * The dispatcher's board: the trouble-call analysis's proposed outages on top, then the outages
 * in progress with their crews and clocks, the fault orders waiting for a crew, and the crews.
 */
export function RepairBoardPage() {
  const { t } = useI18n();
  const can = useCan();
  const board = useRepairBoard();
  const [dispatching, setDispatching] = useState<JobOrder | null>(null);
  return (
    <Row gutter={16}>
      {/* Slot: the trouble-call analysis's proposed outages, confirmed or rejected here. */}
      {can('outage.manage') && (
        <Col span={24} style={{ marginBottom: 16 }}>
          <PredictionsPanel />
        </Col>
      )}
      <Col xs={24} lg={10}>
        <BoardOutages outages={board.data?.outages ?? []} loading={board.isLoading} />
        <Card title={t('repair.board.waiting')} loading={board.isLoading}>
          <List
            dataSource={board.data?.waiting ?? []}
            locale={{ emptyText: t('repair.board.noWaiting') }}
            renderItem={(o) => (
              <List.Item
                data-testid="waiting-order"
                actions={[
                  <Button key="d" type="primary" size="small" onClick={() => setDispatching(o)}>
                    {t('repair.board.dispatch')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space>
                      <a href={`/orders/${o.id}`}>{o.number}</a>
                      <SlaBadge status={o.slaStatus} dueAt={o.dueAt} />
                    </Space>
                  }
                  description={
                    <>
                      <div>{o.title}</div>
                      <Typography.Text type="secondary">{o.address}</Typography.Text>
                      {o.sentBackReason && (
                        <div>
                          <Typography.Text type="danger">
                            {t('repair.board.sentBack', { reason: o.sentBackReason })}
                          </Typography.Text>
                        </div>
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={t('repair.crews')} loading={board.isLoading}>
          <List
            dataSource={board.data?.crews ?? []}
            renderItem={(c) => (
              <List.Item data-testid="board-crew">
                <List.Item.Meta
                  title={
                    <Space>
                      {c.name}
                      <CrewStateTag state={c.state} />
                      <Typography.Text type="secondary">{c.unit.name}</Typography.Text>
                    </Space>
                  }
                  description={
                    c.jobs.length === 0
                      ? t('repair.noJobs')
                      : c.jobs.map((j) => (
                          <div key={j.id} data-testid="board-crew-job">
                            <JobStateTag state={j.state} /> {j.order?.number ?? j.outage?.number}{' '}
                            {j.order?.title ?? j.outage?.title}{' '}
                            {j.order && (
                              <SlaBadge status={j.order.slaStatus} dueAt={j.order.dueAt} />
                            )}
                            {j.commitments && <CommitmentTags c={j.commitments} compact />}
                          </div>
                        ))
                  }
                />
                <Typography.Text type="secondary">
                  {c.members.map((m) => m.name).join('、')}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      {dispatching && <DispatchModal order={dispatching} onClose={() => setDispatching(null)} />}
    </Row>
  );
}
