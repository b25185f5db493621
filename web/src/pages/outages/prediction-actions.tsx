import { App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { PredictionSummary } from '../../../../common/schemas/outage-predictions.ts';
import { useDecidePrediction } from '../../api/outage-predictions.ts';
import { useCan } from '../../components/session-context.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Confirm and reject buttons of a proposed prediction (holders of outage.manage). */
export function PredictionActions({ p, size }: { p: PredictionSummary; size?: 'small' }) {
  const { t } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const decide = useDecidePrediction();
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  if (p.state !== 'proposed' || !can('outage.manage')) return null;

  const confirm = () =>
    decide.mutate(
      { id: p.id, version: p.version, action: 'confirm' },
      {
        onSuccess: (d) =>
          void message.success(t('predictions.confirmed', { number: d.outage?.number ?? '' })),
        onError: notifyError,
      },
    );
  const reject = (v: { reason: string }) =>
    decide.mutate(
      { id: p.id, version: p.version, action: 'reject', reason: v.reason.trim() },
      {
        onSuccess: () => {
          setRejecting(false);
          form.resetFields();
          void message.success(t('predictions.rejected'));
        },
        onError: notifyError,
      },
    );

  return (
    <Space size="small">
      <Popconfirm
        title={t('predictions.confirmTitle', { node: p.node.name })}
        description={
          <div style={{ maxWidth: 320 }}>{t('predictions.confirmHint', { calls: p.calls })}</div>
        }
        onConfirm={confirm}
        okButtonProps={{ 'data-testid': 'prediction-confirm-ok' }}
      >
        <Button
          type="primary"
          danger
          size={size}
          loading={decide.isPending}
          data-testid="prediction-confirm"
        >
          {t('predictions.confirm')}
        </Button>
      </Popconfirm>
      <Button size={size} onClick={() => setRejecting(true)} data-testid="prediction-reject">
        {t('predictions.reject')}
      </Button>
      <Modal
        open={rejecting}
        title={t('predictions.rejectTitle', { node: p.node.name })}
        onCancel={() => setRejecting(false)}
        onOk={() => form.submit()}
        confirmLoading={decide.isPending}
        okButtonProps={{ 'data-testid': 'prediction-reject-ok' }}
        destroyOnClose
      >
        <Form form={form} layout="vertical" onFinish={reject}>
          <Form.Item
            name="reason"
            label={t('predictions.rejectReason')}
            rules={[
              { required: true, whitespace: true, message: t('predictions.rejectReasonRequired') },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              placeholder={t('predictions.rejectReasonHint')}
              data-testid="prediction-reject-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
