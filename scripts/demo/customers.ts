import type {
  CustomerClass,
  IdType,
  TariffCategory,
  VoltageLevel,
} from '../../common/customers/codes.js';
import type { CustomerRecord } from '../../server/modules/customers/index.js';
import { email, idCardNo, landline, mobile, personName, usccCode, wechatId } from './identity.js';
import type { NetworkStation, NetworkTransformer } from './network.js';
import { BRANDS, compoundName, type CountyPlaces } from './places.js';
import type { SeededRandom } from './random.js';
import { LARGE_TRADES, NON_RESIDENT_TRADES, PARK_ROADS, type Trade } from './trades.js';

/** Where the customers of one supply station live. */
export interface StationPlaces {
  network: NetworkStation;
  places: CountyPlaces;
}

// What households and businesses around one transformer share: a road and a compound in town,
// a village in the township.
interface Neighbourhood {
  transformer: NetworkTransformer;
  street: string;
  compound: string;
  village: string;
  buildings: number;
  groups: number;
}

const SENSITIVE_REASONS = [
  '多次投诉',
  '媒体关注',
  '人大代表',
  '政协委员',
  '有信访记录',
  '曾向12398投诉',
  '律师',
  '网络舆情关注',
];
const ORDINALS = ['一', '二', '三', '四', '五', '六'];

// The first customers of every load carry each mark, so even a small demo shows them all.
const SHOWCASE: {
  cls: CustomerClass;
  trade?: string;
  mark: 'important' | 'highRisk' | 'sensitive' | 'vip' | 'arrears';
}[] = [
  { cls: 'large', trade: 'hospital', mark: 'important' },
  { cls: 'non_resident', trade: 'chemical', mark: 'highRisk' },
  { cls: 'resident', mark: 'sensitive' },
  { cls: 'large', trade: 'mall', mark: 'vip' },
  { cls: 'resident', mark: 'arrears' },
];

/**
 * Generates the customers of the stations in order, `size` at a time, so that a million never
 * sit in memory together. Customers of a station are numbered in a row (户号 31 + station + 6
 * digits) and spread evenly over its transformers, about 80 each.
 */
export function* generateCustomers(
  rnd: SeededRandom,
  stations: StationPlaces[],
  opts: { idClock: number; size: number },
): Generator<CustomerRecord[]> {
  let batch: CustomerRecord[] = [];
  let i = 0;
  const recentMobiles: string[] = [];
  for (const [si, { network, places }] of stations.entries()) {
    const count = network.customers;
    if (count > 999_999)
      throw new Error(`Station ${network.station.spec.code}: too many customers`);
    const ts = network.transformers;
    let hood: Neighbourhood | undefined;
    for (let j = 0; j < count; j++) {
      const transformer = ts[Math.floor((j * ts.length) / count)]!;
      if (hood?.transformer !== transformer) {
        hood = neighbourhood(rnd, network, places, transformer);
        recentMobiles.length = 0;
      }
      const c = customer(rnd, { network, places, hood, i, stationNo: si + 1, j });
      // Now and then a number is shared: a landlord for tenants, a parent for two homes.
      if (c.phones.length < 3 && recentMobiles.length > 0 && rnd.chance(0.015)) {
        c.phones.push({ phone: rnd.pick(recentMobiles), label: 'other' });
      } else if (recentMobiles.length < 40) {
        recentMobiles.push(c.phones[0]!.phone);
      }
      batch.push(c);
      i++;
      if (batch.length === opts.size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;

  function customer(
    r: SeededRandom,
    at: {
      network: NetworkStation;
      places: CountyPlaces;
      hood: Neighbourhood;
      i: number;
      stationNo: number;
      j: number;
    },
  ): CustomerRecord {
    const { network: net, places: pl, hood: h } = at;
    const show = at.i < SHOWCASE.length ? SHOWCASE[at.i] : undefined;
    const cls =
      show?.cls ??
      r.weighted([
        ['resident', 90],
        ['non_resident', 9],
        ['large', 1],
      ] as const);
    const rural = net.area !== 'urban';
    const spread = rural ? 0.006 : 0.002;
    const id = r.uuid(opts.idClock + at.i);
    const lat = round6(h.transformer.lat + r.gauss() * spread);
    const lng = round6(h.transformer.lng + r.gauss() * spread);
    const meterNo = `33${pad(at.stationNo, 2)}0${pad(at.i, 8)}${r.digits(9)}`;
    const consentMessages = r.chance(0.85);
    const p =
      cls === 'resident' ? resident(r, pl, h, rural) : business(r, cls, pl, h, rural, show?.trade);
    const m = marks(r, cls, p.trade, show?.mark);
    // One literal with every field: spreading objects this wide costs a million slow copies.
    return {
      id,
      accountNo: `31${pad(at.stationNo, 2)}${pad(at.j + 1, 6)}`,
      name: p.name,
      customerClass: p.customerClass,
      industry: p.industry,
      voltageLevel: p.voltageLevel,
      tariffCategory: p.tariffCategory,
      idType: p.idType,
      idNo: p.idNo,
      address: p.address,
      lat,
      lng,
      email: p.email,
      wechatId: p.wechatId,
      meterNo,
      annualKwh: p.annualKwh,
      important: m.important,
      highRisk: m.highRisk,
      sensitive: m.sensitive,
      sensitiveReason: m.sensitiveReason,
      vip: m.vip,
      arrearsFen: m.arrearsFen,
      arrearsSince: m.arrearsSince,
      consentMessages,
      orgId: net.station.id,
      provinceId: net.station.provinceId!,
      transformerId: h.transformer.id,
      phones: p.phones,
    };
  }
}

type Profile = Pick<
  CustomerRecord,
  | 'name'
  | 'customerClass'
  | 'industry'
  | 'voltageLevel'
  | 'tariffCategory'
  | 'idType'
  | 'idNo'
  | 'address'
  | 'annualKwh'
  | 'phones'
  | 'email'
  | 'wechatId'
> & { trade: Trade | null };

function neighbourhood(
  rnd: SeededRandom,
  net: NetworkStation,
  pl: CountyPlaces,
  transformer: NetworkTransformer,
): Neighbourhood {
  const village = rnd.pick(pl.villages);
  return {
    transformer,
    street: net.area === 'urban' ? rnd.pick(pl.streets) : `${pl.town}镇${village}`,
    compound: compoundName(rnd),
    village,
    buildings: rnd.int(4, 24),
    groups: rnd.int(3, 12),
  };
}

function resident(rnd: SeededRandom, pl: CountyPlaces, h: Neighbourhood, rural: boolean): Profile {
  const detail = rural
    ? `${rnd.int(1, h.groups)}组${rnd.int(1, 80)}号`
    : `${h.compound}${rnd.int(1, h.buildings)}栋${rnd.int(1, 4)}单元${rnd.int(1, 18)}0${rnd.int(1, 4)}室`;
  const hasId = rnd.chance(0.97);
  const phones: CustomerRecord['phones'] = [{ phone: mobile(rnd), label: 'mobile' }];
  if (rnd.chance(0.3)) phones.push({ phone: mobile(rnd), label: 'mobile' });
  if (rnd.chance(rural ? 0.08 : 0.15))
    phones.push({ phone: landline(rnd, pl.areaCode), label: 'home' });
  return {
    name: personName(rnd),
    customerClass: 'resident',
    industry: 'resident_life',
    voltageLevel: rnd.chance(rural ? 0.14 : 0.05) ? 'v380' : 'v220',
    tariffCategory: rnd.chance(rural ? 0.15 : 0.4) ? 'resident_tou' : 'resident',
    idType: hasId ? 'id_card' : null,
    idNo: hasId ? idCardNo(rnd, pl.regionCode) : null,
    address: { city: pl.city, county: pl.county, street: h.street, detail },
    // Log-normal around 2,400 kWh a year, held within 1,000–8,000.
    annualKwh: Math.round(Math.min(8000, Math.max(1000, 2400 * Math.exp(0.5 * rnd.gauss())))),
    phones,
    email: rnd.chance(0.12) ? email(rnd) : null,
    wechatId: rnd.chance(0.25) ? wechatId(rnd) : null,
    trade: null,
  };
}

function business(
  rnd: SeededRandom,
  cls: 'non_resident' | 'large',
  pl: CountyPlaces,
  h: Neighbourhood,
  rural: boolean,
  tradeKey: string | undefined,
): Profile {
  const trades = cls === 'large' ? LARGE_TRADES : NON_RESIDENT_TRADES;
  const trade =
    trades.find((t) => t.key === tradeKey) ??
    rnd.weighted(
      trades.map(
        (t) => [t, t.weight * (t.industry !== 'agriculture' ? 1 : rural ? 3 : 0.3)] as const,
      ),
    );
  const township = rural ? `${pl.town}镇` : pl.county;
  const name = rnd
    .pick(trade.name.split('|'))
    .replace('{地}', rnd.pick(rural ? [pl.town, h.village.replace(/村$/, '')] : [pl.town, '城关']))
    .replace('{号}', rnd.pick(BRANDS))
    .replace('{县}', pl.county)
    .replace('{镇}', township)
    .replace('{村名}', h.village)
    .replace('{村}', h.village.replace(/村$/, ''))
    .replace('{n}', rnd.pick(ORDINALS));
  const park = trade.park && (cls === 'large' || rnd.chance(0.5));
  const street = park ? `${pl.town}工业园区` : h.street;
  const detail = park
    ? `${rnd.pick(PARK_ROADS)}${rnd.int(1, 120)}号`
    : rural
      ? `${rnd.int(1, h.groups)}组${rnd.int(1, 80)}号`
      : `${rnd.int(1, 360)}号`;
  const voltage = businessVoltage(rnd, cls, trade);
  const phones: CustomerRecord['phones'] = [{ phone: mobile(rnd), label: 'mobile' }];
  if (rnd.chance(cls === 'large' ? 0.9 : 0.5)) {
    phones.push({ phone: landline(rnd, pl.areaCode), label: 'work' });
  }
  if (rnd.chance(0.15)) phones.push({ phone: mobile(rnd), label: 'mobile' });
  const industrial = trade.industry === 'manufacturing' || trade.industry === 'energy_intensive';
  const tariff: TariffCategory =
    trade.industry === 'agriculture'
      ? 'agricultural'
      : cls === 'large' && industrial
        ? 'large_industry'
        : 'general_commercial';
  const annualKwh =
    cls === 'large'
      ? rnd.logUniform(voltage === 'kv110' ? 10_000_000 : 1_000_000, 50_000_000)
      : rnd.logUniform(voltage === 'kv10' ? 50_000 : 10_000, 500_000);
  const idType: IdType = 'uscc';
  return {
    name,
    customerClass: cls,
    industry: trade.industry,
    voltageLevel: voltage,
    tariffCategory: tariff,
    idType,
    idNo: usccCode(rnd, trade.org, pl.regionCode),
    address: { city: pl.city, county: pl.county, street, detail },
    annualKwh: Math.round(annualKwh),
    phones,
    email: rnd.chance(0.4) ? email(rnd) : null,
    wechatId: rnd.chance(0.1) ? wechatId(rnd) : null,
    trade,
  };
}

function businessVoltage(rnd: SeededRandom, cls: 'non_resident' | 'large', t: Trade): VoltageLevel {
  if (cls === 'non_resident')
    return rnd.chance(t.park || t.important ? 0.35 : 0.12) ? 'kv10' : 'v380';
  const heavy = t.industry === 'energy_intensive';
  return rnd.weighted([
    ['kv10', heavy ? 35 : 65],
    ['kv35', heavy ? 45 : 28],
    ['kv110', heavy ? 20 : 7],
  ] as const);
}

function marks(
  rnd: SeededRandom,
  cls: CustomerClass,
  trade: Trade | null,
  forced: (typeof SHOWCASE)[number]['mark'] | undefined,
): Pick<
  CustomerRecord,
  'important' | 'highRisk' | 'sensitive' | 'sensitiveReason' | 'vip' | 'arrearsFen' | 'arrearsSince'
> {
  // A resident is important only with life-support equipment at home (rare).
  const important =
    forced === 'important' ||
    rnd.chance(trade ? (trade.important ?? (cls === 'large' ? 0.08 : 0)) : 0.0002);
  const highRisk = forced === 'highRisk' || trade?.highRisk === true;
  const sensitive = forced === 'sensitive' || rnd.chance(cls === 'resident' ? 0.002 : 0.005);
  const vip =
    forced === 'vip' || rnd.chance(cls === 'large' ? 0.2 : cls === 'non_resident' ? 0.02 : 0.001);
  const arrears = forced === 'arrears' || rnd.chance(cls === 'resident' ? 0.062 : 0.045);
  const day = rnd.int(0, 318);
  return {
    important,
    highRisk,
    sensitive,
    sensitiveReason: sensitive ? rnd.pick(SENSITIVE_REASONS) : null,
    vip,
    // 10–2,000 yuan, in fen; unpaid since a day of 2026 up to mid-November.
    arrearsFen: arrears ? Math.round(rnd.logUniform(1_000, 200_000)) : 0,
    arrearsSince: arrears ? new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10) : null,
  };
}

function pad(n: number, len: number): string {
  return String(n).padStart(len, '0');
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
