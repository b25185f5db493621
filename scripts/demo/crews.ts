/**
 * Demo repair crews (抢修队伍): one crew per supply station, owned by the station's repair team
 * where it has one, with the station's crew logins as members and the feeders of the station's
 * transformers as its service area. Crews start on duty, so the board and the crew view have
 * something to show at once.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.js';
import { SeededRandom } from './random.js';

const EPOCH = Date.UTC(2026, 0, 1) + 3_000_000;

/** Writes the demo crews in the caller's transaction; returns how many. */
export async function insertDemoCrews(tx: Kysely<DB>, seed: number): Promise<number> {
  const rnd = new SeededRandom(seed + 6);
  const units = await tx
    .selectFrom('org_units')
    .select(['id', 'parent_id', 'name', 'code', 'kind', 'path', 'province_id'])
    .orderBy('code')
    .execute();
  const crewUsers = await tx
    .selectFrom('users')
    .select(['id', 'org_id', 'username'])
    .where(sql<boolean>`'repair_crew' = ANY(roles)`)
    .where('disabled', '=', false)
    .orderBy('username')
    .execute();
  const feeders = await sql<{ org_id: string; feeder_id: string }>`
    SELECT DISTINCT org_id, feeder_id FROM grid_transformers ORDER BY org_id, feeder_id`.execute(
    tx,
  );
  let n = 0;
  for (const station of units.filter((u) => u.kind === 'supply_station' && u.province_id)) {
    const team = units.find((u) => u.parent_id === station.id && u.kind === 'repair_team');
    const owner = team ?? station;
    const members = crewUsers.filter((u) => u.org_id === owner.id || u.org_id === station.id);
    const area = feeders.rows.filter((f) => f.org_id === station.id).map((f) => f.feeder_id);
    const id = rnd.uuid(EPOCH + n);
    await tx
      .insertInto('repair_crews')
      .values({
        id,
        name: `${station.name.replace(/供电所$/, '')}抢修队`,
        org_id: owner.id,
        unit_path: owner.path,
        province_id: station.province_id!,
        leader_id: members[0]?.id ?? null,
        phone: null,
        vehicle: null,
        shift_start: '08:00',
        shift_end: '20:00',
        state: 'on_duty',
      })
      .execute();
    if (members.length > 0) {
      await tx
        .insertInto('repair_crew_members')
        .values(members.map((m) => ({ crew_id: id, user_id: m.id })))
        .execute();
    }
    if (area.length > 0) {
      await tx
        .insertInto('repair_crew_areas')
        .values(area.map((f) => ({ crew_id: id, feeder_id: f, transformer_id: null })))
        .execute();
    }
    n++;
  }
  return n;
}
