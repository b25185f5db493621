import {
  Alert,
  Button,
  Col,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
} from 'antd';
import { useEffect } from 'react';
import {
  CUSTOMER_CLASS_LABELS,
  CUSTOMER_CLASSES,
  INDUSTRIES,
  INDUSTRY_LABELS,
  TARIFF_CATEGORIES,
  TARIFF_CATEGORY_LABELS,
  VOLTAGE_LEVEL_LABELS,
  VOLTAGE_LEVELS,
} from '../../../../common/customers/codes.ts';
import type { CustomerDetail } from '../../../../common/schemas/customers.ts';
import { isVersionConflict } from '../../api/client.ts';
import { useUpdateCustomer } from '../../api/customers.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MarksFields, PhonesField } from './edit-fields.tsx';
import {
  formValues,
  hasChanges,
  updateInput,
  type Editable,
  type EditValues,
} from './edit-values.ts';

type Label = { zh: string; en: string };

/**
 * Edits the archive record. `customer` carries the revealed values where there are any, and
 * `editable` says which personal fields hold full values and so may be sent back.
 */
export function CustomerEditDrawer(props: {
  customer: CustomerDetail;
  editable: Editable;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateCustomer(props.customer.id);
  const notifyError = useNotifyError();
  const { customer: c, editable, open } = props;
  const options = <K extends string>(codes: readonly K[], labels: Record<K, Label>) =>
    codes.map((k) => ({ value: k, label: pick(labels[k]) }));

  useEffect(() => {
    if (open) form.setFieldsValue(formValues(c));
  }, [open, c, form]);

  const submit = (v: EditValues) => {
    const input = updateInput(v, c, editable);
    if (!hasChanges(input)) {
      props.onClose();
      return;
    }
    update.mutate(input, {
      onSuccess: props.onSaved,
      onError: (e) => {
        notifyError(e);
        if (isVersionConflict(e)) props.onClose();
      },
    });
  };
  const piiLocked = !editable.phones || !editable.address || !editable.email;

  return (
    <Drawer
      open={open}
      width={720}
      title={t('customers.edit.title', { name: c.name })}
      onClose={props.onClose}
      destroyOnHidden
      forceRender
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('customers.edit.cancel')}</Button>
          <Button
            type="primary"
            loading={update.isPending}
            onClick={() => form.submit()}
            data-testid="edit-save"
          >
            {t('customers.edit.save')}
          </Button>
        </Space>
      }
    >
      <Form<EditValues> form={form} layout="vertical" onFinish={submit}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('customers.name')}
              rules={[{ required: true, whitespace: true, max: 64 }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="customerClass" label={t('customers.class')}>
              <Select options={options(CUSTOMER_CLASSES, CUSTOMER_CLASS_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="industry" label={t('customers.industry')}>
              <Select options={options(INDUSTRIES, INDUSTRY_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="voltageLevel" label={t('customers.voltage')}>
              <Select options={options(VOLTAGE_LEVELS, VOLTAGE_LEVEL_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="tariffCategory" label={t('customers.tariff')}>
              <Select options={options(TARIFF_CATEGORIES, TARIFF_CATEGORY_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="meterNo" label={t('customers.meterNo')} rules={[{ max: 32 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="annualKwh" label={t('customers.annualKwhUnit')}>
              <InputNumber min={0} max={2_000_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>

        <Divider orientation="left">{t('customers.section.marks')}</Divider>
        <MarksFields />

        <Divider orientation="left">{t('customers.section.contact')}</Divider>
        {piiLocked && (
          <Alert
            type="info"
            showIcon
            message={t('customers.edit.revealFirst')}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form.Item label={t('customers.phones')}>
          <PhonesField disabled={!editable.phones} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="email"
              label={t('customers.email')}
              rules={
                editable.email ? [{ type: 'email', message: t('customers.edit.emailHint') }] : []
              }
            >
              <Input disabled={!editable.email} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="wechatId" label={t('customers.wechat')} rules={[{ max: 64 }]}>
              <Input disabled={!editable.wechatId} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="consentMessages" label={t('customers.consent')} valuePropName="checked">
          <Switch />
        </Form.Item>

        <Divider orientation="left">{t('customers.section.address')}</Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name={['address', 'city']}
              label={t('customers.city')}
              rules={[{ required: true, whitespace: true, max: 32 }]}
            >
              <Input disabled={!editable.address} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name={['address', 'county']}
              label={t('customers.county')}
              rules={[{ required: true, whitespace: true, max: 32 }]}
            >
              <Input disabled={!editable.address} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name={['address', 'street']}
              label={t('customers.street')}
              rules={[{ max: 64 }]}
            >
              <Input disabled={!editable.address} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name={['address', 'detail']}
              label={t('customers.addressDetail')}
              rules={[{ max: 128 }]}
            >
              <Input disabled={!editable.address} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
