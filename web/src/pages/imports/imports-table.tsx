import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { DataImport } from '../../../../common/schemas/imports.ts';
import { isImportActive, useImports, type ImportListFilter } from '../../api/imports.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ImportErrors } from './import-errors.tsx';
import { fileSizeText, KIND_KEYS, MODE_KEYS, StatusTag } from './import-labels.tsx';

function ImportProgress({ imp }: { imp: DataImport }) {
  const { t } = useI18n();
  if (!isImportActive(imp)) return null;
  // While the file is being read the total is not known yet: show a moving bar, not 0 %.
  const percent =
    imp.totalRows > 0 ? Math.floor((imp.processedRows / imp.totalRows) * 100) : undefined;
  return (
    <div data-testid="import-progress">
      <Progress
        percent={percent ?? 0}
        size="small"
        status="active"
        showInfo={percent !== undefined}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {imp.totalRows > 0
          ? t('imports.progress', { done: imp.processedRows, total: imp.totalRows })
          : t(`imports.phase.${imp.phase}`)}
      </Typography.Text>
    </div>
  );
}

/** Every import, newest first; polled each second while one is queued or running. */
export function ImportsTable() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ImportListFilter>({ page: 1, pageSize: 20 });
  const imports = useImports(filter);

  const columns: ColumnsType<DataImport> = [
    {
      title: t('imports.file'),
      dataIndex: 'fileName',
      render: (name: string, imp) => (
        <Space direction="vertical" size={0}>
          <Typography.Text ellipsis={{ tooltip: name }} style={{ maxWidth: 240 }}>
            {name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {fileSizeText(imp.fileSize)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('imports.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (_, i) => t(KIND_KEYS[i.kind]),
    },
    {
      title: t('imports.mode'),
      dataIndex: 'mode',
      width: 130,
      render: (_, i) => t(MODE_KEYS[i.mode]),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 180,
      render: (_, imp) => (
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          <StatusTag status={imp.status} />
          <ImportProgress imp={imp} />
        </Space>
      ),
    },
    {
      title: t('imports.imported'),
      dataIndex: 'importedRows',
      width: 80,
      align: 'right',
      render: (v: number) => <span data-testid="import-imported">{v}</span>,
    },
    {
      title: t('imports.errorRows'),
      dataIndex: 'errorRows',
      width: 80,
      align: 'right',
      render: (v: number) => (
        <Typography.Text type={v > 0 ? 'danger' : undefined} data-testid="import-error-rows">
          {v}
        </Typography.Text>
      ),
    },
    { title: t('imports.createdBy'), dataIndex: 'createdBy', width: 110 },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (v: string) => formatDateTime(v),
    },
  ];

  return (
    <Card
      size="small"
      title={t('imports.listTitle')}
      extra={<Button icon={<ReloadOutlined />} onClick={() => void imports.refetch()} />}
    >
      {imports.isError && (
        <Alert type="error" showIcon message={imports.error.message} style={{ marginBottom: 12 }} />
      )}
      <Table<DataImport>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={imports.data?.items ?? []}
        loading={imports.isPending}
        data-testid="imports-table"
        expandable={{
          rowExpandable: (imp) => imp.errorRows > 0 || imp.failure !== null,
          expandedRowRender: (imp) => <ImportErrors imp={imp} />,
        }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: imports.data?.total ?? 0,
          showTotal: (n) => t('common.total', { n }),
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
      />
    </Card>
  );
}
