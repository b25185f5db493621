/**
 * The outage banner of the desk: live and upcoming outages covering the caller (with the
 * estimated restoration to tell them) and the answer script of a filed major service event.
 */
import { Alert, Space, Typography } from 'antd';
import type { ScreenPop } from '../../../../../common/schemas/contact.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

export function OutageBanner({ pop }: { pop: ScreenPop }) {
  const { t } = useI18n();
  if (pop.outages.length === 0 && pop.majorEvents.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="desk-outage-banner">
      {pop.outages.map((o) => {
        // Power off now: in progress, or a planned window that has begun.
        const live =
          o.state === 'in_progress' ||
          (o.plannedStart !== null && Date.parse(o.plannedStart) <= Date.now());
        return (
          <Alert
            key={o.id}
            type={live ? 'error' : 'warning'}
            showIcon
            data-testid="desk-outage"
            message={
              <span>
                <Typography.Text strong>
                  {live ? t('contact.desk.outageLive') : t('contact.desk.outageUpcoming')}
                </Typography.Text>{' '}
                {o.number} · {o.title}
              </span>
            }
            description={
              <span>
                {o.areaText}
                {o.plannedStart &&
                  ` · ${t('contact.desk.outageWindow', {
                    from: formatDateTime(o.plannedStart),
                    to: formatDateTime(o.plannedEnd),
                  })}`}
                {o.estimatedRestoreAt &&
                  ` · ${t('contact.desk.outageEstimate', {
                    at: formatDateTime(o.estimatedRestoreAt),
                  })}`}
              </span>
            }
          />
        );
      })}
      {pop.majorEvents.map((m) => (
        <Alert
          key={m.id}
          type="info"
          showIcon
          data-testid="desk-major-event"
          message={`${t('contact.desk.majorEvent')}: ${m.title}`}
          description={
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t('contact.desk.script')}: {m.script}
            </Typography.Paragraph>
          }
        />
      ))}
    </Space>
  );
}
