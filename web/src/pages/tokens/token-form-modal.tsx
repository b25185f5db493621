import { Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { PERMISSIONS, type Permission } from '../../../../common/permissions.ts';
import { useCreateToken } from '../../api/tokens.ts';
import { useUsers } from '../../api/users.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { permissionLabel } from './permission-label.ts';

interface Values {
  name: string;
  userId: string;
  scopes: Permission[];
  expiresInDays?: number | null;
}

/** Issues an API token for a system account; the secret goes to `onCreated`, shown once. */
export function TokenFormModal(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (secret: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateToken();
  const notifyError = useNotifyError();
  const [q, setQ] = useState('');
  const users = useUsers({ q: q || undefined, page: 1, pageSize: 50 }, props.open);

  useEffect(() => {
    if (props.open) form.resetFields();
  }, [props.open, form]);

  const submit = (v: Values) =>
    create.mutate(
      {
        name: v.name.trim(),
        userId: v.userId,
        scopes: v.scopes,
        expiresInDays: v.expiresInDays ?? undefined,
      },
      {
        onSuccess: (r) => {
          props.onClose();
          props.onCreated(r.secret);
        },
        onError: notifyError,
      },
    );

  return (
    <Modal
      open={props.open}
      title={t('tokens.create')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      forceRender
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ expiresInDays: 365 }}
      >
        <Form.Item
          name="name"
          label={t('tokens.name')}
          extra={t('tokens.nameHint')}
          rules={[{ required: true, whitespace: true, max: 64 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="userId"
          label={t('tokens.user')}
          extra={t('tokens.userHint')}
          rules={[{ required: true }]}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            loading={users.isFetching}
            options={(users.data?.items ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.username}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('tokens.scopes')}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Checkbox.Group
            options={PERMISSIONS.map((p) => ({ value: p, label: permissionLabel(p, t) }))}
          />
        </Form.Item>
        <Form.Item
          name="expiresInDays"
          label={t('tokens.expiresInDays')}
          extra={t('tokens.expiresHint')}
        >
          <InputNumber min={1} max={3650} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
