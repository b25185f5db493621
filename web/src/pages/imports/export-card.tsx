import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import {
  CUSTOMER_CLASS_LABELS,
  CUSTOMER_CLASSES,
  CUSTOMER_MARK_LABELS,
  CUSTOMER_MARKS,
} from '../../../../common/customers/codes.ts';
import { EXPORT_MAX_ROWS, type ExportCustomersQuery } from '../../../../common/schemas/imports.ts';
import { customerExportUrl } from '../../api/imports.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The customer archive as .xlsx, narrowed by class and mark; within the user's own scope. */
export function ExportCard() {
  const { t, pick } = useI18n();
  const [filter, setFilter] = useState<ExportCustomersQuery>({});
  return (
    <Card size="small" title={t('imports.exportTitle')} style={{ height: '100%' }}>
      <Form layout="vertical">
        <Form.Item label={t('imports.exportClass')} style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('imports.all')}
            value={filter.customerClass}
            onChange={(customerClass?: ExportCustomersQuery['customerClass']) =>
              setFilter((f) => ({ ...f, customerClass }))
            }
            options={CUSTOMER_CLASSES.map((c) => ({
              value: c,
              label: pick(CUSTOMER_CLASS_LABELS[c]),
            }))}
            data-testid="export-class"
          />
        </Form.Item>
        <Form.Item label={t('imports.exportMark')} style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('imports.all')}
            value={filter.mark}
            onChange={(mark?: ExportCustomersQuery['mark']) => setFilter((f) => ({ ...f, mark }))}
            options={CUSTOMER_MARKS.map((m) => ({
              value: m,
              label: pick(CUSTOMER_MARK_LABELS[m]),
            }))}
            data-testid="export-mark"
          />
        </Form.Item>
      </Form>
      {/* A plain download link: the session cookie authorises it and the browser saves the file. */}
      <Button
        type="primary"
        icon={<DownloadOutlined />}
        href={customerExportUrl(filter)}
        download
        block
        data-testid="export-customers"
      >
        {t('imports.exportButton')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('imports.exportHint', { max: EXPORT_MAX_ROWS.toLocaleString() })}
      </Typography.Paragraph>
    </Card>
  );
}
