import { useMemo } from 'react';
import { isRole, ROLE_LABELS } from '../../../../common/permissions.ts';
import { UNIT_LEVEL_LABELS, UNIT_LEVELS, type UnitLevel } from '../../../../common/org-levels.ts';
import { EChart, type ChartOption } from '../../components/echart.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

function barOption(
  labels: string[],
  values: number[],
  horizontal: boolean,
  seriesName: string,
): ChartOption {
  const category = { type: 'category' as const, data: labels, axisLabel: { interval: 0 } };
  const value = { type: 'value' as const, minInterval: 1 };
  return {
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: horizontal ? value : { ...category, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: values,
        barMaxWidth: 28,
        itemStyle: { color: '#00706b', borderRadius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
        label: { show: true, position: horizontal ? 'right' : 'top' },
      },
    ],
  };
}

/** Active users per role, with the role names in the UI language. */
export function RoleChart({ rows }: { rows: { role: string; count: number }[] }) {
  const { pick, t } = useI18n();
  const option = useMemo(() => {
    const sorted = [...rows].sort((a, b) => b.count - a.count);
    const labels = sorted.map((r) => (isRole(r.role) ? pick(ROLE_LABELS[r.role]) : r.role));
    return barOption(
      labels,
      sorted.map((r) => r.count),
      true,
      t('dashboard.activeUsersSeries'),
    );
  }, [rows, pick, t]);
  return <EChart option={option} height={Math.max(240, rows.length * 34 + 40)} />;
}

/** Units per level of the tree, in tree order (national first). */
export function LevelChart({ rows }: { rows: { level: string; count: number }[] }) {
  const { pick, t } = useI18n();
  const option = useMemo(() => {
    const order = (l: string) => UNIT_LEVELS.indexOf(l as UnitLevel);
    const sorted = [...rows].sort((a, b) => order(a.level) - order(b.level));
    const labels = sorted.map((r) =>
      r.level in UNIT_LEVEL_LABELS ? pick(UNIT_LEVEL_LABELS[r.level as UnitLevel]) : r.level,
    );
    return barOption(
      labels,
      sorted.map((r) => r.count),
      false,
      t('dashboard.unitsSeries'),
    );
  }, [rows, pick, t]);
  return <EChart option={option} height={280} />;
}
