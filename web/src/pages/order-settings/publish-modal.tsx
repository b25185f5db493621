import { Alert, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

/** Asks for the note of a new taxonomy version before publishing it. */
export function PublishModal(props: {
  open: boolean;
  baseVersion: number;
  pending: boolean;
  onPublish: (note: string | undefined) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note?: string }>();

  useEffect(() => {
    if (props.open) form.resetFields();
  }, [props.open, form]);

  return (
    <Modal
      open={props.open}
      title={t('orderSettings.publish.title', { n: props.baseVersion + 1 })}
      okText={t('orderSettings.publish')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={props.pending}
      destroyOnHidden
      forceRender
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('orderSettings.publish.explain')}
      />
      <Form
        form={form}
        layout="vertical"
        data-testid="publish-form"
        onFinish={(v: { note?: string }) => props.onPublish(v.note?.trim() || undefined)}
      >
        <Form.Item name="note" label={t('orderSettings.publish.note')} rules={[{ max: 200 }]}>
          <Input.TextArea
            rows={3}
            placeholder={t('orderSettings.publish.notePlaceholder')}
            data-testid="publish-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
