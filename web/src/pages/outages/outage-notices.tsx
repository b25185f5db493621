import { Alert, Button, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { NoticeSummary } from '../../../../common/schemas/notify.ts';
import { useCan } from '../../components/session-context.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The outage notices by template, as the delivery log names them. */
const TEMPLATE_LABELS: Record<string, { zh: string; en: string }> = {
  'outage.planned': { zh: '计划停电通知', en: 'Planned outage notice' },
  'outage.temporary': { zh: '临时停电通知', en: 'Temporary outage notice' },
  'outage.fault': { zh: '故障停电通知', en: 'Fault outage notice' },
  'outage.estimate_changed': { zh: '预计恢复时间变更', en: 'Estimate changed' },
  'outage.postponed': { zh: '停电延期通知', en: 'Postponement notice' },
  'outage.restored': { zh: '恢复送电通知', en: 'Restoration message' },
  'outage.cancelled': { zh: '停电取消通知', en: 'Cancellation notice' },
};

type Row = NoticeSummary['byTemplate'][number];

/** 停电通知: what the outage's notices to customers came to, with the way to the delivery log. */
export function OutageNotices({ outageId, notices }: { outageId: string; notices: NoticeSummary }) {
  const { t, pick } = useI18n();
  const can = useCan();
  const n = (v: number, color?: string) => (v > 0 && color ? <Tag color={color}>{v}</Tag> : v);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="outage-notices">
      {notices.late > 0 && (
        <Alert type="error" showIcon message={t('outages.notices.late', { n: notices.late })} />
      )}
      <Table<Row>
        size="small"
        rowKey="template"
        pagination={false}
        dataSource={notices.byTemplate}
        locale={{ emptyText: t('outages.notices.none') }}
        columns={[
          {
            title: t('outages.notices.template'),
            dataIndex: 'template',
            render: (code: string) => (TEMPLATE_LABELS[code] ? pick(TEMPLATE_LABELS[code]) : code),
          },
          { title: t('outages.notices.queued'), dataIndex: 'queued' },
          { title: t('outages.notices.sent'), dataIndex: 'sent' },
          {
            title: t('outages.notices.failed'),
            dataIndex: 'failed',
            render: (v: number) => n(v, 'red'),
          },
          {
            title: t('outages.notices.skipped'),
            key: 'skipped',
            render: (_, r) => r.skippedConsent + r.skippedOther,
          },
          {
            title: t('outages.notices.lateColumn'),
            dataIndex: 'late',
            render: (v: number) => n(v, 'red'),
          },
        ]}
      />
      {can('notify.view') && (
        <Link to={`/admin/notify/log?sourceType=outage&sourceId=${outageId}`}>
          <Button size="small">{t('outages.notices.log')}</Button>
        </Link>
      )}
    </Space>
  );
}
