import type { OrderFields } from '../../common/schemas/orders.js';
import type { SeededRandom } from './random.js';

/**
 * What callers report and agents write down, by order type: the mix of a provincial 95598
 * center on an ordinary day and on a storm day, the words of each kind of call, and the
 * type-specific fields the taxonomy requires.
 */

export interface OrderKind {
  typeCode: string;
  subtypeCode: string | null;
  /** Share of the calls (any unit: the weights of one mix are compared with each other). */
  weight: number;
  /** Title and description variants; one is picked per order. */
  texts: readonly (readonly [string, string])[];
  /** How often the caller is not a known customer (a passer-by, a new applicant, a tip-off). */
  stranger?: number;
}

const FAULT_LV: OrderKind['texts'] = [
  ['家中停电', '客户反映家中突然停电，邻居家也没电，请尽快安排抢修。'],
  ['整栋楼停电', '小区整栋楼停电，电梯停运，有老人在家，请尽快处理。'],
  ['一片区域停电', '客户反映附近几栋楼同时停电，路灯也不亮，怀疑台区故障。'],
  ['缺相用电异常', '客户反映家中部分电器不能用、部分正常，怀疑缺相。'],
];
const FAULT_STORM: OrderKind['texts'] = [
  ['大风后停电', '今天下午大风过后全村停电，客户称听到变压器方向有响声。'],
  ['雷雨天气停电', '雷雨过程中家中突然停电，周边小区也都停电，请尽快恢复。'],
  ['树枝压断线路停电', '路边大树被风刮倒压在电线上，附近住户全部停电。'],
  ['整片停电询问恢复时间', '客户反映整片区域停电已超过一小时，询问何时恢复供电。'],
];

/** An ordinary day's mix: faults first, then enquiries, queries and service requests. */
export const ORDINARY_MIX: OrderKind[] = [
  { typeCode: 'fault', subtypeCode: 'lv_fault', weight: 18, texts: FAULT_LV, stranger: 0.06 },
  {
    typeCode: 'fault',
    subtypeCode: 'customer_side',
    weight: 7,
    texts: [
      ['户内跳闸无法合闸', '客户家中空气开关跳闸后无法合上，怀疑户内线路短路，请求上门检查。'],
      ['表后开关跳闸', '客户反映电能表后开关频繁跳闸，家中大功率电器一开就断电。'],
    ],
  },
  {
    typeCode: 'fault',
    subtypeCode: 'hv_fault',
    weight: 3,
    texts: [
      ['10千伏线路跳闸', '多名客户反映同一片区停电，调控中心显示10千伏线路跳闸。'],
      ['高压线路放电声', '客户反映路边高压线有放电声并有火花，附近已停电。'],
    ],
    stranger: 0.3,
  },
  {
    typeCode: 'fault',
    subtypeCode: 'power_quality',
    weight: 4,
    texts: [
      ['电压不稳灯光闪烁', '客户反映晚间电压偏低，灯光闪烁，空调无法启动。'],
      ['电压偏高烧坏电器', '客户反映家中电压偏高，已有电器发热，要求检查。'],
    ],
  },
  {
    typeCode: 'fault',
    subtypeCode: 'meter_fault',
    weight: 3,
    texts: [
      ['电能表箱冒烟', '客户反映楼道电能表箱有焦糊味并冒烟，已远离现场。'],
      ['电能表烧坏停电', '客户反映电能表接线处烧黑，家中已停电。'],
    ],
  },
  {
    typeCode: 'fault',
    subtypeCode: 'safety_hazard',
    weight: 3,
    texts: [
      ['线路断落存在隐患', '路边低压线路断落在地，行人较多，存在触电危险，请尽快处理。'],
      ['电杆倾斜', '客户反映路边电杆严重倾斜，担心倒杆伤人。'],
      ['变压器漏油', '客户反映小区旁变压器有漏油现象并有异味。'],
    ],
    stranger: 0.6,
  },
  {
    typeCode: 'enquiry',
    subtypeCode: 'tariff',
    weight: 6,
    texts: [
      ['咨询阶梯电价', '客户咨询阶梯电价的计费方式和分档标准，以及峰谷电价如何办理。'],
      ['咨询峰谷电价', '客户咨询峰谷分时电价的时段划分和办理条件。'],
    ],
  },
  {
    typeCode: 'enquiry',
    subtypeCode: 'business_process',
    weight: 4,
    texts: [
      ['咨询过户手续', '客户咨询购买二手房后办理电费户名过户需要的材料。'],
      ['咨询充电桩报装', '客户咨询在自家车位安装电动汽车充电桩的报装流程。'],
    ],
    stranger: 0.4,
  },
  {
    typeCode: 'enquiry',
    subtypeCode: 'outage_info',
    weight: 5,
    texts: [
      ['咨询计划停电时间', '客户咨询本周小区计划停电的具体时间和恢复供电时间。'],
      ['咨询停电原因', '客户询问昨晚停电的原因，以及是否还会再次停电。'],
    ],
  },
  {
    typeCode: 'enquiry',
    subtypeCode: 'other',
    weight: 2,
    texts: [['咨询光伏并网', '客户咨询家庭屋顶光伏并网的办理条件和补贴政策。']],
    stranger: 0.3,
  },
  {
    typeCode: 'query',
    subtypeCode: 'bill',
    weight: 5,
    texts: [
      ['查询上月电费', '客户认为上月电费偏高，查询电费电量明细及抄表读数。'],
      ['电费突增查询', '客户反映本月电费比往月高出一倍，要求核实电量。'],
    ],
  },
  {
    typeCode: 'query',
    subtypeCode: 'payment',
    weight: 3,
    texts: [['查询缴费记录', '客户通过手机缴费后未到账，查询缴费记录。']],
  },
  {
    typeCode: 'service_request',
    subtypeCode: 'reconnection',
    weight: 5,
    texts: [['欠费复电登记', '客户已缴清欠费，申请尽快恢复供电。']],
  },
  {
    typeCode: 'service_request',
    subtypeCode: 'appliance_damage',
    weight: 1.5,
    texts: [['停电后电器损坏', '客户反映昨晚来电瞬间家中电器损坏，要求上门核实。']],
  },
  {
    typeCode: 'service_request',
    subtypeCode: 'meter_fault',
    weight: 2.5,
    texts: [['电能表走字异常', '客户反映家中无人时电能表仍在走字，申请校验电能表。']],
  },
  {
    typeCode: 'service_request',
    subtypeCode: 'reading_anomaly',
    weight: 1.5,
    texts: [['抄表数据异常', '客户反映本月抄表示数与电能表实际示数不符。']],
  },
  {
    typeCode: 'service_request',
    subtypeCode: 'ev_charging',
    weight: 0.5,
    texts: [['预约充电桩安装勘查', '客户已购买电动汽车，预约充电桩安装现场勘查。']],
  },
  {
    typeCode: 'service_request',
    subtypeCode: 'other',
    weight: 1,
    texts: [['申请迁移电能表', '客户装修房屋，申请将电能表迁移到楼道表箱。']],
  },
  {
    typeCode: 'complaint',
    subtypeCode: 'service',
    weight: 1.5,
    texts: [
      ['抢修人员态度差', '客户投诉抢修人员到场后态度恶劣，未说明停电原因。'],
      ['营业员服务不规范', '客户投诉营业厅工作人员办理业务时玩手机，态度冷淡。'],
    ],
  },
  {
    typeCode: 'complaint',
    subtypeCode: 'business',
    weight: 1,
    texts: [['营业厅办理业务拖延', '客户投诉营业厅办理新装业务多次往返，迟迟未办结。']],
  },
  {
    typeCode: 'complaint',
    subtypeCode: 'outage',
    weight: 1.5,
    texts: [['频繁停电投诉', '客户投诉近一个月频繁停电，影响生产生活，要求给出说法。']],
  },
  {
    typeCode: 'complaint',
    subtypeCode: 'quality',
    weight: 0.6,
    texts: [['长期电压偏低投诉', '客户投诉夏季晚高峰电压长期偏低，多次反映未解决。']],
  },
  {
    typeCode: 'complaint',
    subtypeCode: 'construction',
    weight: 0.4,
    texts: [['施工后未恢复路面', '客户投诉电网施工后路面未恢复，影响出行。']],
  },
  {
    typeCode: 'report',
    subtypeCode: 'power_theft',
    weight: 1.2,
    texts: [['举报窃电', '客户举报附近商铺私拉电线绕越电能表用电。']],
    stranger: 0.7,
  },
  {
    typeCode: 'report',
    subtypeCode: 'illegal_use',
    weight: 0.4,
    texts: [['举报违约用电', '客户举报附近厂房以居民电价用于生产经营。']],
    stranger: 0.7,
  },
  {
    typeCode: 'report',
    subtypeCode: 'facility_damage',
    weight: 0.2,
    texts: [['举报偷盗电缆', '客户举报夜间有人在村口剪盗电缆。']],
    stranger: 0.8,
  },
  {
    typeCode: 'report',
    subtypeCode: 'misconduct',
    weight: 0.2,
    texts: [['举报工作人员索要好处', '客户举报抄表人员以加快办理为由索要好处费。']],
    stranger: 0.5,
  },
  {
    typeCode: 'opinion',
    subtypeCode: null,
    weight: 2,
    texts: [
      ['对停电通知方式的意见', '客户认为停电通知只在小区张贴不够及时，希望短信通知。'],
      ['对营业厅排队的意见', '客户认为营业厅窗口开放太少，排队时间过长。'],
    ],
  },
  {
    typeCode: 'suggestion',
    subtypeCode: null,
    weight: 2,
    texts: [
      ['建议增加充电桩', '客户建议在小区停车场增设电动汽车充电桩。'],
      ['建议增加线上办理业务', '客户建议更多业务可在手机上办理，减少跑腿。'],
    ],
  },
  {
    typeCode: 'praise',
    subtypeCode: null,
    weight: 2,
    texts: [
      ['表扬抢修人员', '客户表扬抢修班组冒雨连夜抢修，及时恢复供电。'],
      ['表扬营业厅服务', '客户表扬营业厅工作人员耐心细致，帮助老人办理业务。'],
    ],
  },
  {
    typeCode: 'new_connection',
    subtypeCode: 'resident',
    weight: 3,
    texts: [['居民新装', '客户新购住房，申请居民生活用电新装。']],
    stranger: 0.7,
  },
  {
    typeCode: 'new_connection',
    subtypeCode: 'lv_non_resident',
    weight: 2,
    texts: [['店铺低压新装', '客户新开店铺，申请低压非居民用电新装。']],
    stranger: 0.7,
  },
  {
    typeCode: 'new_connection',
    subtypeCode: 'hv_single',
    weight: 0.6,
    texts: [['厂房高压新装', '企业新建厂房，申请10千伏高压单电源供电。']],
    stranger: 0.5,
  },
  {
    typeCode: 'new_connection',
    subtypeCode: 'capacity_increase',
    weight: 0.4,
    texts: [['申请增容', '企业扩大生产，申请变压器增容。']],
  },
  {
    typeCode: 'change_of_use',
    subtypeCode: 'rename',
    weight: 3,
    texts: [['更名过户', '客户购买二手房，申请电费户名过户。']],
  },
  {
    typeCode: 'change_of_use',
    subtypeCode: 'suspension',
    weight: 1,
    texts: [['申请暂停用电', '企业停产检修，申请变压器暂停用电两个月。']],
  },
  {
    typeCode: 'change_of_use',
    subtypeCode: 'capacity_reduction',
    weight: 0.5,
    texts: [['申请减容', '企业部分生产线停用，申请减少用电容量。']],
  },
  {
    typeCode: 'change_of_use',
    subtypeCode: 'tariff_change',
    weight: 0.5,
    texts: [['申请改变用电类别', '客户将住宅改为商铺，申请变更用电类别。']],
  },
];

/** The storm: faults, fallen lines and people asking when the power comes back. */
export const STORM_MIX: OrderKind[] = [
  { typeCode: 'fault', subtypeCode: 'lv_fault', weight: 45, texts: FAULT_STORM, stranger: 0.05 },
  {
    typeCode: 'fault',
    subtypeCode: 'hv_fault',
    weight: 15,
    texts: [
      ['10千伏线路故障停电', '大风导致10千伏线路故障，片区大面积停电。'],
      ['高压线被树枝搭挂', '客户反映高压线被折断的树枝搭挂，有放电火花。'],
    ],
    stranger: 0.2,
  },
  {
    typeCode: 'fault',
    subtypeCode: 'safety_hazard',
    weight: 15,
    texts: [
      ['电线被风刮断落地', '大风把路边电线刮断落在地上，请尽快派人处理，已提醒行人绕行。'],
      ['电杆被风刮倒', '村口电杆被大风刮倒横在路上，电线落地。'],
    ],
    stranger: 0.6,
  },
  {
    typeCode: 'fault',
    subtypeCode: 'customer_side',
    weight: 5,
    texts: [['雷击后户内跳闸', '打雷后家中总开关跳闸，合不上，其他人家有电。']],
  },
  {
    typeCode: 'enquiry',
    subtypeCode: 'outage_info',
    weight: 10,
    texts: [['询问何时恢复供电', '客户询问本片区因大风停电何时能恢复供电。']],
  },
  {
    typeCode: 'complaint',
    subtypeCode: 'outage',
    weight: 4,
    texts: [['停电时间过长投诉', '客户投诉停电已超过四小时仍未恢复，家中有卧床老人。']],
  },
];

const pickFrom = <T>(rnd: SeededRandom, pairs: readonly (readonly [T, number])[]) =>
  rnd.weighted(pairs);

const SUGGESTION_TOPICS = [
  'distribution_network',
  'outages',
  'service_channels',
  'electric_vehicles',
  'service_halls',
  'smart_services',
  'green_power',
] as const;
const APPLIANCES = ['冰箱', '空调', '电视机', '洗衣机', '热水器', '路由器'];

/**
 * The fields the (sub)type requires, as an agent fills them in; `areaClass` only when the place
 * does not come from a customer's transformer.
 */
export function orderFields(
  rnd: SeededRandom,
  kind: OrderKind,
  at: number,
  o: { storm: boolean; areaClass: string | null },
): OrderFields {
  switch (kind.typeCode) {
    case 'fault': {
      const urgency = o.storm
        ? pickFrom(rnd, [
            ['normal', 55],
            ['important', 28],
            ['urgent', 17],
          ] as const)
        : pickFrom(rnd, [
            ['normal', 80],
            ['important', 12],
            ['urgent', 8],
          ] as const);
      return {
        faultTime: new Date(at - rnd.int(3, 90) * 60_000).toISOString(),
        voltageSide:
          kind.subtypeCode === 'hv_fault'
            ? 'hv'
            : pickFrom(rnd, [
                ['lv', 85],
                ['unknown', 15],
              ] as const),
        urgency,
        // 周边邻居是否停电, asked of every caller without power: in a storm the street is dark.
        neighbours: o.storm
          ? pickFrom(rnd, [
              ['also_off', 75],
              ['unknown', 20],
              ['have_power', 5],
            ] as const)
          : pickFrom(rnd, [
              ['have_power', 45],
              ['also_off', 35],
              ['unknown', 20],
            ] as const),
        ...(o.areaClass ? { areaClass: o.areaClass as OrderFields['areaClass'] } : {}),
      };
    }
    case 'complaint': {
      const overLevel = rnd.chance(0.04);
      return {
        complaintClass: kind.subtypeCode as OrderFields['complaintClass'],
        grade: pickFrom(rnd, [
          ['general', 84],
          ['important', 12],
          ['major', 3],
          ['special', 1],
        ] as const),
        emotion: pickFrom(rnd, [
          ['calm', 45],
          ['agitated', 42],
          ['very_agitated', 13],
        ] as const),
        confidentiality: pickFrom(rnd, [
          ['none', 92],
          ['confidential', 5],
          ['anonymous', 3],
        ] as const),
        overLevel,
        ...(overLevel ? { overLevelReason: '客户认为县公司多次处理未果，直接向省公司反映。' } : {}),
      };
    }
    case 'report':
      return {
        reportKind: kind.subtypeCode as OrderFields['reportKind'],
        confidentiality: pickFrom(rnd, [
          ['confidential', 70],
          ['anonymous', 30],
        ] as const),
        ...(kind.subtypeCode === 'misconduct' ? { reportedParties: '某供电所抄表人员' } : {}),
      };
    case 'suggestion':
      return { suggestionTopic: rnd.pick(SUGGESTION_TOPICS) };
    case 'praise':
      return {
        praiseClass: pickFrom(rnd, [
          ['service', 60],
          ['conduct', 25],
          ['construction', 10],
          ['other', 5],
        ] as const),
      };
    case 'service_request':
      return kind.subtypeCode === 'appliance_damage' ? { appliance: rnd.pick(APPLIANCES) } : {};
    default:
      return {};
  }
}

/** What the crews and the back office write when they return an order (回单). */
export const RESULTS: Record<string, readonly string[]> = {
  fault: [
    '更换低压熔断器后恢复供电。',
    '处理台区低压线路接头烧断，已恢复供电。',
    '户内漏电保护器损坏，协助客户更换后恢复用电。',
    '清除树障、修复断线后恢复供电。',
    '更换损坏电能表及表箱接线，已恢复供电。',
  ],
  storm: [
    '大风造成线路断线，抢修班组连夜修复，已恢复供电。',
    '清理倒伏树木、扶正电杆、重新架线后恢复供电。',
    '10千伏线路故障点已隔离，非故障段先行复电，故障段修复后全部恢复。',
  ],
  other: [
    '已电话联系客户详细解答，客户表示清楚。',
    '已按客户诉求办理完毕，并告知客户办理结果。',
    '经现场核实，情况属实，已整改完毕并向客户反馈。',
    '已核实电量电费无误，向客户解释了计费依据。',
  ],
  complaint: [
    '经核实投诉属实，已对相关人员批评教育并向客户致歉，客户表示接受。',
    '已向客户说明停电原因及后续改造计划，客户表示理解。',
  ],
};
