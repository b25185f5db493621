import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { checkPassword } from '../../../common/password-policy.ts';
import { ApiError } from '../api/client.ts';
import { useChangePassword } from '../api/session.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change one's own password; the policy is checked here first and by the server again. */
export function PasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const [serverError, setServerError] = useState<string | null>(null);

  const submit = (v: Values) => {
    setServerError(null);
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('password.changed'));
          onChanged?.();
        },
        onError: (e) => setServerError(e instanceof ApiError ? e.message : t('error.unexpected')),
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      style={{ maxWidth: 420 }}
    >
      <Alert type="info" showIcon message={t('password.policy')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password id="pw-current" autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[
          { required: true, message: t('password.newRequired') },
          {
            validator: (_, value: string | undefined) =>
              !value || checkPassword(value).ok
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.weak'))),
          },
        ]}
      >
        <Input.Password id="pw-new" autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password id="pw-confirm" autoComplete="new-password" />
      </Form.Item>
      {serverError && (
        <Alert
          type="error"
          showIcon
          message={serverError}
          style={{ marginBottom: 16 }}
          data-testid="password-error"
        />
      )}
      <Button
        type="primary"
        htmlType="submit"
        loading={change.isPending}
        data-testid="password-submit"
      >
        {t('password.submit')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('password.hint')}
      </Typography.Paragraph>
    </Form>
  );
}
