import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useLogin } from '../../api/session.ts';
import { LangSwitch } from '../../components/lang-switch.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useI18n();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);

  const submit = (v: Values) => {
    setError(null);
    login.mutate(
      { username: v.username.trim(), password: v.password },
      { onError: (e) => setError(e instanceof ApiError ? e.message : t('error.unexpected')) },
    );
  };

  return (
    <div className="lx-login">
      <div className="lx-login-lang">
        <LangSwitch />
      </div>
      <Card className="lx-login-card">
        <div className="lx-login-title">
          <h1>连心</h1>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </div>
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item
            name="username"
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input
              id="login-username"
              prefix={<UserOutlined />}
              placeholder={t('login.username')}
              autoComplete="username"
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              id="login-password"
              prefix={<LockOutlined />}
              placeholder={t('login.password')}
              autoComplete="current-password"
            />
          </Form.Item>
          {error && (
            <Alert
              type="error"
              showIcon
              message={error}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={login.isPending}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <div className="lx-login-footer">{t('login.footer')}</div>
    </div>
  );
}
