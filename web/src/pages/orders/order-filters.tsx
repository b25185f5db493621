import { Button, Checkbox, DatePicker, Form, Input, Select, Space } from 'antd';
import { SLA_STATUS_LABELS, SLA_STATUSES } from '../../../../common/orders/sla.ts';
import {
  ORDER_FLAG_LABELS,
  ORDER_FLAGS,
  ORDER_STATE_LABELS,
  ORDER_STATES,
} from '../../../../common/orders/states.ts';
import { useOrderTypes } from '../../api/orders.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOptions } from './order-labels.tsx';
import { filterValues, type FilterValues } from './order-query.ts';

/** The filter bar of the order list; it shows what the URL holds and reports a new search. */
export function OrderFilters(props: {
  params: URLSearchParams;
  onSearch: (v: FilterValues) => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const types = useOrderTypes();
  const typeOptions = (types.data?.taxonomy.types ?? []).map((ty) => ({
    value: ty.code,
    label: pick(ty.name),
  }));

  return (
    // Remounted when the URL changes (Back, a saved view), so it always shows what is listed.
    <Form<FilterValues>
      key={props.params.toString()}
      initialValues={filterValues(props.params)}
      form={form}
      layout="inline"
      onFinish={props.onSearch}
      style={{ marginBottom: 16, rowGap: 12 }}
      data-testid="order-filters"
    >
      <Form.Item name="q">
        <Input
          allowClear
          placeholder={t('orders.filter.q')}
          style={{ width: 240 }}
          data-testid="order-filter-q"
        />
      </Form.Item>
      <Form.Item name="type">
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('orders.type')}
          style={{ width: 180 }}
          options={typeOptions}
        />
      </Form.Item>
      <Form.Item name="state">
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('orders.state')}
          style={{ width: 180 }}
          options={labelOptions(ORDER_STATES, ORDER_STATE_LABELS, pick)}
          data-testid="order-filter-state"
        />
      </Form.Item>
      <Form.Item name="slaStatus">
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('orders.sla')}
          style={{ width: 160 }}
          options={labelOptions(SLA_STATUSES, SLA_STATUS_LABELS, pick)}
        />
      </Form.Item>
      <Form.Item name="flag">
        <Select
          allowClear
          placeholder={t('orders.flag')}
          style={{ width: 150 }}
          options={labelOptions(ORDER_FLAGS, ORDER_FLAG_LABELS, pick)}
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item name="open" valuePropName="checked">
        <Checkbox data-testid="order-filter-open">{t('orders.filter.open')}</Checkbox>
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="order-filter-submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              props.onSearch({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
