import { Col, Form, InputNumber, Radio, Row, Select } from 'antd';
import {
  CUSTOMER_CLASS_LABELS,
  CUSTOMER_CLASSES,
  INDUSTRIES,
  INDUSTRY_LABELS,
  VOLTAGE_LEVEL_LABELS,
  VOLTAGE_LEVELS,
} from '../../../../common/customers/codes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh.ts';
import { FLAGS, type Flag } from './rule-values.ts';

const FLAG_LABELS: Record<Flag, MessageKey> = {
  important: 'customers.mark.important',
  highRisk: 'customers.mark.highRisk',
  sensitive: 'customers.mark.sensitive',
  vip: 'customers.mark.vip',
};

/** The conditions of a segment rule; every condition given must hold. */
export function RuleFields() {
  const { t, pick } = useI18n();
  const tri = [
    { value: 'any', label: t('segments.tri.any') },
    { value: 'yes', label: t('customers.yes') },
    { value: 'no', label: t('customers.no') },
  ];
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name="classes" label={t('customers.class')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('segments.tri.any')}
            options={CUSTOMER_CLASSES.map((c) => ({
              value: c,
              label: pick(CUSTOMER_CLASS_LABELS[c]),
            }))}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="voltageAtLeast" label={t('segments.form.voltageAtLeast')}>
          <Select
            allowClear
            placeholder={t('segments.tri.any')}
            options={VOLTAGE_LEVELS.map((v) => ({
              value: v,
              label: pick(VOLTAGE_LEVEL_LABELS[v]),
            }))}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="industries" label={t('customers.industry')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('segments.tri.any')}
            options={INDUSTRIES.map((i) => ({ value: i, label: pick(INDUSTRY_LABELS[i]) }))}
          />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="minAnnualKwh" label={t('segments.form.minKwh')}>
          <InputNumber min={0} max={2_000_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item
          name="maxAnnualKwh"
          label={t('segments.form.maxKwh')}
          dependencies={['minAnnualKwh']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, max: number | null | undefined) => {
                const min = getFieldValue('minAnnualKwh') as number | null | undefined;
                return max == null || min == null || min <= max
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('segments.form.kwhOrder')));
              },
            }),
          ]}
        >
          <InputNumber min={0} max={2_000_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="minArrearsYuan" label={t('segments.form.minArrears')}>
          <InputNumber
            min={0.01}
            precision={2}
            prefix="¥"
            style={{ width: '100%' }}
            data-testid="rule-arrears"
          />
        </Form.Item>
      </Col>
      {FLAGS.map((f) => (
        <Col span={12} key={f}>
          <Form.Item name={f} label={t(FLAG_LABELS[f])}>
            <Radio.Group optionType="button" size="small" options={tri} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
