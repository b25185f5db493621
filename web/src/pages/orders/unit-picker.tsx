import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useDispatchUnits } from '../../api/orders.ts';
import { useCan } from '../../components/session-context.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { buildTree, treeOptions } from '../units/unit-tree.ts';

/** Picks an active unit of the caller's scope (dispatch, reassign, location of the matter). */
export function UnitPicker(props: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  // The units of the caller's service area (GET /api/orders/units, order.view).
  const allowed = useCan()('order.view');
  const units = useDispatchUnits(allowed);
  const options = useMemo(
    () => treeOptions(buildTree((units.data?.items ?? []).filter((u) => u.active)), () => true),
    [units.data],
  );
  return (
    <TreeSelect
      value={props.value}
      onChange={(v: string | undefined) => props.onChange?.(v)}
      treeData={options}
      loading={allowed && units.isPending}
      disabled={!allowed}
      showSearch
      allowClear
      treeNodeFilterProp="title"
      treeDefaultExpandAll={(units.data?.items.length ?? 0) < 200}
      placeholder={allowed ? (props.placeholder ?? t('orders.pickUnit')) : t('orders.noUnitAccess')}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      data-testid={props.testId}
    />
  );
}
