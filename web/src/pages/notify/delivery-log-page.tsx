import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  DELIVERY_STATUSES,
  NOTIFY_CHANNELS,
  type DeliveryStatus,
  type DeliverySummary,
  type NotifyChannel,
} from '../../../../common/schemas/notify.ts';
import { useDelivery, useDeliveries, useRetryDelivery, useTemplates } from '../../api/notify.ts';
import { useCan } from '../../components/session-context.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/zh.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const STATUS_COLOR: Record<DeliveryStatus, string> = {
  pending: 'blue',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
  skipped: 'default',
};

function StatusTag({ d }: { d: Pick<DeliverySummary, 'status' | 'skipReason' | 'late'> }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={STATUS_COLOR[d.status]} data-testid={`status-${d.status}`}>
        {t(`notify.status.${d.status}`)}
      </Tag>
      {d.late && (
        <Tooltip title={t('notify.lateHint')}>
          <Tag color="volcano" data-testid="late">
            {t('notify.late')}
          </Tag>
        </Tooltip>
      )}
    </>
  );
}

/** Why a delivery did not go out, in words. */
function useReason() {
  const { t } = useI18n();
  return (d: Pick<DeliverySummary, 'skipReason' | 'error'>) =>
    d.skipReason ? t(`notify.skip.${d.skipReason}` as MessageKey) : (d.error ?? '');
}

function recipient(d: DeliverySummary): string {
  return d.customerName ?? d.userName ?? d.address ?? '—';
}

function DeliveryDrawer(props: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const detail = useDelivery(props.id);
  const retry = useRetryDelivery();
  const reason = useReason();
  const d = detail.data;
  return (
    <Drawer open width={600} title={t('notify.detail')} onClose={props.onClose}>
      {d && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="delivery-detail">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('notify.status')}>
              <StatusTag d={d} /> {reason(d)}
            </Descriptions.Item>
            <Descriptions.Item label={t('notify.template')}>
              {d.templateCode}
              {d.templateVersion ? ` v${d.templateVersion}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('notify.channel')}>
              {t(`notify.channel.${d.channel}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('notify.recipient')}>{recipient(d)}</Descriptions.Item>
            <Descriptions.Item label={t('notify.address')}>{d.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('notify.unit')}>{d.unitName}</Descriptions.Item>
            {d.sourceType && (
              <Descriptions.Item label={t('notify.source')}>
                {d.sourceType} {d.sourceId}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('notify.provider')}>{d.provider ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('notify.createdAt')}>
              {formatDateTime(d.createdAt)}
            </Descriptions.Item>
            {d.dueBy && (
              <Descriptions.Item label={t('notify.dueBy')}>
                {formatDateTime(d.dueBy)}
              </Descriptions.Item>
            )}
            {d.finishedAt && (
              <Descriptions.Item label={t('notify.finishedAt')}>
                {formatDateTime(d.finishedAt)}
              </Descriptions.Item>
            )}
            {d.nextAttemptAt && (
              <Descriptions.Item label={t('notify.nextAttempt')}>
                {formatDateTime(d.nextAttemptAt)}
              </Descriptions.Item>
            )}
            {d.subject && (
              <Descriptions.Item label={t('notify.subject')}>{d.subject}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('notify.body')}>{d.body ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('notify.attemptLog')}</Typography.Title>
          <Timeline
            items={d.attemptLog.map((a) => ({
              color: a.outcome === 'sent' ? 'green' : a.outcome === 'error' ? 'red' : 'gray',
              children: (
                <div>
                  {t('notify.attemptNo', { n: a.attempt })} · {formatDateTime(a.startedAt)} ·{' '}
                  {a.outcome ? t(`notify.outcome.${a.outcome}`) : t('notify.status.sending')}
                  {a.error && <div>{a.error}</div>}
                </div>
              ),
            }))}
          />
          {d.status === 'failed' && can('notify.manage') && (
            <Button
              loading={retry.isPending}
              onClick={() =>
                retry.mutate(d.id, {
                  onSuccess: () => void message.success(t('notify.retried')),
                  onError: notifyError,
                })
              }
            >
              {t('notify.retry')}
            </Button>
          )}
        </Space>
      )}
    </Drawer>
  );
}

/**
 * 通知记录: every message of the user's service area, its status and attempts. Opened with
 * `?sourceType=outage&sourceId=…` it shows one outage's notices (a link from the outage).
 */
export function NotifyLogPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const sourceType = params.get('sourceType') ?? undefined;
  const sourceId = params.get('sourceId') ?? undefined;
  const [lateOnly, setLateOnly] = useState(params.get('late') === 'true');
  const [status, setStatus] = useState<DeliveryStatus | undefined>();
  const [channel, setChannel] = useState<NotifyChannel | undefined>();
  const [template, setTemplate] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const pageSize = 20;
  const templates = useTemplates();
  const list = useDeliveries({
    status,
    channel,
    template,
    sourceType,
    sourceId,
    late: lateOnly ? 'true' : undefined,
    page,
    pageSize,
  });
  const reason = useReason();

  return (
    <Card title={t('menu.notifyLog')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('notify.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`notify.status.${s}`) }))}
          data-testid="filter-status"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('notify.channel')}
          value={channel}
          onChange={(v) => {
            setChannel(v);
            setPage(1);
          }}
          options={NOTIFY_CHANNELS.map((c) => ({ value: c, label: t(`notify.channel.${c}`) }))}
        />
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('notify.template')}
          value={template}
          onChange={(v) => {
            setTemplate(v);
            setPage(1);
          }}
          options={(templates.data?.items ?? []).map((x) => ({
            value: x.code,
            label: `${x.name} (${x.code})`,
          }))}
        />
        <Checkbox
          checked={lateOnly}
          onChange={(e) => {
            setLateOnly(e.target.checked);
            setPage(1);
          }}
          data-testid="filter-late"
        >
          {t('notify.lateOnly')}
        </Checkbox>
        {sourceType && (
          <Tag
            closable
            closeIcon
            onClose={() => {
              setParams({});
              setPage(1);
            }}
            title={t('notify.clearSource')}
            data-testid="filter-source"
          >
            {t('notify.sourceFilter', { source: `${sourceType} ${sourceId ?? ''}` })}
          </Tag>
        )}
      </Space>
      <Table<DeliverySummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        data-testid="delivery-table"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('notify.createdAt'),
            dataIndex: 'createdAt',
            width: 160,
            render: (v: string) => formatDateTime(v),
          },
          { title: t('notify.template'), dataIndex: 'templateCode', width: 180 },
          {
            title: t('notify.channel'),
            dataIndex: 'channel',
            width: 90,
            render: (c: NotifyChannel) => t(`notify.channel.${c}`),
          },
          { title: t('notify.recipient'), render: (_: unknown, r) => recipient(r) },
          { title: t('notify.address'), dataIndex: 'address', width: 150 },
          {
            title: t('notify.status'),
            width: 140,
            render: (_: unknown, r) => <StatusTag d={r} />,
          },
          {
            title: t('notify.attempts'),
            width: 80,
            render: (_: unknown, r) => `${r.attempts}/${r.maxAttempts}`,
          },
          { title: t('notify.reason'), render: (_: unknown, r) => reason(r) },
          { title: t('notify.unit'), dataIndex: 'unitName', width: 140 },
        ]}
      />
      {open && <DeliveryDrawer id={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}
