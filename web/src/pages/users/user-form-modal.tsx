import { Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../../common/permissions.ts';
import type { User } from '../../../../common/schemas/users.ts';
import { isVersionConflict } from '../../api/client.ts';
import { useUnits } from '../../api/org.ts';
import { useUserCommand, type WithTemporaryPassword } from '../../api/users.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { blankToNull, PHONE_PATTERN } from '../../components/form-values.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { buildTree, treeOptions } from '../units/unit-tree.ts';

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User };

interface Values {
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string;
  phone?: string;
  email?: string;
}

const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

/** Creates a user (the server answers with a one-time password) or edits one. */
export function UserFormModal(props: {
  target: UserFormTarget | null;
  onClose: () => void;
  onCreated: (result: WithTemporaryPassword) => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const command = useUserCommand();
  const notifyError = useNotifyError();
  const units = useUnits(props.target !== null);
  const tree = useMemo(
    () => treeOptions(buildTree(units.data?.items ?? []), (u) => u.active),
    [units.data],
  );
  const { target } = props;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const u = target.user;
      form.setFieldsValue({
        displayName: u.displayName,
        roles: u.roles,
        unitId: u.unitId,
        phone: u.phone ?? undefined,
        email: u.email ?? undefined,
      });
    }
  }, [target, form]);

  const onError = (e: unknown) => {
    notifyError(e);
    if (isVersionConflict(e)) props.onClose();
  };

  const submit = (v: Values) => {
    if (!target) return;
    const fields = {
      displayName: v.displayName.trim(),
      roles: v.roles,
      unitId: v.unitId,
      phone: blankToNull(v.phone),
      email: blankToNull(v.email),
    };
    if (target.mode === 'create') {
      command.mutate(
        { kind: 'create', input: { username: v.username.trim(), ...fields } },
        {
          onSuccess: (r) => {
            props.onClose();
            if ('temporaryPassword' in r) props.onCreated(r);
          },
          onError,
        },
      );
      return;
    }
    const u = target.user;
    command.mutate(
      {
        kind: 'update',
        id: u.id,
        input: {
          version: u.version,
          displayName: fields.displayName !== u.displayName ? fields.displayName : undefined,
          roles: fields.roles.join() !== u.roles.join() ? fields.roles : undefined,
          unitId: fields.unitId !== u.unitId ? fields.unitId : undefined,
          phone: fields.phone !== u.phone ? fields.phone : undefined,
          email: fields.email !== u.email ? fields.email : undefined,
        },
      },
      { onSuccess: props.onClose, onError },
    );
  };

  return (
    <Modal
      open={target !== null}
      title={
        target?.mode === 'edit'
          ? t('users.editTitle', { name: target.user.username })
          : t('users.create')
      }
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {target?.mode === 'create' && (
          <Form.Item
            name="username"
            label={t('user.username')}
            extra={t('users.usernameHint')}
            rules={[{ required: true }, { pattern: USERNAME, message: t('users.usernameHint') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('user.displayName')}
          rules={[{ required: true, whitespace: true, max: 32 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('user.roles')}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Select
            mode="multiple"
            options={ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))}
          />
        </Form.Item>
        <Form.Item name="unitId" label={t('user.unit')} rules={[{ required: true }]}>
          <TreeSelect
            treeData={tree}
            showSearch
            treeNodeFilterProp="title"
            loading={units.isPending}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('user.phone')}
          rules={[{ pattern: PHONE_PATTERN, message: t('users.phoneHint') }]}
        >
          <Input placeholder="13800138000" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('user.email')}
          rules={[{ type: 'email', message: t('users.emailHint') }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
