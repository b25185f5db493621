/** The wall board's panels: agents by state, orders at risk, outages with the power off. */
import {
  AGENT_STATE_LABELS,
  NOT_READY_REASON_LABELS,
  type AgentState,
} from '../../../../common/contact/agent-states.ts';
import { SLA_STATUS_LABELS } from '../../../../common/orders/sla.ts';
import { OUTAGE_CATEGORY_LABELS } from '../../../../common/outages/categories.ts';
import type { Wallboard } from '../../../../common/schemas/wallboard.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { duration, shortTime } from './wallboard-format.ts';

/** The states as a lead reads them: who can take a call, who is on one, who is away. */
const SHOWN: AgentState[] = [
  'ready',
  'talking',
  'after_call_work',
  'not_ready',
  'break',
  'signed_out',
];
const STATE_COLOR: Record<AgentState, string> = {
  ready: '#3ddc97',
  talking: '#2ec5d3',
  after_call_work: '#b48cff',
  not_ready: '#ffb020',
  break: '#f5d547',
  signed_out: '#5b6f8c',
};

export function AgentsPanel({
  agents,
  ageSeconds,
}: {
  agents: Wallboard['agents'];
  ageSeconds: number;
}) {
  const { t, pick } = useI18n();
  const by = new Map(agents.byState.map((s) => [s.state, s]));
  return (
    <div className="wb-panel" data-testid="wb-agents">
      <div className="wb-panel-title">
        <span>{t('wallboard.agents.title')}</span>
        <span>{t('wallboard.agents.signedIn', { n: agents.signedIn })}</span>
      </div>
      <div className="wb-agents">
        {SHOWN.map((state) => {
          const s = by.get(state);
          return (
            <div
              key={state}
              className="wb-agent"
              style={{ borderLeftColor: STATE_COLOR[state] }}
              data-testid={`wb-agents-${state}`}
              data-value={s?.count ?? 0}
            >
              <div className="wb-agent-count" style={{ color: STATE_COLOR[state] }}>
                {s?.count ?? 0}
              </div>
              <div className="wb-agent-label">{pick(AGENT_STATE_LABELS[state])}</div>
              <div className="wb-agent-longest">
                {s && s.longestSeconds !== null && s.count > 0
                  ? t('wallboard.agents.longest', { time: duration(s.longestSeconds + ageSeconds) })
                  : '\u00a0'}
              </div>
            </div>
          );
        })}
      </div>
      {agents.notReadyReasons.length > 0 && (
        <div className="wb-reasons">
          {t('wallboard.agents.reasons')}
          {agents.notReadyReasons
            .map(
              (r) =>
                `${r.reason ? pick(NOT_READY_REASON_LABELS[r.reason]) : t('wallboard.agents.noReason')} ${r.count}`,
            )
            .join(' · ')}
        </div>
      )}
    </div>
  );
}

const RISK_COLOR = { warning: 'wb-warn', critical: 'wb-warn', overdue: 'wb-bad' } as const;

export function OrdersPanel({ orders, now }: { orders: Wallboard['orders']; now: number }) {
  const { t, pick } = useI18n();
  if (!orders) {
    return (
      <div className="wb-panel">
        <div className="wb-panel-title">{t('wallboard.orders.title')}</div>
        <div className="wb-empty">{t('wallboard.orders.noRight')}</div>
      </div>
    );
  }
  return (
    <div className="wb-panel" data-testid="wb-orders">
      <div className="wb-panel-title">
        <span>{t('wallboard.orders.title')}</span>
        <span data-testid="wb-orders-today" data-value={orders.today}>
          {t('wallboard.orders.today', { n: orders.today.toLocaleString('en-US') })}
        </span>
      </div>
      <div className="wb-risk">
        {(['warning', 'critical', 'overdue'] as const).map((k) => (
          <div key={k} data-testid={`wb-orders-${k}`} data-value={orders.atRisk[k]}>
            <div className="wb-kpi-label">{pick(SLA_STATUS_LABELS[k])}</div>
            <div className={`wb-agent-count ${orders.atRisk[k] > 0 ? RISK_COLOR[k] : ''}`}>
              {orders.atRisk[k].toLocaleString('en-US')}
            </div>
          </div>
        ))}
        <div>
          {orders.top.length === 0 ? (
            <div className="wb-empty">{t('wallboard.orders.none')}</div>
          ) : (
            <ul className="wb-list">
              {orders.top.map((o) => {
                const left = o.dueAt ? (Date.parse(o.dueAt) - now) / 1000 : null;
                return (
                  <li key={o.id}>
                    <span>{o.number}</span>
                    <span>{pick(o.typeName)}</span>
                    <span className={RISK_COLOR[o.slaStatus]}>
                      {left === null
                        ? pick(SLA_STATUS_LABELS[o.slaStatus])
                        : left >= 0
                          ? t('wallboard.orders.dueIn', { time: duration(left) })
                          : t('wallboard.orders.overdueBy', { time: duration(-left) })}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

export function OutagesPanel({ outages }: { outages: Wallboard['outages'] }) {
  const { t, pick } = useI18n();
  if (!outages) {
    return (
      <div className="wb-panel">
        <div className="wb-panel-title">{t('wallboard.outages.title')}</div>
        <div className="wb-empty">{t('wallboard.outages.noRight')}</div>
      </div>
    );
  }
  return (
    <div className="wb-panel" data-testid="wb-outages">
      <div className="wb-panel-title">{t('wallboard.outages.title')}</div>
      <div className="wb-outage-head">
        <div data-testid="wb-outages-active" data-value={outages.active}>
          <div className="wb-kpi-label">{t('wallboard.outages.active')}</div>
          <div className={`wb-agent-count ${outages.active > 0 ? 'wb-warn' : 'wb-ok'}`}>
            {outages.active}
          </div>
        </div>
        <div data-testid="wb-outages-affected" data-value={outages.affectedCustomers}>
          <div className="wb-kpi-label">{t('wallboard.outages.affected')}</div>
          <div className="wb-agent-count">
            {outages.affectedCustomers.toLocaleString('en-US')}
            <span className="wb-kpi-unit">{t('wallboard.outages.households')}</span>
          </div>
        </div>
      </div>
      {outages.items.length === 0 ? (
        <div className="wb-empty">{t('wallboard.outages.none')}</div>
      ) : (
        <ul className="wb-list">
          {outages.items.map((o) => (
            <li key={o.id} title={o.title}>
              <span>{pick(OUTAGE_CATEGORY_LABELS[o.category])}</span>
              <span>{o.title}</span>
              <span>
                {o.estimatedRestoreAt
                  ? t('wallboard.outages.restore', { time: shortTime(o.estimatedRestoreAt) })
                  : t('wallboard.outages.since', { time: shortTime(o.since) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
