import { Card, Col, Descriptions, Row, Tag } from 'antd';
import { ROLE_LABELS } from '../../../../common/permissions.ts';
import { UNIT_LEVEL_LABELS } from '../../../../common/org-levels.ts';
import { PasswordForm } from '../../components/password-form.tsx';
import { ContactForm } from './contact-form.tsx';
import { useSession } from '../../components/session-context.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function ProfilePage() {
  const me = useSession();
  const { t, pick } = useI18n();
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={12}>
        <Card title={t('profile.title')}>
          <Descriptions column={1} bordered size="middle">
            <Descriptions.Item label={t('user.displayName')}>
              {me.user.displayName}
            </Descriptions.Item>
            <Descriptions.Item label={t('user.username')}>{me.user.username}</Descriptions.Item>
            <Descriptions.Item label={t('user.roles')}>
              {me.roles.map((r) => (
                <Tag key={r} color="cyan">
                  {pick(ROLE_LABELS[r])}
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('user.unit')}>
              {me.unit.name}{' '}
              <Tag style={{ marginInlineStart: 8 }}>{pick(UNIT_LEVEL_LABELS[me.unit.level])}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('profile.scope')}>
              {me.scope === 'province' ? t('profile.scopeProvince') : t('profile.scopeSubtree')}
            </Descriptions.Item>
            <Descriptions.Item label={t('user.phone')}>{me.user.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('user.email')}>{me.user.email ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('user.lastLoginAt')}>
              {formatDateTime(me.user.lastLoginAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('profile.sessionExpires')}>
              {formatDateTime(me.sessionExpiresAt)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('profile.contact')} style={{ marginBottom: 24 }}>
          <ContactForm />
        </Card>
        <Card title={t('password.change')}>
          <PasswordForm />
        </Card>
      </Col>
    </Row>
  );
}
