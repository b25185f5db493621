import { Alert, Button } from 'antd';
import { Link } from 'react-router-dom';
import type { OrderDetail } from '../../../../common/schemas/orders.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The outage a fault order waits for: what the agent tells the caller (the estimate), with a way
 * to the outage itself.
 */
export function OrderOutage({ outage }: { outage: NonNullable<OrderDetail['outage']> }) {
  const { t } = useI18n();
  const restored = outage.state === 'restored';
  return (
    <Alert
      type={restored ? 'success' : 'warning'}
      showIcon
      data-testid="order-outage"
      message={t('orders.outage.linked', { number: outage.number, title: outage.title })}
      description={
        restored
          ? t('orders.outage.restored')
          : `${
              outage.estimatedRestoreAt
                ? t('orders.outage.estimateText', {
                    time: formatDateTime(outage.estimatedRestoreAt),
                  })
                : t('orders.outage.noEstimate')
            } ${t('orders.outage.tellCaller')}`
      }
      action={
        <Link to={`/outages/${outage.id}`}>
          <Button size="small">{t('orders.outage.open')}</Button>
        </Link>
      }
    />
  );
}
