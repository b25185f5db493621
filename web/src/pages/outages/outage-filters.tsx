import { Button, Form, Input, Select, Space, Switch } from 'antd';
import { useEffect } from 'react';
import {
  OUTAGE_STATE_LABELS,
  OUTAGE_STATES,
  type OutageCategory,
  type OutageState,
} from '../../../../common/outages/categories.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { categoryGroups, labelOptions } from './outage-labels.tsx';

export interface FilterValues {
  state?: OutageState;
  category?: OutageCategory;
  live?: boolean;
  q?: string;
}

/** The list's filters, read from and written to the URL. */
export function OutageFilters(props: {
  params: URLSearchParams;
  onSearch: (v: FilterValues) => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const { params } = props;
  useEffect(() => {
    form.setFieldsValue({
      state: (params.get('state') as OutageState | null) ?? undefined,
      category: (params.get('category') as OutageCategory | null) ?? undefined,
      live: params.get('live') === 'true',
      q: params.get('q') ?? undefined,
    });
  }, [form, params]);
  return (
    <Form<FilterValues>
      form={form}
      layout="inline"
      onFinish={props.onSearch}
      style={{ marginBottom: 16, rowGap: 8 }}
    >
      <Form.Item name="state">
        <Select
          allowClear
          placeholder={t('outages.filter.state')}
          options={labelOptions(OUTAGE_STATES, OUTAGE_STATE_LABELS, pick)}
          style={{ width: 130 }}
          data-testid="outage-filter-state"
        />
      </Form.Item>
      <Form.Item name="category">
        <Select
          allowClear
          placeholder={t('outages.filter.category')}
          options={categoryGroups(t, pick)}
          style={{ width: 200 }}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item name="q">
        <Input
          allowClear
          placeholder={t('outages.filter.text')}
          style={{ width: 220 }}
          data-testid="outage-filter-q"
        />
      </Form.Item>
      <Form.Item name="live" valuePropName="checked" label={t('outages.filter.live')}>
        <Switch data-testid="outage-filter-live" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="outage-search">
          {t('common.search')}
        </Button>
        <Button onClick={() => props.onSearch({})}>{t('common.reset')}</Button>
      </Space>
    </Form>
  );
}
