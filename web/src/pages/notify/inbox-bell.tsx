import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { InboxMessage } from '../../../../common/schemas/notify.ts';
import { useInbox, useMarkAllRead, useMarkRead, useUnreadCount } from '../../api/notify-inbox.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const PAGE_SIZE = 20;

function Message(props: { m: InboxMessage; onRead: (id: string) => void; busy: boolean }) {
  const { t } = useI18n();
  const { m } = props;
  const unread = m.readAt === null;
  return (
    <List.Item
      data-testid={`inbox-message-${unread ? 'unread' : 'read'}`}
      style={{ background: unread ? '#f0faf9' : undefined, paddingInline: 12 }}
      actions={
        unread
          ? [
              <Button
                key="read"
                size="small"
                type="link"
                loading={props.busy}
                onClick={() => props.onRead(m.id)}
              >
                {t('notify.inbox.markRead')}
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Space size={6}>
            {unread && <Badge status="processing" />}
            <Typography.Text strong={unread}>{m.title}</Typography.Text>
          </Space>
        }
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{formatDateTime(m.createdAt)}</Typography.Text>
          </>
        }
      />
    </List.Item>
  );
}

/**
 * 站内消息: a bell in the header with the unread count (pushed live, see useUnreadCount) and a drawer listing
 * the user's messages, to mark one or all read.
 */
export function InboxBell() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const unread = useUnreadCount();
  const list = useInbox(page, PAGE_SIZE, open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const count = unread.data ?? 0;

  return (
    <>
      <Badge count={count} size="small" overflowCount={99} data-testid="inbox-count">
        <Button
          type="text"
          size="small"
          icon={<BellOutlined />}
          aria-label={t('notify.inbox.title')}
          title={t('notify.inbox.title')}
          onClick={() => setOpen(true)}
          data-testid="inbox-bell"
        />
      </Badge>
      <Drawer
        open={open}
        width={420}
        title={t('notify.inbox.title')}
        onClose={() => setOpen(false)}
        data-testid="inbox-drawer"
        extra={
          <Button
            size="small"
            disabled={count === 0}
            loading={markAll.isPending}
            data-testid="inbox-read-all"
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: (r) => void message.success(t('notify.inbox.allRead', { n: r.marked })),
                onError: notifyError,
              })
            }
          >
            {t('notify.inbox.markAllRead')}
          </Button>
        }
      >
        {count > 0 && (
          <Tag color="cyan" style={{ marginBottom: 12 }}>
            {t('notify.inbox.unread', { n: count })}
          </Tag>
        )}
        <List<InboxMessage>
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('notify.inbox.empty')} /> }}
          data-testid="inbox-list"
          pagination={
            (list.data?.total ?? 0) > PAGE_SIZE
              ? {
                  current: page,
                  pageSize: PAGE_SIZE,
                  total: list.data?.total ?? 0,
                  onChange: setPage,
                  size: 'small',
                }
              : false
          }
          renderItem={(m) => (
            <Message
              m={m}
              busy={markRead.isPending && markRead.variables === m.id}
              onRead={(id) => markRead.mutate(id, { onError: notifyError })}
            />
          )}
        />
      </Drawer>
    </>
  );
}
