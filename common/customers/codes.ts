/**
 * The coded values of the customer archive with their labels. Codes are stable English keys; the
 * labels are what people read (zh-CN first) and what imports accept in place of the code.
 */
type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const CUSTOMER_CLASSES = ['resident', 'non_resident', 'large'] as const;
export type CustomerClass = (typeof CUSTOMER_CLASSES)[number];
export const CUSTOMER_CLASS_LABELS: Labels<CustomerClass> = {
  resident: { zh: '居民', en: 'Resident' },
  non_resident: { zh: '非居民', en: 'Non-resident' },
  large: { zh: '大客户', en: 'Large customer' },
};

/** Industry groups after GB/T 4754 as used in utility billing (行业分类). */
export const INDUSTRIES = [
  'resident_life',
  'agriculture',
  'manufacturing',
  'energy_intensive',
  'construction',
  'commerce',
  'transport',
  'it_services',
  'public_service',
  'healthcare',
  'education',
  'government',
] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const INDUSTRY_LABELS: Labels<Industry> = {
  resident_life: { zh: '城乡居民生活', en: 'Residential' },
  agriculture: { zh: '农林牧渔业', en: 'Agriculture' },
  manufacturing: { zh: '制造业', en: 'Manufacturing' },
  energy_intensive: { zh: '高耗能行业', en: 'Energy-intensive industry' },
  construction: { zh: '建筑业', en: 'Construction' },
  commerce: { zh: '批发和零售业', en: 'Wholesale and retail' },
  transport: { zh: '交通运输', en: 'Transport' },
  it_services: { zh: '信息技术服务', en: 'IT services' },
  public_service: { zh: '公共服务及管理', en: 'Public services' },
  healthcare: { zh: '医疗卫生', en: 'Healthcare' },
  education: { zh: '教育', en: 'Education' },
  government: { zh: '党政机关', en: 'Government' },
};

export const VOLTAGE_LEVELS = ['v220', 'v380', 'kv10', 'kv35', 'kv110'] as const;
export type VoltageLevel = (typeof VOLTAGE_LEVELS)[number];
export const VOLTAGE_LEVEL_LABELS: Labels<VoltageLevel> = {
  v220: { zh: '交流220V', en: '220 V' },
  v380: { zh: '交流380V', en: '380 V' },
  kv10: { zh: '交流10kV', en: '10 kV' },
  kv35: { zh: '交流35kV', en: '35 kV' },
  kv110: { zh: '交流110kV', en: '110 kV' },
};
/** Voltage levels in rising order, for "at least" rules. */
export const VOLTAGE_RANK: Record<VoltageLevel, number> = {
  v220: 1,
  v380: 2,
  kv10: 3,
  kv35: 4,
  kv110: 5,
};

/** Tariff categories of the sales tariff table (销售电价分类). */
export const TARIFF_CATEGORIES = [
  'resident',
  'resident_tou',
  'general_commercial',
  'large_industry',
  'agricultural',
] as const;
export type TariffCategory = (typeof TARIFF_CATEGORIES)[number];
export const TARIFF_CATEGORY_LABELS: Labels<TariffCategory> = {
  resident: { zh: '居民生活用电（阶梯）', en: 'Residential (tiered)' },
  resident_tou: { zh: '居民生活用电（峰谷）', en: 'Residential (time-of-use)' },
  general_commercial: { zh: '一般工商业用电', en: 'General commercial and industrial' },
  large_industry: { zh: '大工业用电', en: 'Large industry' },
  agricultural: { zh: '农业生产用电', en: 'Agricultural production' },
};

export const PHONE_LABELS = ['mobile', 'home', 'work', 'other'] as const;
export type PhoneLabel = (typeof PHONE_LABELS)[number];
export const PHONE_LABEL_LABELS: Labels<PhoneLabel> = {
  mobile: { zh: '手机', en: 'Mobile' },
  home: { zh: '住宅电话', en: 'Home' },
  work: { zh: '单位电话', en: 'Work' },
  other: { zh: '其他', en: 'Other' },
};

export const ID_TYPES = ['id_card', 'uscc', 'passport', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Labels<IdType> = {
  id_card: { zh: '居民身份证', en: 'Resident ID card' },
  uscc: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  passport: { zh: '护照', en: 'Passport' },
  other: { zh: '其他证件', en: 'Other' },
};

export const AREA_CLASSES = ['urban', 'rural', 'remote'] as const;
export type AreaClass = (typeof AREA_CLASSES)[number];
export const AREA_CLASS_LABELS: Labels<AreaClass> = {
  urban: { zh: '城区', en: 'Urban' },
  rural: { zh: '农村', en: 'Rural' },
  remote: { zh: '特殊边远', en: 'Remote' },
};

/** The marks that change how a call is handled (客户标识). */
export const CUSTOMER_MARKS = ['important', 'highRisk', 'sensitive', 'vip', 'arrears'] as const;
export type CustomerMark = (typeof CUSTOMER_MARKS)[number];
export const CUSTOMER_MARK_LABELS: Labels<CustomerMark> = {
  important: { zh: '重要客户', en: 'Important' },
  highRisk: { zh: '高危客户', en: 'High risk' },
  sensitive: { zh: '敏感客户', en: 'Sensitive' },
  vip: { zh: 'VIP', en: 'VIP' },
  arrears: { zh: '欠费', en: 'In arrears' },
};

/** Personal fields that are masked unless the role needs them, and may be revealed (audited). */
export const PII_FIELDS = ['phones', 'idNo', 'address', 'email', 'wechatId'] as const;
export type PiiField = (typeof PII_FIELDS)[number];
