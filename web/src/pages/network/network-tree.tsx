import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Empty, Input, Space, Spin, Tree, TreeSelect } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useCallback, useEffect, useMemo, useState, type Key } from 'react';
import type { GridNode } from '../../../../common/schemas/grid.ts';
import { gridNodeQuery, useSubstations, type SubstationFilter } from '../../api/grid.ts';
import { useUnits } from '../../api/org.ts';
import { useCan } from '../../components/session-context.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { buildTree, treeOptions } from '../units/unit-tree.ts';
import { nodeKey, parseNodeKey, type NodeRef } from './grid-node-ref.ts';
import { NodeTitle } from './node-title.tsx';

type ChildrenByKey = Record<string, GridNode[]>;

function toDataNode(node: GridNode, loaded: ChildrenByKey): DataNode {
  const key = nodeKey(node);
  const children = loaded[key];
  return {
    key,
    title: <NodeTitle node={node} />,
    isLeaf: node.kind === 'transformer' || node.children === 0,
    children: children?.map((c) => toDataNode(c, loaded)),
  };
}

/**
 * The network as a tree: substations first, feeders and transformers loaded when a node is
 * opened (a province has tens of thousands of transformers). The selected node's ancestors are
 * loaded and opened too, so a deep link or a drill-down from the table shows where it sits.
 */
export function NetworkTree(props: { selected: NodeRef | null; onSelect: (ref: NodeRef) => void }) {
  const { t } = useI18n();
  const can = useCan();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<SubstationFilter>({});
  const substations = useSubstations(filter);
  // The units list needs org.view, which agents lack; they see their whole province anyway.
  const units = useUnits(can('org.view'));
  const unitTree = useMemo(
    () => treeOptions(buildTree(units.data?.items ?? []), () => true),
    [units.data],
  );
  const [loaded, setLoaded] = useState<ChildrenByKey>({});
  const [expanded, setExpanded] = useState<Key[]>([]);
  const { selected } = props;

  const loadChildren = useCallback(
    async (ref: NodeRef): Promise<void> => {
      const detail = await qc.fetchQuery(gridNodeQuery(ref.kind, ref.id));
      setLoaded((l) => ({ ...l, [nodeKey(ref)]: detail.children }));
    },
    [qc],
  );
  const selectedKind = selected?.kind;
  const selectedId = selected?.id;

  // Reveal the selected node: load each ancestor's children and open the ancestors.
  useEffect(() => {
    if (!selectedKind || !selectedId) return;
    let cancelled = false;
    const reveal = async () => {
      const detail = await qc.fetchQuery(gridNodeQuery(selectedKind, selectedId));
      const path = detail.ancestors;
      await Promise.all(path.map((a) => loadChildren(a)));
      if (cancelled) return;
      const keys = path.map(nodeKey);
      setExpanded((e) => [...new Set([...e, ...keys])]);
    };
    // A failure here is shown by the detail panel, which asks for the same node.
    reveal().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [selectedKind, selectedId, qc, loadChildren]);

  const treeData = useMemo(
    () => (substations.data?.items ?? []).map((n) => toDataNode(n, loaded)),
    [substations.data, loaded],
  );

  return (
    <Card size="small" title={t('network.treeTitle')} data-testid="network-tree-card">
      <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
        {can('org.view') && (
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('network.filterUnit')}
            style={{ width: '100%' }}
            treeData={unitTree}
            onChange={(unitId?: string) => setFilter((f) => ({ ...f, unitId }))}
            data-testid="network-unit-filter"
          />
        )}
        <Input.Search
          allowClear
          placeholder={t('network.filterText')}
          onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))}
          data-testid="network-search"
        />
      </Space>
      {substations.isError && <Alert type="error" showIcon message={substations.error.message} />}
      {/* Deep transformer names run long: the tree scrolls sideways rather than wrap each title. */}
      <Spin spinning={substations.isFetching}>
        {treeData.length === 0 && !substations.isPending ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('network.noSubstations')} />
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <Tree
              blockNode
              showLine
              treeData={treeData}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys)}
              selectedKeys={selected ? [nodeKey(selected)] : []}
              onSelect={(_, { node }) => {
                const ref = parseNodeKey(String(node.key));
                if (ref) props.onSelect(ref);
              }}
              loadData={async ({ key }) => {
                const ref = parseNodeKey(String(key));
                if (ref) await loadChildren(ref);
              }}
              className="lx-network-tree"
              data-testid="network-tree"
            />
          </div>
        )}
      </Spin>
    </Card>
  );
}
