import { Space, Typography } from 'antd';
import { AREA_CLASS_LABELS } from '../../../../common/customers/codes.ts';
import type { OutageCommitments } from '../../../../common/schemas/repair.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SlaBadge } from '../orders/sla-badge.tsx';

/**
 * An outage's two commitments with live countdowns: arrival on site (from the power cut) and
 * restoration (from arrival), warning at 80 % / 95 % and red when overdue, as orders' clocks.
 */
export function CommitmentTags({ c, compact }: { c: OutageCommitments; compact?: boolean }) {
  const { t, pick } = useI18n();
  return (
    <Space size={4} wrap>
      <span data-testid="commitment-arrival" data-status={c.arrival.status}>
        <Typography.Text type="secondary">{t('repair.commit.arrival')}</Typography.Text>{' '}
        <SlaBadge status={c.arrival.status} dueAt={c.arrival.dueAt} />
      </span>
      {c.restoration && (
        <span data-testid="commitment-restoration" data-status={c.restoration.status}>
          <Typography.Text type="secondary">{t('repair.commit.restoration')}</Typography.Text>{' '}
          <SlaBadge status={c.restoration.status} dueAt={c.restoration.dueAt} />
        </span>
      )}
      {!compact && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('repair.commit.areaClass', { area: pick(AREA_CLASS_LABELS[c.areaClass]) })}
        </Typography.Text>
      )}
    </Space>
  );
}
