import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  NOTIFY_CHANNELS,
  type NotifyChannel,
  type TemplateSummary,
} from '../../../../common/schemas/notify.ts';
import { useSaveTemplate, useTemplate, useTemplates } from '../../api/notify.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Values {
  code: string;
  name: string;
  channel: NotifyChannel;
  subject: string;
  body: string;
  active: boolean;
}

/** The editor of one template (`id` null: a new one), with its saved versions. */
function TemplateEditor(props: { id: string | null; variables: string[]; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const detail = useTemplate(props.id);
  const save = useSaveTemplate();
  const [form] = Form.useForm<Values>();
  const current = detail.data;
  const ready = props.id === null || current !== undefined;

  const submit = (v: Values) => {
    const body =
      props.id === null
        ? { id: null, body: v }
        : {
            id: props.id,
            body: {
              version: current!.version,
              name: v.name,
              channel: v.channel,
              subject: v.subject ?? '',
              body: v.body,
              active: v.active,
            },
          };
    save.mutate(body, {
      onSuccess: () => {
        void message.success(t('notify.saved'));
        props.onClose();
      },
      onError: notifyError,
    });
  };

  return (
    <Drawer
      open
      width={640}
      title={props.id === null ? t('notify.newTemplate') : t('notify.editTemplate')}
      onClose={props.onClose}
      destroyOnHidden
    >
      {ready && (
        <Form<Values>
          form={form}
          layout="vertical"
          data-testid="template-form"
          initialValues={
            current
              ? { ...current, channel: current.channel }
              : { channel: 'sms', active: true, subject: '' }
          }
          onFinish={submit}
        >
          <Form.Item name="code" label={t('notify.code')} rules={[{ required: true }]}>
            <Input disabled={props.id !== null} placeholder="outage.planned" />
          </Form.Item>
          <Form.Item name="name" label={t('notify.name')} rules={[{ required: true }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="channel" label={t('notify.channel')}>
            <Select
              options={NOTIFY_CHANNELS.map((c) => ({ value: c, label: t(`notify.channel.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="subject" label={t('notify.subject')}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item
            name="body"
            label={t('notify.body')}
            rules={[{ required: true }]}
            extra={
              <Space size={4} wrap style={{ marginTop: 4 }}>
                {t('notify.variables')}:
                {props.variables.map((v) => (
                  <Tag key={v}>{`{${v}}`}</Tag>
                ))}
              </Space>
            }
          >
            <Input.TextArea rows={5} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="active" label={t('notify.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('notify.save')}
          </Button>
        </Form>
      )}
      {current && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('notify.history')}
          </Typography.Title>
          <Timeline
            items={current.history.map((h) => ({
              children: (
                <div>
                  <Typography.Text strong>
                    v{h.version} · {formatDateTime(h.changedAt)} · {h.changedBy ?? '—'}
                  </Typography.Text>
                  <div>{h.body}</div>
                </div>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}

/** 通知模板: the message templates, edited by administrators (notify.manage). */
export function NotifyTemplatesPage() {
  const { t } = useI18n();
  const templates = useTemplates();
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const variables = templates.data?.variables ?? [];

  return (
    <Card
      title={t('menu.notifyTemplates')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {t('notify.newTemplate')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('notify.templatesIntro')}</Typography.Paragraph>
      <Table<TemplateSummary>
        rowKey="id"
        size="small"
        loading={templates.isLoading}
        dataSource={templates.data?.items ?? []}
        pagination={false}
        data-testid="template-table"
        columns={[
          { title: t('notify.code'), dataIndex: 'code', width: 200 },
          { title: t('notify.name'), dataIndex: 'name', width: 160 },
          {
            title: t('notify.channel'),
            dataIndex: 'channel',
            width: 90,
            render: (c: NotifyChannel) => t(`notify.channel.${c}`),
          },
          { title: t('notify.body'), dataIndex: 'body' },
          {
            title: t('notify.version'),
            dataIndex: 'version',
            width: 70,
            render: (v: number, r) => (
              <Space size={4}>
                v{v}
                {!r.active && <Tag>{t('notify.inactive')}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            width: 80,
            render: (_: unknown, r) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r.id)}>
                {t('notify.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing !== undefined && (
        <TemplateEditor id={editing} variables={variables} onClose={() => setEditing(undefined)} />
      )}
    </Card>
  );
}
