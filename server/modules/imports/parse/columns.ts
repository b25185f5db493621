/**
 * The columns of the import files: the Chinese header a utility's marketing-system extract uses,
 * and the English key that is accepted in its place. The templates and the customer export use the
 * same headers, so an exported file (with personal data shown) can be imported again.
 */

export interface ColumnDef<K extends string = string> {
  key: K;
  header: string;
  required: boolean;
  /** What the template's note says about the column. */
  note: string;
  example: string | number;
}

export const CUSTOMER_COLUMNS = [
  {
    key: 'accountNo',
    header: '户号',
    required: true,
    note: '10–16 位数字，省内唯一',
    example: '3601000000001',
  },
  { key: 'name', header: '户名', required: true, note: '最长 64 字', example: '张三' },
  {
    key: 'customerClass',
    header: '客户分类',
    required: true,
    note: '居民 / 非居民 / 大客户',
    example: '居民',
  },
  {
    key: 'industry',
    header: '行业分类',
    required: false,
    note: '居民可空（城乡居民生活）',
    example: '城乡居民生活',
  },
  {
    key: 'voltageLevel',
    header: '电压等级',
    required: false,
    note: '交流220V / 交流380V / 交流10kV …；居民可空',
    example: '交流220V',
  },
  {
    key: 'tariffCategory',
    header: '电价类别',
    required: false,
    note: '居民可空（居民生活用电（阶梯））',
    example: '居民生活用电（阶梯）',
  },
  {
    key: 'idType',
    header: '证件类型',
    required: false,
    note: '居民身份证 / 统一社会信用代码 / 护照 / 其他证件',
    example: '居民身份证',
  },
  {
    key: 'idNo',
    header: '证件号码',
    required: false,
    note: '6–20 位字母或数字',
    example: '360102199001011234',
  },
  { key: 'city', header: '地市', required: true, note: '用电地址：地市', example: '南昌市' },
  { key: 'county', header: '区县', required: true, note: '用电地址：区县', example: '东湖区' },
  {
    key: 'street',
    header: '街道',
    required: false,
    note: '用电地址：街道/乡镇',
    example: '八一大道',
  },
  {
    key: 'detail',
    header: '详细地址',
    required: false,
    note: '门牌、楼栋、房号',
    example: '阳光小区3栋2单元501室',
  },
  { key: 'lng', header: '经度', required: false, note: '-180–180', example: 115.9 },
  { key: 'lat', header: '纬度', required: false, note: '-90–90', example: 28.68 },
  {
    key: 'phones',
    header: '联系电话',
    required: false,
    note: '多个号码用 ; 或 ， 分隔，第一个为首选',
    example: '13812345678;0791-86123456',
  },
  { key: 'email', header: '电子邮箱', required: false, note: '', example: 'zhangsan@example.com' },
  { key: 'wechatId', header: '微信号', required: false, note: '', example: 'zhangsan_wx' },
  {
    key: 'meterNo',
    header: '电能表号',
    required: false,
    note: '最长 32 字',
    example: '3330001000123456',
  },
  { key: 'annualKwh', header: '年用电量', required: false, note: 'kWh，整数', example: 2400 },
  {
    key: 'unitCode',
    header: '供电单位编码',
    required: true,
    note: '组织机构中的单位编码，须在您的管辖范围内',
    example: 'NC-DH-01',
  },
  {
    key: 'transformerCode',
    header: '台区编码',
    required: false,
    note: '本省已有台区的编码',
    example: 'T-0001',
  },
  { key: 'important', header: '重要客户', required: false, note: '是 / 否', example: '否' },
  { key: 'highRisk', header: '高危客户', required: false, note: '是 / 否', example: '否' },
  {
    key: 'sensitive',
    header: '敏感客户',
    required: false,
    note: '是 / 否；为“是”时须填敏感原因',
    example: '否',
  },
  { key: 'sensitiveReason', header: '敏感原因', required: false, note: '', example: '' },
  { key: 'vip', header: 'VIP', required: false, note: '是 / 否', example: '否' },
  {
    key: 'arrears',
    header: '欠费金额(元)',
    required: false,
    note: '元，最多两位小数',
    example: '0.00',
  },
  { key: 'arrearsSince', header: '欠费日期', required: false, note: 'YYYY-MM-DD', example: '' },
  {
    key: 'consentMessages',
    header: '接收通知',
    required: false,
    note: '是 / 否，空为“是”',
    example: '是',
  },
] as const satisfies readonly ColumnDef[];

export type CustomerColumnKey = (typeof CUSTOMER_COLUMNS)[number]['key'];

/**
 * The network in one sheet: every row is a substation (变电站), a feeder (线路) or a transformer
 * (台区). A feeder's parent is a substation code, a transformer's a feeder code; the parent may be
 * in the same file (any row order) or already in the database.
 */
export const NETWORK_COLUMNS = [
  { key: 'type', header: '类型', required: true, note: '变电站 / 线路 / 台区', example: '变电站' },
  { key: 'code', header: '编码', required: true, note: '省内唯一（按类型）', example: 'S-001' },
  { key: 'name', header: '名称', required: true, note: '', example: '城关110kV变电站' },
  {
    key: 'parentCode',
    header: '上级编码',
    required: false,
    note: '线路填变电站编码，台区填线路编码',
    example: '',
  },
  {
    key: 'voltageKv',
    header: '电压等级(kV)',
    required: false,
    note: '变电站必填；线路可空（10）',
    example: 110,
  },
  { key: 'capacityKva', header: '容量(kVA)', required: false, note: '台区必填', example: '' },
  {
    key: 'areaClass',
    header: '区域类别',
    required: true,
    note: '城区 / 农村 / 特殊边远',
    example: '城区',
  },
  { key: 'lng', header: '经度', required: false, note: '', example: 115.9 },
  { key: 'lat', header: '纬度', required: false, note: '', example: 28.68 },
  {
    key: 'unitCode',
    header: '供电单位编码',
    required: true,
    note: '须在您的管辖范围内',
    example: 'NC-DH-01',
  },
] as const satisfies readonly ColumnDef[];

export type NetworkColumnKey = (typeof NETWORK_COLUMNS)[number]['key'];

/** The example rows of the network template: one of each type, linked. */
export const NETWORK_EXAMPLES: Record<NetworkColumnKey, string | number>[] = [
  {
    type: '变电站',
    code: 'S-001',
    name: '城关110kV变电站',
    parentCode: '',
    voltageKv: 110,
    capacityKva: '',
    areaClass: '城区',
    lng: 115.9,
    lat: 28.68,
    unitCode: 'NC-DH-01',
  },
  {
    type: '线路',
    code: 'F-001',
    name: '10kV城关一线',
    parentCode: 'S-001',
    voltageKv: 10,
    capacityKva: '',
    areaClass: '城区',
    lng: '',
    lat: '',
    unitCode: 'NC-DH-01',
  },
  {
    type: '台区',
    code: 'T-0001',
    name: '城关#1台区',
    parentCode: 'F-001',
    voltageKv: '',
    capacityKva: 400,
    areaClass: '城区',
    lng: 115.91,
    lat: 28.69,
    unitCode: 'NC-DH-01',
  },
];

/** Header text as people type it: no BOM, no spaces, half-width brackets, lower case. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

export type HeaderMap<K extends string> = {
  index: Map<K, number>;
  missing: string[];
  duplicate: string[];
};

/** Finds each column in the header row by its Chinese header or its English key. */
export function mapHeader<K extends string>(
  columns: readonly ColumnDef<K>[],
  header: readonly string[],
): HeaderMap<K> {
  const lookup = new Map<string, K>();
  for (const c of columns) {
    lookup.set(normalizeHeader(c.header), c.key);
    lookup.set(normalizeHeader(c.key), c.key);
  }
  const index = new Map<K, number>();
  const duplicate: string[] = [];
  header.forEach((h, i) => {
    const key = lookup.get(normalizeHeader(h));
    if (key === undefined) return;
    if (index.has(key)) duplicate.push(h);
    else index.set(key, i);
  });
  const missing = columns.filter((c) => c.required && !index.has(c.key)).map((c) => c.header);
  return { index, missing, duplicate };
}
