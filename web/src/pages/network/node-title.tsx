import { Badge, Space, Tooltip, Typography } from 'antd';
import type { GridNode } from '../../../../common/schemas/grid.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * A tree entry: `name (code)`, the customers supplied through the node, and a red badge with
 * the important ones (重要客户 need a call-back before planned work, so they must stand out).
 */
export function NodeTitle({ node }: { node: GridNode }) {
  const { t } = useI18n();
  return (
    <Space
      size={6}
      wrap={false}
      style={{ whiteSpace: 'nowrap' }}
      data-testid="grid-tree-node"
      data-kind={node.kind}
      data-code={node.code}
    >
      <span>
        {node.name}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          ({node.code})
        </Typography.Text>
      </span>
      <Tooltip title={t('network.customersTip')}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="grid-tree-count">
          {t('network.customerCount', { n: node.customers })}
        </Typography.Text>
      </Tooltip>
      {node.importantCustomers > 0 && (
        <Tooltip title={t('network.importantTip')}>
          <Badge
            count={node.importantCustomers}
            overflowCount={999}
            size="small"
            data-testid="grid-tree-important"
          />
        </Tooltip>
      )}
    </Space>
  );
}
