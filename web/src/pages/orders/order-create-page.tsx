import { Card } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { CustomerSummary } from '../../../../common/schemas/customers.ts';
import { useCustomer } from '../../api/customers.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OrderCreateForm } from './order-create-form.tsx';

/** Loads the customer named in the address (?customerId=) and hands it over once. */
function PrefillCustomer({ id, onLoaded }: { id: string; onLoaded: (c: CustomerSummary) => void }) {
  const customer = useCustomer(id);
  const done = useRef(false);
  useEffect(() => {
    if (customer.data && !done.current) {
      done.current = true;
      onLoaded(customer.data);
    }
  }, [customer.data, onLoaded]);
  return null;
}

/** 新建工单 as a page: the form, then the new order's page. */
export function OrderCreatePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [customer, setCustomer] = useState<CustomerSummary | undefined>(undefined);
  const prefillId = params.get('customerId');
  return (
    <Card title={t('orders.new')} data-testid="order-create">
      {prefillId && <PrefillCustomer id={prefillId} onLoaded={setCustomer} />}
      <OrderCreateForm
        customer={customer}
        onCreated={(o) => void navigate(`/orders/${o.id}`, { replace: true })}
        onCancel={() => void navigate(-1)}
      />
    </Card>
  );
}
