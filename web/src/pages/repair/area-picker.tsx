import { Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { AreaNode } from '../../../../common/schemas/repair.ts';
import { useAreaNodes } from '../../api/repair.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** A node of the area as the form keeps it: `feeder:<id>` or `transformer:<id>`. */
export const areaKey = (n: Pick<AreaNode, 'kind' | 'id'>) => `${n.kind}:${n.id}`;

/** The API's id lists from the picker's keys. */
export function areaIds(keys: readonly string[]) {
  const feederIds: string[] = [];
  const transformerIds: string[] = [];
  for (const key of keys) {
    const [kind, id] = key.split(':');
    if (kind === 'feeder' && id) feederIds.push(id);
    if (kind === 'transformer' && id) transformerIds.push(id);
  }
  return { feederIds, transformerIds };
}

/**
 * The crew's service area: feeders and transformers found by code or name within the area the
 * crew's unit serves (the server searches; the picker shows what it finds and what is chosen).
 */
export function AreaPicker(props: {
  unitId: string | undefined;
  /** The nodes chosen before, so that their names show without a search. */
  known: readonly AreaNode[];
  value?: string[];
  onChange?: (keys: string[]) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useAreaNodes(q, props.unitId);
  const options = useMemo(() => {
    const byKey = new Map<string, { label: string; kind: AreaNode['kind']; extra: string }>();
    for (const n of props.known)
      byKey.set(areaKey(n), { label: `${n.name} (${n.code})`, kind: n.kind, extra: '' });
    for (const n of found.data?.items ?? []) {
      byKey.set(areaKey(n), {
        label: `${n.name} (${n.code})`,
        kind: n.kind,
        extra: n.feeder ? `${n.feeder} · ${n.unit}` : n.unit,
      });
    }
    return [...byKey].map(([value, o]) => ({
      value,
      label: o.label,
      title: o.extra,
      kind: o.kind,
    }));
  }, [props.known, found.data]);
  return (
    <Select
      mode="multiple"
      value={props.value ?? []}
      onChange={(keys: string[]) => props.onChange?.(keys)}
      showSearch
      filterOption={false}
      onSearch={setQ}
      onBlur={() => setQ('')}
      loading={found.isFetching}
      placeholder={t('repair.idsSearch')}
      options={options}
      optionRender={(o) => (
        <span>
          <Tag color={o.data.kind === 'feeder' ? 'blue' : 'green'} bordered={false}>
            {t(o.data.kind === 'feeder' ? 'repair.areaFeeder' : 'repair.areaTransformer')}
          </Tag>
          {o.data.label} <span style={{ color: '#999', fontSize: 12 }}>{o.data.title}</span>
        </span>
      )}
      data-testid="crew-area"
      style={{ width: '100%' }}
    />
  );
}
