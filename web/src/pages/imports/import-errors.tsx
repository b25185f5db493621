import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Space, Table, Typography } from 'antd';
import type { DataImport, ImportRowError } from '../../../../common/schemas/imports.ts';
import { errorReportUrl } from '../../api/imports.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The first bad rows of an import (行号, 列, 说明) and the link to the full report. */
export function ImportErrors({ imp }: { imp: DataImport }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="import-errors">
      {imp.failure && <Alert type="error" showIcon message={imp.failure} />}
      {imp.errors.length > 0 && (
        <Table<ImportRowError>
          rowKey={(e) => `${e.row}:${e.column ?? ''}:${e.code}`}
          size="small"
          pagination={false}
          dataSource={imp.errors}
          columns={[
            { title: t('imports.errRow'), dataIndex: 'row', width: 80 },
            {
              title: t('imports.errColumn'),
              dataIndex: 'column',
              width: 140,
              render: (v: string | null) => v ?? '—',
            },
            { title: t('imports.errMessage'), dataIndex: 'message' },
          ]}
          data-testid="import-errors-table"
        />
      )}
      {imp.errorRows > 0 && (
        <Space>
          {imp.errorRows > imp.errors.length && (
            <Typography.Text type="secondary">
              {t('imports.moreErrors', { shown: imp.errors.length, total: imp.errorRows })}
            </Typography.Text>
          )}
          <a href={errorReportUrl(imp.id)} download data-testid="import-error-report">
            <DownloadOutlined /> {t('imports.errorReport')}
          </a>
        </Space>
      )}
    </Space>
  );
}
