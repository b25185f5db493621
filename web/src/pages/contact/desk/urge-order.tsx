/**
 * 催办 from the desk: a caller chasing an open order gets it urged on the call, without leaving
 * the desk (the order's own action form, with its version check). The order then belongs to the
 * call's wrap-up.
 */
import { Button } from 'antd';
import { useState } from 'react';
import { useOrder } from '../../../api/orders.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ActionModal } from '../../orders/action-modal.tsx';

function UrgeModal(props: { orderId: string; onClose: () => void; onDone: () => void }) {
  const order = useOrder(props.orderId);
  if (!order.data) return null;
  return (
    <ActionModal
      order={order.data}
      action="urge"
      onClose={props.onClose}
      onDone={props.onDone}
      onConflict={() => void order.refetch()}
    />
  );
}

export function UrgeOrderButton(props: { orderId: string; onUrged: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)} data-testid="desk-urge">
        {t('contact.desk.urge')}
      </Button>
      {open && (
        <UrgeModal orderId={props.orderId} onClose={() => setOpen(false)} onDone={props.onUrged} />
      )}
    </>
  );
}
