import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

export interface RoutingRuleRow {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  type_code: string | null;
  subtype_code: string | null;
  feeder_id: string | null;
  target_unit_id: string;
  target_name: string;
  priority: number;
  active: boolean;
  note: string | null;
  version: number;
}

export async function listRoutingRules(tx: Kysely<DB>, prefix: string): Promise<RoutingRuleRow[]> {
  const r = await sql<RoutingRuleRow>`
    SELECT r.id, r.org_id, u.name AS org_name, r.org_path, r.type_code, r.subtype_code, r.feeder_id,
           r.target_unit_id, t.name AS target_name, r.priority, r.active, r.note, r.version
      FROM order_routing_rules r JOIN org_units u ON u.id = r.org_id
      JOIN org_units t ON t.id = r.target_unit_id
     WHERE r.org_path LIKE ${prefix + '%'}
     ORDER BY r.org_path, r.priority, r.created_at`.execute(tx);
  return r.rows;
}

export async function insertRoutingRule(
  tx: Kysely<DB>,
  r: {
    id: string;
    orgId: string;
    orgPath: string;
    provinceId: string | null;
    typeCode: string | null;
    subtypeCode: string | null;
    feederId: string | null;
    targetUnitId: string;
    priority: number;
    note: string | null;
    createdBy: string;
  },
): Promise<void> {
  await tx
    .insertInto('order_routing_rules')
    .values({
      id: r.id,
      org_id: r.orgId,
      org_path: r.orgPath,
      province_id: r.provinceId,
      type_code: r.typeCode,
      subtype_code: r.subtypeCode,
      feeder_id: r.feederId,
      target_unit_id: r.targetUnitId,
      priority: r.priority,
      note: r.note,
      created_by: r.createdBy,
    })
    .execute();
}

export async function updateRoutingRule(
  tx: Kysely<DB>,
  id: string,
  version: number,
  patch: { target_unit_id?: string; priority?: number; active?: boolean; note?: string | null },
): Promise<boolean> {
  const r = await tx
    .updateTable('order_routing_rules')
    .set({ ...patch, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface SlaRuleRow {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  type_code: string;
  subtype_code: string | null;
  clauses: unknown;
  derive_steps: boolean;
  active: boolean;
  note: string | null;
  version: number;
}

export async function listSlaRules(tx: Kysely<DB>, prefix: string): Promise<SlaRuleRow[]> {
  const r = await sql<SlaRuleRow>`
    SELECT s.id, s.org_id, u.name AS org_name, s.org_path, s.type_code, s.subtype_code, s.clauses,
           s.derive_steps, s.active, s.note, s.version
      FROM order_sla_rules s JOIN org_units u ON u.id = s.org_id
     WHERE s.org_path LIKE ${prefix + '%'}
     ORDER BY s.org_path, s.type_code, s.created_at`.execute(tx);
  return r.rows;
}

export async function insertSlaRule(
  tx: Kysely<DB>,
  r: {
    id: string;
    orgId: string;
    orgPath: string;
    provinceId: string | null;
    typeCode: string;
    subtypeCode: string | null;
    clauses: unknown;
    deriveSteps: boolean;
    note: string | null;
    createdBy: string;
  },
): Promise<void> {
  await tx
    .insertInto('order_sla_rules')
    .values({
      id: r.id,
      org_id: r.orgId,
      org_path: r.orgPath,
      province_id: r.provinceId,
      type_code: r.typeCode,
      subtype_code: r.subtypeCode,
      clauses: JSON.stringify(r.clauses),
      derive_steps: r.deriveSteps,
      note: r.note,
      created_by: r.createdBy,
    })
    .execute();
}

export async function updateSlaRule(
  tx: Kysely<DB>,
  id: string,
  version: number,
  patch: { clauses?: unknown; derive_steps?: boolean; active?: boolean; note?: string | null },
): Promise<boolean> {
  const { clauses, ...rest } = patch;
  const r = await tx
    .updateTable('order_sla_rules')
    .set({
      ...rest,
      ...(clauses !== undefined ? { clauses: JSON.stringify(clauses) } : {}),
      version: version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listViews(tx: Kysely<DB>, userId: string) {
  return tx
    .selectFrom('order_saved_views')
    .select(['id', 'name', 'query', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('name')
    .execute();
}

export async function insertView(
  tx: Kysely<DB>,
  v: { id: string; userId: string; name: string; query: Record<string, string> },
): Promise<{ id: string; created_at: Date }> {
  return tx
    .insertInto('order_saved_views')
    .values({ id: v.id, user_id: v.userId, name: v.name, query: JSON.stringify(v.query) })
    .onConflict((oc) =>
      oc.columns(['user_id', 'name']).doUpdateSet({ query: JSON.stringify(v.query) }),
    )
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function deleteView(tx: Kysely<DB>, id: string, userId: string): Promise<boolean> {
  const r = await tx
    .deleteFrom('order_saved_views')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
