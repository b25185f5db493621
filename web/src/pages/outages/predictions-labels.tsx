import { Space, Tag, Typography } from 'antd';
import {
  PREDICTION_STATE_LABELS,
  type PredictionKind,
  type PredictionState,
  type PredictionSummary,
} from '../../../../common/schemas/outage-predictions.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const STATE_COLORS: Record<PredictionState, string> = {
  proposed: 'orange',
  confirmed: 'red',
  rejected: 'default',
  superseded: 'default',
  expired: 'default',
};

export function PredictionStateTag({ state }: { state: PredictionState }) {
  const { pick } = useI18n();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="prediction-state" data-state={state}>
      {pick(PREDICTION_STATE_LABELS[state])}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: PredictionKind }) {
  const { t } = useI18n();
  return (
    <Tag color={kind === 'feeder' ? 'volcano' : 'gold'} bordered={false}>
      {t(kind === 'feeder' ? 'predictions.kind.feeder' : 'predictions.kind.transformer')}
    </Tag>
  );
}

/** The predicted node with its kind, and its code underneath. */
export function NodeCell({ p }: { p: PredictionSummary }) {
  return (
    <Space direction="vertical" size={0}>
      <span>
        <KindTag kind={p.kind} />
        <span data-testid="prediction-node">{p.node.name}</span>
      </span>
      <Typography.Text type="secondary">{p.node.code}</Typography.Text>
    </Space>
  );
}

/** Where the node sits in the network, without a map: substation › feeder › transformer. */
export function NodePath({ p }: { p: PredictionSummary }) {
  const parts = [p.substation.name, p.feeder.name, p.transformer?.name].filter(Boolean);
  return <span data-testid="prediction-path">{parts.join(' › ')}</span>;
}
