import { Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { GridNode } from '../../../../common/schemas/grid.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AreaTag, kindLabel, ratingText } from './grid-labels.tsx';
import { childKind, type NodeRef } from './grid-node-ref.ts';

/** The feeders of a substation or the transformers of a feeder; a click on a row drills down. */
export function NodeChildren(props: {
  parent: GridNode;
  items: GridNode[];
  onSelect: (ref: NodeRef) => void;
}) {
  const { t } = useI18n();
  const kind = childKind(props.parent.kind);
  if (!kind) return null;
  const columns: ColumnsType<GridNode> = [
    {
      title: t('network.name'),
      key: 'name',
      render: (_, n) => (
        <a data-testid="network-child-link">
          {n.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            ({n.code})
          </Typography.Text>
        </a>
      ),
    },
    {
      title: t('network.areaClass'),
      dataIndex: 'areaClass',
      width: 100,
      render: (_, n) => <AreaTag value={n.areaClass} />,
    },
    {
      title: kind === 'transformer' ? t('network.capacity') : t('network.voltage'),
      key: 'rating',
      width: 110,
      render: (_, n) => ratingText(n),
    },
    {
      title: t('network.customers'),
      dataIndex: 'customers',
      width: 90,
      align: 'right',
      render: (v: number) => <span data-testid="network-child-customers">{v}</span>,
    },
    {
      title: t('network.importantCustomers'),
      dataIndex: 'importantCustomers',
      width: 100,
      align: 'right',
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
  ];
  if (kind === 'feeder') {
    columns.push({
      title: t('network.childCount'),
      dataIndex: 'children',
      width: 90,
      align: 'right',
    });
  }
  return (
    <Card
      size="small"
      title={t('network.childrenTitle', { kind: kindLabel(t, kind), n: props.items.length })}
    >
      <Table<GridNode>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={props.items}
        // A feeder carries a few dozen transformers at most: one scrolling list, no pages.
        pagination={false}
        scroll={props.items.length > 12 ? { y: 420 } : undefined}
        // GridNode.children is a count, not nested rows: keep the table from reading it as a tree.
        expandable={{ childrenColumnName: 'noNestedRows' }}
        onRow={(n) => ({ onClick: () => props.onSelect(n), style: { cursor: 'pointer' } })}
        data-testid="network-children"
      />
    </Card>
  );
}
