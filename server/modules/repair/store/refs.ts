/**
 * Reads of what other modules own (units, users, the network, orders, order attachments). Only
 * reads: every change to an order goes through the orders module's actOnOrder, so its timeline,
 * clocks and audit stay the single source of truth. The board needs its waiting orders in one
 * query, which the orders module's list cannot give (it knows nothing of crews).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

export interface UnitRef {
  id: string;
  name: string;
  path: string;
  level: string;
  active: boolean;
  province_id: string | null;
}

export async function unitById(tx: Kysely<DB>, id: string): Promise<UnitRef | null> {
  const row = await tx
    .selectFrom('org_units')
    .select(['id', 'name', 'path', 'level', 'active', 'province_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

export async function unitNames(
  tx: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, UnitRef>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('org_units')
    .select(['id', 'name', 'path', 'level', 'active', 'province_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function userNames(
  tx: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Active repair-crew users among the ids, with the path of their unit. */
export async function crewUsers(
  tx: Kysely<DB>,
  ids: readonly string[],
): Promise<{ id: string; path: string }[]> {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_id')
    .select(['u.id', 'o.path'])
    .where('u.id', 'in', [...new Set(ids)])
    .where('u.disabled', '=', false)
    .where(sql<boolean>`'repair_crew' = ANY(u.roles)`)
    .execute();
}

/** Feeders and transformers among the ids, with the path of their owning unit. */
export async function gridNodes(
  tx: Kysely<DB>,
  feederIds: readonly string[],
  transformerIds: readonly string[],
): Promise<{ id: string; path: string }[]> {
  const out: { id: string; path: string }[] = [];
  if (feederIds.length > 0) {
    out.push(
      ...(await tx
        .selectFrom('grid_feeders as g')
        .innerJoin('org_units as o', 'o.id', 'g.org_id')
        .select(['g.id', 'o.path'])
        .where('g.id', 'in', [...new Set(feederIds)])
        .execute()),
    );
  }
  if (transformerIds.length > 0) {
    out.push(
      ...(await tx
        .selectFrom('grid_transformers as g')
        .innerJoin('org_units as o', 'o.id', 'g.org_id')
        .select(['g.id', 'o.path'])
        .where('g.id', 'in', [...new Set(transformerIds)])
        .execute()),
    );
  }
  return out;
}

/** What the repair module reads of an order. */
export interface OrderFacts {
  id: string;
  number: string;
  title: string;
  type_code: string;
  state: string;
  address: string | null;
  caller_name: string | null;
  caller_phone: string | null;
  area_class: string | null;
  sla_status: string;
  due_at: Date | null;
  accepted_at: Date;
  transformer_id: string | null;
  feeder_id: string | null;
  assigned_unit_id: string | null;
  unit_path: string;
  org_id: string;
  province_id: string;
  version: number;
}

const orderFacts = (tx: Kysely<DB>) =>
  tx
    .selectFrom('orders as o')
    .leftJoin('grid_transformers as t', 't.id', 'o.transformer_id')
    .select([
      'o.id',
      'o.number',
      'o.title',
      'o.type_code',
      'o.state',
      'o.address',
      'o.caller_name',
      'o.caller_phone',
      'o.area_class',
      'o.sla_status',
      'o.due_at',
      'o.accepted_at',
      'o.transformer_id',
      't.feeder_id',
      'o.assigned_unit_id',
      'o.unit_path',
      'o.org_id',
      'o.province_id',
      'o.version',
    ]);

export async function orderById(tx: Kysely<DB>, id: string): Promise<OrderFacts | null> {
  const row = await orderFacts(tx).where('o.id', '=', id).executeTakeFirst();
  return row ?? null;
}

export async function ordersByIds(
  tx: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, OrderFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await orderFacts(tx)
    .where('o.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Fault orders with a unit, before arrival, that no crew holds now; the most urgent first. */
export async function waitingFaultOrders(
  tx: Kysely<DB>,
  prefix: string,
): Promise<(OrderFacts & { sent_back_reason: string | null })[]> {
  return orderFacts(tx)
    .select((eb) =>
      eb
        .selectFrom('repair_jobs as j')
        .select('j.sent_back_reason')
        .whereRef('j.order_id', '=', 'o.id')
        .where('j.state', '=', 'sent_back')
        .orderBy('j.sent_back_at', 'desc')
        .limit(1)
        .as('sent_back_reason'),
    )
    .where('o.unit_path', 'like', `${prefix}%`)
    .where('o.type_code', '=', 'fault')
    .where('o.state', 'in', ['dispatched', 'handling'])
    .where('o.assigned_unit_id', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('repair_jobs as j')
            .select('j.id')
            .whereRef('j.order_id', '=', 'o.id')
            .where('j.state', 'in', ['offered', 'accepted', 'en_route', 'on_site']),
        ),
      ),
    )
    .orderBy(sql`o.due_at ASC NULLS LAST`)
    .orderBy('o.accepted_at')
    .limit(200)
    .execute();
}

/** Attachment ids among `ids` that belong to the order. */
export async function attachmentsOfOrder(
  tx: Kysely<DB>,
  orderId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .selectFrom('order_attachments')
    .select('id')
    .where('order_id', '=', orderId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map((r) => r.id);
}

/** A feeder or transformer found for a crew's service area. */
export interface AreaNodeRow {
  kind: 'feeder' | 'transformer';
  id: string;
  code: string;
  name: string;
  feeder: string | null;
  unit: string;
}

/**
 * Feeders and transformers under the path prefix whose code or name contains `q` (all of them
 * when no words are given), feeders first, by code; at most `limit`.
 */
export async function searchAreaNodes(
  tx: Kysely<DB>,
  q: { prefix: string; text: string | null; kind: 'feeder' | 'transformer' | null; limit: number },
): Promise<AreaNodeRow[]> {
  const like = q.text ? `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : '%';
  const pathLike = `${q.prefix}%`;
  const feeders = sql<AreaNodeRow>`
    SELECT 'feeder' AS kind, f.id, f.code, f.name, NULL AS feeder, u.name AS unit
      FROM grid_feeders f JOIN org_units u ON u.id = f.org_id
     WHERE u.path LIKE ${pathLike} AND (f.code ILIKE ${like} OR f.name ILIKE ${like})`;
  const transformers = sql<AreaNodeRow>`
    SELECT 'transformer' AS kind, t.id, t.code, t.name, f.name AS feeder, u.name AS unit
      FROM grid_transformers t
      JOIN org_units u ON u.id = t.org_id
      JOIN grid_feeders f ON f.id = t.feeder_id
     WHERE u.path LIKE ${pathLike} AND (t.code ILIKE ${like} OR t.name ILIKE ${like})`;
  const parts =
    q.kind === 'feeder'
      ? [feeders]
      : q.kind === 'transformer'
        ? [transformers]
        : [feeders, transformers];
  const r = await sql<AreaNodeRow>`
    SELECT * FROM (${sql.join(parts, sql` UNION ALL `)}) n
     ORDER BY (n.kind = 'transformer'), n.code, n.id
     LIMIT ${q.limit}`.execute(tx);
  return r.rows;
}
