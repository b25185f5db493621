import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { PII_FIELDS, type PiiField } from '../../../../common/customers/codes.ts';
import type { CustomerDetail, RevealResult } from '../../../../common/schemas/customers.ts';
import { useRevealCustomer } from '../../api/customers.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh.ts';

export const PII_LABELS: Record<PiiField, MessageKey> = {
  phones: 'customers.phones',
  idNo: 'customers.idNo',
  address: 'customers.addressDetail',
  email: 'customers.email',
  wechatId: 'customers.wechat',
};

interface Values {
  fields: PiiField[];
  reason: string;
}

/** The full values on screen instead of the masked ones, for the fields that were revealed. */
export function withRevealed(c: CustomerDetail, r: RevealResult | null): CustomerDetail {
  if (!r) return c;
  return {
    ...c,
    phones: r.phones ?? c.phones,
    idNo: r.idNo !== undefined ? r.idNo : c.idNo,
    address: r.address ?? c.address,
    email: r.email !== undefined ? r.email : c.email,
    wechatId: r.wechatId !== undefined ? r.wechatId : c.wechatId,
  };
}

/**
 * Asks why the full personal values are needed (the reason goes to the audit log) and fetches
 * them. The values are handed to the page's state only, never to the query cache.
 */
export function RevealModal(props: {
  customerId: string;
  open: boolean;
  onClose: () => void;
  onRevealed: (r: RevealResult) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const reveal = useRevealCustomer(props.customerId);
  const notifyError = useNotifyError();

  const submit = (v: Values) =>
    reveal.mutate(
      { fields: v.fields, reason: v.reason.trim() },
      {
        onSuccess: (r) => {
          props.onRevealed(r);
          props.onClose();
        },
        onError: notifyError,
      },
    );

  return (
    <Modal
      open={props.open}
      title={t('customers.reveal.title')}
      okText={t('customers.reveal.ok')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={reveal.isPending}
      destroyOnHidden
      data-testid="reveal-modal"
    >
      <Alert type="warning" showIcon message={t('customers.reveal.audited')} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ fields: [...PII_FIELDS] }}
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="fields"
          label={t('customers.reveal.fields')}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              message: t('customers.reveal.fieldsRequired'),
            },
          ]}
        >
          <Checkbox.Group
            options={PII_FIELDS.map((f) => ({ value: f, label: t(PII_LABELS[f]) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('customers.reveal.reason')}
          rules={[
            { required: true, whitespace: true, message: t('customers.reveal.reasonRequired') },
            { max: 200 },
          ]}
        >
          <Input.TextArea
            rows={3}
            autoFocus
            placeholder={t('customers.reveal.reasonPlaceholder')}
            data-testid="reveal-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
