import type { UnitKind, UnitLevel } from '../../common/org-levels.js';
import type { Role } from '../../common/permissions.js';

/** The demo province: fictional places with believable Chinese names. */
export interface UnitSpec {
  key: string;
  name: string;
  code: string;
  level: UnitLevel;
  kind: UnitKind;
  children?: UnitSpec[];
}

const dept = (
  key: string,
  name: string,
  code: string,
  kind: UnitKind,
  children?: UnitSpec[],
): UnitSpec => ({
  key,
  name,
  code,
  level: 'department',
  kind,
  ...(children ? { children } : {}),
});

function county(city: string, cityCode: string, name: string, n: number): UnitSpec {
  const code = `${cityCode}${String(n).padStart(2, '0')}`;
  const key = `${city}-${n}`;
  return {
    key,
    name: `${name}供电公司`,
    code,
    level: 'county',
    kind: 'company',
    children: [
      dept(`${key}-mkt`, '营销部', `${code}-MKT`, 'marketing'),
      dept(
        `${key}-ss1`,
        `${name.replace(/[县市区]$/, '')}城关供电所`,
        `${code}-SS1`,
        'supply_station',
        [dept(`${key}-crew1`, '城关抢修班', `${code}-RC1`, 'repair_team')],
      ),
      dept(
        `${key}-ss2`,
        `${name.replace(/[县市区]$/, '')}镇供电所`,
        `${code}-SS2`,
        'supply_station',
        [dept(`${key}-crew2`, '乡镇抢修班', `${code}-RC2`, 'repair_team')],
      ),
    ],
  };
}

function city(key: string, name: string, code: string, counties: string[]): UnitSpec {
  return {
    key,
    name: `${name}供电公司`,
    code,
    level: 'city',
    kind: 'company',
    children: [
      dept(`${key}-mkt`, '营销部', `${code}-MKT`, 'marketing'),
      dept(`${key}-ops`, '运维检修部', `${code}-OPS`, 'operations'),
      dept(`${key}-dispatch`, '配网调控中心', `${code}-DSP`, 'dispatch'),
      dept(`${key}-csc`, '客户服务中心', `${code}-CSC`, 'service_center'),
      ...counties.map((c, i) => county(key, code, c, i + 1)),
    ],
  };
}

export const TERRITORY: UnitSpec = {
  key: 'national',
  name: '国家电网客户服务中心',
  code: 'SGCC-CSC',
  level: 'national',
  kind: 'company',
  children: [
    {
      key: 'province',
      name: '示范省电力公司',
      code: 'SF',
      level: 'province',
      kind: 'company',
      children: [
        dept('province-csc', '95598客户服务中心', 'SF-CSC', 'service_center', [
          dept('province-csc-t1', '受理一班', 'SF-CSC-T1', 'service_center'),
          dept('province-csc-t2', '受理二班', 'SF-CSC-T2', 'service_center'),
          dept('province-csc-qa', '质量管理班', 'SF-CSC-QA', 'service_center'),
        ]),
        dept('province-mkt', '营销部', 'SF-MKT', 'marketing'),
        dept('province-ops', '运维检修部', 'SF-OPS', 'operations'),
        city('donghu', '东湖市', 'DH', ['临湖县', '青石县', '白沙区']),
        city('xishan', '西山市', 'XS', ['松岭县', '云溪县', '石门县']),
        city('nanjiang', '南江市', 'NJ', ['江口县', '桃源县']),
      ],
    },
  ],
};

/** A unit of the territory once inserted: its id, path and province. */
export interface PlacedUnit {
  id: string;
  path: string;
  provinceId: string | null;
  spec: UnitSpec;
}

export interface UserSpec {
  username: string;
  name: string;
  roles: Role[];
  unit: string;
  phone: string;
}

/** Demo logins (password Lianxin@2026, demo only). */
export const DEMO_USERS: UserSpec[] = [
  {
    username: 'admin',
    name: '系统管理员',
    roles: ['admin'],
    unit: 'national',
    phone: '13900000001',
  },
  {
    username: 'agent01',
    name: '李晓雯',
    roles: ['agent'],
    unit: 'province-csc-t1',
    phone: '13800010001',
  },
  {
    username: 'agent02',
    name: '王静怡',
    roles: ['agent'],
    unit: 'province-csc-t1',
    phone: '13800010002',
  },
  {
    username: 'agent03',
    name: '张梦瑶',
    roles: ['agent'],
    unit: 'province-csc-t1',
    phone: '13800010003',
  },
  {
    username: 'agent04',
    name: '刘佳琪',
    roles: ['agent'],
    unit: 'province-csc-t2',
    phone: '13800010004',
  },
  {
    username: 'agent05',
    name: '陈思彤',
    roles: ['agent'],
    unit: 'province-csc-t2',
    phone: '13800010005',
  },
  {
    username: 'agent06',
    name: '杨雨欣',
    roles: ['agent'],
    unit: 'province-csc-t2',
    phone: '13800010006',
  },
  {
    username: 'lead01',
    name: '赵海燕',
    roles: ['shift_lead'],
    unit: 'province-csc-t1',
    phone: '13800020001',
  },
  {
    username: 'lead02',
    name: '孙丽娟',
    roles: ['team_lead'],
    unit: 'province-csc',
    phone: '13800020002',
  },
  {
    username: 'manager01',
    name: '周建国',
    roles: ['center_manager'],
    unit: 'province-csc',
    phone: '13800030001',
  },
  {
    username: 'qa01',
    name: '吴晓红',
    roles: ['quality_inspector'],
    unit: 'province-csc-qa',
    phone: '13800040001',
  },
  {
    username: 'trainer01',
    name: '郑文华',
    roles: ['trainer'],
    unit: 'province-csc',
    phone: '13800050001',
  },
  {
    username: 'dispatch01',
    name: '钱志强',
    roles: ['dispatcher'],
    unit: 'donghu-dispatch',
    phone: '13800060001',
  },
  {
    username: 'dispatch02',
    name: '冯立新',
    roles: ['dispatcher'],
    unit: 'xishan-dispatch',
    phone: '13800060002',
  },
  {
    username: 'crew01',
    name: '何建军',
    roles: ['repair_crew'],
    unit: 'donghu-1-crew1',
    phone: '13800070001',
  },
  {
    username: 'crew02',
    name: '马卫东',
    roles: ['repair_crew'],
    unit: 'donghu-1-crew2',
    phone: '13800070002',
  },
  {
    username: 'backoffice01',
    name: '林秀英',
    roles: ['back_office'],
    unit: 'donghu-mkt',
    phone: '13800080001',
  },
  {
    username: 'provadmin',
    name: '省公司管理员',
    roles: ['admin'],
    unit: 'province',
    phone: '13900000002',
  },
  {
    username: 'lhadmin',
    name: '临湖县管理员',
    roles: ['admin'],
    unit: 'donghu-1',
    phone: '13900000003',
  },
  {
    username: 'qsadmin',
    name: '青石县管理员',
    roles: ['admin'],
    unit: 'donghu-2',
    phone: '13900000004',
  },
];

export const DEMO_PASSWORD = 'Lianxin@2026';

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华玉兰志强桂兰海燕小红晓明文静欣怡梓涵子轩浩宇雨涵思远宇航佳怡嘉怡子豪俊杰晨曦春梅国强红梅丽娟海峰德胜秋菊冬梅建平立新卫东';
