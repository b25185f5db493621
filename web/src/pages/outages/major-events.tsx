import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Space, Switch, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MajorEvent } from '../../../../common/schemas/outages.ts';
import { useCreateMajorEvent, useMajorEvents } from '../../api/outages.ts';
import { useCan } from '../../components/session-context.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitPicker } from '../orders/unit-picker.tsx';
import { PICKER_FORMAT, pickedIso } from './outage-times.ts';

interface Values {
  title?: string;
  description?: string;
  script?: string;
  startsAt?: Dayjs;
  endsAt?: Dayjs;
  unitId?: string;
}

function CreateModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateMajorEvent();
  const notifyError = useNotifyError();
  // The unit list comes from the order module's service area (order.view).
  const seesUnits = useCan()('order.view');

  const submit = (v: Values) => {
    create.mutate(
      {
        title: (v.title ?? '').trim(),
        description: (v.description ?? '').trim(),
        script: (v.script ?? '').trim(),
        startsAt: pickedIso(v.startsAt) ?? '',
        endsAt: pickedIso(v.endsAt) ?? '',
        unitId: v.unitId,
      },
      {
        onSuccess: () => {
          void message.success(t('majorEvents.done'));
          form.resetFields();
          props.onClose();
        },
        onError: notifyError,
      },
    );
  };

  const required = [{ required: true, whitespace: true, message: t('outages.create.required') }];
  return (
    <Modal
      open={props.open}
      title={t('majorEvents.new')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'major-event-submit' }}
      forceRender
      width={640}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label={t('majorEvents.title')} rules={[...required, { max: 200 }]}>
          <Input data-testid="major-event-title" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('majorEvents.description')}
          rules={[...required, { max: 4000 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="script"
          label={t('majorEvents.script')}
          rules={[...required, { max: 4000 }]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="startsAt"
            label={t('majorEvents.startsAt')}
            rules={[{ required: true, message: t('outages.create.required') }]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} />
          </Form.Item>
          <Form.Item
            name="endsAt"
            label={t('majorEvents.endsAt')}
            dependencies={['startsAt']}
            rules={[
              { required: true, message: t('outages.create.required') },
              ({ getFieldValue }) => ({
                validator: (_, end?: Dayjs) => {
                  const start = getFieldValue('startsAt') as Dayjs | undefined;
                  return !end || !start || end.isAfter(start)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('outages.create.endAfterStart')));
                },
              }),
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} />
          </Form.Item>
        </Space>
        {seesUnits && (
          <Form.Item name="unitId" label={t('majorEvents.unit')}>
            <UnitPicker placeholder={t('majorEvents.unitHint')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 重要服务事项报备: the filed events and the script agents answer callers from. */
export function MajorEvents() {
  const { t } = useI18n();
  const can = useCan();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [activeOnly, setActiveOnly] = useState(false);
  const [open, setOpen] = useState(false);
  const list = useMajorEvents({ ...page, ...(activeOnly ? { active: 'true' as const } : {}) });

  const columns: ColumnsType<MajorEvent> = [
    { title: t('majorEvents.title'), dataIndex: 'title', width: 200 },
    {
      title: t('majorEvents.window'),
      width: 170,
      render: (_, e) => (
        <span>
          {formatDateTime(e.startsAt)}
          <br />
          {t('outages.to')} {formatDateTime(e.endsAt)}
        </span>
      ),
    },
    {
      title: t('majorEvents.script'),
      dataIndex: 'script',
      render: (s: string) => <div style={{ whiteSpace: 'pre-wrap' }}>{s}</div>,
    },
    {
      title: t('majorEvents.description'),
      dataIndex: 'description',
      width: 240,
      ellipsis: true,
    },
    { title: t('majorEvents.unit'), width: 150, render: (_, e) => e.unit.name },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Space>
          <Switch
            checked={activeOnly}
            onChange={(v) => {
              setActiveOnly(v);
              setPage((p) => ({ ...p, page: 1 }));
            }}
          />
          {t('majorEvents.activeOnly')}
        </Space>
        {can('outage.manage') && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setOpen(true)}
            data-testid="major-event-new"
          >
            {t('majorEvents.new')}
          </Button>
        )}
      </Space>
      {list.isError && <Alert type="error" showIcon message={list.error.message} />}
      <Table<MajorEvent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && !list.data}
        scroll={{ x: 1000 }}
        data-testid="major-event-table"
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
      />
      {can('outage.manage') && <CreateModal open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
