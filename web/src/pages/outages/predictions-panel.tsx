import { Badge, Card, Empty, List, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useLivePredictions, usePredictionList } from '../../api/outage-predictions.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PredictionActions } from './prediction-actions.tsx';
import { NodeCell, NodePath } from './predictions-labels.tsx';

/**
 * The proposed predictions in a compact card with confirm and reject, kept live: for the repair
 * board, where the dispatcher who sends crews decides what the calls add up to.
 */
export function PredictionsPanel({ limit = 10 }: { limit?: number }) {
  const { t } = useI18n();
  const list = usePredictionList({ state: 'proposed', page: 1, pageSize: limit });
  useLivePredictions();
  const items = list.data?.items ?? [];
  return (
    <Card
      size="small"
      data-testid="predictions-panel"
      title={
        <Space>
          {t('predictions.panel.title')}
          <Badge count={list.data?.total ?? 0} />
        </Space>
      }
      extra={<Link to="/outages/predictions">{t('predictions.panel.more')}</Link>}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('predictions.none')} />
      ) : (
        <List
          size="small"
          loading={list.isFetching && !list.data}
          dataSource={items}
          renderItem={(p) => (
            <List.Item
              key={p.id}
              data-testid="prediction-row"
              data-node={p.node.id}
              data-id={p.id}
              actions={[<PredictionActions key="decide" p={p} size="small" />]}
            >
              <Space direction="vertical" size={0}>
                <NodeCell p={p} />
                <Typography.Text type="secondary">
                  <NodePath p={p} />
                </Typography.Text>
                <Typography.Text>
                  {t('predictions.calls')} {p.calls} · {t('predictions.customers')} {p.customers} ·{' '}
                  {t('predictions.firstCall')} {formatDateTime(p.firstCallAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
