import { Tag } from 'antd';
import { AREA_CLASS_LABELS, type AreaClass } from '../../../../common/customers/codes.ts';
import type { GridNode, GridNodeKind } from '../../../../common/schemas/grid.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh.ts';

const KIND_KEYS: Record<GridNodeKind, MessageKey> = {
  substation: 'network.kind.substation',
  feeder: 'network.kind.feeder',
  transformer: 'network.kind.transformer',
};

/** 变电站 / 线路 / 台区. */
export function kindLabel(t: Translate, kind: GridNodeKind): string {
  return t(KIND_KEYS[kind]);
}

// Rural and remote areas have longer repair time limits (DESIGN): the colour makes them stand out.
const AREA_COLOURS: Record<AreaClass, string> = {
  urban: 'blue',
  rural: 'green',
  remote: 'orange',
};

/** 城区 / 农村 / 特殊边远 as a coloured tag. */
export function AreaTag({ value }: { value: AreaClass }) {
  const { pick } = useI18n();
  return <Tag color={AREA_COLOURS[value]}>{pick(AREA_CLASS_LABELS[value])}</Tag>;
}

/** Voltage (kV) for substations and feeders, capacity (kVA) for transformers; a dash if unknown. */
export function ratingText(node: Pick<GridNode, 'voltageKv' | 'capacityKva'>): string {
  const parts: string[] = [];
  if (node.voltageKv !== null) parts.push(`${node.voltageKv} kV`);
  if (node.capacityKva !== null) parts.push(`${node.capacityKva} kVA`);
  return parts.length > 0 ? parts.join(' · ') : '—';
}
