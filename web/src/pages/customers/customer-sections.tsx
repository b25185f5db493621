import { Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import {
  ID_TYPE_LABELS,
  INDUSTRY_LABELS,
  TARIFF_CATEGORY_LABELS,
  VOLTAGE_LEVEL_LABELS,
} from '../../../../common/customers/codes.ts';
import type { CustomerDetail } from '../../../../common/schemas/customers.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PhoneList } from './customer-display.tsx';
import { formatNumber } from './money.ts';

const DASH = '—';
const orDash = (v: string | null) => (v === null || v === '' ? DASH : v);

/** 基本信息: what the customer buys and how it is metered. */
export function BasicCard({ c }: { c: CustomerDetail }) {
  const { t, pick } = useI18n();
  return (
    <Card title={t('customers.section.basic')} size="small">
      <Descriptions column={2} size="small" data-testid="customer-basic">
        <Descriptions.Item label={t('customers.industry')}>
          {pick(INDUSTRY_LABELS[c.industry])}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.voltage')}>
          {pick(VOLTAGE_LEVEL_LABELS[c.voltageLevel])}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.tariff')} span={2}>
          {pick(TARIFF_CATEGORY_LABELS[c.tariffCategory])}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.meterNo')}>{orDash(c.meterNo)}</Descriptions.Item>
        <Descriptions.Item label={t('customers.annualKwh')}>
          {formatNumber(c.annualKwh)} kWh
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.unit')} span={2}>
          {c.unitName}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.idType')}>
          {c.idType ? pick(ID_TYPE_LABELS[c.idType]) : DASH}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.idNo')}>
          <span data-testid="customer-idno">{orDash(c.idNo)}</span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 联系方式: the numbers an agent calls back on, and whether messages may be sent. */
export function ContactCard({ c }: { c: CustomerDetail }) {
  const { t } = useI18n();
  return (
    <Card title={t('customers.section.contact')} size="small">
      <Descriptions column={1} size="small" data-testid="customer-contact">
        <Descriptions.Item label={t('customers.phones')}>
          <PhoneList phones={c.phones} />
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.email')}>{orDash(c.email)}</Descriptions.Item>
        <Descriptions.Item label={t('customers.wechat')}>{orDash(c.wechatId)}</Descriptions.Item>
        <Descriptions.Item label={t('customers.consent')}>
          {c.consentMessages ? (
            <Tag color="green">
              {t('customers.consentYes')}
              {c.consentAt ? ` · ${formatDateTime(c.consentAt)}` : ''}
            </Tag>
          ) : (
            <Tag>{t('customers.consentNo')}</Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 用电地址: structured, so that outages can be matched by county and street. */
export function AddressCard({ c }: { c: CustomerDetail }) {
  const { t } = useI18n();
  const coords =
    c.lat !== null && c.lng !== null ? `${c.lat.toFixed(6)}, ${c.lng.toFixed(6)}` : DASH;
  return (
    <Card title={t('customers.section.address')} size="small">
      <Descriptions column={2} size="small" data-testid="customer-address">
        <Descriptions.Item label={t('customers.city')}>{orDash(c.address.city)}</Descriptions.Item>
        <Descriptions.Item label={t('customers.county')}>
          {orDash(c.address.county)}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.street')}>
          {orDash(c.address.street)}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.addressDetail')}>
          {orDash(c.address.detail)}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.coordinates')} span={2}>
          {coords}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 客户细分: the segments the customer falls in and the service each promises. */
export function SegmentsCard({ c }: { c: CustomerDetail }) {
  const { t } = useI18n();
  return (
    <Card title={t('customers.section.segments')} size="small">
      {c.segments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.noSegments')} />
      ) : (
        <Space direction="vertical" size={6} data-testid="customer-segments">
          {c.segments.map((s) => (
            <div key={s.id}>
              <Tag color="processing">{s.name}</Tag>
              <Typography.Text type="secondary">{s.service || DASH}</Typography.Text>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}

/** Orders and outages join the 360° view when their modules land; until then, say so plainly. */
export function PendingCard({ title, note }: { title: string; note: string }) {
  return (
    <Card title={title} size="small">
      <Typography.Text type="secondary">{note}</Typography.Text>
    </Card>
  );
}
