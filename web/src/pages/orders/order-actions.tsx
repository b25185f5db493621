import { Button, Space } from 'antd';
import { useState } from 'react';
import { ORDER_ACTION_LABELS, type OrderAction } from '../../../../common/orders/states.ts';
import type { OrderDetail } from '../../../../common/schemas/orders.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ACTION_SPECS } from './action-inputs.ts';
import { ActionModal } from './action-modal.tsx';

/** The buttons of exactly the actions the server allows this user now, each with its form. */
export function OrderActions(props: { order: OrderDetail; onConflict: () => void }) {
  const { pick } = useI18n();
  const [action, setAction] = useState<OrderAction | null>(null);
  const allowed = props.order.allowedActions;
  if (allowed.length === 0) return null;
  // The next step of the loop first, then the rest in the contract's order.
  const sorted = [...allowed].sort(
    (a, b) => Number(!!ACTION_SPECS[b].primary) - Number(!!ACTION_SPECS[a].primary),
  );
  return (
    <>
      <Space wrap data-testid="order-actions">
        {sorted.map((a) => (
          <Button
            key={a}
            type={ACTION_SPECS[a].primary ? 'primary' : 'default'}
            danger={ACTION_SPECS[a].danger}
            onClick={() => setAction(a)}
            data-testid={`action-${a}`}
          >
            {pick(ORDER_ACTION_LABELS[a])}
          </Button>
        ))}
      </Space>
      <ActionModal
        order={props.order}
        action={action}
        onClose={() => setAction(null)}
        onConflict={props.onConflict}
      />
    </>
  );
}
