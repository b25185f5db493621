import { App, Button, Form, Input } from 'antd';
import { useUpdateOwnProfile } from '../../api/session.ts';
import { useSession } from '../../components/session-context.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { blankToNull, PHONE_PATTERN } from '../../components/form-values.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The user's own phone and e-mail, so that leads can reach them. */
export function ContactForm() {
  const me = useSession();
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const update = useUpdateOwnProfile();
  return (
    <Form
      layout="vertical"
      initialValues={{ phone: me.user.phone ?? '', email: me.user.email ?? '' }}
      onFinish={(v: { phone?: string; email?: string }) =>
        update.mutate(
          { phone: blankToNull(v.phone), email: blankToNull(v.email) },
          {
            onSuccess: () => void message.success(t('profile.contactSaved')),
            onError: notifyError,
          },
        )
      }
    >
      <Form.Item
        name="phone"
        label={t('user.phone')}
        rules={[{ pattern: PHONE_PATTERN, message: t('users.phoneHint') }]}
      >
        <Input data-testid="profile-phone" placeholder="13800138000" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('user.email')}
        rules={[{ type: 'email', message: t('users.emailHint') }]}
      >
        <Input data-testid="profile-email" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={update.isPending}
        data-testid="profile-save"
      >
        {t('profile.saveContact')}
      </Button>
    </Form>
  );
}
