import { sql, type Kysely } from 'kysely';
import type { AreaClass, DB } from '../../db/schema.js';

export type GridNodeKind = 'substation' | 'feeder' | 'transformer';

export interface GridNodeRow {
  kind: GridNodeKind;
  id: string;
  code: string;
  name: string;
  area_class: AreaClass;
  org_id: string;
  unit_path: string;
}

/** One node with the path of its owning unit (for the scope check). */
export async function getNode(
  tx: Kysely<DB>,
  kind: GridNodeKind,
  id: string,
): Promise<GridNodeRow | undefined> {
  // The three node tables share these columns; one typed name serves them all.
  const table = `grid_${kind}s` as 'grid_substations';
  return tx
    .selectFrom(`${table} as n`)
    .innerJoin('org_units as o', 'o.id', 'n.org_id')
    .select([
      sql<GridNodeKind>`${kind}::text`.as('kind'),
      'n.id',
      'n.code',
      'n.name',
      'n.area_class',
      'n.org_id',
      'o.path as unit_path',
    ])
    .where('n.id', '=', id)
    .executeTakeFirst();
}

export interface CustomerGridPathRow {
  transformer_id: string;
  transformer_code: string;
  transformer_name: string;
  area_class: AreaClass;
  feeder_id: string;
  feeder_code: string;
  feeder_name: string;
  substation_id: string;
  substation_code: string;
  substation_name: string;
}

/** The path from a customer up to its substation, in one indexed join. */
export async function pathOfCustomer(
  tx: Kysely<DB>,
  customerId: string,
): Promise<CustomerGridPathRow | undefined> {
  return tx
    .selectFrom('customers as c')
    .innerJoin('grid_transformers as t', 't.id', 'c.transformer_id')
    .innerJoin('grid_feeders as f', 'f.id', 't.feeder_id')
    .innerJoin('grid_substations as s', 's.id', 'f.substation_id')
    .select([
      't.id as transformer_id',
      't.code as transformer_code',
      't.name as transformer_name',
      't.area_class',
      'f.id as feeder_id',
      'f.code as feeder_code',
      'f.name as feeder_name',
      's.id as substation_id',
      's.code as substation_code',
      's.name as substation_name',
    ])
    .where('c.id', '=', customerId)
    .executeTakeFirst();
}

/** The transformers under a node (a transformer is under itself). */
function transformersUnder(tx: Kysely<DB>, kind: GridNodeKind, id: string) {
  const q = tx.selectFrom('grid_transformers as t').select('t.id');
  switch (kind) {
    case 'transformer':
      return q.where('t.id', '=', id);
    case 'feeder':
      return q.where('t.feeder_id', '=', id);
    case 'substation':
      return q
        .innerJoin('grid_feeders as f', 'f.id', 't.feeder_id')
        .where('f.substation_id', '=', id);
  }
}

export interface CustomerBriefRow {
  id: string;
  account_no: string;
  name: string;
  customer_class: string;
  transformer_id: string | null;
}

/** Customers supplied through a node, by account number, with the total for paging. */
export async function customersUnder(
  tx: Kysely<DB>,
  kind: GridNodeKind,
  id: string,
  page: { page: number; pageSize: number },
): Promise<{ rows: CustomerBriefRow[]; total: number }> {
  const base = tx
    .selectFrom('customers as c')
    .where('c.transformer_id', 'in', transformersUnder(tx, kind, id));
  const [rows, total] = await Promise.all([
    base
      .select(['c.id', 'c.account_no', 'c.name', 'c.customer_class', 'c.transformer_id'])
      .orderBy('c.account_no')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export interface ChildRow {
  id: string;
  code: string;
  name: string;
  area_class: AreaClass;
  customers: number;
}

/** The next level down with customer counts: feeders of a substation, transformers of a feeder. */
export async function childrenOf(
  tx: Kysely<DB>,
  kind: 'substation' | 'feeder',
  id: string,
): Promise<ChildRow[]> {
  if (kind === 'feeder') {
    return tx
      .selectFrom('grid_transformers as t')
      .leftJoin('customers as c', 'c.transformer_id', 't.id')
      .select([
        't.id',
        't.code',
        't.name',
        't.area_class',
        sql<number>`count(c.id)::int`.as('customers'),
      ])
      .where('t.feeder_id', '=', id)
      .groupBy(['t.id', 't.code', 't.name', 't.area_class'])
      .orderBy('t.code')
      .execute();
  }
  return tx
    .selectFrom('grid_feeders as f')
    .leftJoin('grid_transformers as t', 't.feeder_id', 'f.id')
    .leftJoin('customers as c', 'c.transformer_id', 't.id')
    .select([
      'f.id',
      'f.code',
      'f.name',
      'f.area_class',
      sql<number>`count(c.id)::int`.as('customers'),
    ])
    .where('f.substation_id', '=', id)
    .groupBy(['f.id', 'f.code', 'f.name', 'f.area_class'])
    .orderBy('f.code')
    .execute();
}
