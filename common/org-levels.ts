/**
 * Levels of the organisation tree. Companies nest national → province → city → county; a
 * department (客服中心, 营销部, 运检部, 供电所, 抢修班组 …) sits under any company or department.
 */
export const UNIT_LEVELS = ['national', 'province', 'city', 'county', 'department'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const UNIT_LEVEL_LABELS: Record<UnitLevel, { zh: string; en: string }> = {
  national: { zh: '国网客服中心', en: 'National service center' },
  province: { zh: '省公司', en: 'Provincial company' },
  city: { zh: '地市公司', en: 'City company' },
  county: { zh: '县公司', en: 'County company' },
  department: { zh: '部门/班组', en: 'Department or team' },
};

export const UNIT_KINDS = [
  'company',
  'service_center',
  'marketing',
  'operations',
  'dispatch',
  'supply_station',
  'repair_team',
  'office',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, { zh: string; en: string }> = {
  company: { zh: '公司', en: 'Company' },
  service_center: { zh: '客服中心', en: 'Customer service center' },
  marketing: { zh: '营销部', en: 'Marketing department' },
  operations: { zh: '运检部', en: 'Operations and maintenance' },
  dispatch: { zh: '配网调控中心', en: 'Distribution dispatch' },
  supply_station: { zh: '供电所', en: 'Supply station' },
  repair_team: { zh: '抢修班组', en: 'Repair crew team' },
  office: { zh: '办公室', en: 'Office' },
  other: { zh: '其他', en: 'Other' },
};

const ALLOWED_PARENT: Record<UnitLevel, readonly (UnitLevel | null)[]> = {
  national: [null],
  province: ['national', null],
  city: ['province'],
  county: ['city'],
  department: ['national', 'province', 'city', 'county', 'department'],
};

/** Whether a unit of `level` may sit under a parent of `parentLevel` (null: no parent). */
export function levelFitsUnder(level: UnitLevel, parentLevel: UnitLevel | null): boolean {
  return ALLOWED_PARENT[level].includes(parentLevel);
}
