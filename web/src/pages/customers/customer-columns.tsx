import type { ColumnsType } from 'antd/es/table';
import type { CustomerSummary } from '../../../../common/schemas/customers.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { addressText, ClassTag, GridPathShort, PhoneList } from './customer-display.tsx';
import { MarkTags } from './customer-marks.tsx';

/** The columns every customer table shares (search results, a segment's customers). */
export function customerColumns<T extends CustomerSummary>(t: Translate): ColumnsType<T> {
  // Widths fit a 1280 px screen with the side menu open; the address takes what is left.
  return [
    { title: t('customers.accountNo'), dataIndex: 'accountNo', width: 112 },
    {
      title: t('customers.name'),
      key: 'name',
      width: 150,
      render: (_, c) => (
        <>
          <div>{c.name}</div>
          <ClassTag value={c.customerClass} />
        </>
      ),
    },
    {
      title: t('customers.address'),
      key: 'address',
      render: (_, c) => addressText(c.address),
    },
    {
      title: t('customers.phones'),
      key: 'phones',
      width: 160,
      render: (_, c) => <PhoneList phones={c.phones} />,
    },
    {
      title: t('customers.marks'),
      key: 'marks',
      width: 130,
      render: (_, c) => <MarkTags marks={c.marks} />,
    },
    {
      title: t('customers.gridPath'),
      key: 'grid',
      width: 180,
      render: (_, c) => <GridPathShort path={c.gridPath} />,
    },
  ];
}
