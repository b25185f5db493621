import { App, Button, Cascader, Col, Divider, Form, Input, Radio, Row, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ORDER_CHANNEL_LABELS, ORDER_CHANNELS } from '../../../../common/orders/states.ts';
import { resolveType } from '../../../../common/orders/taxonomy.ts';
import type { CustomerSummary } from '../../../../common/schemas/customers.ts';
import type { OrderDetail } from '../../../../common/schemas/orders.ts';
import { randomKey, useCreateOrder, useOrderTypes } from '../../api/orders.ts';
import { PHONE_PATTERN } from '../../components/form-values.ts';
import { useCan } from '../../components/session-context.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CallbackNote, typeOptions } from './create-type.tsx';
import {
  createInput,
  markServerErrors,
  optionalFields,
  shownFields,
  type CreateValues,
} from './create-values.ts';
import { CustomerPicker } from './customer-picker.tsx';
import { labelOptions } from './order-labels.tsx';
import { TypeFields } from './type-fields.tsx';
import { UnitPicker } from './unit-picker.tsx';

// The fault time defaults to now as read on a Beijing wall clock, whatever the browser's zone.
const beijingNow = () => dayjs(formatDateTime(new Date().toISOString()));

export interface OrderCreateFormProps {
  /** The customer found on the call (screen pop, search); the form takes it over when it changes. */
  customer?: CustomerSummary | null;
  /** The caller's number as the phone system gave it. */
  callerPhone?: string | null;
  /** Called with the new order; the form then starts afresh for the next one. */
  onCreated: (order: OrderDetail) => void;
  onCancel?: () => void;
  /** Narrow layout (the agent desktop's middle column): one field per row. */
  compact?: boolean;
}

/**
 * 新建工单: the type decides which fields are required and whether a callback follows; the
 * customer found on the call fills in what it can. Sent once per submission (Idempotency-Key).
 * Used by the new-order page and, in place, by the agent desktop.
 */
export function OrderCreateForm(props: OrderCreateFormProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const types = useOrderTypes();
  const create = useCreateOrder();
  const notifyError = useNotifyError();
  const [chosen, setChosen] = useState<CustomerSummary | null>(null);
  // The unit pickers list the caller's service area (GET /api/orders/units).
  const seesUnits = useCan()('order.view');
  // One key per version of the form: a double click sends one order, an edit makes a new one.
  const key = useRef(randomKey());

  const typePath = Form.useWatch('type', form);
  const overLevel = Form.useWatch(['fields', 'overLevel'], form) === true;
  const customerId = Form.useWatch('customerId', form);
  const dispatchMode = Form.useWatch('dispatchMode', form);
  const taxonomy = types.data?.taxonomy;
  const resolved = useMemo(
    () =>
      taxonomy && typePath?.[0] ? resolveType(taxonomy, typePath[0], typePath[1] ?? null) : null,
    [taxonomy, typePath],
  );
  const fields = shownFields(resolved, overLevel);

  useEffect(() => {
    if (fields.includes('faultTime') && !form.getFieldValue(['fields', 'faultTime'])) {
      form.setFieldValue(['fields', 'faultTime'], beijingNow());
    }
  }, [fields, form]);

  const pickCustomer = (c: CustomerSummary | null) => {
    setChosen(c);
    form.setFieldValue('customerId', c?.id);
    if (!c) return;
    const v = form.getFieldsValue(true) as CreateValues;
    if (!v.callerName?.trim()) form.setFieldValue('callerName', c.name);
    // A masked address (****) is no use on an order; the full one is filled in only when shown.
    if (!v.address?.trim() && !c.masked) {
      const a = c.address;
      form.setFieldValue('address', [a.city, a.county, a.street, a.detail].join(''));
    }
    if (c.gridPath && !v.fields?.areaClass) {
      form.setFieldValue(['fields', 'areaClass'], c.gridPath.transformer.areaClass);
    }
  };

  // The desktop hands over the customer of the call and the caller's number.
  useEffect(() => {
    if (props.customer !== undefined) pickCustomer(props.customer);
    // Only when the customer changes: rerunning it on every render would undo the agent's edits.
  }, [props.customer]);
  useEffect(() => {
    if (props.callerPhone && !form.getFieldValue('callerPhone')) {
      form.setFieldValue('callerPhone', props.callerPhone);
    }
  }, [props.callerPhone, form]);

  const submit = (v: CreateValues) => {
    if (!resolved) return;
    create.mutate(
      { input: createInput(v, resolved), idempotencyKey: key.current },
      {
        onSuccess: (o) => {
          void message.success(t('orders.create.done', { number: o.number }));
          // Inside a live outage: the order waits for it; the page opened next says what to tell.
          if (o.outage)
            void message.warning(
              t('orders.outage.linked', { number: o.outage.number, title: o.outage.title }),
            );
          form.resetFields(['title', 'description', 'fields', 'type']);
          key.current = randomKey();
          props.onCreated(o);
        },
        onError: (e) => {
          if (markServerErrors(form, e, t('orders.create.fieldRequired'))) {
            void message.error(e.message);
          } else notifyError(e);
        },
      },
    );
  };

  const col = props.compact ? 24 : 12;
  return (
    <Form<CreateValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      onValuesChange={(changed: Partial<CreateValues>) => {
        key.current = randomKey();
        // Picking a unit means sending there; another choice forgets the unit.
        if (changed.dispatchTo) form.setFieldValue('dispatchMode', 'unit');
        if (changed.dispatchMode && changed.dispatchMode !== 'unit') {
          form.setFieldValue('dispatchTo', undefined);
        }
      }}
      initialValues={{ channel: 'phone', dispatchMode: 'auto', fields: {} }}
      scrollToFirstError
      style={{ maxWidth: 960 }}
      size={props.compact ? 'small' : 'middle'}
    >
      <Row gutter={16}>
        <Col xs={24} md={col}>
          <Form.Item name="type" label={t('orders.type')} rules={[{ required: true }]}>
            <Cascader
              options={typeOptions(taxonomy, pick)}
              placeholder={t('orders.create.typeHint')}
              showSearch
              data-testid="create-type"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={col}>
          <Form.Item name="channel" label={t('orders.channel')} rules={[{ required: true }]}>
            <Select options={labelOptions(ORDER_CHANNELS, ORDER_CHANNEL_LABELS, pick)} />
          </Form.Item>
        </Col>
      </Row>
      <CallbackNote resolved={resolved} />

      <Divider orientation="left">{t('orders.create.caller')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={col}>
          <Form.Item name="customerId" label={t('orders.customer')}>
            <CustomerPicker chosen={chosen} onPick={pickCustomer} />
          </Form.Item>
        </Col>
        {!customerId && seesUnits && (
          <Col xs={24} md={col}>
            <Form.Item
              name="locationUnitId"
              label={t('orders.create.locationUnit')}
              extra={t('orders.create.locationUnitHint')}
            >
              <UnitPicker testId="create-location-unit" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={col}>
          <Form.Item name="callerName" label={t('orders.create.callerName')} rules={[{ max: 40 }]}>
            <Input data-testid="create-caller-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={col}>
          <Form.Item
            name="callerPhone"
            label={t('orders.create.callerPhone')}
            rules={[{ pattern: PHONE_PATTERN, message: t('orders.create.phoneHint') }]}
          >
            <Input data-testid="create-caller-phone" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('orders.address')} rules={[{ max: 200 }]}>
            <Input data-testid="create-address" />
          </Form.Item>
        </Col>
      </Row>

      <Divider orientation="left">{t('orders.section.content')}</Divider>
      <Form.Item
        name="title"
        label={t('orders.title')}
        rules={[{ required: true, whitespace: true, max: 100 }]}
      >
        <Input data-testid="create-title" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('orders.description')}
        rules={[{ required: true, whitespace: true, max: 4000 }]}
      >
        <Input.TextArea rows={4} data-testid="create-description" />
      </Form.Item>
      <TypeFields fields={fields} optional={optionalFields(resolved)} />

      <Divider orientation="left">{t('orders.create.dispatch')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={col}>
          <Form.Item name="dispatchMode">
            <Radio.Group
              options={[
                { value: 'auto', label: t('orders.create.dispatchAuto') },
                {
                  value: 'unit',
                  label: t('orders.create.dispatchUnit'),
                  disabled: !seesUnits,
                },
                { value: 'hold', label: t('orders.create.dispatchHold') },
              ]}
              data-testid="create-dispatch-mode"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={col}>
          <Form.Item
            name="dispatchTo"
            rules={[{ required: dispatchMode === 'unit', message: t('orders.pickUnit') }]}
          >
            <UnitPicker testId="create-dispatch-unit" />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending}
          data-testid="create-submit"
        >
          {t('orders.create.submit')}
        </Button>
        {props.onCancel && <Button onClick={props.onCancel}>{t('orders.create.cancel')}</Button>}
      </Space>
    </Form>
  );
}
