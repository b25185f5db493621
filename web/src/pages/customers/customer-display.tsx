import { Space, Tag, Typography } from 'antd';
import {
  AREA_CLASS_LABELS,
  CUSTOMER_CLASS_LABELS,
  PHONE_LABEL_LABELS,
  type CustomerClass,
} from '../../../../common/customers/codes.ts';
import type { Address, CustomerSummary, GridPath } from '../../../../common/schemas/customers.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const CLASS_COLOURS: Record<CustomerClass, string> = {
  resident: 'blue',
  non_resident: 'cyan',
  large: 'geekblue',
};

export function ClassTag({ value }: { value: CustomerClass }) {
  const { pick } = useI18n();
  return <Tag color={CLASS_COLOURS[value]}>{pick(CUSTOMER_CLASS_LABELS[value])}</Tag>;
}

/** City, county and street, then the detail (**** when masked). */
export function addressText(a: Address): string {
  return [a.city, a.county, a.street, a.detail].filter((p) => p !== '').join(' ');
}

/** Each phone with its label (手机 / 住宅电话 …), one a line. */
export function PhoneList({ phones }: { phones: CustomerSummary['phones'] }) {
  const { pick } = useI18n();
  if (phones.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={0} data-testid="phone-list">
      {phones.map((p) => (
        <span key={p.phone + p.label}>
          <Typography.Text type="secondary">{pick(PHONE_LABEL_LABELS[p.label])} </Typography.Text>
          <span className="lx-phone">{p.phone}</span>
        </span>
      ))}
    </Space>
  );
}

/** 变电站 / 线路 / 台区 for tables: the substation on one line, feeder and transformer below. */
export function GridPathShort({ path }: { path: GridPath | null }) {
  const { t, pick } = useI18n();
  if (!path) return <Typography.Text type="secondary">{t('customers.noGridPath')}</Typography.Text>;
  return (
    <span>
      {path.substation.name} /<br />
      {path.feeder.name} / {path.transformer.name}
      <Typography.Text type="secondary">
        {' '}
        ({pick(AREA_CLASS_LABELS[path.transformer.areaClass])})
      </Typography.Text>
    </span>
  );
}
