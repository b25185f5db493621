import { useQueryClient } from '@tanstack/react-query';
import { Cascader, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import type { Taxonomy } from '../../../../common/orders/taxonomy.ts';
import type { GridNode } from '../../../../common/schemas/grid.ts';
import { gridNodeQuery, useGridNode, useSubstations } from '../../api/grid.ts';
import { useUnits } from '../../api/org.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { buildTree, treeOptions } from '../units/unit-tree.ts';
import { typeOptions } from './labels.ts';

interface Control<T> {
  value?: T;
  onChange?: (value: T) => void;
  disabled?: boolean;
}

/** A unit of the caller's scope (active ones only), from the org tree. */
export function UnitPicker(props: Control<string> & { testId?: string }) {
  const units = useUnits();
  const tree = useMemo(
    () => treeOptions(buildTree(units.data?.items ?? []), (u) => u.active),
    [units.data],
  );
  return (
    <TreeSelect
      value={props.value}
      onChange={props.onChange}
      disabled={props.disabled}
      treeData={tree}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={tree.map((n) => n.value)}
      loading={units.isPending}
      data-testid={props.testId}
    />
  );
}

/** A type, or a type and one of its subtypes; clearing it (where allowed) means any type. */
export function TypePicker(
  props: Control<string[] | undefined> & { taxonomy: Taxonomy | undefined; allowClear?: boolean },
) {
  const { t, pick } = useI18n();
  return (
    <Cascader
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      disabled={props.disabled}
      options={typeOptions(props.taxonomy, pick)}
      changeOnSelect
      allowClear={props.allowClear}
      placeholder={props.allowClear ? t('orderSettings.anyType') : undefined}
      data-testid="rule-type"
    />
  );
}

const feederLabel = (n: Pick<GridNode, 'code' | 'name'>) => `${n.name}（${n.code}）`;

/**
 * A feeder (线路), found under the substations serving the unit; substations open on demand,
 * as on the network page.
 */
export function FeederPicker(props: Control<string | null> & { unitId?: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const substations = useSubstations({ unitId: props.unitId });
  const [feeders, setFeeders] = useState<Record<string, GridNode[]>>({});
  const treeData = (substations.data?.items ?? []).map((s) => ({
    value: `substation:${s.id}`,
    title: feederLabel(s),
    selectable: false,
    isLeaf: s.children === 0,
    children: feeders[s.id]?.map((f) => ({ value: f.id, title: feederLabel(f), isLeaf: true })),
  }));
  return (
    <TreeSelect
      value={props.value ?? undefined}
      onChange={(v?: string) => props.onChange?.(v ?? null)}
      disabled={props.disabled}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      placeholder={t('orderSettings.routing.anyFeeder')}
      treeData={treeData}
      loading={substations.isPending}
      loadData={async ({ value }) => {
        const id = String(value).replace(/^substation:/, '');
        const detail = await qc.fetchQuery(gridNodeQuery('substation', id));
        setFeeders((f) => ({ ...f, [id]: detail.children }));
      }}
    />
  );
}

/** A feeder's name and code, looked up by id (rules carry only the id). */
export function FeederName({ id }: { id: string }) {
  const feeder = useGridNode('feeder', id);
  return <>{feeder.data ? feederLabel(feeder.data.node) : '…'}</>;
}
