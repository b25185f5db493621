import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { Segment } from '../../../../common/schemas/segments.ts';
import { useSegmentCommand, useSegments } from '../../api/segments.ts';
import { useCan } from '../../components/session-context.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../customers/money.ts';
import { ruleText } from './rule-text.ts';
import { SegmentCustomersDrawer } from './segment-customers-drawer.tsx';
import { SegmentFormModal, type SegmentFormTarget } from './segment-form-modal.tsx';

/**
 * 客户细分: the service segments with their rules and how many customers of the caller's scope
 * fall in each; administrators (segment.manage) define them.
 */
export function SegmentsPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const manage = can('segment.manage');
  const segments = useSegments();
  const command = useSegmentCommand();
  const notifyError = useNotifyError();
  const [formTarget, setFormTarget] = useState<SegmentFormTarget | null>(null);
  const [listed, setListed] = useState<Segment | null>(null);

  const columns: ColumnsType<Segment> = [
    {
      title: t('segments.nameCode'),
      key: 'name',
      width: 180,
      render: (_, s) => (
        <>
          <div>{s.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.code}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('segments.rule'),
      key: 'rule',
      render: (_, s) => ruleText(s.rule, t, pick),
    },
    {
      title: t('segments.service'),
      key: 'service',
      width: 220,
      render: (_, s) => (
        <>
          <div>{s.service || '—'}</div>
          {s.description && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.description}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('segments.priority'), dataIndex: 'priority', width: 80 },
    {
      title: t('segments.active'),
      dataIndex: 'active',
      width: 80,
      render: (active: boolean, s) => (
        <Switch
          size="small"
          checked={active}
          disabled={!manage}
          loading={
            command.isPending &&
            command.variables.kind === 'update' &&
            command.variables.id === s.id
          }
          onChange={(next) =>
            command.mutate(
              { kind: 'update', id: s.id, input: { version: s.version, active: next } },
              { onError: notifyError },
            )
          }
        />
      ),
    },
    {
      title: t('segments.customers'),
      dataIndex: 'customers',
      width: 100,
      align: 'right',
      render: (n: number, s) => (
        <Button
          type="link"
          size="small"
          onClick={() => setListed(s)}
          data-testid={`segment-count-${s.code}`}
        >
          {formatNumber(n)}
        </Button>
      ),
    },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, s) => (
        <Button
          type="link"
          size="small"
          onClick={() => setFormTarget({ mode: 'edit', segment: s })}
        >
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <Card
      title={t('menu.segments')}
      extra={
        manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setFormTarget({ mode: 'create' })}
            data-testid="segment-create"
          >
            {t('segments.create')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('segments.intro')}</Typography.Paragraph>
      {segments.isError && (
        <Alert
          type="error"
          showIcon
          message={segments.error.message}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<Segment>
        rowKey="id"
        size="middle"
        loading={segments.isFetching}
        columns={columns}
        dataSource={segments.data?.items ?? []}
        pagination={false}
        data-testid="segments-table"
      />
      <SegmentFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <SegmentCustomersDrawer segment={listed} onClose={() => setListed(null)} />
    </Card>
  );
}
