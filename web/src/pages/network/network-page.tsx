import { Card, Col, Empty, Row } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.tsx';
import { selectionFromParams, type NodeRef } from './grid-node-ref.ts';
import { NetworkTree } from './network-tree.tsx';
import { NodePanel } from './node-panel.tsx';

/**
 * 供电网络: the substation → feeder → transformer tree on the left, the selected node on the
 * right. The selection lives in the URL (`?kind=transformer&id=…`), so the customer 360° page can
 * link here and the back button walks back up a drill-down.
 */
export function NetworkPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const selected = selectionFromParams(params);
  const select = (ref: NodeRef) => setParams({ kind: ref.kind, id: ref.id });

  return (
    <Row gutter={16} wrap={false} align="top">
      <Col flex="400px" style={{ minWidth: 0 }}>
        <NetworkTree selected={selected} onSelect={select} />
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {selected ? (
          <NodePanel selected={selected} onSelect={select} />
        ) : (
          <Card>
            <Empty description={t('network.pickNode')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
