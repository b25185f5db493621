import { Button, Card, Typography } from 'antd';
import { useLogout } from '../../api/session.ts';
import { LangSwitch } from '../../components/lang-switch.tsx';
import { PasswordForm } from '../../components/password-form.tsx';
import { useSession } from '../../components/session-context.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The only page a user with a temporary password sees until the password is changed. */
export function ForcedPasswordPage() {
  const me = useSession();
  const { t } = useI18n();
  const logout = useLogout();
  return (
    <div className="lx-login">
      <div className="lx-login-lang">
        <LangSwitch />
      </div>
      <Card className="lx-login-card" style={{ width: 460 }} data-testid="forced-password">
        <div className="lx-login-title">
          <h1>连心</h1>
          <Typography.Title level={4} style={{ marginTop: 8 }}>
            {t('password.forcedTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('password.forcedIntro', { name: me.user.displayName })}
          </Typography.Text>
        </div>
        <PasswordForm />
        <Button type="link" onClick={() => logout.mutate()} style={{ paddingInline: 0 }}>
          {t('app.logout')}
        </Button>
      </Card>
    </div>
  );
}
