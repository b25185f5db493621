import { Alert, Card, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { CustomerMatch, CustomerSearchResult } from '../../../../common/schemas/customers.ts';
import { useCustomerSearch } from '../../api/customers.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh.ts';
import { customerColumns } from './customer-columns.tsx';

const MATCHED_BY: Record<CustomerMatch['matchedBy'], MessageKey> = {
  phone: 'customers.matchedBy.phone',
  accountNo: 'customers.matchedBy.accountNo',
  meterNo: 'customers.matchedBy.meterNo',
  name: 'customers.matchedBy.name',
  address: 'customers.matchedBy.address',
};

const INTERPRETED_AS: Record<CustomerSearchResult['interpretedAs'], MessageKey> = {
  phone: 'customers.interpretedAs.phone',
  number: 'customers.interpretedAs.number',
  text: 'customers.interpretedAs.text',
};

const HIGHLIGHT = { style: { background: '#e6fffb' } };

/** The single match of a caller's number: shown, highlighted, and opened by a second Enter. */
function soleByPhone(data: CustomerSearchResult | undefined): CustomerMatch | null {
  if (!data || data.items.length !== 1) return null;
  const only = data.items[0]!;
  return only.matchedBy === 'phone' ? only : null;
}

/**
 * The agent's look-up: one box for phone, 户号, meter number, name or address. The query lives in
 * the URL (?q=) so that Back from a customer returns to the same results.
 */
export function CustomerSearchPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  const search = useCustomerSearch(q);
  const sole = soleByPhone(search.data);
  const open = (c: CustomerMatch) => void navigate(`/customers/${c.id}`);

  const onSearch = (value: string) => {
    const next = value.trim();
    // Enter again on an unchanged number opens its only customer: two key presses from caller ID.
    if (next === q && sole) open(sole);
    else setParams(next ? { q: next } : {});
  };

  const columns: ColumnsType<CustomerMatch> = [
    ...customerColumns<CustomerMatch>(t),
    {
      title: t('customers.matchedBy'),
      dataIndex: 'matchedBy',
      width: 76,
      render: (v: CustomerMatch['matchedBy']) => <Tag>{t(MATCHED_BY[v])}</Tag>,
    },
  ].map((col) => ({
    ...col,
    onCell: (c: CustomerMatch) => (c.id === sole?.id ? HIGHLIGHT : {}),
  }));

  return (
    <Card title={t('menu.customers')}>
      <Input.Search
        size="large"
        autoFocus
        allowClear
        enterButton={t('common.search')}
        placeholder={t('customers.searchPlaceholder')}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onSearch={onSearch}
        loading={search.isFetching}
        style={{ maxWidth: 720, marginBottom: 16 }}
        data-testid="customer-search"
      />
      {search.isError && (
        <Alert type="error" showIcon message={search.error.message} style={{ marginBottom: 16 }} />
      )}
      {q === '' ? (
        <Empty description={t('customers.searchHint')} />
      ) : (
        <ResultsBody
          data={search.data}
          loading={search.isFetching}
          columns={columns}
          sole={sole}
          onOpen={open}
        />
      )}
    </Card>
  );
}

function ResultsBody(props: {
  data: CustomerSearchResult | undefined;
  loading: boolean;
  columns: ColumnsType<CustomerMatch>;
  sole: CustomerMatch | null;
  onOpen: (c: CustomerMatch) => void;
}) {
  const { t } = useI18n();
  const { data } = props;
  return (
    <>
      {data && data.items.length > 0 && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Typography.Text type="secondary" data-testid="search-summary">
            {t('customers.found', { n: data.total })} · {t(INTERPRETED_AS[data.interpretedAs])}
          </Typography.Text>
          {props.sole && <Alert type="success" showIcon message={t('customers.soleMatch')} />}
          {data.more && <Alert type="info" showIcon message={t('customers.more')} />}
        </Space>
      )}
      <Table<CustomerMatch>
        rowKey="id"
        size="middle"
        loading={props.loading}
        columns={props.columns}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: <Empty description={t('customers.noMatch')} /> }}
        onRow={(c) => ({ onClick: () => props.onOpen(c), style: { cursor: 'pointer' } })}
        data-testid="customer-results"
      />
    </>
  );
}
