import { Alert, Badge, Calendar, Popover, Space, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { OutageState } from '../../../../common/outages/categories.ts';
import type { OutageSummary } from '../../../../common/schemas/outages.ts';
import { useOutageList } from '../../api/outages.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OutageStateTag } from './outage-labels.tsx';
import { outageDays } from './outage-times.ts';

const BADGE: Record<OutageState, 'default' | 'processing' | 'error' | 'success' | 'warning'> = {
  draft: 'default',
  published: 'processing',
  in_progress: 'error',
  restored: 'success',
  postponed: 'warning',
  cancelled: 'default',
};

// A day cell has room for a few lines; the rest are counted and listed in a popover.
const SHOWN_PER_DAY = 3;

/** The window the calendar asks for: the whole grid of the month, in Beijing time. */
function monthWindow(month: Dayjs): { from: string; to: string } {
  const first = month.startOf('month').startOf('week');
  const last = month.endOf('month').endOf('week').add(1, 'day').startOf('day');
  return {
    from: `${first.format('YYYY-MM-DD')}T00:00:00+08:00`,
    to: `${last.format('YYYY-MM-DD')}T00:00:00+08:00`,
  };
}

function Line({ o }: { o: OutageSummary }) {
  return (
    <Link to={`/outages/${o.id}`} data-testid="calendar-outage" style={{ display: 'block' }}>
      <Badge status={BADGE[o.state]} text={o.title} style={{ whiteSpace: 'nowrap' }} />
    </Link>
  );
}

/** 停电日历: the outages of a month by the days their window touches. */
export function OutageCalendar() {
  const { t } = useI18n();
  const [month, setMonth] = useState(() => dayjs());
  const span = monthWindow(month);
  // A month's outages for a province fit on one page of the largest size the API serves.
  const list = useOutageList({ ...span, pageSize: '200' });
  const firstShown = span.from.slice(0, 10);
  const afterShown = span.to.slice(0, 10);

  const byDay = useMemo(() => {
    const out = new Map<string, OutageSummary[]>();
    for (const o of list.data?.items ?? []) {
      const days = outageDays(o);
      if (!days) continue;
      // Only the days on screen: a long outage does not fill a year of cells.
      let d = dayjs(days.first < firstShown ? firstShown : days.first);
      for (let key = d.format('YYYY-MM-DD'); key <= days.last && key < afterShown;) {
        out.set(key, [...(out.get(key) ?? []), o]);
        d = d.add(1, 'day');
        key = d.format('YYYY-MM-DD');
      }
    }
    return out;
  }, [list.data, firstShown, afterShown]);

  return (
    <Spin spinning={list.isFetching}>
      {list.isError && <Alert type="error" showIcon message={list.error.message} />}
      <Typography.Text type="secondary" data-testid="calendar-count">
        {t('outages.calendar.count', { n: list.data?.total ?? 0 })}
      </Typography.Text>
      <Calendar
        value={month}
        onPanelChange={(d) => setMonth(d)}
        onSelect={(d, info) => {
          if (info.source !== 'date') setMonth(d);
        }}
        cellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const items = byDay.get(d.format('YYYY-MM-DD')) ?? [];
          if (items.length === 0) return null;
          const rest = items.slice(SHOWN_PER_DAY);
          return (
            <div data-testid="calendar-day" data-day={d.format('YYYY-MM-DD')}>
              {items.slice(0, SHOWN_PER_DAY).map((o) => (
                <Line key={o.id} o={o} />
              ))}
              {rest.length > 0 && (
                <Popover
                  content={
                    <Space direction="vertical">
                      {rest.map((o) => (
                        <Space key={o.id}>
                          <OutageStateTag state={o.state} />
                          <Link to={`/outages/${o.id}`}>{o.title}</Link>
                          <Typography.Text type="secondary">
                            {formatDateTime(o.plannedStart ?? o.startedAt)}
                          </Typography.Text>
                        </Space>
                      ))}
                    </Space>
                  }
                >
                  <Typography.Link>
                    {t('outages.calendar.more', { n: rest.length })}
                  </Typography.Link>
                </Popover>
              )}
            </div>
          );
        }}
      />
    </Spin>
  );
}
