import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CustomerSummary } from '../../../../common/schemas/customers.ts';
import { useCustomerSearch } from '../../api/customers.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { addressText } from '../customers/customer-display.tsx';
import { MarkTags } from '../customers/customer-marks.tsx';
import { useDebounced } from './use-debounced.ts';

/**
 * Finds the caller's customer by phone, 户号, name or address (the customer look-up); `chosen`
 * is the customer already picked, so that its name shows before any search.
 */
export function CustomerPicker(props: {
  value?: string;
  chosen: CustomerSummary | null;
  onPick: (c: CustomerSummary | null) => void;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim());
  const search = useCustomerSearch(q, 10);
  const found = search.data?.items ?? [];
  const all =
    props.chosen && !found.some((c) => c.id === props.chosen?.id)
      ? [props.chosen, ...found]
      : found;
  return (
    <Select
      showSearch
      allowClear
      value={props.value}
      filterOption={false}
      onSearch={setTyped}
      loading={search.isFetching}
      placeholder={t('orders.create.customerHint')}
      notFoundContent={q ? t('orders.create.noCustomer') : null}
      onChange={(id: string | undefined) => props.onPick(all.find((c) => c.id === id) ?? null)}
      optionLabelProp="label"
      options={all.map((c) => ({
        value: c.id,
        label: `${c.name}（${c.accountNo}）`,
        customer: c,
      }))}
      optionRender={(opt) => {
        const c = (opt.data as { customer: CustomerSummary }).customer;
        return (
          <Space direction="vertical" size={0}>
            <Space size={6}>
              <Typography.Text strong>{c.name}</Typography.Text>
              <Typography.Text type="secondary">{c.accountNo}</Typography.Text>
              <MarkTags marks={c.marks} />
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {addressText(c.address)}
            </Typography.Text>
          </Space>
        );
      }}
      data-testid="create-customer"
    />
  );
}
