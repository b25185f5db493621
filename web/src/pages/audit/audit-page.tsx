import { Alert, Card, Col, Row, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { AuditEntry } from '../../../../common/schemas/audit.ts';
import { useAudit, type AuditFilter } from '../../api/reports.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AuditFilters } from './audit-filters.tsx';
import { ACTION_LABELS, ENTITY_LABELS } from './audit-labels.ts';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">—</Typography.Text>;
  return <pre className="lx-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** The audit trail: read-only by design, newest first. */
export function AuditPage() {
  const { t, pick } = useI18n();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: 20 });
  const audit = useAudit(filter);

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 130,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (a: string) => {
        const label = ACTION_LABELS[a];
        return (
          <span>
            {label ? pick(label) : a} <Typography.Text type="secondary">{a}</Typography.Text>
          </span>
        );
      },
    },
    {
      title: t('audit.entityType'),
      dataIndex: 'entityType',
      width: 110,
      render: (e: string) => <Tag>{ENTITY_LABELS[e] ? pick(ENTITY_LABELS[e]) : e}</Tag>,
    },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      width: 220,
      render: (id: string | null) =>
        id ? (
          <Typography.Text copyable ellipsis style={{ maxWidth: 200 }}>
            {id}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Card title={t('menu.audit')}>
      <AuditFilters onSearch={(c) => setFilter((f) => ({ ...c, page: 1, pageSize: f.pageSize }))} />
      {audit.isError && (
        <Alert type="error" showIcon message={audit.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        loading={audit.isFetching}
        columns={columns}
        dataSource={audit.data?.items ?? []}
        expandable={{
          rowExpandable: (r) => r.before != null || r.after != null,
          expandedRowRender: (r) => (
            <Row gutter={16}>
              <Col span={12}>
                <Typography.Text strong>{t('audit.before')}</Typography.Text>
                <Json value={r.before} />
              </Col>
              <Col span={12}>
                <Typography.Text strong>{t('audit.after')}</Typography.Text>
                <Json value={r.after} />
              </Col>
            </Row>
          ),
        }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('common.total', { n }),
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
      />
    </Card>
  );
}
