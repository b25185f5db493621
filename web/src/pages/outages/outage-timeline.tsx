import { Card, Space, Timeline, Typography } from 'antd';
import {
  OUTAGE_ACTIONS,
  OUTAGE_FLAGS,
  type OutageAction,
  type OutageFlag,
} from '../../../../common/outages/categories.ts';
import type { OutageDetail } from '../../../../common/schemas/outages.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ACTION_LABELS } from './outage-action-modal.tsx';
import { OutageFlagTags } from './outage-labels.tsx';

type OutageEvent = OutageDetail['events'][number];

const COLORS: Partial<Record<string, string>> = {
  create: 'gray',
  publish: 'blue',
  start: 'red',
  estimate: 'orange',
  postpone: 'orange',
  restore: 'green',
  cancel: 'gray',
};

const isAction = (a: string): a is OutageAction =>
  (OUTAGE_ACTIONS as readonly string[]).includes(a);
const flagsIn = (v: unknown): OutageFlag[] =>
  Array.isArray(v) ? OUTAGE_FLAGS.filter((f) => v.includes(f)) : [];
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);
const when = (v: unknown) => (typeof v === 'string' ? formatDateTime(v) : '—');
const windowOf = (v: unknown) => {
  const w = (v ?? {}) as { start?: unknown; end?: unknown };
  return `${when(w.start)} – ${when(w.end)}`;
};

/** What the event carried: the estimate or window before and after, the reason, the scope. */
function Details({ e }: { e: OutageEvent }) {
  const { t } = useI18n();
  const d = e.data;
  const lines: string[] = [];
  switch (e.action) {
    case 'create': {
      const nodes = num(d.nodes);
      const customers = num(d.customers);
      if (nodes !== null && customers !== null) {
        lines.push(t('outages.event.created', { nodes, customers }));
      }
      break;
    }
    case 'estimate':
      lines.push(
        `${t('outages.estimate')}: ${t('outages.event.fromTo', { from: when(d.from), to: when(d.to) })}`,
      );
      break;
    case 'postpone':
      lines.push(
        `${t('outages.plannedWindow')}: ${t('outages.event.fromTo', {
          from: windowOf(d.from),
          to: windowOf(d.to),
        })}`,
      );
      break;
    case 'start':
      lines.push(`${t('outages.startedAt')}: ${when(d.startedAt)}`);
      break;
    case 'restore':
      lines.push(`${t('outages.restoredAt')}: ${when(d.restoredAt)}`);
      if (str(d.restoredScope))
        lines.push(`${t('outages.restoredScope')}: ${str(d.restoredScope)}`);
      break;
  }
  const reason = str(d.reason);
  if (reason) lines.push(`${t('outages.action.reason')}: ${reason}`);
  return (
    <>
      {lines.map((l, i) => (
        <Typography.Paragraph key={i} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {l}
        </Typography.Paragraph>
      ))}
    </>
  );
}

/** 处理过程: everything that happened to the outage, oldest first. */
export function OutageTimeline({ events }: { events: OutageEvent[] }) {
  const { t } = useI18n();
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  // Each action records all the flags after it; the entry shows the ones it raised.
  const seen = new Set<OutageFlag>();
  const raised = sorted.map((e) => {
    const fresh = flagsIn(e.data.flags).filter((f) => !seen.has(f));
    for (const f of fresh) seen.add(f);
    return fresh;
  });
  const label = (a: string) =>
    isAction(a)
      ? t(ACTION_LABELS[a])
      : a === 'create'
        ? t('outages.event.create')
        : a === 'update'
          ? t('outages.event.update')
          : a;
  return (
    <Card title={t('outages.section.timeline')} data-testid="outage-timeline">
      <Timeline
        items={sorted.map((e, i) => ({
          key: e.id,
          color: COLORS[e.action] ?? 'blue',
          children: (
            <div data-testid="outage-timeline-item" data-action={e.action}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Typography.Text strong>{label(e.action)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)} · {e.actorName || t('outages.event.system')}
                </Typography.Text>
                <Details e={e} />
                <OutageFlagTags flags={raised[i] ?? []} />
              </Space>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
