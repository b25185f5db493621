import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AuditFilter } from '../../api/reports.ts';
import { beijingIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ACTION_LABELS, ENTITY_LABELS } from './audit-labels.ts';

interface Values {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export type AuditCriteria = Omit<AuditFilter, 'page' | 'pageSize'>;

const clean = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** The filter bar; times are picked and read as Beijing time. */
export function AuditFilters({ onSearch }: { onSearch: (criteria: AuditCriteria) => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) =>
    onSearch({
      actor: clean(v.actor),
      action: v.action,
      entityType: v.entityType,
      entityId: clean(v.entityId),
      from: v.range?.[0] ? beijingIso(v.range[0]) : undefined,
      to: v.range?.[1] ? beijingIso(v.range[1]) : undefined,
    });
  return (
    <Form<Values>
      form={form}
      layout="inline"
      onFinish={submit}
      style={{ marginBottom: 16, rowGap: 12 }}
    >
      <Form.Item name="actor">
        <Input allowClear placeholder={t('audit.actor')} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="action">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('audit.action')}
          style={{ width: 180 }}
          options={Object.entries(ACTION_LABELS).map(([value, label]) => ({
            value,
            label: pick(label),
          }))}
        />
      </Form.Item>
      <Form.Item name="entityType">
        <Select
          allowClear
          placeholder={t('audit.entityType')}
          style={{ width: 130 }}
          options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({
            value,
            label: pick(label),
          }))}
        />
      </Form.Item>
      <Form.Item name="entityId">
        <Input allowClear placeholder={t('audit.entityId')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          allowEmpty={[true, true]}
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
