import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import {
  useDeleteView,
  useSavedViews,
  useSaveView,
  type OrderQuery,
  type SavedView,
} from '../../api/orders.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const same = (a: OrderQuery, b: OrderQuery) => {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.join() === kb.join() && ka.every((k) => a[k] === b[k]);
};

/** 常用视图: the user's saved filter sets; picking one applies it, saving keeps the current one. */
export function SavedViews(props: { current: OrderQuery; onPick: (query: OrderQuery) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const views = useSavedViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const notifyError = useNotifyError();
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const items = views.data?.items ?? [];
  // The view whose filters are those shown, if any.
  const active: SavedView | undefined = items.find((v) => same(v.query, props.current));

  return (
    <Space wrap>
      <Select
        style={{ width: 200 }}
        placeholder={t('orders.views.pick')}
        loading={views.isPending}
        value={active?.id ?? null}
        options={items.map((v) => ({ value: v.id, label: v.name }))}
        onChange={(id: string) => {
          const v = items.find((x) => x.id === id);
          if (v) props.onPick(v.query);
        }}
        data-testid="saved-views"
      />
      {active && (
        <Popconfirm
          title={t('orders.views.deleteConfirm', { name: active.name })}
          onConfirm={() =>
            remove.mutate(active.id, {
              onSuccess: () => void message.success(t('orders.views.deleted')),
              onError: notifyError,
            })
          }
        >
          <Button icon={<DeleteOutlined />} loading={remove.isPending} data-testid="view-delete">
            {t('orders.views.delete')}
          </Button>
        </Popconfirm>
      )}
      <Button icon={<SaveOutlined />} onClick={() => setNaming(true)} data-testid="view-save">
        {t('orders.views.save')}
      </Button>
      <Modal
        open={naming}
        title={t('orders.views.save')}
        onCancel={() => setNaming(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ name }) =>
            save.mutate(
              { name: name.trim(), query: props.current },
              {
                onSuccess: () => {
                  setNaming(false);
                  void message.success(t('orders.views.saved'));
                },
                onError: notifyError,
              },
            )
          }
        >
          <Form.Item
            name="name"
            label={t('orders.views.name')}
            rules={[{ required: true, whitespace: true, max: 40 }]}
          >
            <Input autoFocus data-testid="view-name" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
