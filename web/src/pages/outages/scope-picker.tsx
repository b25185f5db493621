import { useQueryClient } from '@tanstack/react-query';
import { Space, TreeSelect, Typography } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { GridNode } from '../../../../common/schemas/grid.ts';
import { gridNodeQuery, useSubstations } from '../../api/grid.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { nodeKey, parseNodeKey } from '../network/grid-node-ref.ts';

interface Option {
  value: string;
  title: ReactNode;
  label: string;
  isLeaf: boolean;
  selectable: boolean;
  children?: Option[];
}

function NodeLine({ node }: { node: GridNode }) {
  const { t } = useI18n();
  return (
    <Space
      size={6}
      style={{ whiteSpace: 'nowrap' }}
      data-testid="scope-node"
      data-kind={node.kind}
      data-code={node.code}
      data-customers={node.customers}
    >
      <span>
        {node.name}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          ({node.code})
        </Typography.Text>
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('network.customerCount', { n: node.customers })}
      </Typography.Text>
    </Space>
  );
}

function toOption(node: GridNode, loaded: Record<string, GridNode[]>): Option {
  const key = nodeKey(node);
  return {
    value: key,
    title: <NodeLine node={node} />,
    label: `${node.name} (${node.code})`,
    isLeaf: node.kind === 'transformer' || node.children === 0,
    // Substations are only the way down: an outage's scope is feeders and transformers.
    selectable: node.kind !== 'substation',
    children: loaded[key]?.map((c) => toOption(c, loaded)),
  };
}

/** The feeders and transformers an outage covers, as `feeder:<id>` / `transformer:<id>` keys. */
export function ScopePicker(props: { value?: string[]; onChange?: (keys: string[]) => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const substations = useSubstations({});
  const [loaded, setLoaded] = useState<Record<string, GridNode[]>>({});

  const loadData = useCallback(
    async (node: { value?: string | number }) => {
      const ref = parseNodeKey(String(node.value));
      if (!ref) return;
      const detail = await qc.fetchQuery(gridNodeQuery(ref.kind, ref.id));
      setLoaded((l) => ({ ...l, [nodeKey(ref)]: detail.children }));
    },
    [qc],
  );
  const treeData = useMemo(
    () => (substations.data?.items ?? []).map((n) => toOption(n, loaded)),
    [substations.data, loaded],
  );

  return (
    <TreeSelect<string[]>
      multiple
      value={props.value ?? []}
      onChange={(keys) => props.onChange?.(keys)}
      treeData={treeData}
      loadData={loadData}
      loading={substations.isPending}
      treeNodeLabelProp="label"
      showSearch
      filterTreeNode={(input, node) =>
        String((node as unknown as Option).label)
          .toLowerCase()
          .includes(input.toLowerCase())
      }
      placeholder={t('outages.create.scopeHint')}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      data-testid="outage-scope"
    />
  );
}

/** The API's scope lists from the picker's keys and the pasted addresses. */
export function scopeInput(keys: readonly string[], addresses: string | undefined) {
  const feeders: string[] = [];
  const transformers: string[] = [];
  for (const key of keys) {
    const ref = parseNodeKey(key);
    if (ref?.kind === 'feeder') feeders.push(ref.id);
    if (ref?.kind === 'transformer') transformers.push(ref.id);
  }
  const lines = (addresses ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return { feeders, transformers, addresses: [...new Set(lines)] };
}
