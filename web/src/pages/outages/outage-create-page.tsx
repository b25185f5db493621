import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  Row,
  Select,
  Space,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useCreateOutage } from '../../api/outages.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { createInput, isFault, markServerErrors, type OutageValues } from './create-values.ts';
import { categoryGroups } from './outage-labels.tsx';
import { PICKER_FORMAT } from './outage-times.ts';
import { ScopePicker } from './scope-picker.tsx';

const SHOW_TIME = { format: 'HH:mm' };

/**
 * 录入停电信息: what, when and where. Announced outages need their planned window; faults the
 * time the power went off. The scope is feeders and transformers picked from the network, or
 * supply addresses pasted one per line; publishing at once applies the notice rules.
 */
export function OutageCreatePage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<OutageValues>();
  const create = useCreateOutage();
  const notifyError = useNotifyError();
  const category = Form.useWatch('category', form);
  const fault = isFault(category);
  const required = { required: true, message: t('outages.create.required') };

  const submit = (v: OutageValues) => {
    create.mutate(createInput(v), {
      onSuccess: (o) => {
        void message.success(t('outages.create.done', { number: o.number }));
        void navigate(`/outages/${o.id}`, { replace: true });
      },
      onError: (e) => {
        if (markServerErrors(form, e)) void message.error(e.message);
        else notifyError(e);
      },
    });
  };

  const endAfterStart = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: (_: unknown, end?: Dayjs | null) => {
      const start = getFieldValue('plannedStart') as Dayjs | null | undefined;
      return !end || !start || end.isAfter(start)
        ? Promise.resolve()
        : Promise.reject(new Error(t('outages.create.endAfterStart')));
    },
  });
  const scopeGiven = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: () => {
      const nodes = (getFieldValue('nodes') as string[] | undefined) ?? [];
      const addresses = ((getFieldValue('addresses') as string | undefined) ?? '').trim();
      return nodes.length > 0 || addresses !== ''
        ? Promise.resolve()
        : Promise.reject(new Error(t('outages.create.scopeRequired')));
    },
  });

  return (
    <Card title={t('outages.new')} data-testid="outage-create">
      <Form<OutageValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ nodes: [], publish: false }}
        scrollToFirstError
        style={{ maxWidth: 960 }}
      >
        <Divider orientation="left">{t('outages.create.section.what')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="category" label={t('outages.create.category')} rules={[required]}>
              <Select
                options={categoryGroups(t, pick)}
                placeholder={t('outages.create.categoryHint')}
                data-testid="outage-create-category"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="title"
              label={t('outages.title')}
              rules={[{ ...required, whitespace: true }, { max: 200 }]}
            >
              <Input
                placeholder={t('outages.create.titleHint')}
                data-testid="outage-create-title"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="reason"
              label={t('outages.reason')}
              rules={[{ ...required, whitespace: true }, { max: 2000 }]}
            >
              <Input.TextArea rows={2} data-testid="outage-create-reason" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="faultType" label={t('outages.faultType')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="equipment" label={t('outages.equipment')} rules={[{ max: 500 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>

        <Divider orientation="left">{t('outages.create.section.when')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="plannedStart"
              label={t('outages.create.plannedStart')}
              rules={fault ? [] : [required]}
            >
              <DatePicker
                showTime={SHOW_TIME}
                format={PICKER_FORMAT}
                style={{ width: '100%' }}
                data-testid="outage-create-planned-start"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="plannedEnd"
              label={t('outages.create.plannedEnd')}
              dependencies={['plannedStart']}
              rules={fault ? [endAfterStart] : [required, endAfterStart]}
            >
              <DatePicker
                showTime={SHOW_TIME}
                format={PICKER_FORMAT}
                style={{ width: '100%' }}
                data-testid="outage-create-planned-end"
              />
            </Form.Item>
          </Col>
          {fault && (
            <Col xs={24} md={12}>
              <Form.Item name="startedAt" label={t('outages.create.startedAt')}>
                <DatePicker showTime={SHOW_TIME} format={PICKER_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="estimatedRestoreAt" label={t('outages.create.estimate')}>
              <DatePicker showTime={SHOW_TIME} format={PICKER_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>

        <Divider orientation="left">{t('outages.create.section.scope')}</Divider>
        <Form.Item
          name="areaText"
          label={t('outages.area')}
          extra={t('outages.create.areaHint')}
          rules={[{ ...required, whitespace: true }, { max: 2000 }]}
        >
          <Input.TextArea rows={2} data-testid="outage-create-area" />
        </Form.Item>
        <Form.Item
          name="nodes"
          label={t('outages.create.scope')}
          dependencies={['addresses']}
          rules={[scopeGiven]}
        >
          <ScopePicker />
        </Form.Item>
        <Form.Item
          name="addresses"
          label={t('outages.create.addresses')}
          extra={t('outages.create.addressesHint')}
        >
          <Input.TextArea rows={3} data-testid="outage-create-addresses" />
        </Form.Item>
        <Form.Item name="publish" valuePropName="checked" extra={t('outages.create.publishHint')}>
          <Checkbox data-testid="outage-create-publish">{t('outages.create.publish')}</Checkbox>
        </Form.Item>
        {create.isError && !create.isPending && (
          <Alert
            type="error"
            showIcon
            message={create.error.message}
            style={{ marginBottom: 16 }}
          />
        )}
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending}
            data-testid="outage-create-submit"
          >
            {t('outages.create.submit')}
          </Button>
          <Button onClick={() => void navigate(-1)}>{t('outages.create.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
