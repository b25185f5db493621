import { Alert, Breadcrumb, Card, Descriptions, Flex, Skeleton, Space, Statistic } from 'antd';
import type { GridNodeDetail } from '../../../../common/schemas/grid.ts';
import { useGridNode } from '../../api/grid.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AreaTag, kindLabel, ratingText } from './grid-labels.tsx';
import type { NodeRef } from './grid-node-ref.ts';
import { NodeChildren } from './node-children.tsx';
import { NodeCustomers } from './node-customers.tsx';

function coordinates(lat: number | null, lng: number | null): string {
  return lat === null || lng === null ? '—' : `${lat.toFixed(5)}, ${lng.toFixed(5)}`;
}

/** Where the node sits (substation › feeder › …), each step a link that selects it. */
function NodePath(props: { detail: GridNodeDetail; onSelect: (ref: NodeRef) => void }) {
  const { node, ancestors } = props.detail;
  return (
    <Breadcrumb
      data-testid="network-breadcrumb"
      items={[
        ...ancestors.map((a) => ({
          key: a.id,
          title: (
            <a onClick={() => props.onSelect(a)}>
              {a.name} ({a.code})
            </a>
          ),
        })),
        { key: node.id, title: `${node.name} (${node.code})` },
      ]}
    />
  );
}

/** The selected node: what it is, where it sits, what it supplies. */
export function NodePanel(props: { selected: NodeRef; onSelect: (ref: NodeRef) => void }) {
  const { t } = useI18n();
  const { kind, id } = props.selected;
  const detail = useGridNode(kind, id);

  if (detail.isError) return <Alert type="error" showIcon message={detail.error.message} />;
  if (!detail.data) return <Skeleton active />;
  const { node } = detail.data;
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={
          <Space>
            <span>{kindLabel(t, node.kind)}</span>
            <span data-testid="network-node-name">{node.name}</span>
            <AreaTag value={node.areaClass} />
          </Space>
        }
        data-testid="network-node"
        data-kind={node.kind}
      >
        <NodePath detail={detail.data} onSelect={props.onSelect} />
        <Space size={48} style={{ margin: '12px 0' }}>
          <Statistic
            title={t('network.customers')}
            value={node.customers}
            data-testid="network-node-customers"
          />
          <Statistic
            title={t('network.importantCustomers')}
            value={node.importantCustomers}
            valueStyle={node.importantCustomers > 0 ? { color: '#cf1322' } : undefined}
            data-testid="network-node-important"
          />
          {node.kind !== 'transformer' && (
            <Statistic title={t('network.childCount')} value={node.children} />
          )}
        </Space>
        {/* antd merges its own defaults (xl: 3) into the map, so every size is named. */}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 3 }}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          bordered
        >
          <Descriptions.Item label={t('network.kind')}>{kindLabel(t, node.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('network.code')}>{node.code}</Descriptions.Item>
          <Descriptions.Item label={t('network.name')}>{node.name}</Descriptions.Item>
          <Descriptions.Item label={t('network.areaClass')}>
            <AreaTag value={node.areaClass} />
          </Descriptions.Item>
          <Descriptions.Item
            label={node.kind === 'transformer' ? t('network.capacity') : t('network.voltage')}
          >
            {ratingText(node)}
          </Descriptions.Item>
          <Descriptions.Item label={t('network.unit')}>{node.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('network.coordinates')}>
            {coordinates(node.lat, node.lng)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {node.kind !== 'transformer' && (
        <NodeChildren parent={node} items={detail.data.children} onSelect={props.onSelect} />
      )}
      <NodeCustomers node={node} />
    </Flex>
  );
}
