import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import type { CalendarDay } from '../../../../common/schemas/calendar.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Kind = CalendarDay['kind'];

/** How each kind of day looks: holidays red (休), make-up working days orange (班). */
export const KIND_LOOK: Record<Kind, { cell: CSSProperties; tag: string }> = {
  workday: { cell: { background: '#ffffff', color: 'rgba(0,0,0,0.88)' }, tag: 'default' },
  weekend: { cell: { background: '#f5f5f5', color: '#8c8c8c' }, tag: 'default' },
  holiday: {
    cell: { background: '#fff1f0', color: '#cf1322', borderColor: '#ffa39e' },
    tag: 'red',
  },
  makeup: {
    cell: { background: '#fff7e6', color: '#d46b08', borderColor: '#ffd591' },
    tag: 'orange',
  },
};

const GRID: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(7, 1fr)',
  gap: 2,
  textAlign: 'center',
  fontSize: 13,
};

const CELL: CSSProperties = {
  border: '1px solid #f0f0f0',
  borderRadius: 3,
  padding: '2px 0',
  minHeight: 36,
  lineHeight: '16px',
};

/** The named runs of a month (春节 15–23, 春节调休 14), for the list under its grid. */
function namedRuns(days: CalendarDay[]): { kind: Kind; name: string; from: number; to: number }[] {
  const runs: { kind: Kind; name: string; from: number; to: number }[] = [];
  for (const d of days) {
    if (!d.name) continue;
    const day = Number(d.date.slice(8));
    const last = runs.at(-1);
    if (last && last.kind === d.kind && last.name === d.name && last.to === day - 1) last.to = day;
    else runs.push({ kind: d.kind, name: d.name, from: day, to: day });
  }
  return runs;
}

function MonthGrid({ month, days }: { month: number; days: CalendarDay[] }) {
  const { t } = useI18n();
  const first = new Date(`${days[0]!.date}T00:00:00Z`).getUTCDay();
  // Weeks start on Monday, as Chinese calendars do.
  const blanks = (first + 6) % 7;
  const mark = (kind: Kind) =>
    kind === 'holiday'
      ? t('calendar.mark.holiday')
      : kind === 'makeup'
        ? t('calendar.mark.makeup')
        : '\u00a0';
  return (
    <Card
      size="small"
      title={t('calendar.month', { m: month })}
      data-testid="calendar-month"
      data-month={month}
    >
      <div style={GRID}>
        {t('calendar.weekdays')
          .split(',')
          .map((w, i) => (
            <Typography.Text key={w} type={i >= 5 ? 'secondary' : undefined} strong>
              {w}
            </Typography.Text>
          ))}
        {Array.from({ length: blanks }, (_, i) => (
          <div key={`blank-${i}`} />
        ))}
        {days.map((d) => (
          <div
            key={d.date}
            title={d.name ? `${d.date} ${d.name}` : d.date}
            data-testid="calendar-day"
            data-date={d.date}
            data-kind={d.kind}
            style={{ ...CELL, ...KIND_LOOK[d.kind].cell }}
          >
            <div>{Number(d.date.slice(8))}</div>
            <div style={{ fontSize: 11 }}>{mark(d.kind)}</div>
          </div>
        ))}
      </div>
      <Space size={[4, 4]} wrap style={{ marginTop: 8, minHeight: 22 }}>
        {namedRuns(days).map((r) => (
          <Tag key={`${r.kind}-${r.from}`} color={KIND_LOOK[r.kind].tag} style={{ margin: 0 }}>
            {r.name} {r.from === r.to ? r.from : `${r.from}–${r.to}`} {mark(r.kind)}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}

/** Twelve month grids of a year: working days, weekends, holidays (休) and make-up days (班). */
export function YearGrid({ days }: { days: CalendarDay[] }) {
  const months = Array.from({ length: 12 }, (_, i) =>
    days.filter((d) => Number(d.date.slice(5, 7)) === i + 1),
  );
  return (
    <Row gutter={[12, 12]} data-testid="calendar-year-grid">
      {months.map((m, i) =>
        m.length === 0 ? null : (
          <Col key={i} xs={24} sm={12} lg={8} xxl={6}>
            <MonthGrid month={i + 1} days={m} />
          </Col>
        ),
      )}
    </Row>
  );
}

/** The legend of the grid's colours. */
export function KindLegend() {
  const { t } = useI18n();
  const kinds: Kind[] = ['workday', 'weekend', 'holiday', 'makeup'];
  return (
    <Space size={4} wrap>
      {kinds.map((k) => (
        <Tag key={k} color={KIND_LOOK[k].tag} bordered>
          {t(`calendar.kind.${k}`)}
        </Tag>
      ))}
    </Space>
  );
}
