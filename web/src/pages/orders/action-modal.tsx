import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect } from 'react';
import {
  ORDER_ACTION_LABELS,
  SATISFACTION,
  SATISFACTION_LABELS,
  type OrderAction,
} from '../../../../common/orders/states.ts';
import type { OrderDetail } from '../../../../common/schemas/orders.ts';
import { ApiError } from '../../api/client.ts';
import { useOrderAction, type ActionBody } from '../../api/orders.ts';
import { useCan } from '../../components/session-context.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ACTION_SPECS, INPUT_LABELS, INPUT_MAX, type ActionInput } from './action-inputs.ts';
import { labelOptions } from './order-labels.tsx';
import { MasterPicker } from './master-picker.tsx';
import { OutagePicker } from './outage-picker.tsx';
import { UnitPicker } from './unit-picker.tsx';

type Values = Partial<Record<ActionInput, string>>;

function bodyOf(v: Values): ActionBody {
  const out: Record<string, string> = {};
  for (const [k, s] of Object.entries(v)) if (typeof s === 'string' && s.trim()) out[k] = s.trim();
  return out;
}

/**
 * The small form of one action: its inputs (none for a plain confirmation) and the order's
 * version, so that a change made meanwhile by someone else is refused rather than overwritten.
 */
export function ActionModal(props: {
  order: OrderDetail;
  action: OrderAction | null;
  onClose: () => void;
  onConflict: () => void;
  /** Called after the action went through (before onClose). */
  onDone?: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const run = useOrderAction(props.order.id);
  const notifyError = useNotifyError();
  const { action, order } = props;
  const seesUnits = useCan()('order.view');
  const spec = action ? ACTION_SPECS[action] : null;
  const label = action ? pick(ORDER_ACTION_LABELS[action]) : '';
  // Without the unit list an optional unit is left to routing.
  const inputs = (spec?.inputs ?? []).filter((i) => i.required || i.kind !== 'unitId' || seesUnits);

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    // The return usually repeats what the crew wrote when the repair was done.
    if (action === 'return' && order.result) form.setFieldsValue({ result: order.result });
  }, [action, form, order.result]);

  const submit = (v: Values) => {
    if (!action) return;
    run.mutate(
      { action, version: order.version, body: bodyOf(v) },
      {
        onSuccess: () => {
          void message.success(t('orders.action.done', { action: label }));
          props.onDone?.();
          props.onClose();
        },
        onError: (e) => {
          notifyError(e);
          // Stale or no longer allowed: show the order as it now stands.
          if (e instanceof ApiError && e.status === 409) {
            props.onConflict();
            props.onClose();
          }
        },
      },
    );
  };

  const field = (kind: ActionInput, required: boolean, labelKey = INPUT_LABELS[kind]) => {
    const rules = [{ required, whitespace: true, max: INPUT_MAX[kind] || undefined }];
    switch (kind) {
      case 'reason':
      case 'result':
      case 'body':
        return (
          <Form.Item key={kind} name={kind} label={t(labelKey)} rules={rules}>
            <Input.TextArea rows={3} autoFocus data-testid={`action-input-${kind}`} />
          </Form.Item>
        );
      case 'satisfaction':
        return (
          <Form.Item key={kind} name={kind} label={t(labelKey)} rules={[{ required }]}>
            <Radio.Group
              options={labelOptions(SATISFACTION, SATISFACTION_LABELS, pick)}
              data-testid="action-input-satisfaction"
            />
          </Form.Item>
        );
      case 'unitId':
        return (
          <Form.Item key={kind} name={kind} label={t(labelKey)} rules={[{ required }]}>
            <UnitPicker testId="action-input-unit" />
          </Form.Item>
        );
      case 'masterId':
        return (
          <Form.Item key={kind} name={kind} label={t(labelKey)} rules={[{ required }]}>
            <MasterPicker excludeId={order.id} customerId={order.customer?.id ?? null} />
          </Form.Item>
        );
      case 'outageId':
        return (
          <Form.Item key={kind} name={kind} label={t(labelKey)} rules={[{ required }]}>
            <OutagePicker />
          </Form.Item>
        );
    }
  };

  return (
    <Modal
      open={action !== null}
      title={t('orders.action.title', { action: label, number: order.number })}
      okText={label}
      okButtonProps={{ danger: spec?.danger, 'data-testid': 'action-submit' }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={run.isPending}
      forceRender
      data-testid="action-modal"
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {action && inputs.length === 0 && (
          <Typography.Paragraph>
            {t('orders.action.confirm', { action: label })}
          </Typography.Paragraph>
        )}
        {inputs.map((i) => field(i.kind, i.required, i.label))}
        {action === 'reply' && (
          <Typography.Text type="warning">{t('orders.action.replyVisible')}</Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
