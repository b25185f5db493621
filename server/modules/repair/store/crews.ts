/** SQL of the crew register: crews, members, service areas, state history. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { RepairCrewsTable, RepairCrewStatesTable } from '../../../db/schema-repair.js';

export type CrewRow = Selectable<RepairCrewsTable>;

export async function insertCrew(tx: Kysely<DB>, row: Insertable<RepairCrewsTable>): Promise<void> {
  await tx.insertInto('repair_crews').values(row).execute();
}

/** Updates a crew at the version read; false when someone else changed it first. */
export async function updateCrew(
  tx: Kysely<DB>,
  id: string,
  version: number,
  patch: Updateable<RepairCrewsTable>,
): Promise<boolean> {
  const r = await tx
    .updateTable('repair_crews')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function lockCrew(tx: Kysely<DB>, id: string): Promise<CrewRow | null> {
  const row = await tx
    .selectFrom('repair_crews')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

export async function crewById(tx: Kysely<DB>, id: string): Promise<CrewRow | null> {
  const row = await tx
    .selectFrom('repair_crews')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/** Crews under a path prefix (the actor's service area), by name. */
export async function crewsUnder(
  tx: Kysely<DB>,
  prefix: string,
  opts: { unitPath?: string; includeInactive?: boolean } = {},
): Promise<CrewRow[]> {
  let q = tx.selectFrom('repair_crews').selectAll().where('unit_path', 'like', `${prefix}%`);
  if (opts.unitPath) q = q.where('unit_path', 'like', `${opts.unitPath}%`);
  if (!opts.includeInactive) q = q.where('active', '=', true);
  return q.orderBy('name').orderBy('id').limit(500).execute();
}

export async function replaceMembers(
  tx: Kysely<DB>,
  crewId: string,
  userIds: readonly string[],
): Promise<void> {
  await tx.deleteFrom('repair_crew_members').where('crew_id', '=', crewId).execute();
  if (userIds.length === 0) return;
  await tx
    .insertInto('repair_crew_members')
    .values(userIds.map((u) => ({ crew_id: crewId, user_id: u })))
    .execute();
}

export async function replaceAreas(
  tx: Kysely<DB>,
  crewId: string,
  feederIds: readonly string[],
  transformerIds: readonly string[],
): Promise<void> {
  await tx.deleteFrom('repair_crew_areas').where('crew_id', '=', crewId).execute();
  const rows = [
    ...feederIds.map((f) => ({ crew_id: crewId, feeder_id: f, transformer_id: null })),
    ...transformerIds.map((t) => ({ crew_id: crewId, feeder_id: null, transformer_id: t })),
  ];
  if (rows.length > 0) await tx.insertInto('repair_crew_areas').values(rows).execute();
}

export interface MemberRow {
  crew_id: string;
  user_id: string;
  username: string;
  display_name: string;
}

export async function membersOf(tx: Kysely<DB>, crewIds: readonly string[]): Promise<MemberRow[]> {
  if (crewIds.length === 0) return [];
  return tx
    .selectFrom('repair_crew_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.crew_id', 'm.user_id', 'u.username', 'u.display_name'])
    .where('m.crew_id', 'in', [...crewIds])
    .orderBy('u.username')
    .execute();
}

export interface AreaRow {
  crew_id: string;
  kind: 'feeder' | 'transformer';
  id: string;
  code: string;
  name: string;
}

export async function areasOf(tx: Kysely<DB>, crewIds: readonly string[]): Promise<AreaRow[]> {
  if (crewIds.length === 0) return [];
  const feeders = await tx
    .selectFrom('repair_crew_areas as a')
    .innerJoin('grid_feeders as f', 'f.id', 'a.feeder_id')
    .select(['a.crew_id', 'f.id', 'f.code', 'f.name'])
    .where('a.crew_id', 'in', [...crewIds])
    .orderBy('f.code')
    .execute();
  const transformers = await tx
    .selectFrom('repair_crew_areas as a')
    .innerJoin('grid_transformers as t', 't.id', 'a.transformer_id')
    .select(['a.crew_id', 't.id', 't.code', 't.name'])
    .where('a.crew_id', 'in', [...crewIds])
    .orderBy('t.code')
    .execute();
  return [
    ...feeders.map((r) => ({ ...r, kind: 'feeder' as const })),
    ...transformers.map((r) => ({ ...r, kind: 'transformer' as const })),
  ];
}

/** The crews a user is a member of. */
export async function crewIdsOfUser(tx: Kysely<DB>, userId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('repair_crew_members as m')
    .innerJoin('repair_crews as c', 'c.id', 'm.crew_id')
    .select('m.crew_id')
    .where('m.user_id', '=', userId)
    .where('c.active', '=', true)
    .execute();
  return rows.map((r) => r.crew_id);
}

export async function isMember(tx: Kysely<DB>, crewId: string, userId: string): Promise<boolean> {
  const r = await tx
    .selectFrom('repair_crew_members')
    .select('user_id')
    .where('crew_id', '=', crewId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertCrewState(
  tx: Kysely<DB>,
  row: Insertable<RepairCrewStatesTable>,
): Promise<void> {
  await tx.insertInto('repair_crew_states').values(row).execute();
}

export async function crewStates(
  tx: Kysely<DB>,
  crewId: string,
): Promise<Selectable<RepairCrewStatesTable>[]> {
  return tx
    .selectFrom('repair_crew_states')
    .selectAll()
    .where('crew_id', '=', crewId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}
