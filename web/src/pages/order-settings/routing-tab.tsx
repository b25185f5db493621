import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import {
  useRoutingRuleCommand,
  useRoutingRules,
  useTaxonomy,
  type RoutingRuleData,
} from '../../api/order-settings.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { typeName } from './labels.ts';
import { FeederName } from './pickers.tsx';
import { RoutingRuleModal, type RoutingRuleTarget } from './routing-rule-modal.tsx';

/**
 * 派单规则: which unit an order goes to. Orders located in a rule's unit (or below it) of the
 * rule's type go to its target; the most specific place wins, then subtype over type over any,
 * then the lower priority number.
 */
export function RoutingTab() {
  const { t, pick } = useI18n();
  const rules = useRoutingRules();
  const taxonomy = useTaxonomy().data?.taxonomy;
  const command = useRoutingRuleCommand();
  const notifyError = useNotifyError();
  const [showInactive, setShowInactive] = useState(false);
  const [target, setTarget] = useState<RoutingRuleTarget | null>(null);

  const toggle = (r: RoutingRuleData) =>
    command.mutate(
      { kind: 'update', id: r.id, input: { version: r.version, active: !r.active } },
      { onError: notifyError },
    );

  const columns: ColumnsType<RoutingRuleData> = [
    { title: t('orderSettings.routing.unit'), key: 'unit', render: (_, r) => r.unit.name },
    {
      title: t('orderSettings.rule.type'),
      key: 'type',
      render: (_, r) =>
        typeName(taxonomy, r.typeCode, r.subtypeCode, pick) ?? (
          <Typography.Text type="secondary">{t('orderSettings.anyType')}</Typography.Text>
        ),
    },
    {
      title: t('orderSettings.routing.feeder'),
      key: 'feeder',
      render: (_, r) =>
        r.feederId ? (
          <FeederName id={r.feederId} />
        ) : (
          <Typography.Text type="secondary">{t('orderSettings.routing.anyFeeder')}</Typography.Text>
        ),
    },
    {
      title: t('orderSettings.routing.target'),
      key: 'target',
      render: (_, r) => <Typography.Text strong>{r.targetUnit.name}</Typography.Text>,
    },
    {
      title: t('orderSettings.rule.priority'),
      dataIndex: 'priority',
      width: 80,
      align: 'right',
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 80,
      render: (active: boolean) =>
        active ? (
          <Tag color="green">{t('orderSettings.rule.on')}</Tag>
        ) : (
          <Tag>{t('orderSettings.rule.off')}</Tag>
        ),
    },
    {
      title: t('orderSettings.rule.note'),
      dataIndex: 'note',
      render: (n: string | null) => n ?? '',
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setTarget({ mode: 'edit', rule: r })}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={
              r.active ? t('orderSettings.rule.confirmOff') : t('orderSettings.rule.confirmOn')
            }
            onConfirm={() => toggle(r)}
          >
            <Button type="link" size="small" danger={r.active}>
              {r.active ? t('orderSettings.rule.turnOff') : t('orderSettings.rule.turnOn')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const items = (rules.data?.items ?? []).filter((r) => showInactive || r.active);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Alert type="info" showIcon message={t('orderSettings.routing.explain')} />
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Space size={6}>
          <Switch size="small" checked={showInactive} onChange={setShowInactive} />
          <span>{t('orderSettings.rule.showInactive')}</span>
        </Space>
        <Button icon={<ReloadOutlined />} onClick={() => void rules.refetch()} />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setTarget({ mode: 'create' })}
          data-testid="routing-create"
        >
          {t('orderSettings.routing.create')}
        </Button>
      </Space>
      {rules.isError && <Alert type="error" showIcon message={rules.error.message} />}
      <Table<RoutingRuleData>
        rowKey="id"
        size="middle"
        loading={rules.isPending}
        columns={columns}
        dataSource={items}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        data-testid="routing-table"
      />
      <RoutingRuleModal target={target} taxonomy={taxonomy} onClose={() => setTarget(null)} />
    </Space>
  );
}
