import {
  App,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  Select,
  Switch,
  Table,
  Tag,
  TimePicker,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Crew } from '../../../../common/schemas/repair.ts';
import { useCrews, useSaveCrew } from '../../api/repair.ts';
import { useUsers } from '../../api/users.ts';
import { useCan } from '../../components/session-context.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitPicker } from '../orders/unit-picker.tsx';
import { AreaPicker, areaIds, areaKey } from './area-picker.tsx';
import { CrewStateTag } from './crew-labels.tsx';

interface FormValues {
  unitId?: string;
  name: string;
  memberIds: string[];
  leaderId?: string | null;
  phone?: string;
  vehicle?: string;
  area: string[];
  shift: [dayjs.Dayjs, dayjs.Dayjs];
  active: boolean;
}

function CrewDrawer({ crew, onClose }: { crew: Crew | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const save = useSaveCrew();
  const canUsers = useCan()('user.view');
  const users = useUsers({ role: 'repair_crew', page: 1, pageSize: 200 }, canUsers);
  const options = new Map<string, string>();
  for (const m of crew?.members ?? []) options.set(m.id, `${m.name} (${m.username})`);
  for (const u of users.data?.items ?? []) options.set(u.id, `${u.displayName} (${u.username})`);
  const [form] = Form.useForm<FormValues>();
  const pickedUnit = Form.useWatch('unitId', form);
  const initial: FormValues = {
    name: crew?.name ?? '',
    memberIds: crew?.members.map((m) => m.id) ?? [],
    leaderId: crew?.leader?.id ?? null,
    phone: crew?.phone ?? undefined,
    vehicle: crew?.vehicle ?? undefined,
    area: crew?.area.map(areaKey) ?? [],
    shift: [dayjs(crew?.shiftStart ?? '08:00', 'HH:mm'), dayjs(crew?.shiftEnd ?? '18:00', 'HH:mm')],
    active: crew?.active ?? true,
  };
  const submit = (v: FormValues) => {
    const common = {
      name: v.name,
      memberIds: v.memberIds,
      leaderId: v.leaderId ?? null,
      phone: v.phone || null,
      vehicle: v.vehicle || null,
      ...areaIds(v.area),
      shiftStart: v.shift[0].format('HH:mm'),
      shiftEnd: v.shift[1].format('HH:mm'),
    };
    save.mutate(
      crew
        ? { id: crew.id, body: { ...common, version: crew.version, active: v.active } }
        : { id: null, body: { ...common, unitId: v.unitId! } },
      {
        onSuccess: () => {
          void message.success(t('repair.saved'));
          onClose();
        },
        onError: notifyError,
      },
    );
  };
  return (
    <Drawer
      open
      width={480}
      title={crew ? t('repair.editCrew') : t('repair.newCrew')}
      onClose={onClose}
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
          {t('repair.crewView.submit')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        {!crew && (
          <Form.Item name="unitId" label={t('repair.unit')} rules={[{ required: true }]}>
            <UnitPicker testId="crew-unit" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('repair.crew')} rules={[{ required: true, max: 60 }]}>
          <Input data-testid="crew-name" />
        </Form.Item>
        <Form.Item name="memberIds" label={t('repair.members')}>
          <Select
            mode="multiple"
            options={[...options].map(([value, label]) => ({ value, label }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="leaderId" label={t('repair.leader')}>
          <Select allowClear options={[...options].map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="phone" label={t('repair.phone')}>
          <Input />
        </Form.Item>
        <Form.Item name="vehicle" label={t('repair.vehicle')}>
          <Input />
        </Form.Item>
        <Form.Item name="shift" label={t('repair.shift')}>
          <TimePicker.RangePicker format="HH:mm" order={false} />
        </Form.Item>
        <Form.Item name="area" label={t('repair.area')}>
          <AreaPicker unitId={crew?.unit.id ?? pickedUnit} known={crew?.area ?? []} />
        </Form.Item>
        {crew && (
          <Form.Item name="active" label={t('repair.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}

/** The crew register (抢修队伍): dispatchers and administrators keep it. */
export function CrewsPage() {
  const { t } = useI18n();
  const crews = useCrews();
  const [editing, setEditing] = useState<Crew | null | 'new'>(null);
  return (
    <Card
      title={t('repair.crews')}
      extra={
        <Button type="primary" onClick={() => setEditing('new')} data-testid="crew-new">
          {t('repair.newCrew')}
        </Button>
      }
    >
      <Table<Crew>
        rowKey="id"
        loading={crews.isLoading}
        dataSource={crews.data?.items ?? []}
        pagination={false}
        onRow={(c) => ({ onClick: () => setEditing(c), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('repair.crew'), dataIndex: 'name' },
          { title: t('repair.unit'), render: (_, c) => c.unit.name },
          { title: t('repair.state'), render: (_, c) => <CrewStateTag state={c.state} /> },
          { title: t('repair.leader'), render: (_, c) => c.leader?.name },
          { title: t('repair.members'), render: (_, c) => c.members.map((m) => m.name).join('、') },
          {
            title: t('repair.area'),
            render: (_, c) => c.area.map((a) => <Tag key={a.id}>{a.name}</Tag>),
          },
          { title: t('repair.shift'), render: (_, c) => `${c.shiftStart}–${c.shiftEnd}` },
          { title: t('repair.vehicle'), dataIndex: 'vehicle' },
          {
            title: t('repair.active'),
            render: (_, c) => (c.active ? '✓' : '—'),
          },
        ]}
      />
      {editing && (
        <CrewDrawer crew={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
