import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { OrderRow } from './read.js';

export interface OrderListFilter {
  /** Scope: a province (fast path, its own index), a subtree path, or everything (null). */
  scope: { provinceId: string } | { pathPrefix: string } | null;
  types?: string[];
  states?: string[];
  slaStatuses?: string[];
  flag?: string;
  unitPathPrefix?: string;
  customerId?: string;
  ownerId?: string;
  open?: boolean;
  from?: Date;
  to?: Date;
  /** An order number or phone (digits), or a tsquery over the words. */
  number?: string;
  phone?: string;
  tsquery?: string;
  sort: '-acceptedAt' | 'acceptedAt' | 'dueAt' | '-dueAt' | '-urgeCount';
  limit: number;
  offset: number;
}

export type ListRow = OrderRow & {
  assigned_unit_name: string | null;
  owner_name: string;
  customer_account_no: string | null;
  customer_name: string | null;
};

const CAP = 10_000;

function filtered(db: Kysely<DB>, f: OrderListFilter) {
  let q = db.selectFrom('orders as o');
  if (f.scope && 'provinceId' in f.scope) q = q.where('o.province_id', '=', f.scope.provinceId);
  if (f.scope && 'pathPrefix' in f.scope)
    q = q.where('o.unit_path', 'like', `${f.scope.pathPrefix}%`);
  if (f.types?.length) q = q.where('o.type_code', 'in', f.types);
  if (f.states?.length) q = q.where('o.state', 'in', f.states);
  if (f.slaStatuses?.length) q = q.where('o.sla_status', 'in', f.slaStatuses);
  if (f.flag) q = q.where(sql<boolean>`${f.flag} = ANY (o.flags)`);
  if (f.unitPathPrefix) q = q.where('o.unit_path', 'like', `${f.unitPathPrefix}%`);
  if (f.customerId) q = q.where('o.customer_id', '=', f.customerId);
  if (f.ownerId) q = q.where('o.owner_id', '=', f.ownerId);
  if (f.open === true) q = q.where('o.state', 'not in', ['archived', 'terminated', 'merged']);
  if (f.open === false) q = q.where('o.state', 'in', ['archived', 'terminated', 'merged']);
  if (f.from) q = q.where('o.accepted_at', '>=', f.from);
  if (f.to) q = q.where('o.accepted_at', '<', f.to);
  if (f.number !== undefined || f.phone !== undefined) {
    const number = f.number;
    const phone = f.phone;
    q = q.where((eb) =>
      eb.or([
        ...(number !== undefined ? [eb('o.number', '=', number)] : []),
        ...(phone !== undefined ? [eb('o.caller_phone', '=', phone)] : []),
      ]),
    );
  }
  if (f.tsquery) q = q.where(sql<boolean>`o.search_vec @@ to_tsquery('simple', ${f.tsquery})`);
  return q;
}

/** One page of orders with the names the list shows, and the total (capped at 10,000). */
export async function listOrderRows(
  db: Kysely<DB>,
  f: OrderListFilter,
): Promise<{ rows: ListRow[]; total: number; capped: boolean }> {
  let q = filtered(db, f)
    .leftJoin('org_units as au', 'au.id', 'o.assigned_unit_id')
    .leftJoin('users as ow', 'ow.id', 'o.owner_id')
    .leftJoin('customers as c', 'c.id', 'o.customer_id')
    .selectAll('o')
    .select([
      'au.name as assigned_unit_name',
      sql<string>`coalesce(ow.display_name, '')`.as('owner_name'),
      'c.account_no as customer_account_no',
      'c.name as customer_name',
    ]);
  switch (f.sort) {
    case '-acceptedAt':
      q = q.orderBy('o.accepted_at', 'desc');
      break;
    case 'acceptedAt':
      q = q.orderBy('o.accepted_at', 'asc');
      break;
    case 'dueAt':
      q = q.orderBy(sql`o.due_at ASC NULLS LAST`);
      break;
    case '-dueAt':
      q = q.orderBy(sql`o.due_at DESC NULLS LAST`);
      break;
    case '-urgeCount':
      q = q.orderBy('o.urge_count', 'desc').orderBy('o.accepted_at', 'desc');
      break;
  }
  const rows = (await q
    .orderBy('o.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute()) as ListRow[];
  const counted = await db
    .selectFrom(
      filtered(db, f)
        .select(sql`1`.as('one'))
        .limit(CAP + 1)
        .as('x'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  return { rows, total: Math.min(n, CAP), capped: n > CAP };
}
