import type { SeededRandom } from './random.js';

/**
 * Place words of the demo territory: roads of a county seat, villages of a township, residential
 * compounds and the codes (ID region code, telephone area code) of its fictional cities.
 */

/** Roads, avenues and sub-districts as found in most Chinese county seats. */
const STREETS = [
  '人民路',
  '解放大道',
  '建设路',
  '中山路',
  '胜利路',
  '和平路',
  '新华路',
  '文化路',
  '光明路',
  '东风路',
  '长江路',
  '滨江大道',
  '站前路',
  '工业大道',
  '迎宾大道',
  '朝阳路',
  '青年路',
  '府前街',
  '南门街',
  '北门街',
  '城南街道',
  '城北街道',
  '东城街道',
  '西城街道',
  '学府路',
  '健康路',
  '幸福路',
  '振兴路',
  '团结路',
  '公园路',
  '体育路',
  '沿河路',
  '环城东路',
  '环城西路',
  '环城南路',
  '环城北路',
  '八一大道',
  '五一路',
  '红旗路',
  '民主路',
  '跃进路',
  '兴业路',
  '开发区大道',
  '湖滨路',
  '桂花路',
  '樟树街',
  '老街',
  '新街',
  '米市街',
  '书院街',
];

const VILLAGE_STEMS = [
  '王家',
  '李家',
  '张家',
  '刘家',
  '陈家',
  '杨家',
  '黄家',
  '周家',
  '吴家',
  '胡家',
  '石桥',
  '新塘',
  '杨柳',
  '枫树',
  '桃花',
  '大坪',
  '下湾',
  '上屋',
  '塘背',
  '茶园',
  '竹林',
  '高坑',
  '黄泥',
  '龙口',
  '白石',
  '松山',
  '梅岭',
  '河口',
  '沙洲',
  '水口',
  '长岭',
  '横江',
  '清溪',
  '东坑',
  '西坑',
  '田心',
  '岭下',
  '洋田',
  '坪上',
  '柏树',
];
const VILLAGE_ENDS = ['村', '村', '村', '湾村', '庄村', '坪村'];

const COMPOUND_STEMS = [
  '锦绣',
  '阳光',
  '幸福',
  '翠湖',
  '金色',
  '滨江',
  '书香',
  '御景',
  '盛世',
  '丽景',
  '东方',
  '紫荆',
  '香樟',
  '桂花',
  '明珠',
  '新城',
  '世纪',
  '电力',
  '教师',
  '财富',
  '江南',
  '状元',
  '文昌',
  '春天',
];
const COMPOUND_ENDS = [
  '花园',
  '小区',
  '家园',
  '苑',
  '新村',
  '公寓',
  '华庭',
  '名都',
  '雅居',
  '花城',
];

/** The brand part of a business name (字号): common, unremarkable and invented together. */
export const BRANDS = [
  '鑫源',
  '华泰',
  '恒通',
  '兴旺',
  '宏达',
  '永安',
  '金穗',
  '顺发',
  '天成',
  '瑞丰',
  '嘉禾',
  '万通',
  '盛达',
  '联创',
  '鸿运',
  '佳美',
  '绿源',
  '恒昌',
  '汇丰源',
  '利民',
  '德信',
  '福满',
  '春晖',
  '祥和',
];

/** The place codes of one county of the demo province. */
export interface CountyPlaces {
  /** 6-digit administrative region code, fictional (province code 39 is not assigned). */
  regionCode: string;
  /** Telephone area code of the city. */
  areaCode: string;
  city: string;
  county: string;
  /** The county seat's name without 县/区, e.g. 临湖. */
  town: string;
  streets: string[];
  villages: string[];
}

const AREA_CODES: Record<string, string> = { donghu: '0736', xishan: '0737', nanjiang: '0738' };
const CITY_CODES: Record<string, string> = { donghu: '01', xishan: '02', nanjiang: '03' };

/** Chooses the roads and villages of a county: a few dozen of each, the same for one seed. */
export function countyPlaces(
  rnd: SeededRandom,
  county: { key: string; name: string; cityKey: string; cityName: string; n: number },
): CountyPlaces {
  const name = county.name.replace(/供电公司$/, '');
  const isDistrict = name.endsWith('区');
  return {
    regionCode: `39${CITY_CODES[county.cityKey] ?? '09'}${isDistrict ? '0' : '2'}${county.n}`,
    areaCode: AREA_CODES[county.cityKey] ?? '0739',
    city: county.cityName.replace(/供电公司$/, ''),
    county: name,
    town: name.replace(/[县区]$/, ''),
    streets: sample(rnd, STREETS, 30),
    villages: sample(rnd, VILLAGE_STEMS, 32).map((s) => s + rnd.pick(VILLAGE_ENDS)),
  };
}

/** A residential compound name such as 锦绣花园. */
export function compoundName(rnd: SeededRandom): string {
  return rnd.pick(COMPOUND_STEMS) + rnd.pick(COMPOUND_ENDS);
}

function sample<T>(rnd: SeededRandom, items: readonly T[], n: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}
