/**
 * SQL of what administrators keep: PBX integrations, blocked callers, skills, queues and
 * settings. A row belongs to a unit and holds for the unit's whole tree, so the rows that apply
 * to an integration or agent are those whose unit path is a prefix of theirs.
 */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type {
  ContactBlockedNumbersTable,
  ContactIntegrationsTable,
  ContactQueuesTable,
  ContactSkillsTable,
} from '../../../db/schema-contact.js';

export type IntegrationRow = Selectable<ContactIntegrationsTable> & {
  unit_name: string;
  unit_level: string;
};
export type BlockedRow = Selectable<ContactBlockedNumbersTable> & { unit_name: string };
export type SkillRow = Selectable<ContactSkillsTable> & { unit_name: string; agents: number };
export type QueueRow = Selectable<ContactQueuesTable> & {
  unit_name: string;
  skill_code: string | null;
  skill_name: string | null;
};

/** Rows of `table` that apply at `path`: their unit is the path's unit or above it. */
const appliesAt = (path: string) => sql<boolean>`${path} LIKE t.unit_path || '%'`;

// ---- integrations ----

export async function insertIntegration(
  tx: Kysely<DB>,
  row: Insertable<ContactIntegrationsTable>,
): Promise<void> {
  await tx.insertInto('contact_integrations').values(row).execute();
}

function integrations(tx: Kysely<DB>) {
  return tx
    .selectFrom('contact_integrations as t')
    .innerJoin('org_units as u', 'u.id', 't.org_id')
    .selectAll('t')
    .select(['u.name as unit_name', 'u.level as unit_level']);
}

export async function integrationById(tx: Kysely<DB>, id: string): Promise<IntegrationRow | null> {
  return (await integrations(tx).where('t.id', '=', id).executeTakeFirst()) ?? null;
}

export async function integrationsUnder(tx: Kysely<DB>, prefix: string): Promise<IntegrationRow[]> {
  return integrations(tx)
    .where('t.unit_path', 'like', `${prefix}%`)
    .orderBy('t.created_at', 'desc')
    .limit(500)
    .execute();
}

/** The live (not revoked) integration of a secret's hash. */
export async function integrationBySecret(
  tx: Kysely<DB>,
  hash: string,
): Promise<IntegrationRow | null> {
  const row = await integrations(tx)
    .where('t.secret_hash', '=', hash)
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

export async function revokeIntegration(
  tx: Kysely<DB>,
  id: string,
  by: string,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('contact_integrations')
    .set({ revoked_at: now, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

// ---- blocked callers ----

function blocked(tx: Kysely<DB>) {
  return tx
    .selectFrom('contact_blocked_numbers as t')
    .innerJoin('org_units as u', 'u.id', 't.org_id')
    .selectAll('t')
    .select('u.name as unit_name');
}

export async function isBlocked(tx: Kysely<DB>, number: string, path: string): Promise<boolean> {
  const row = await tx
    .selectFrom('contact_blocked_numbers as t')
    .select('t.id')
    .where('t.number', '=', number)
    .where(appliesAt(path))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function blockedUnder(tx: Kysely<DB>, prefix: string): Promise<BlockedRow[]> {
  return blocked(tx)
    .where('t.unit_path', 'like', `${prefix}%`)
    .orderBy('t.created_at', 'desc')
    .limit(1000)
    .execute();
}

export async function blockedById(tx: Kysely<DB>, id: string): Promise<BlockedRow | null> {
  return (await blocked(tx).where('t.id', '=', id).executeTakeFirst()) ?? null;
}

export async function blockedOf(
  tx: Kysely<DB>,
  orgId: string,
  number: string,
): Promise<BlockedRow | null> {
  const row = await blocked(tx)
    .where('t.org_id', '=', orgId)
    .where('t.number', '=', number)
    .executeTakeFirst();
  return row ?? null;
}

export async function insertBlocked(tx: Kysely<DB>, row: Insertable<ContactBlockedNumbersTable>) {
  await tx.insertInto('contact_blocked_numbers').values(row).execute();
}

export async function updateBlockedNote(tx: Kysely<DB>, id: string, note: string) {
  await tx.updateTable('contact_blocked_numbers').set({ note }).where('id', '=', id).execute();
}

export async function deleteBlocked(tx: Kysely<DB>, id: string) {
  await tx.deleteFrom('contact_blocked_numbers').where('id', '=', id).execute();
}

// ---- skills ----

function skills(tx: Kysely<DB>) {
  return tx
    .selectFrom('contact_skills as t')
    .innerJoin('org_units as u', 'u.id', 't.org_id')
    .selectAll('t')
    .select('u.name as unit_name')
    .select(
      sql<number>`(SELECT count(*)::int FROM contact_agent_skills x WHERE x.skill_id = t.id)`.as(
        'agents',
      ),
    );
}

export async function skillsUnder(tx: Kysely<DB>, prefix: string): Promise<SkillRow[]> {
  return skills(tx)
    .where('t.unit_path', 'like', `${prefix}%`)
    .orderBy('t.code')
    .limit(1000)
    .execute();
}

export async function skillById(tx: Kysely<DB>, id: string): Promise<SkillRow | null> {
  return (await skills(tx).where('t.id', '=', id).executeTakeFirst()) ?? null;
}

export async function skillsByIds(tx: Kysely<DB>, ids: readonly string[]): Promise<SkillRow[]> {
  if (ids.length === 0) return [];
  return skills(tx)
    .where('t.id', 'in', [...new Set(ids)])
    .execute();
}

export async function skillOf(tx: Kysely<DB>, orgId: string, code: string) {
  return (
    (await skills(tx)
      .where('t.org_id', '=', orgId)
      .where('t.code', '=', code)
      .executeTakeFirst()) ?? null
  );
}

export async function insertSkill(tx: Kysely<DB>, row: Insertable<ContactSkillsTable>) {
  await tx.insertInto('contact_skills').values(row).execute();
}

export async function updateSkill(
  tx: Kysely<DB>,
  id: string,
  patch: { name?: string; active?: boolean },
) {
  await tx.updateTable('contact_skills').set(patch).where('id', '=', id).execute();
}

// ---- queues ----

function queues(tx: Kysely<DB>) {
  return tx
    .selectFrom('contact_queues as t')
    .innerJoin('org_units as u', 'u.id', 't.org_id')
    .leftJoin('contact_skills as s', 's.id', 't.skill_id')
    .selectAll('t')
    .select(['u.name as unit_name', 's.code as skill_code', 's.name as skill_name']);
}

export async function queuesUnder(tx: Kysely<DB>, prefix: string): Promise<QueueRow[]> {
  return queues(tx)
    .where('t.unit_path', 'like', `${prefix}%`)
    .orderBy('t.name')
    .limit(1000)
    .execute();
}

export async function queueById(tx: Kysely<DB>, id: string): Promise<QueueRow | null> {
  return (await queues(tx).where('t.id', '=', id).executeTakeFirst()) ?? null;
}

export async function queueOf(tx: Kysely<DB>, orgId: string, name: string) {
  return (
    (await queues(tx)
      .where('t.org_id', '=', orgId)
      .where('t.name', '=', name)
      .executeTakeFirst()) ?? null
  );
}

/** The skill code of a PBX queue as seen from a unit: the nearest unit's mapping wins. */
export async function skillOfQueue(
  tx: Kysely<DB>,
  name: string,
  path: string,
): Promise<{ found: boolean; code: string | null }> {
  const row = await queues(tx)
    .where('t.name', '=', name)
    .where(appliesAt(path))
    .orderBy(sql`length(t.unit_path)`, 'desc')
    .limit(1)
    .executeTakeFirst();
  return { found: row !== undefined, code: row?.skill_code ?? null };
}

export async function insertQueue(tx: Kysely<DB>, row: Insertable<ContactQueuesTable>) {
  await tx.insertInto('contact_queues').values(row).execute();
}

export async function updateQueueSkill(tx: Kysely<DB>, id: string, skillId: string | null) {
  await tx.updateTable('contact_queues').set({ skill_id: skillId }).where('id', '=', id).execute();
}

export async function deleteQueue(tx: Kysely<DB>, id: string) {
  await tx.deleteFrom('contact_queues').where('id', '=', id).execute();
}

// ---- settings ----

/** The after-call-work limit at a unit: its own row, else the nearest above, else 60 s. */
export async function acwSecondsAt(
  tx: Kysely<DB>,
  path: string,
): Promise<{ seconds: number; ownOrgId: string | null }> {
  const row = await tx
    .selectFrom('contact_settings as t')
    .select(['t.acw_max_seconds', 't.org_id'])
    .where(appliesAt(path))
    .orderBy(sql`length(t.unit_path)`, 'desc')
    .limit(1)
    .executeTakeFirst();
  return { seconds: row?.acw_max_seconds ?? 60, ownOrgId: row?.org_id ?? null };
}

export async function upsertSettings(
  tx: Kysely<DB>,
  row: { orgId: string; unitPath: string; acwMaxSeconds: number; now: Date },
): Promise<void> {
  await tx
    .insertInto('contact_settings')
    .values({
      org_id: row.orgId,
      unit_path: row.unitPath,
      acw_max_seconds: row.acwMaxSeconds,
      updated_at: row.now,
    })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ acw_max_seconds: row.acwMaxSeconds, updated_at: row.now }),
    )
    .execute();
}
