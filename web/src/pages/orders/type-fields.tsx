import { Col, DatePicker, Form, Input, Radio, Row, Select, Switch } from 'antd';
import { ORDER_FIELD_LABELS, type OrderField } from '../../../../common/orders/fields.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { FIELD_CHOICES } from './order-fields.ts';

const TEXT_MAX: Partial<Record<OrderField, number>> = {
  equipment: 100,
  overLevelReason: 200,
  reportedParties: 200,
  appliance: 100,
};

/** The input of one field; Form.Item passes value and onChange, which go to the control. */
function Widget({ field, ...control }: { field: OrderField } & Record<string, unknown>) {
  const { pick } = useI18n();
  const testId = `create-field-${field}`;
  const c = FIELD_CHOICES[field];
  if (c) {
    const options = c.codes.map((k) => ({ value: k, label: pick(c.labels[k]!) }));
    return c.radio ? (
      <Radio.Group optionType="button" options={options} data-testid={testId} {...control} />
    ) : (
      <Select
        options={options}
        showSearch
        optionFilterProp="label"
        data-testid={testId}
        {...control}
      />
    );
  }
  if (field === 'faultTime') {
    return (
      <DatePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        data-testid={testId}
        {...control}
      />
    );
  }
  if (field === 'overLevel') return <Switch data-testid={testId} {...control} />;
  return <Input data-testid={testId} {...control} />;
}

/**
 * The fields the chosen (sub)type shows, required but for those in `optional`; the server checks
 * them again.
 */
export function TypeFields({
  fields,
  optional = [],
}: {
  fields: OrderField[];
  optional?: OrderField[];
}) {
  const { pick } = useI18n();
  if (fields.length === 0) return null;
  return (
    <Row gutter={16}>
      {fields.map((f) => (
        <Col key={f} xs={24} md={12}>
          <Form.Item
            name={['fields', f]}
            label={pick(ORDER_FIELD_LABELS[f])}
            valuePropName={f === 'overLevel' ? 'checked' : 'value'}
            rules={
              f === 'overLevel' || optional.includes(f)
                ? []
                : f === 'relatedOrderNo'
                  ? [{ required: true, pattern: /^\d{13,16}$/ }]
                  : TEXT_MAX[f]
                    ? [{ required: true, whitespace: true, max: TEXT_MAX[f] }]
                    : [{ required: true }]
            }
          >
            <Widget field={f} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
