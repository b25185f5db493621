import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { PHONE_LABEL_LABELS, PHONE_LABELS } from '../../../../common/customers/codes.ts';
import { PHONE_PATTERN } from '../../components/form-values.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const MAX_PHONES = 5;

/** Up to five numbers, each with its label (手机 / 住宅电话 …). */
export function PhonesField({ disabled }: { disabled: boolean }) {
  const { t, pick } = useI18n();
  return (
    <Form.List name="phones">
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="edit-phones">
          {fields.map((field) => (
            <Space key={field.key} align="baseline">
              <Form.Item name={[field.name, 'label']} noStyle>
                <Select
                  disabled={disabled}
                  style={{ width: 110 }}
                  options={PHONE_LABELS.map((l) => ({
                    value: l,
                    label: pick(PHONE_LABEL_LABELS[l]),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'phone']}
                // Masked numbers (138****5678) are shown, not sent, so they are not checked either.
                rules={
                  disabled
                    ? []
                    : [
                        { required: true, message: t('customers.edit.phoneRequired') },
                        { pattern: PHONE_PATTERN, message: t('customers.edit.phoneHint') },
                      ]
                }
                style={{ marginBottom: 0 }}
              >
                <Input disabled={disabled} placeholder="13800138000" style={{ width: 200 }} />
              </Form.Item>
              {!disabled && <MinusCircleOutlined onClick={() => remove(field.name)} />}
            </Space>
          ))}
          {!disabled && fields.length < MAX_PHONES && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ phone: '', label: 'mobile' })}
            >
              {t('customers.edit.addPhone')}
            </Button>
          )}
        </Space>
      )}
    </Form.List>
  );
}

/** The marks, with the reason a sensitive mark needs and arrears typed in yuan. */
export function MarksFields() {
  const { t } = useI18n();
  const sensitive = Form.useWatch<boolean | undefined>('sensitive');
  return (
    <>
      <Space wrap size="large">
        <Form.Item name="important" valuePropName="checked" noStyle>
          <Checkbox data-testid="edit-important">{t('customers.mark.important')}</Checkbox>
        </Form.Item>
        <Form.Item name="highRisk" valuePropName="checked" noStyle>
          <Checkbox data-testid="edit-highRisk">{t('customers.mark.highRisk')}</Checkbox>
        </Form.Item>
        <Form.Item name="sensitive" valuePropName="checked" noStyle>
          <Checkbox data-testid="edit-sensitive">{t('customers.mark.sensitive')}</Checkbox>
        </Form.Item>
        <Form.Item name="vip" valuePropName="checked" noStyle>
          <Checkbox data-testid="edit-vip">{t('customers.mark.vip')}</Checkbox>
        </Form.Item>
      </Space>
      {sensitive && (
        <Form.Item
          name="sensitiveReason"
          label={t('customers.sensitiveReason')}
          rules={[
            { required: true, whitespace: true, message: t('customers.edit.reasonRequired') },
            { max: 200 },
          ]}
          style={{ marginTop: 12 }}
        >
          <Input />
        </Form.Item>
      )}
      <Form.Item
        name="arrearsYuan"
        label={t('customers.edit.arrearsYuan')}
        style={{ marginTop: 12 }}
      >
        <InputNumber min={0} precision={2} step={10} prefix="¥" style={{ width: 200 }} />
      </Form.Item>
    </>
  );
}
