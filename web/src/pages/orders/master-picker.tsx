import { Select } from 'antd';
import { useState } from 'react';
import { useOrderList } from '../../api/orders.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDebounced } from './use-debounced.ts';

/** Finds the master order to merge into: an open order, by number or words of its title. */
export function MasterPicker(props: {
  excludeId: string;
  customerId: string | null;
  value?: string;
  onChange?: (id: string) => void;
}) {
  const { t, pick } = useI18n();
  const [typed, setQ] = useState('');
  const q = useDebounced(typed);
  // Without a typed word, the customer's own open orders are the likely masters.
  const query: Record<string, string> = { open: 'true', pageSize: '20', page: '1' };
  if (q.trim()) query.q = q.trim();
  else if (props.customerId) query.customerId = props.customerId;
  const list = useOrderList(query, q.trim() !== '' || props.customerId !== null);
  const options = (list.data?.items ?? [])
    .filter((o) => o.id !== props.excludeId && o.masterId === null)
    .map((o) => ({ value: o.id, label: `${o.number} · ${pick(o.typeName)} · ${o.title}` }));
  return (
    <Select
      showSearch
      value={props.value}
      onChange={props.onChange}
      onSearch={setQ}
      filterOption={false}
      loading={list.isFetching}
      options={options}
      placeholder={t('orders.input.masterHint')}
      notFoundContent={null}
      data-testid="action-input-master"
    />
  );
}
