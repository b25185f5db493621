import { Alert, Modal, Typography } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

/** Shows a secret (temporary password, API token) that the server will never show again. */
export function SecretModal(props: {
  title: string;
  label: string;
  secret: string | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={props.secret !== null}
      title={props.title}
      onOk={props.onClose}
      onCancel={props.onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('secret.done')}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t('secret.once')} style={{ marginBottom: 16 }} />
      <Typography.Text type="secondary">{props.label}</Typography.Text>
      <Typography.Paragraph
        copyable={{ text: props.secret ?? '' }}
        code
        data-testid="secret-value"
        style={{ fontSize: 16, marginTop: 4 }}
      >
        {props.secret}
      </Typography.Paragraph>
    </Modal>
  );
}
