import {
  CUSTOMER_CLASS_LABELS,
  ID_TYPE_LABELS,
  INDUSTRY_LABELS,
  PHONE_LABEL_LABELS,
  TARIFF_CATEGORY_LABELS,
  VOLTAGE_LEVEL_LABELS,
} from '../../../../common/customers/codes.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh.ts';
import { formatFen, formatNumber } from './money.ts';

type Label = { zh: string; en: string };
type PickLabel = (label: Label) => string;

/** The history keeps the server's snapshot keys; these are the ones people read. */
const FIELD_LABELS: Record<string, MessageKey> = {
  accountNo: 'customers.accountNo',
  name: 'customers.name',
  customerClass: 'customers.class',
  industry: 'customers.industry',
  voltageLevel: 'customers.voltage',
  tariffCategory: 'customers.tariff',
  idType: 'customers.idType',
  idNo: 'customers.idNo',
  address: 'customers.address',
  lat: 'customers.lat',
  lng: 'customers.lng',
  phones: 'customers.phones',
  email: 'customers.email',
  wechatId: 'customers.wechat',
  meterNo: 'customers.meterNo',
  annualKwh: 'customers.annualKwh',
  unitId: 'customers.unit',
  transformerId: 'customers.transformer',
  important: 'customers.mark.important',
  highRisk: 'customers.mark.highRisk',
  sensitive: 'customers.mark.sensitive',
  sensitiveReason: 'customers.sensitiveReason',
  vip: 'customers.mark.vip',
  arrearsFen: 'customers.arrears',
  arrearsSince: 'customers.arrearsSince',
  consentMessages: 'customers.consent',
  status: 'common.status',
};

const CODED: Record<string, Record<string, Label>> = {
  customerClass: CUSTOMER_CLASS_LABELS,
  industry: INDUSTRY_LABELS,
  voltageLevel: VOLTAGE_LEVEL_LABELS,
  tariffCategory: TARIFF_CATEGORY_LABELS,
  idType: ID_TYPE_LABELS,
};

const STATUS: Record<string, MessageKey> = {
  active: 'customers.status.active',
  closed: 'customers.status.closed',
};

/** A field name of the history in the reader's language (unknown fields as they are). */
export function fieldLabel(field: string, t: Translate): string {
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}

/** One before/after value of the history, readable: labels for codes, yuan for fen, 是/否. */
export function changeValue(field: string, value: unknown, t: Translate, pick: PickLabel): string {
  if (value === null || value === undefined || value === '') return t('customers.history.empty');
  if (typeof value === 'boolean') return t(value ? 'customers.yes' : 'customers.no');
  if (typeof value === 'number') {
    if (field === 'arrearsFen') return formatFen(value);
    return field === 'annualKwh' ? `${formatNumber(value)} kWh` : String(value);
  }
  if (typeof value === 'string') {
    // Phones are kept as "157****5702(mobile), …": show the label in the reader's language.
    if (field === 'phones') {
      return value.replace(
        /\((mobile|home|work|other)\)/g,
        (_, l: keyof typeof PHONE_LABEL_LABELS) => `（${pick(PHONE_LABEL_LABELS[l])}）`,
      );
    }
    const coded = CODED[field]?.[value];
    if (coded) return pick(coded);
    const status = field === 'status' ? STATUS[value] : undefined;
    return status ? t(status) : value;
  }
  return JSON.stringify(value);
}

const ACTIONS: Record<string, MessageKey> = {
  create: 'customers.history.create',
  update: 'customers.history.update',
  import: 'customers.history.import',
};

export function actionLabel(action: string, t: Translate): string {
  const key = ACTIONS[action];
  return key ? t(key) : action;
}
