import { Alert, Badge, Card, Select, Space, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import {
  PREDICTION_STATES,
  PREDICTION_STATE_LABELS,
  type PredictionState,
} from '../../../../common/schemas/outage-predictions.ts';
import { useLivePredictions, usePredictionList } from '../../api/outage-predictions.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PredictionSettings } from './predictions-settings.tsx';
import { PredictionsTable, type PageState } from './predictions-table.tsx';

/**
 * 故障研判: the predicted faults of the user's area, proposed ones first and kept live from the
 * server's pushed events, with confirm and reject; and the analysis' thresholds.
 */
export function PredictionsPage() {
  const { t, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'settings' ? 'settings' : 'list';
  const stateParam = params.get('state');
  // Proposed by default: what waits for the dispatcher; 'all' shows every state.
  const state: PredictionState | undefined =
    stateParam === 'all'
      ? undefined
      : (PREDICTION_STATES.find((s) => s === stateParam) ?? 'proposed');
  const page: PageState = {
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
  };
  const list = usePredictionList({ state, ...page });
  useLivePredictions();
  const setState = (s: string) => setParams(s === 'proposed' ? {} : { state: s });

  return (
    <Card
      title={
        <Space>
          {t('menu.outagePredictions')}
          <Badge status="processing" text={t('predictions.live')} />
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'list' ? {} : { tab: k })}
        items={[
          {
            key: 'list',
            label: t('predictions.tab.list'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Select
                  value={state ?? 'all'}
                  style={{ width: 200 }}
                  onChange={setState}
                  data-testid="prediction-state-filter"
                  options={[
                    ...PREDICTION_STATES.map((s) => ({
                      value: s,
                      label: pick(PREDICTION_STATE_LABELS[s]),
                    })),
                    { value: 'all', label: t('predictions.filter.all') },
                  ]}
                />
                {list.isError && <Alert type="error" showIcon message={list.error.message} />}
                <PredictionsTable
                  data={list.data}
                  loading={list.isFetching && !list.data}
                  state={page}
                  onChange={(s) =>
                    setParams({
                      ...(stateParam ? { state: stateParam } : {}),
                      ...(s.page > 1 ? { page: String(s.page) } : {}),
                      ...(s.pageSize !== 20 ? { pageSize: String(s.pageSize) } : {}),
                    })
                  }
                />
              </Space>
            ),
          },
          {
            key: 'settings',
            label: (
              <span data-testid="prediction-tab-settings">{t('predictions.tab.settings')}</span>
            ),
            children: tab === 'settings' && <PredictionSettings />,
          },
        ]}
      />
    </Card>
  );
}
