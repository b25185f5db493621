/**
 * 话务设置 (administrators): PBX tokens (the secret shown once), blocked callers, skills, queue →
 * skill mapping and the after-call-work limit, each for a unit of the administrator's tree.
 */
import {
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type {
  AgentView,
  BlockedNumber,
  CreatedIntegration,
  Integration,
  Queue,
  Skill,
} from '../../../../common/schemas/contact.ts';
import {
  useAgents,
  useBlocked,
  useContactSettings,
  useContactWrite,
  useIntegrations,
  useQueues,
  useSkills,
} from '../../api/contact.ts';
import { useUnits } from '../../api/org.ts';
import { SecretModal } from '../../components/secret-modal.tsx';
import { useSession } from '../../components/session-context.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { buildTree, treeOptions } from '../units/unit-tree.ts';

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

function UnitPicker(props: { value?: string; onChange?: (v: string) => void }) {
  const units = useUnits();
  const tree = useMemo(
    () => treeOptions(buildTree(units.data?.items ?? []), () => true),
    [units.data],
  );
  return (
    <TreeSelect
      showSearch
      treeNodeFilterProp="title"
      style={{ width: 240 }}
      treeData={tree}
      value={props.value}
      onChange={props.onChange}
    />
  );
}

function IntegrationsTab() {
  const { t } = useI18n();
  const me = useSession();
  const list = useIntegrations();
  const write = useContactWrite<CreatedIntegration>();
  const notifyError = useNotifyError();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <>
      <Form
        layout="inline"
        initialValues={{ unitId: me.unit.id }}
        style={{ marginBottom: 16 }}
        onFinish={(v: { name: string; unitId: string }) =>
          write.mutate(
            { method: 'POST', path: '/api/contact/integrations', body: v },
            {
              onSuccess: (r) => setSecret(`${window.location.origin}${r.path}`),
              onError: notifyError,
            },
          )
        }
      >
        <Form.Item name="name" rules={[{ required: true }]}>
          <Input placeholder={t('contact.settings.name')} data-testid="integration-name" />
        </Form.Item>
        <Form.Item name="unitId" rules={[{ required: true }]}>
          <UnitPicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={write.isPending}>
          {t('contact.settings.newIntegration')}
        </Button>
      </Form>
      <Table<Integration>
        rowKey="id"
        size="small"
        data-testid="integrations-table"
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('contact.settings.name'), dataIndex: 'name', key: 'name' },
          {
            title: t('contact.settings.unit'),
            key: 'unit',
            render: (i: Integration) => i.unit.name,
          },
          { title: t('contact.settings.prefix'), dataIndex: 'prefix', key: 'prefix' },
          {
            title: t('contact.settings.lastUsed'),
            key: 'used',
            render: (i: Integration) => when(i.lastUsedAt),
          },
          {
            key: 'revoke',
            render: (i: Integration) =>
              i.revokedAt ? (
                <Tag>{t('contact.settings.revoked')}</Tag>
              ) : (
                <Popconfirm
                  title={t('contact.settings.revokeConfirm')}
                  onConfirm={() =>
                    write.mutate(
                      { method: 'DELETE', path: `/api/contact/integrations/${i.id}` },
                      { onError: notifyError },
                    )
                  }
                >
                  <Button size="small" danger>
                    {t('contact.settings.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <SecretModal
        title={t('contact.settings.secretTitle')}
        label={t('contact.settings.secretLabel')}
        secret={secret}
        onClose={() => setSecret(null)}
      />
    </>
  );
}

function BlockedTab() {
  const { t } = useI18n();
  const me = useSession();
  const list = useBlocked();
  const write = useContactWrite();
  const notifyError = useNotifyError();
  const [form] = Form.useForm();
  return (
    <>
      <Form
        form={form}
        layout="inline"
        initialValues={{ unitId: me.unit.id, note: '' }}
        style={{ marginBottom: 16 }}
        onFinish={(v: { number: string; note: string; unitId: string }) =>
          write.mutate(
            { method: 'POST', path: '/api/contact/blocked', body: v },
            { onSuccess: () => form.resetFields(['number', 'note']), onError: notifyError },
          )
        }
      >
        <Form.Item name="number" rules={[{ required: true }]}>
          <Input placeholder={t('contact.settings.number')} data-testid="blocked-number" />
        </Form.Item>
        <Form.Item name="note">
          <Input placeholder={t('contact.settings.note')} />
        </Form.Item>
        <Form.Item name="unitId" rules={[{ required: true }]}>
          <UnitPicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={write.isPending}>
          {t('contact.settings.block')}
        </Button>
      </Form>
      <Table<BlockedNumber>
        rowKey="id"
        size="small"
        data-testid="blocked-table"
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('contact.settings.number'), dataIndex: 'number', key: 'number' },
          { title: t('contact.settings.note'), dataIndex: 'note', key: 'note' },
          {
            title: t('contact.settings.unit'),
            key: 'unit',
            render: (b: BlockedNumber) => b.unit.name,
          },
          { title: t('contact.settings.createdBy'), dataIndex: 'createdBy', key: 'by' },
          {
            title: t('contact.settings.createdAt'),
            key: 'at',
            render: (b: BlockedNumber) => when(b.createdAt),
          },
          {
            key: 'unblock',
            render: (b: BlockedNumber) => (
              <Button
                size="small"
                onClick={() =>
                  write.mutate(
                    { method: 'DELETE', path: `/api/contact/blocked/${b.id}` },
                    { onError: notifyError },
                  )
                }
              >
                {t('contact.settings.unblock')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}

function SkillsTab() {
  const { t } = useI18n();
  const me = useSession();
  const list = useSkills();
  const write = useContactWrite();
  const notifyError = useNotifyError();
  const [form] = Form.useForm();
  return (
    <>
      <Form
        form={form}
        layout="inline"
        initialValues={{ unitId: me.unit.id }}
        style={{ marginBottom: 16 }}
        onFinish={(v: { code: string; name: string; unitId: string }) =>
          write.mutate(
            { method: 'POST', path: '/api/contact/skills', body: v },
            { onSuccess: () => form.resetFields(['code', 'name']), onError: notifyError },
          )
        }
      >
        <Form.Item name="code" rules={[{ required: true, pattern: /^[a-z][a-z0-9_-]{0,31}$/ }]}>
          <Input placeholder={t('contact.settings.code')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true }]}>
          <Input placeholder={t('contact.settings.name')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="unitId" rules={[{ required: true }]}>
          <UnitPicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={write.isPending}>
          {t('contact.settings.newSkill')}
        </Button>
      </Form>
      <Table<Skill>
        rowKey="id"
        size="small"
        data-testid="skills-table"
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('contact.settings.code'), dataIndex: 'code', key: 'code' },
          { title: t('contact.settings.name'), dataIndex: 'name', key: 'name' },
          { title: t('contact.settings.unit'), key: 'unit', render: (s: Skill) => s.unit.name },
          { title: t('contact.settings.agents'), dataIndex: 'agents', key: 'agents' },
          {
            title: t('contact.settings.active'),
            key: 'active',
            render: (s: Skill) => (
              <Switch
                size="small"
                checked={s.active}
                onChange={(active) =>
                  write.mutate(
                    { method: 'PATCH', path: `/api/contact/skills/${s.id}`, body: { active } },
                    { onError: notifyError },
                  )
                }
              />
            ),
          },
        ]}
      />
    </>
  );
}

function QueuesTab() {
  const { t } = useI18n();
  const me = useSession();
  const list = useQueues();
  const skills = useSkills();
  const write = useContactWrite();
  const notifyError = useNotifyError();
  const [form] = Form.useForm();
  const skillOptions = [
    { value: '', label: t('contact.settings.noSkill') },
    ...(skills.data?.items ?? [])
      .filter((s) => s.active)
      .map((s) => ({ value: s.id, label: `${s.name} (${s.code})` })),
  ];
  return (
    <>
      <Form
        form={form}
        layout="inline"
        initialValues={{ unitId: me.unit.id, skillId: '' }}
        style={{ marginBottom: 16 }}
        onFinish={(v: { name: string; skillId: string; unitId: string }) =>
          write.mutate(
            {
              method: 'POST',
              path: '/api/contact/queues',
              body: { ...v, skillId: v.skillId || null },
            },
            { onSuccess: () => form.resetFields(['name']), onError: notifyError },
          )
        }
      >
        <Form.Item name="name" rules={[{ required: true }]}>
          <Input placeholder={t('contact.settings.queue')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="skillId">
          <Select style={{ width: 160 }} options={skillOptions} />
        </Form.Item>
        <Form.Item name="unitId" rules={[{ required: true }]}>
          <UnitPicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={write.isPending}>
          {t('contact.settings.newQueue')}
        </Button>
      </Form>
      <Table<Queue>
        rowKey="id"
        size="small"
        data-testid="queues-table"
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('contact.settings.queue'), dataIndex: 'name', key: 'name' },
          {
            title: t('contact.settings.skill'),
            key: 'skill',
            render: (q: Queue) => (
              <Select
                size="small"
                style={{ width: 160 }}
                value={q.skill?.id ?? ''}
                options={skillOptions}
                onChange={(skillId: string) =>
                  write.mutate(
                    {
                      method: 'PATCH',
                      path: `/api/contact/queues/${q.id}`,
                      body: { skillId: skillId || null },
                    },
                    { onError: notifyError },
                  )
                }
              />
            ),
          },
          { title: t('contact.settings.unit'), key: 'unit', render: (q: Queue) => q.unit.name },
          {
            key: 'delete',
            render: (q: Queue) => (
              <Button
                size="small"
                danger
                onClick={() =>
                  write.mutate(
                    { method: 'DELETE', path: `/api/contact/queues/${q.id}` },
                    { onError: notifyError },
                  )
                }
              >
                {t('contact.settings.delete')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}

/** Each agent's extension and skills (levels kept; a new skill starts at level 1). */
function AgentSkillsTab() {
  const { t } = useI18n();
  const agents = useAgents();
  const skills = useSkills();
  const write = useContactWrite();
  const notifyError = useNotifyError();
  const save = (
    a: AgentView,
    body: { extension?: string | null; skills?: { skillId: string; level: number }[] },
  ) =>
    write.mutate(
      { method: 'PUT', path: `/api/contact/agents/${a.id}/profile`, body },
      { onError: notifyError },
    );
  const options = (skills.data?.items ?? [])
    .filter((s) => s.active)
    .map((s) => ({ value: s.id, label: s.name }));
  return (
    <Table<AgentView>
      rowKey="id"
      size="small"
      data-testid="agent-skills-table"
      dataSource={agents.data?.items ?? []}
      pagination={false}
      columns={[
        { title: t('contact.monitor.agent'), dataIndex: 'displayName', key: 'name' },
        { title: t('contact.monitor.unit'), key: 'unit', render: (a: AgentView) => a.unit.name },
        {
          title: t('contact.bar.extension'),
          key: 'extension',
          render: (a: AgentView) => (
            <Input
              size="small"
              style={{ width: 100 }}
              defaultValue={a.extension ?? ''}
              onBlur={(e) => {
                const v = e.target.value.trim();
                if (v !== (a.extension ?? '')) save(a, { extension: v || null });
              }}
            />
          ),
        },
        {
          title: t('contact.monitor.skills'),
          key: 'skills',
          render: (a: AgentView) => (
            <Select
              mode="multiple"
              size="small"
              style={{ minWidth: 260 }}
              value={a.skills.map((s) => s.id)}
              options={options}
              onChange={(ids: string[]) =>
                save(a, {
                  skills: ids.map((id) => ({
                    skillId: id,
                    level: a.skills.find((s) => s.id === id)?.level ?? 1,
                  })),
                })
              }
            />
          ),
        },
      ]}
    />
  );
}

function AcwTab() {
  const { t } = useI18n();
  const me = useSession();
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState(me.unit.id);
  const settings = useContactSettings(unitId);
  const write = useContactWrite();
  const notifyError = useNotifyError();
  const [seconds, setSeconds] = useState<number | null>(null);
  const value = seconds ?? settings.data?.acwMaxSeconds ?? 60;
  return (
    <Space direction="vertical">
      <UnitPicker
        value={unitId}
        onChange={(v) => {
          setUnitId(v);
          setSeconds(null);
        }}
      />
      <Typography.Text>{t('contact.settings.acwMax')}</Typography.Text>
      <Space>
        <InputNumber min={0} max={3600} value={value} onChange={(v) => setSeconds(v)} />
        <Button
          type="primary"
          loading={write.isPending}
          onClick={() =>
            write.mutate(
              {
                method: 'PUT',
                path: '/api/contact/settings',
                body: { unitId, acwMaxSeconds: value },
              },
              {
                onSuccess: () => void message.success(t('contact.settings.saved')),
                onError: notifyError,
              },
            )
          }
        >
          {t('contact.settings.save')}
        </Button>
      </Space>
    </Space>
  );
}

export function ContactSettingsPage() {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Title level={3}>{t('contact.settings.title')}</Typography.Title>
      <Tabs
        items={[
          {
            key: 'integrations',
            label: t('contact.settings.integrations'),
            children: <IntegrationsTab />,
          },
          { key: 'blocked', label: t('contact.settings.blocked'), children: <BlockedTab /> },
          { key: 'skills', label: t('contact.settings.skills'), children: <SkillsTab /> },
          { key: 'queues', label: t('contact.settings.queues'), children: <QueuesTab /> },
          { key: 'agents', label: t('contact.settings.agentSkills'), children: <AgentSkillsTab /> },
          { key: 'acw', label: t('contact.settings.acw'), children: <AcwTab /> },
        ]}
      />
    </div>
  );
}
