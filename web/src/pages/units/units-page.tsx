import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type Key } from 'react';
import { UNIT_KIND_LABELS, UNIT_LEVEL_LABELS } from '../../../../common/org-levels.ts';
import type { Unit } from '../../../../common/schemas/units.ts';
import { useUnitCommand, useUnits } from '../../api/org.ts';
import { useCan } from '../../components/session-context.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MoveUnitModal } from './move-unit-modal.tsx';
import { UnitFormModal, type UnitFormTarget } from './unit-form-modal.tsx';
import { buildTree, type UnitNode } from './unit-tree.ts';

export function UnitsPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const manage = can('org.manage');
  const units = useUnits();
  const command = useUnitCommand();
  const notifyError = useNotifyError();
  const [showInactive, setShowInactive] = useState(true);
  const [formTarget, setFormTarget] = useState<UnitFormTarget | null>(null);
  const [moving, setMoving] = useState<Unit | null>(null);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);

  const all = useMemo(() => units.data?.items ?? [], [units.data]);
  const visible = useMemo(
    () => (showInactive ? all : all.filter((u) => u.active)),
    [all, showInactive],
  );
  const tree = useMemo(() => buildTree(visible), [visible]);
  // The top of what this user sees (the national root, or a county admin's county) stays put.
  const tops = useMemo(() => new Set(buildTree(all).map((u) => u.id)), [all]);
  // Until the user expands or collapses something, show the top three levels.
  const minDepth = Math.min(...all.map((u) => u.depth));
  const defaultExpanded = useMemo(
    () => all.filter((u) => u.depth < minDepth + 2).map((u) => u.id),
    [all, minDepth],
  );

  const toggleActive = (u: Unit) =>
    command.mutate(
      { kind: u.active ? 'deactivate' : 'activate', id: u.id, version: u.version },
      { onError: notifyError },
    );

  const columns: ColumnsType<UnitNode> = [
    {
      title: t('units.name'),
      dataIndex: 'name',
      // The tree's indent and expand button sit in this cell; wrapping would break the outline.
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (name: string, u) => (
        <Typography.Text type={u.active ? undefined : 'secondary'} delete={!u.active}>
          {name}
        </Typography.Text>
      ),
    },
    { title: t('units.code'), dataIndex: 'code', width: 160 },
    {
      title: t('units.level'),
      dataIndex: 'level',
      width: 140,
      render: (_, u) => pick(UNIT_LEVEL_LABELS[u.level]),
    },
    {
      title: t('units.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (_, u) => pick(UNIT_KIND_LABELS[u.kind]),
    },
    { title: t('units.userCount'), dataIndex: 'userCount', width: 90, align: 'right' },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 90,
      render: (active: boolean) =>
        active ? <Tag color="green">{t('units.active')}</Tag> : <Tag>{t('units.inactive')}</Tag>,
    },
    {
      title: t('common.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', unit: u })}>
            {t('common.edit')}
          </Button>
          {u.active && (
            <Button
              type="link"
              size="small"
              onClick={() => setFormTarget({ mode: 'create', parentId: u.id })}
            >
              {t('units.addChild')}
            </Button>
          )}
          {!tops.has(u.id) && (
            <Button type="link" size="small" onClick={() => setMoving(u)}>
              {t('units.move')}
            </Button>
          )}
          {!tops.has(u.id) && (
            <Popconfirm
              title={
                u.active
                  ? t('units.confirmDeactivate', { name: u.name })
                  : t('units.confirmActivate', { name: u.name })
              }
              onConfirm={() => toggleActive(u)}
            >
              <Button type="link" size="small" danger={u.active}>
                {u.active ? t('units.deactivate') : t('units.activate')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('menu.org')}
      extra={
        <Space>
          <Space size={6}>
            <Switch size="small" checked={showInactive} onChange={setShowInactive} />
            <span>{t('units.showInactive')}</span>
          </Space>
          <Button icon={<ReloadOutlined />} onClick={() => void units.refetch()} />
          {manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setFormTarget({ mode: 'create' })}
            >
              {t('units.create')}
            </Button>
          )}
        </Space>
      }
    >
      {units.isError && (
        <Alert type="error" showIcon message={units.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<UnitNode>
        rowKey="id"
        size="middle"
        loading={units.isPending || command.isPending}
        columns={columns}
        dataSource={tree}
        pagination={false}
        tableLayout="auto"
        className="lx-unit-tree"
        expandable={{
          expandedRowKeys: expanded ?? defaultExpanded,
          onExpandedRowsChange: setExpanded,
        }}
        data-testid="units-table"
      />
      <UnitFormModal target={formTarget} units={all} onClose={() => setFormTarget(null)} />
      <MoveUnitModal unit={moving} units={all} onClose={() => setMoving(null)} />
    </Card>
  );
}
