import type { Industry } from '../../common/customers/codes.js';

/**
 * What non-resident and large customers are: a trade gives the industry, how the business is
 * named and registered, and how likely it is to carry a mark. Name patterns: {地} a locality
 * (county seat, 城关 or a village), {号} a brand (字号), {县} the county, {镇} the township
 * (the county in town), {村} the village without 村, {村名} with it, {n} an ordinal numeral.
 * Alternatives are separated by '|'.
 */
export interface Trade {
  key: string;
  industry: Industry;
  name: string;
  weight: number;
  /** Registration kind of the social credit code: companies, sole traders, institutions, organs. */
  org: '91' | '92' | '12' | '11';
  important?: number;
  highRisk?: boolean;
  /** Sited in the industrial park rather than among homes. */
  park?: boolean;
}

export const NON_RESIDENT_TRADES: Trade[] = [
  { key: 'trading', industry: 'commerce', name: '{地}{号}商贸有限公司', weight: 10, org: '91' },
  { key: 'market', industry: 'commerce', name: '{地}{号}超市', weight: 8, org: '92' },
  { key: 'hotel', industry: 'commerce', name: '{地}{号}大酒店', weight: 4, org: '91' },
  { key: 'store', industry: 'commerce', name: '{地}{号}百货商店', weight: 4, org: '92' },
  { key: 'pharmacy', industry: 'commerce', name: '{地}{号}大药房', weight: 3, org: '92' },
  { key: 'food', industry: 'manufacturing', name: '{地}{号}食品有限公司', weight: 4, org: '91' },
  { key: 'furniture', industry: 'manufacturing', name: '{地}{号}家具厂', weight: 3, org: '91' },
  {
    key: 'garment',
    industry: 'manufacturing',
    name: '{地}{号}服装有限公司',
    weight: 3,
    org: '91',
    park: true,
  },
  { key: 'printing', industry: 'manufacturing', name: '{地}{号}印刷厂', weight: 2, org: '91' },
  {
    key: 'machinery',
    industry: 'manufacturing',
    name: '{地}{号}机械制造有限公司',
    weight: 2,
    org: '91',
    park: true,
  },
  { key: 'coop', industry: 'agriculture', name: '{村}{号}农业专业合作社', weight: 5, org: '91' },
  { key: 'farm', industry: 'agriculture', name: '{地}{号}养殖场', weight: 3, org: '92' },
  { key: 'pumping', industry: 'agriculture', name: '{村}排灌站|{村}电灌站', weight: 2, org: '12' },
  {
    key: 'builder',
    industry: 'construction',
    name: '{地}{号}建筑工程有限公司',
    weight: 3,
    org: '91',
  },
  {
    key: 'materials',
    industry: 'construction',
    name: '{地}{号}建材有限公司',
    weight: 3,
    org: '91',
  },
  { key: 'logistics', industry: 'transport', name: '{地}{号}物流有限公司', weight: 3, org: '91' },
  {
    key: 'fuel',
    industry: 'transport',
    name: '{地}{号}加油站',
    weight: 1.2,
    org: '91',
    highRisk: true,
  },
  { key: 'tech', industry: 'it_services', name: '{地}{号}网络科技有限公司', weight: 3, org: '91' },
  {
    key: 'tower',
    industry: 'it_services',
    name: '{村}通信基站|{地}{号}通信基站',
    weight: 2,
    org: '91',
  },
  { key: 'estate', industry: 'public_service', name: '{号}物业服务中心', weight: 5, org: '91' },
  {
    key: 'water',
    industry: 'public_service',
    name: '{镇}自来水厂|{镇}第{n}水厂|{村}供水站',
    weight: 1,
    org: '12',
    important: 0.9,
  },
  {
    key: 'sewage',
    industry: 'public_service',
    name: '{镇}污水处理厂|{村}污水处理站',
    weight: 0.6,
    org: '12',
    important: 0.7,
  },
  { key: 'clinic', industry: 'healthcare', name: '{地}{号}诊所', weight: 3, org: '92' },
  {
    key: 'health-centre',
    industry: 'healthcare',
    name: '{镇}卫生院|{镇}中心卫生院|{村名}卫生室',
    weight: 1.2,
    org: '12',
    important: 0.6,
  },
  { key: 'kindergarten', industry: 'education', name: '{地}{号}幼儿园', weight: 3, org: '91' },
  {
    key: 'school',
    industry: 'education',
    name: '{镇}第{n}中学|{镇}实验中学|{村}中学',
    weight: 1.5,
    org: '12',
    important: 0.4,
  },
  {
    key: 'primary',
    industry: 'education',
    name: '{镇}{村}小学',
    weight: 2,
    org: '12',
    important: 0.15,
  },
  {
    key: 'government',
    industry: 'government',
    name: '{镇}人民政府|{镇}财政所|{镇}派出所|{镇}司法所',
    weight: 0.8,
    org: '11',
    important: 0.6,
  },
  { key: 'committee', industry: 'government', name: '{村名}村民委员会', weight: 2, org: '11' },
  {
    key: 'chemical',
    industry: 'energy_intensive',
    name: '{地}{号}化工有限公司',
    weight: 0.6,
    org: '91',
    highRisk: true,
    park: true,
  },
  {
    key: 'fireworks',
    industry: 'energy_intensive',
    name: '{地}{号}烟花爆竹有限公司',
    weight: 0.3,
    org: '91',
    highRisk: true,
    park: true,
  },
  {
    key: 'quarry',
    industry: 'energy_intensive',
    name: '{地}{号}石材有限公司',
    weight: 0.5,
    org: '91',
    highRisk: true,
  },
];

export const LARGE_TRADES: Trade[] = [
  {
    key: 'cement',
    industry: 'energy_intensive',
    name: '{县}{号}水泥有限公司',
    weight: 8,
    org: '91',
    park: true,
  },
  {
    key: 'steel',
    industry: 'energy_intensive',
    name: '{县}{号}钢铁有限公司',
    weight: 5,
    org: '91',
    park: true,
  },
  {
    key: 'chemical',
    industry: 'energy_intensive',
    name: '{县}{号}化工有限公司',
    weight: 4,
    org: '91',
    highRisk: true,
    park: true,
    important: 0.3,
  },
  {
    key: 'mining',
    industry: 'energy_intensive',
    name: '{县}{号}矿业有限公司',
    weight: 3,
    org: '91',
    highRisk: true,
    important: 0.3,
  },
  {
    key: 'ceramics',
    industry: 'energy_intensive',
    name: '{县}{号}陶瓷有限公司',
    weight: 5,
    org: '91',
    park: true,
  },
  {
    key: 'machinery',
    industry: 'manufacturing',
    name: '{县}{号}机械制造有限公司',
    weight: 9,
    org: '91',
    park: true,
  },
  {
    key: 'textile',
    industry: 'manufacturing',
    name: '{县}{号}纺织有限公司',
    weight: 8,
    org: '91',
    park: true,
  },
  {
    key: 'electronics',
    industry: 'manufacturing',
    name: '{县}{号}电子科技有限公司',
    weight: 7,
    org: '91',
    park: true,
  },
  {
    key: 'paper',
    industry: 'manufacturing',
    name: '{县}{号}纸业有限公司',
    weight: 5,
    org: '91',
    park: true,
  },
  {
    key: 'hospital',
    industry: 'healthcare',
    name: '{县}人民医院|{县}中医院|{县}妇幼保健院|{县}第二人民医院',
    weight: 6,
    org: '12',
    important: 0.95,
  },
  {
    key: 'water',
    industry: 'public_service',
    name: '{县}自来水有限公司|{县}{号}水务有限公司',
    weight: 5,
    org: '91',
    important: 0.95,
  },
  {
    key: 'gas',
    industry: 'public_service',
    name: '{县}{号}燃气有限公司',
    weight: 2,
    org: '91',
    highRisk: true,
    important: 0.8,
  },
  { key: 'mall', industry: 'commerce', name: '{县}{号}购物广场', weight: 8, org: '91' },
  {
    key: 'datacentre',
    industry: 'it_services',
    name: '{县}{号}数据中心',
    weight: 4,
    org: '91',
    important: 0.5,
    park: true,
  },
  {
    key: 'college',
    industry: 'education',
    name: '{县}职业技术学校|{县}第一中学|{县}实验中学',
    weight: 3,
    org: '12',
    important: 0.3,
  },
  {
    key: 'station',
    industry: 'transport',
    name: '{县}高铁站|{县}火车站',
    weight: 2,
    org: '12',
    important: 0.9,
  },
];

/** Roads of an industrial park. */
export const PARK_ROADS = ['创业大道', '科技路', '园区一路', '园区二路', '园区三路', '工业路'];
