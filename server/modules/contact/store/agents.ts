/** SQL of agents: live state, state intervals, skills, and the users they are. */
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { ContactAgentsTable, ContactAgentStatesTable } from '../../../db/schema-contact.js';

export type AgentRow = Selectable<ContactAgentsTable>;

/** A user who may work the phone, with their agent row when they have one. */
export interface AgentUserRow {
  id: string;
  username: string;
  display_name: string;
  phone: string | null;
  org_id: string;
  unit_name: string;
  unit_path: string;
  province_id: string | null;
  agent: AgentRow | null;
}

const userColumns = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.phone',
  'u.org_id',
  'o.name as unit_name',
  'o.path as unit_path',
  'u.province_id',
] as const;

export async function lockAgent(tx: Kysely<DB>, userId: string): Promise<AgentRow | null> {
  const row = await tx
    .selectFrom('contact_agents')
    .selectAll()
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

export async function insertAgent(tx: Kysely<DB>, row: Insertable<ContactAgentsTable>) {
  await tx
    .insertInto('contact_agents')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function updateAgent(
  tx: Kysely<DB>,
  userId: string,
  patch: Updateable<ContactAgentsTable>,
): Promise<void> {
  await tx.updateTable('contact_agents').set(patch).where('user_id', '=', userId).execute();
}

/** Closes the open state interval and opens the next one. */
export async function recordInterval(
  tx: Kysely<DB>,
  userId: string,
  at: Date,
  next: Insertable<ContactAgentStatesTable> | null,
): Promise<void> {
  await tx
    .updateTable('contact_agent_states')
    .set({ ended_at: at })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
  if (next) await tx.insertInto('contact_agent_states').values(next).execute();
}

export async function agentUser(tx: Kysely<DB>, userId: string): Promise<AgentUserRow | null> {
  const rows = await agentUsers(tx, { ids: [userId], roles: null, prefix: '/' });
  return rows[0] ?? null;
}

/**
 * Users under `prefix` holding one of `roles` (null: any role), with their agent rows, by name.
 * `ids` narrows to those users.
 */
export async function agentUsers(
  tx: Kysely<DB>,
  opts: {
    prefix: string;
    roles: readonly string[] | null;
    ids?: readonly string[];
    unitPath?: string;
    state?: string;
  },
): Promise<AgentUserRow[]> {
  let q = tx
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_id')
    .leftJoin('contact_agents as a', 'a.user_id', 'u.id')
    .select(userColumns)
    .select(
      sql<AgentRow | null>`CASE WHEN a.user_id IS NULL THEN NULL ELSE to_jsonb(a) END`.as('agent'),
    )
    .where('u.disabled', '=', false)
    .where('o.path', 'like', `${opts.prefix}%`);
  if (opts.roles) q = q.where(sql<boolean>`u.roles && ${sql.val([...opts.roles])}::text[]`);
  if (opts.ids) q = q.where('u.id', 'in', opts.ids.length ? [...opts.ids] : ['']);
  if (opts.unitPath) q = q.where('o.path', 'like', `${opts.unitPath}%`);
  if (opts.state) {
    q =
      opts.state === 'signed_out'
        ? q.where((eb) => eb.or([eb('a.state', 'is', null), eb('a.state', '=', 'signed_out')]))
        : q.where('a.state', '=', opts.state);
  }
  const rows = await q.orderBy('u.display_name').orderBy('u.id').limit(1000).execute();
  return rows.map((r) => ({ ...r, agent: r.agent ? agentFromJson(r.agent) : null }));
}

/** to_jsonb gives timestamps as strings: back to Dates. */
function agentFromJson(j: AgentRow): AgentRow {
  const d = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    ...j,
    state_since: d(j.state_since)!,
    idle_since: d(j.idle_since),
    acw_until: d(j.acw_until),
    reserved_until: d(j.reserved_until),
    updated_at: d(j.updated_at)!,
  };
}

export interface SkillOfAgent {
  user_id: string;
  id: string;
  code: string;
  name: string;
  level: number;
}

export async function skillsOf(
  tx: Kysely<DB>,
  userIds: readonly string[],
): Promise<Map<string, SkillOfAgent[]>> {
  const out = new Map<string, SkillOfAgent[]>();
  if (userIds.length === 0) return out;
  const rows = await tx
    .selectFrom('contact_agent_skills as a')
    .innerJoin('contact_skills as s', 's.id', 'a.skill_id')
    .select(['a.user_id', 's.id', 's.code', 's.name', 'a.level'])
    .where('a.user_id', 'in', [...new Set(userIds)])
    .where('s.active', '=', true)
    .orderBy('s.code')
    .execute();
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push(r);
    out.set(r.user_id, list);
  }
  return out;
}

export async function replaceSkills(
  tx: Kysely<DB>,
  userId: string,
  skills: readonly { skillId: string; level: number }[],
): Promise<void> {
  await tx.deleteFrom('contact_agent_skills').where('user_id', '=', userId).execute();
  if (skills.length === 0) return;
  await tx
    .insertInto('contact_agent_skills')
    .values(skills.map((s) => ({ user_id: userId, skill_id: s.skillId, level: s.level })))
    .execute();
}

/** Signed-in agents under a unit who could take a call (routing), with their skill codes. */
export async function routableAgents(tx: Kysely<DB>, prefix: string) {
  return tx
    .selectFrom('contact_agents as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select([
      'a.user_id',
      'a.state',
      'a.idle_since',
      'a.acw_until',
      'a.reserved_until',
      'a.extension',
      'u.username',
      'u.display_name',
      'u.phone',
      sql<{ code: string; level: number }[]>`coalesce((
        SELECT json_agg(json_build_object('code', s.code, 'level', x.level))
          FROM contact_agent_skills x JOIN contact_skills s ON s.id = x.skill_id
         WHERE x.user_id = a.user_id AND s.active), '[]'::json)`.as('skills'),
    ])
    .where('a.unit_path', 'like', `${prefix}%`)
    .where('a.state', 'in', ['ready', 'after_call_work'])
    .where('u.disabled', '=', false)
    .execute();
}

/** Offers a call to an agent unless another call holds them; false when one does. */
export async function reserveAgent(
  tx: Kysely<DB>,
  userId: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  const r = await tx
    .updateTable('contact_agents')
    .set({ reserved_until: until })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('reserved_until', 'is', null), eb('reserved_until', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Agents whose after-call work has run out, locked (several processes share the sweep). */
export async function dueAfterCallWork(tx: Kysely<DB>, now: Date, limit: number) {
  return tx
    .selectFrom('contact_agents')
    .selectAll()
    .where('state', '=', 'after_call_work')
    .where('acw_until', '<=', now)
    .orderBy('acw_until')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function intervalsOf(tx: Kysely<DB>, userId: string, from: Date, to: Date) {
  return tx
    .selectFrom('contact_agent_states')
    .select(['state', 'reason', 'started_at', 'ended_at', 'call_id'])
    .where('user_id', '=', userId)
    .where('started_at', '<', to)
    .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', from)]))
    .orderBy('started_at')
    .limit(5000)
    .execute();
}

/**
 * Users in the unit's tree named by a PBX: by username or display name (user[] of Zammad's
 * API), or, for answeringNumber, also by phone, e-mail, extension or user id.
 */
export async function usersNamed(
  tx: Kysely<DB>,
  prefix: string,
  names: readonly string[],
  opts: { phone?: string | null; id?: string | null } = {},
): Promise<{ id: string; display_name: string; matched: string }[]> {
  if (names.length === 0 && !opts.phone && !opts.id) return [];
  const lower = names.map((n) => n.toLowerCase());
  const r = await sql<{ id: string; display_name: string; matched: string }>`
    SELECT u.id, u.display_name,
           CASE WHEN lower(u.username) = ANY(${lower}::text[]) THEN lower(u.username)
                WHEN u.display_name = ANY(${[...names]}::text[]) THEN u.display_name
                WHEN lower(u.email) = ANY(${lower}::text[]) THEN lower(u.email)
                WHEN a.extension = ANY(${[...names]}::text[]) THEN a.extension
                ELSE '' END AS matched
      FROM users u
      JOIN org_units o ON o.id = u.org_id
      LEFT JOIN contact_agents a ON a.user_id = u.id
     WHERE NOT u.disabled AND o.path LIKE ${`${prefix}%`}
       AND (lower(u.username) = ANY(${lower}::text[])
            OR u.display_name = ANY(${[...names]}::text[])
            OR lower(u.email) = ANY(${lower}::text[])
            OR a.extension = ANY(${[...names]}::text[])
            OR (${opts.phone ?? null}::text IS NOT NULL
                AND regexp_replace(u.phone, '[^0-9]', '', 'g') = ${opts.phone ?? null})
            OR (${opts.id ?? null}::uuid IS NOT NULL AND u.id = ${opts.id ?? null}::uuid))
     LIMIT 50`.execute(tx);
  return r.rows;
}
