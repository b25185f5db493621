import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { SLA_STEP_LABELS } from '../../../../common/orders/sla.ts';
import {
  useSlaRuleCommand,
  useSlaRules,
  useTaxonomy,
  type SlaRuleData,
} from '../../api/order-settings.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { limitText, typeName, whenText } from './labels.ts';
import { SlaRuleModal, type SlaRuleTarget } from './sla-rule-modal.tsx';

/**
 * 时限规则: the limits a unit commits to for a (sub)type, over the taxonomy's defaults. With
 * "derive steps" a unit sets only the total and the step limits are derived backwards (倒推).
 */
export function SlaTab() {
  const { t, pick, lang } = useI18n();
  const rules = useSlaRules();
  const taxonomy = useTaxonomy().data?.taxonomy;
  const command = useSlaRuleCommand();
  const notifyError = useNotifyError();
  const [showInactive, setShowInactive] = useState(false);
  const [target, setTarget] = useState<SlaRuleTarget | null>(null);

  const toggle = (r: SlaRuleData) =>
    command.mutate(
      { kind: 'update', id: r.id, input: { version: r.version, active: !r.active } },
      { onError: notifyError },
    );

  const columns: ColumnsType<SlaRuleData> = [
    { title: t('orderSettings.sla.unit'), key: 'unit', render: (_, r) => r.unit.name },
    {
      title: t('orderSettings.rule.type'),
      key: 'type',
      render: (_, r) => typeName(taxonomy, r.typeCode, r.subtypeCode, pick),
    },
    {
      title: t('orderSettings.sla.clauses'),
      key: 'clauses',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          {r.clauses.map((c, i) => {
            const when = whenText(c.when, pick);
            return (
              <span key={i}>
                {t('orderSettings.sla.clauseLine', {
                  step: pick(SLA_STEP_LABELS[c.step]),
                  limit: limitText(c.limit, lang),
                })}
                {when && (
                  <Typography.Text type="secondary">
                    {t('orderSettings.sla.clauseWhen', { when })}
                  </Typography.Text>
                )}
              </span>
            );
          })}
        </Space>
      ),
    },
    {
      title: t('orderSettings.sla.derive'),
      dataIndex: 'deriveSteps',
      width: 110,
      render: (derive: boolean) =>
        derive ? <Tag color="blue">{t('orderSettings.sla.derived')}</Tag> : '—',
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
      <Alert type="info" showIcon message={t('orderSettings.sla.explain')} />
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
          data-testid="sla-create"
        >
          {t('orderSettings.sla.create')}
        </Button>
      </Space>
      {rules.isError && <Alert type="error" showIcon message={rules.error.message} />}
      <Table<SlaRuleData>
        rowKey="id"
        size="middle"
        loading={rules.isPending}
        columns={columns}
        dataSource={items}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        data-testid="sla-table"
      />
      <SlaRuleModal target={target} taxonomy={taxonomy} onClose={() => setTarget(null)} />
    </Space>
  );
}
