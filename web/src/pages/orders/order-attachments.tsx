import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Typography, Upload } from 'antd';
import type { OrderDetail } from '../../../../common/schemas/orders.ts';
import { attachmentUrl, useUploadAttachment } from '../../api/orders.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const MAX_BYTES = 10 * 1024 * 1024;

function sizeText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** 附件: photos of the site, recordings, letters; uploaded one by one, downloaded by link. */
export function OrderAttachments({ order, canUpload }: { order: OrderDetail; canUpload: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const upload = useUploadAttachment(order.id);
  const notifyError = useNotifyError();
  return (
    <Card
      title={t('orders.section.attachments')}
      extra={
        canUpload && (
          <span data-testid="attachment-input">
            <Upload
              showUploadList={false}
              multiple={false}
              // Checked here for a quick answer; the server checks size and type again.
              beforeUpload={(f) => {
                if (f.size <= MAX_BYTES) return true;
                void message.error(t('orders.attachments.tooLarge'));
                return Upload.LIST_IGNORE;
              }}
              customRequest={({ file, onSuccess, onError }) =>
                upload.mutate(file as File, {
                  onSuccess: (a) => {
                    onSuccess?.(a);
                    void message.success(t('orders.attachments.uploaded', { name: a.fileName }));
                  },
                  onError: (e) => {
                    onError?.(e);
                    notifyError(e);
                  },
                })
              }
            >
              <Button
                icon={<UploadOutlined />}
                loading={upload.isPending}
                data-testid="attachment-upload"
              >
                {t('orders.attachments.upload')}
              </Button>
            </Upload>
          </span>
        )
      }
    >
      <List
        size="small"
        dataSource={order.attachments}
        locale={{ emptyText: t('orders.attachments.none') }}
        data-testid="order-attachments"
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              avatar={<PaperClipOutlined />}
              title={
                <a href={attachmentUrl(order.id, a.id)} download={a.fileName}>
                  {a.fileName}
                </a>
              }
              description={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {sizeText(a.size)} · {a.uploadedBy.name} · {formatDateTime(a.createdAt)}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
