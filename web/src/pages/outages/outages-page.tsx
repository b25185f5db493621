import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Tabs } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useLiveOutages, useOutageList, type OutageQuery } from '../../api/outages.ts';
import { useCan } from '../../components/session-context.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MajorEvents } from './major-events.tsx';
import { OutageCalendar } from './outage-calendar.tsx';
import { OutageFilters, type FilterValues } from './outage-filters.tsx';
import { OutageTable, type PageState } from './outage-table.tsx';

const TABS = ['list', 'calendar', 'major-events'] as const;
type Tab = (typeof TABS)[number];
const FILTERS = ['state', 'category', 'live', 'q'] as const;

/** The API query of the list tab, from the URL. */
function listQuery(params: URLSearchParams): OutageQuery {
  const out: OutageQuery = {
    page: params.get('page') ?? '1',
    pageSize: params.get('pageSize') ?? '20',
  };
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) out[k] = v;
  }
  return out;
}

/**
 * 停电信息: the outages of the user's area as a list and a month calendar, and the filed major
 * service events; all kept current from the server's pushed `outage` events.
 */
export function OutagesPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = TABS.find((x) => x === tabParam) ?? 'list';
  const query = listQuery(params);
  const list = useOutageList(query, tab === 'list');
  useLiveOutages();

  const onSearch = (v: FilterValues) => {
    const next: Record<string, string> = {};
    if (v.state) next.state = v.state;
    if (v.category) next.category = v.category;
    if (v.live) next.live = 'true';
    if (v.q?.trim()) next.q = v.q.trim();
    setParams(next);
  };
  const onPage = (s: PageState) =>
    setParams({
      ...Object.fromEntries(FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : []))),
      ...(s.page > 1 ? { page: String(s.page) } : {}),
      ...(s.pageSize !== 20 ? { pageSize: String(s.pageSize) } : {}),
    });

  return (
    <Card
      title={t('menu.outages')}
      extra={
        can('outage.manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/outages/new')}
            data-testid="outage-new"
          >
            {t('outages.new')}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'list' ? {} : { tab: k })}
        items={[
          {
            key: 'list',
            label: t('outages.tab.list'),
            children: (
              <>
                <OutageFilters params={params} onSearch={onSearch} />
                {list.isError && (
                  <Alert
                    type="error"
                    showIcon
                    message={list.error.message}
                    style={{ marginBottom: 16 }}
                  />
                )}
                <OutageTable
                  data={list.data}
                  loading={list.isFetching && !list.data}
                  state={{ page: Number(query.page), pageSize: Number(query.pageSize) }}
                  onChange={onPage}
                />
              </>
            ),
          },
          {
            key: 'calendar',
            label: <span data-testid="outage-tab-calendar">{t('outages.tab.calendar')}</span>,
            children: tab === 'calendar' && <OutageCalendar />,
          },
          {
            key: 'major-events',
            label: (
              <span data-testid="outage-tab-major-events">{t('outages.tab.majorEvents')}</span>
            ),
            children: tab === 'major-events' && <MajorEvents />,
          },
        ]}
      />
    </Card>
  );
}
