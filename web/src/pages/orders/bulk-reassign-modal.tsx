import { Alert, Form, Input, List, Modal, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { OrderSummary } from '../../../../common/schemas/orders.ts';
import { useBulkReassign, type BulkReassignResult } from '../../api/orders.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitPicker } from './unit-picker.tsx';

interface Values {
  unitId: string;
  reason: string;
}

/** 批量改派: one unit and one reason for up to 100 orders; each order's outcome is listed. */
export function BulkReassignModal(props: {
  orders: OrderSummary[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const bulk = useBulkReassign();
  const notifyError = useNotifyError();
  const [result, setResult] = useState<BulkReassignResult | null>(null);
  // The orders sent: the caller clears its selection once they are done.
  const [sent, setSent] = useState<OrderSummary[]>([]);
  useEffect(() => {
    if (props.open) {
      form.resetFields();
      setResult(null);
    }
  }, [props.open, form]);
  const numberOf = new Map(sent.map((o) => [o.id, o.number]));

  const submit = (v: Values) => {
    setSent(props.orders);
    bulk.mutate(
      { orderIds: props.orders.map((o) => o.id), unitId: v.unitId, reason: v.reason.trim() },
      {
        onSuccess: (r) => {
          setResult(r);
          props.onDone();
        },
        onError: notifyError,
      },
    );
  };
  const okCount = result?.items.filter((i) => i.ok).length ?? 0;

  return (
    <Modal
      open={props.open}
      title={t('orders.bulk.title', { n: result ? sent.length : props.orders.length })}
      onCancel={props.onClose}
      onOk={result ? props.onClose : () => form.submit()}
      okText={result ? t('orders.bulk.close') : t('orders.bulk.submit')}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      confirmLoading={bulk.isPending}
      destroyOnHidden
      data-testid="bulk-reassign"
    >
      {result ? (
        <>
          <Alert
            type={okCount === result.items.length ? 'success' : 'warning'}
            showIcon
            message={t('orders.bulk.summary', {
              ok: okCount,
              failed: result.items.length - okCount,
            })}
            style={{ marginBottom: 12 }}
          />
          <List
            size="small"
            bordered
            dataSource={result.items}
            data-testid="bulk-results"
            renderItem={(i) => (
              <List.Item>
                <Typography.Text>{numberOf.get(i.id) ?? i.id}</Typography.Text>
                {i.ok ? (
                  <Tag color="success">{t('orders.bulk.ok')}</Tag>
                ) : (
                  <Typography.Text type="danger">{i.message ?? i.code}</Typography.Text>
                )}
              </List.Item>
            )}
          />
        </>
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="unitId" label={t('orders.bulk.unit')} rules={[{ required: true }]}>
            <UnitPicker testId="bulk-unit" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('orders.input.reason')}
            rules={[{ required: true, whitespace: true, max: 500 }]}
          >
            <Input.TextArea rows={3} data-testid="bulk-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
