import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { OutageAction } from '../../../../common/outages/categories.ts';
import type { OutageDetail } from '../../../../common/schemas/outages.ts';
import { ApiError } from '../../api/client.ts';
import { useOutageAction, type OutageActionBody } from '../../api/outages.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh.ts';
import { PICKER_FORMAT, pickedIso, wallClock } from './outage-times.ts';

export const ACTION_LABELS: Record<OutageAction, MessageKey> = {
  publish: 'outages.action.publish',
  start: 'outages.action.start',
  estimate: 'outages.action.estimate',
  postpone: 'outages.action.postpone',
  restore: 'outages.action.restore',
  cancel: 'outages.action.cancel',
};

interface Values {
  at?: Dayjs | null;
  knownAt?: Dayjs | null;
  estimatedRestoreAt?: Dayjs | null;
  plannedStart?: Dayjs | null;
  plannedEnd?: Dayjs | null;
  reason?: string;
  restoredScope?: string;
}

const SHOW_TIME = { format: 'HH:mm' };
const clean = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

function bodyOf(v: Values): OutageActionBody {
  return {
    at: pickedIso(v.at),
    knownAt: pickedIso(v.knownAt),
    estimatedRestoreAt: pickedIso(v.estimatedRestoreAt),
    plannedStart: pickedIso(v.plannedStart),
    plannedEnd: pickedIso(v.plannedEnd),
    reason: clean(v.reason),
    restoredScope: clean(v.restoredScope),
  };
}

/**
 * The small form of one action, sent with the outage's version so that a change made meanwhile
 * by someone else is refused rather than overwritten.
 */
export function OutageActionModal(props: {
  outage: OutageDetail;
  action: OutageAction | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const run = useOutageAction(props.outage.id);
  const notifyError = useNotifyError();
  const { action, outage } = props;
  const label = action ? t(ACTION_LABELS[action]) : '';
  const current = outage.estimatedRestoreAt;
  const newEstimate = Form.useWatch('estimatedRestoreAt', form);
  // A later estimate needs the reason for the delay (rules.md §3).
  const later =
    action === 'estimate' &&
    current !== null &&
    newEstimate != null &&
    newEstimate.second(0).isAfter(wallClock(current));

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    if (action === 'postpone') {
      form.setFieldsValue({
        plannedStart: wallClock(outage.plannedStart),
        plannedEnd: wallClock(outage.plannedEnd),
      });
    }
  }, [action, form, outage.plannedStart, outage.plannedEnd]);

  const submit = (v: Values) => {
    if (!action) return;
    run.mutate(
      { action, version: outage.version, body: bodyOf(v) },
      {
        onSuccess: () => {
          void message.success(t('outages.action.done', { action: label }));
          props.onClose();
        },
        onError: (e) => {
          notifyError(e);
          // Stale or no longer allowed: the page shows the outage as it now stands.
          if (e instanceof ApiError && e.status === 409) props.onClose();
        },
      },
    );
  };

  const required = { required: true, message: t('outages.create.required') };
  const picker = (testId: string) => (
    <DatePicker
      showTime={SHOW_TIME}
      format={PICKER_FORMAT}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
  const reason = (needed: boolean) => (
    <Form.Item
      name="reason"
      label={t('outages.action.reason')}
      rules={[
        { required: needed, whitespace: true, message: t('outages.create.required') },
        { max: 500 },
      ]}
    >
      <Input.TextArea rows={3} data-testid="outage-input-reason" />
    </Form.Item>
  );

  const fields = () => {
    switch (action) {
      case null:
        return null;
      case 'publish':
        return (
          <Typography.Paragraph>
            {t('outages.action.confirm', { action: label })}
          </Typography.Paragraph>
        );
      case 'start':
        return (
          <Form.Item name="at" label={t('outages.action.at')} extra={t('outages.action.atHint')}>
            {picker('outage-input-at')}
          </Form.Item>
        );
      case 'estimate':
        return (
          <>
            {current && (
              <Typography.Paragraph type="secondary">
                {t('outages.action.currentEstimate', { at: formatDateTime(current) })}
              </Typography.Paragraph>
            )}
            <Form.Item
              name="estimatedRestoreAt"
              label={t('outages.action.newEstimate')}
              rules={[required]}
            >
              {picker('outage-input-estimate')}
            </Form.Item>
            <Form.Item
              name="knownAt"
              label={t('outages.action.knownAt')}
              extra={t('outages.action.knownAtHint')}
            >
              {picker('outage-input-known-at')}
            </Form.Item>
            {later && (
              <Typography.Paragraph type="warning">
                {t('outages.action.laterNeedsReason')}
              </Typography.Paragraph>
            )}
            {reason(later)}
          </>
        );
      case 'postpone':
        return (
          <>
            <Form.Item name="plannedStart" label={t('outages.action.newStart')} rules={[required]}>
              {picker('outage-input-start')}
            </Form.Item>
            <Form.Item
              name="plannedEnd"
              label={t('outages.action.newEnd')}
              dependencies={['plannedStart']}
              rules={[
                required,
                ({ getFieldValue }) => ({
                  validator: (_, end?: Dayjs | null) => {
                    const start = getFieldValue('plannedStart') as Dayjs | null | undefined;
                    return !end || !start || end.isAfter(start)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('outages.create.endAfterStart')));
                  },
                }),
              ]}
            >
              {picker('outage-input-end')}
            </Form.Item>
            {reason(true)}
          </>
        );
      case 'restore':
        return (
          <>
            <Form.Item name="at" label={t('outages.action.at')} extra={t('outages.action.atHint')}>
              {picker('outage-input-at')}
            </Form.Item>
            <Form.Item
              name="restoredScope"
              label={t('outages.action.restoredScope')}
              rules={[{ max: 500 }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        );
      case 'cancel':
        return reason(true);
    }
  };

  return (
    <Modal
      open={action !== null}
      title={t('outages.action.title', { action: label, number: outage.number })}
      okText={label}
      okButtonProps={{ danger: action === 'cancel', 'data-testid': 'outage-action-submit' }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={run.isPending}
      forceRender
      data-testid="outage-action-modal"
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {fields()}
      </Form>
    </Modal>
  );
}
