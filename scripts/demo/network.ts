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

const FEEDERS_PER_SUBSTATION = 4;
// A 台区 supplies about 80 customers here; at least 3 per feeder keeps small demos branched.
const CUSTOMERS_PER_TRANSFORMER = 80;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * Builds the supply network of every county: a town substation (110 kV, urban) feeding the
 * town's supply station and a rural one (35 kV) feeding the township station, four 10 kV feeders
 * each, and enough transformers (台区) for the customers to come. The last county's rural area is
 * remote (特殊边远). Returns the transformers of each supply station.
 */
export async function insertNetwork(
  tx: Kysely<DB>,
  rnd: SeededRandom,
  units: Map<string, PlacedUnit>,
  customers: number,
  idClock: number,
): Promise<Map<string, string[]>> {
  const counties = [...units.values()].filter((u) => u.spec.level === 'county');
  const perFeeder = Math.max(
    3,
    Math.round(
      customers / (counties.length * 2 * FEEDERS_PER_SUBSTATION * CUSTOMERS_PER_TRANSFORMER),
    ),
  );
  const subs: Insertable<GridSubstationsTable>[] = [];
  const feeders: Insertable<GridFeedersTable>[] = [];
  const transformers: Insertable<GridTransformersTable>[] = [];
  const byStation = new Map<string, string[]>();
  let n = 0;
  const id = () => rnd.uuid(idClock + n++);

  counties.forEach((county, ci) => {
    const town = county.spec.name.replace(/供电公司$/, '').replace(/[县区]$/, '');
    const [lat0, lng0] = [28 + ci * 0.35, 115 + ci * 0.4];
    for (const [si, kind] of (['ss1', 'ss2'] as const).entries()) {
      const station = units.get(`${county.spec.key}-${kind}`)!;
      const area: AreaClass = si === 0 ? 'urban' : ci === counties.length - 1 ? 'remote' : 'rural';
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
      const stationTransformers: string[] = [];
      for (let f = 0; f < FEEDERS_PER_SUBSTATION; f++) {
        const feederId = id();
        const line = `${si === 0 ? town : `${town}镇`}${NUMERALS[f]}线`;
        feeders.push({
          id: feederId,
          substation_id: subId,
          code: `${subCode}-F${String(f + 1).padStart(2, '0')}`,
          name: `10kV${line}`,
          voltage_kv: 10,
          area_class: area,
          org_id: county.id,
          province_id: province,
        });
        for (let t = 0; t < perFeeder; t++) {
          const tid = id();
          stationTransformers.push(tid);
          transformers.push({
            id: tid,
            feeder_id: feederId,
            code: `${subCode}-F${String(f + 1).padStart(2, '0')}-T${String(t + 1).padStart(3, '0')}`,
            name: `${line}#${t + 1}台区`,
            capacity_kva: rnd.pick(area === 'urban' ? [400, 500, 630, 800] : [100, 200, 315]),
            area_class: area,
            lat: lat0 + rnd.next() * 0.2,
            lng: lng0 + rnd.next() * 0.2,
            org_id: station.id,
            province_id: province,
          });
        }
      }
      byStation.set(station.id, stationTransformers);
    }
  });
  await tx.insertInto('grid_substations').values(subs).execute();
  await tx.insertInto('grid_feeders').values(feeders).execute();
  for (let i = 0; i < transformers.length; i += 2000) {
    await tx
      .insertInto('grid_transformers')
      .values(transformers.slice(i, i + 2000))
      .execute();
  }
  return byStation;
}
