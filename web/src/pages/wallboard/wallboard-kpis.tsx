/** The row of large figures: the queue now and today's service level, speed of answer, abandonment. */
import type { ReactNode } from 'react';
import type { Wallboard } from '../../../../common/schemas/wallboard.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  abandonTone,
  asaTone,
  duration,
  percent,
  serviceLevelTone,
  toneClass,
  waitTone,
  type Tone,
} from './wallboard-format.ts';

function Kpi(props: {
  id: string;
  label: string;
  value: string;
  /** The plain number, for tests and screen readers. */
  raw: number | null;
  unit?: string;
  tone?: Tone;
  sub?: ReactNode;
}) {
  return (
    <div className="wb-panel" data-testid={`wb-${props.id}`} data-value={props.raw ?? ''}>
      <div className="wb-kpi-label">{props.label}</div>
      <div className={`wb-kpi-value ${toneClass(props.tone ?? null)}`}>
        {props.value}
        {props.unit ? <span className="wb-kpi-unit">{props.unit}</span> : null}
      </div>
      <div className="wb-kpi-sub">{props.sub ?? '\u00a0'}</div>
    </div>
  );
}

/** `ageSeconds`: how long ago the figures were taken (the longest wait keeps running). */
export function Kpis({ board, ageSeconds }: { board: Wallboard; ageSeconds: number }) {
  const { t } = useI18n();
  const { today, queue, thresholds } = board;
  const s = thresholds.serviceLevelSeconds;
  const longest = queue.longestWaitSeconds === null ? null : queue.longestWaitSeconds + ageSeconds;
  const queues = queue.byQueue
    .slice(0, 4)
    .map((q) => `${q.queue ?? t('wallboard.noQueue')} ${q.waiting}`)
    .join(' · ');
  const offered = today.answered + today.abandoned + today.waitingOverSl;
  return (
    <section className="wb-kpis">
      <Kpi
        id="waiting"
        label={t('wallboard.waiting')}
        value={String(queue.waiting)}
        raw={queue.waiting}
        unit={t('wallboard.waitingUnit')}
        tone={queue.waiting === 0 ? 'ok' : waitTone(longest, s)}
        sub={queue.waiting === 0 ? t('wallboard.nobodyWaiting') : queues}
      />
      <Kpi
        id="longest-wait"
        label={t('wallboard.longestWait')}
        value={duration(longest)}
        raw={longest === null ? null : Math.floor(longest)}
        tone={longest === null ? null : waitTone(longest, s)}
        sub={t('wallboard.longestWaitSub', { s })}
      />
      <Kpi
        id="service-level"
        label={t('wallboard.serviceLevel', { s })}
        value={percent(today.serviceLevel)}
        raw={today.serviceLevel}
        tone={serviceLevelTone(today.serviceLevel)}
        sub={t('wallboard.serviceLevelSub', {
          inSl: today.answeredInSl,
          offered,
          s,
          target: percent(thresholds.serviceLevelTarget),
        })}
      />
      <Kpi
        id="asa"
        label={t('wallboard.asa')}
        value={today.averageSpeedOfAnswer === null ? '—' : today.averageSpeedOfAnswer.toFixed(1)}
        raw={today.averageSpeedOfAnswer}
        unit={today.averageSpeedOfAnswer === null ? '' : t('wallboard.asaUnit')}
        tone={asaTone(today.averageSpeedOfAnswer, s)}
        sub={t('wallboard.asaSub', { n: today.answered })}
      />
      <Kpi
        id="abandon-rate"
        label={t('wallboard.abandonRate')}
        value={percent(today.abandonRate)}
        raw={today.abandonRate}
        tone={abandonTone(today.abandonRate)}
        sub={t('wallboard.abandonSub', {
          n: today.abandoned,
          s: thresholds.shortAbandonSeconds,
          short: today.shortAbandoned,
        })}
      />
      <Kpi
        id="calls-today"
        label={t('wallboard.callsToday')}
        value={today.calls.toLocaleString('en-US')}
        raw={today.calls}
        sub={t('wallboard.callsTodaySub', { n: today.answered })}
      />
    </section>
  );
}
