import { Select } from 'antd';
import { useState } from 'react';
import { OUTAGE_CATEGORY_LABELS } from '../../../../common/outages/categories.ts';
import { useOutageList } from '../../api/outages.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useDebounced } from './use-debounced.ts';

/** Finds the live outage a fault order belongs to, by number or words of its title or area. */
export function OutagePicker(props: { value?: string; onChange?: (id: string) => void }) {
  const { t, pick } = useI18n();
  const [typed, setQ] = useState('');
  const q = useDebounced(typed);
  const query: Record<string, string> = { live: 'true', page: '1', pageSize: '20' };
  if (q.trim()) query.q = q.trim();
  const list = useOutageList(query);
  const options = (list.data?.items ?? []).map((o) => ({
    value: o.id,
    label: `${o.number} · ${pick(OUTAGE_CATEGORY_LABELS[o.category])} · ${o.title}${
      o.estimatedRestoreAt
        ? ` · ${t('orders.outage.estimate')} ${formatDateTime(o.estimatedRestoreAt)}`
        : ''
    }`,
  }));
  return (
    <Select
      showSearch
      value={props.value}
      onChange={props.onChange}
      onSearch={setQ}
      filterOption={false}
      loading={list.isFetching}
      options={options}
      placeholder={t('orders.input.outageHint')}
      notFoundContent={null}
      data-testid="action-input-outage"
    />
  );
}
