import type { Insertable, Kysely } from 'kysely';
import type {
  AreaClass,
  DB,
  GridFeedersTable,
  GridSubstationsTable,
  GridTransformersTable,
} from '../../server/db/schema.js';
import type { SeededRandom } from './random.js';
import type { PlacedUnit } from './territory.js';

// A 台区 supplies about 80 customers; a 10 kV feeder carries at most ~40 of them, so a big
// territory gets more feeders per substation rather than overloaded lines.
const CUSTOMERS_PER_TRANSFORMER = 80;
const TRANSFORMERS_PER_FEEDER = 32;
const MIN_FEEDERS = 4;
// At least 3 transformers per feeder keeps small demos branched.
const MIN_TRANSFORMERS = MIN_FEEDERS * 3;
// Towns are denser than townships, and remote areas thinner still.
const AREA_WEIGHT: Record<AreaClass, number> = { urban: 1.4, rural: 0.8, remote: 0.5 };

/** A transformer (台区) as the customer generator needs it. */
export interface NetworkTransformer {
  id: string;
  lat: number;
  lng: number;
}

/** A supply station with its share of the customers and the transformers that serve them. */
export interface NetworkStation {
  station: PlacedUnit;
  county: PlacedUnit;
  area: AreaClass;
  customers: number;
  transformers: NetworkTransformer[];
}

/**
 * Builds the supply network of every county: a town substation (110 kV, urban) feeding the
 * town's supply station and a rural one (35 kV) feeding the township station, at least four
 * 10 kV feeders each, and a transformer (台区) for about every 80 customers to come. The last
 * county's rural area is remote (特殊边远). Returns the stations with their customer counts.
 */
export async function insertNetwork(
  tx: Kysely<DB>,
  rnd: SeededRandom,
  units: Map<string, PlacedUnit>,
  customers: number,
  idClock: number,
): Promise<NetworkStation[]> {
  const counties = [...units.values()].filter((u) => u.spec.level === 'county');
  const plan = counties.flatMap((county, ci) =>
    (['ss1', 'ss2'] as const).map((kind, si) => {
      const area: AreaClass = si === 0 ? 'urban' : ci === counties.length - 1 ? 'remote' : 'rural';
      return { county, ci, si, station: units.get(`${county.spec.key}-${kind}`)!, area };
    }),
  );
  const shares = apportion(
    customers,
    plan.map((p) => AREA_WEIGHT[p.area]),
  );
  const subs: Insertable<GridSubstationsTable>[] = [];
  const feeders: Insertable<GridFeedersTable>[] = [];
  const transformers: Insertable<GridTransformersTable>[] = [];
  const stations: NetworkStation[] = [];
  let n = 0;
  const id = () => rnd.uuid(idClock + n++);

  plan.forEach(({ county, ci, si, station, area }, pi) => {
    const town = county.spec.name.replace(/供电公司$/, '').replace(/[县区]$/, '');
    const [lat0, lng0] = [28 + ci * 0.35, 115 + ci * 0.4];
    const subName = si === 0 ? `${town}110kV变电站` : `${town}35kV变电站`;
    const subCode = `${county.spec.code}-S${si + 1}`;
    const subId = id();
    const province = county.provinceId!;
    subs.push({
      id: subId,
      code: subCode,
      name: subName,
      voltage_kv: si === 0 ? 110 : 35,
      area_class: area,
      lat: lat0 + rnd.next() * 0.1,
      lng: lng0 + rnd.next() * 0.1,
      org_id: county.id,
      province_id: province,
    });
    const stationCustomers = shares[pi]!;
    const total = Math.max(
      MIN_TRANSFORMERS,
      Math.round(stationCustomers / CUSTOMERS_PER_TRANSFORMER),
    );
    const feederCount = Math.max(MIN_FEEDERS, Math.ceil(total / TRANSFORMERS_PER_FEEDER));
    // Feeders differ in length: ±25 % around the mean, except in small demos (3 each).
    const perFeeder = apportion(
      total,
      Array.from({ length: feederCount }, () =>
        total === MIN_TRANSFORMERS ? 1 : 0.75 + rnd.next() * 0.5,
      ),
    );
    const stationTransformers: NetworkTransformer[] = [];
    for (let f = 0; f < feederCount; f++) {
      const feederId = id();
      const line = `${si === 0 ? town : `${town}镇`}${numeral(f + 1)}线`;
      const fc = `${subCode}-F${String(f + 1).padStart(2, '0')}`;
      feeders.push({
        id: feederId,
        substation_id: subId,
        code: fc,
        name: `10kV${line}`,
        voltage_kv: 10,
        area_class: area,
        org_id: county.id,
        province_id: province,
      });
      for (let t = 0; t < perFeeder[f]!; t++) {
        const tid = id();
        const lat = lat0 + rnd.next() * 0.2;
        const lng = lng0 + rnd.next() * 0.2;
        stationTransformers.push({ id: tid, lat, lng });
        transformers.push({
          id: tid,
          feeder_id: feederId,
          code: `${fc}-T${String(t + 1).padStart(3, '0')}`,
          name: `${line}#${t + 1}台区`,
          capacity_kva: rnd.pick(area === 'urban' ? [400, 500, 630, 800] : [100, 200, 315]),
          area_class: area,
          lat,
          lng,
          org_id: station.id,
          province_id: province,
        });
      }
    }
    stations.push({
      station,
      county,
      area,
      customers: stationCustomers,
      transformers: stationTransformers,
    });
  });
  await tx.insertInto('grid_substations').values(subs).execute();
  await tx.insertInto('grid_feeders').values(feeders).execute();
  for (let i = 0; i < transformers.length; i += 2000) {
    await tx
      .insertInto('grid_transformers')
      .values(transformers.slice(i, i + 2000))
      .execute();
  }
  return stations;
}

/** Splits a total into integer parts proportional to the weights (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i]!++;
  }
  return parts;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (line names count in Chinese numerals). */
function numeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}
