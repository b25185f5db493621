import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Select, Space, Spin, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { CalendarYearDetail } from '../../../../common/schemas/calendar.ts';
import { useCalendarYear, useCalendarYears } from '../../api/calendar.ts';
import { ApiError } from '../../api/client.ts';
import { useCan } from '../../components/session-context.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DueCalculator } from './due-calculator.tsx';
import { KindLegend, YearGrid } from './year-grid.tsx';
import { YearEditor, type EditorTarget } from './year-editor.tsx';

/** This year if it is entered, else the latest year entered, else this year. */
function defaultYear(entered: number[]): number {
  const now = dayjs().year();
  return entered.includes(now) || entered.length === 0 ? now : entered.at(-1)!;
}

function Summary({ y }: { y: CalendarYearDetail }) {
  const { t } = useI18n();
  const count = (kind: 'holiday' | 'makeup') => y.days.filter((d) => d.kind === kind).length;
  return (
    <Space size={32} wrap style={{ marginBottom: 16 }} data-testid="calendar-summary">
      <Statistic
        title={t('calendar.workingDayCount')}
        value={y.workingDayCount}
        suffix={t('calendar.dayUnit')}
      />
      <Statistic
        title={t('calendar.holidayDays')}
        value={count('holiday')}
        suffix={t('calendar.dayUnit')}
      />
      <Statistic
        title={t('calendar.makeupDays')}
        value={count('makeup')}
        suffix={t('calendar.dayUnit')}
      />
      <Typography.Text type="secondary">
        {t('calendar.version', { v: y.version })} ·{' '}
        {t('calendar.updatedAt', { at: formatDateTime(y.updatedAt) })}
      </Typography.Text>
    </Space>
  );
}

/**
 * 工作日历: each year's holidays and make-up working days (调休) as twelve month grids, the
 * deadline calculator, and for administrators (calendar.manage) the editor of a year.
 */
export function CalendarPage() {
  const { t } = useI18n();
  const can = useCan();
  const manage = can('calendar.manage');
  const years = useCalendarYears();
  const entered = years.data?.items.map((y) => y.year) ?? [];
  const [picked, setPicked] = useState<number | null>(null);
  const year = years.data ? (picked ?? defaultYear(entered)) : null;
  const detail = useCalendarYear(year);
  const [editing, setEditing] = useState<EditorTarget | null>(null);

  // Administrators may also pick the year after the last one entered, to enter it.
  const next = Math.max(dayjs().year(), ...entered) + 1;
  const choices = [...new Set([...entered, ...(year === null ? [] : [year])])].sort(
    (a, b) => a - b,
  );
  if (manage && !choices.includes(next)) choices.push(next);

  const missing =
    detail.isError &&
    detail.error instanceof ApiError &&
    detail.error.code === 'CALENDAR_YEAR_MISSING';
  const shown = detail.data && !detail.isError && detail.data.year === year ? detail.data : null;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('menu.calendar')}
        extra={
          <Space>
            <Select
              value={year}
              style={{ width: 150 }}
              loading={years.isPending}
              onChange={setPicked}
              data-testid="calendar-year-select"
              options={choices.map((y) => ({
                value: y,
                label: entered.includes(y)
                  ? t('calendar.yearOption', { year: y })
                  : t('calendar.yearNotEntered', { year: y }),
              }))}
            />
            {manage && shown && (
              <Button
                icon={<EditOutlined />}
                onClick={() => setEditing({ year: shown.year, current: shown })}
                data-testid="calendar-edit"
              >
                {t('calendar.edit')}
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
        {years.isError && <Alert type="error" showIcon message={years.error.message} />}
        {detail.isError && !missing && (
          <Alert type="error" showIcon message={detail.error.message} />
        )}
        {missing && year !== null && (
          <Empty
            description={
              <Space direction="vertical">
                <Typography.Text strong>{t('calendar.missingTitle', { year })}</Typography.Text>
                <Typography.Text type="secondary">{t('calendar.missingHint')}</Typography.Text>
              </Space>
            }
          >
            {manage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ year, current: null })}
                data-testid="calendar-enter-year"
              >
                {t('calendar.enterYear', { year })}
              </Button>
            )}
          </Empty>
        )}
        {!shown && !detail.isError && <Spin />}
        {shown && (
          <>
            <Summary y={shown} />
            <div style={{ marginBottom: 12 }}>
              <KindLegend />
            </div>
            <YearGrid days={shown.days} />
          </>
        )}
      </Card>
      <DueCalculator />
      <YearEditor target={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
