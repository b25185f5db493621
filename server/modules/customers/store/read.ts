import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { CustomerMark } from '../../../../common/customers/codes.js';
import type { DB } from '../../../db/schema.js';
import type { SegmentRule } from '../../../../common/customers/segment-rule.js';
import { MARK_CONDITION, ruleCondition } from './segments.js';

/** Everything the presenters need of one customer, with its unit and grid path. */
export interface CustomerRow {
  id: string;
  account_no: string;
  name: string;
  customer_class: string;
  industry: string;
  voltage_level: string;
  tariff_category: string;
  id_type: string | null;
  id_no: string | null;
  addr_city: string;
  addr_county: string;
  addr_street: string;
  addr_detail: string;
  lat: number | null;
  lng: number | null;
  email: string | null;
  wechat_id: string | null;
  meter_no: string | null;
  annual_kwh: number;
  is_important: boolean;
  is_high_risk: boolean;
  is_sensitive: boolean;
  sensitive_reason: string | null;
  is_vip: boolean;
  arrears_fen: number;
  arrears_since: string | null;
  consent_messages: boolean;
  consent_at: Date | null;
  status: string;
  org_id: string;
  province_id: string;
  transformer_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  unit_name: string;
  unit_path: string;
  t_code: string | null;
  t_name: string | null;
  t_area: string | null;
  f_id: string | null;
  f_code: string | null;
  f_name: string | null;
  s_id: string | null;
  s_code: string | null;
  s_name: string | null;
}

type Base = SelectQueryBuilder<DB & { c: DB['customers']; o: DB['org_units'] }, 'c' | 'o', object>;

/** Customers with their unit and the path up to the substation, limited to a scope prefix. */
function customers(tx: Kysely<DB>, scopePrefix: string) {
  return tx
    .selectFrom('customers as c')
    .innerJoin('org_units as o', 'o.id', 'c.org_id')
    .leftJoin('grid_transformers as t', 't.id', 'c.transformer_id')
    .leftJoin('grid_feeders as f', 'f.id', 't.feeder_id')
    .leftJoin('grid_substations as s', 's.id', 'f.substation_id')
    .select([
      'c.id',
      'c.account_no',
      'c.name',
      'c.customer_class',
      'c.industry',
      'c.voltage_level',
      'c.tariff_category',
      'c.id_type',
      'c.id_no',
      'c.addr_city',
      'c.addr_county',
      'c.addr_street',
      'c.addr_detail',
      'c.lat',
      'c.lng',
      'c.email',
      'c.wechat_id',
      'c.meter_no',
      'c.annual_kwh',
      'c.is_important',
      'c.is_high_risk',
      'c.is_sensitive',
      'c.sensitive_reason',
      'c.is_vip',
      'c.arrears_fen',
      'c.arrears_since',
      'c.consent_messages',
      'c.consent_at',
      'c.status',
      'c.org_id',
      'c.province_id',
      'c.transformer_id',
      'c.version',
      'c.created_at',
      'c.updated_at',
      'o.name as unit_name',
      'o.path as unit_path',
      't.code as t_code',
      't.name as t_name',
      't.area_class as t_area',
      'f.id as f_id',
      'f.code as f_code',
      'f.name as f_name',
      's.id as s_id',
      's.code as s_code',
      's.name as s_name',
    ])
    .where('o.path', 'like', `${scopePrefix}%`);
}

/** One customer inside the scope. */
export async function getCustomer(
  tx: Kysely<DB>,
  id: string,
  scopePrefix: string,
): Promise<CustomerRow | undefined> {
  return customers(tx, scopePrefix).where('c.id', '=', id).executeTakeFirst();
}

/** Customers by id inside the scope, in no particular order. */
export async function getCustomers(
  tx: Kysely<DB>,
  ids: readonly string[],
  scopePrefix: string,
): Promise<CustomerRow[]> {
  if (ids.length === 0) return [];
  return customers(tx, scopePrefix).where('c.id', 'in', ids).execute();
}

export type CustomerWithPhones = CustomerRow & {
  phones: { phone: string; label: string }[] | null;
};

/**
 * Customers that have this phone (any of their numbers), inside the scope, with their phones:
 * one call of customers_by_phone() (migration 0005), whose plan stays cached per connection.
 */
export async function customersByPhone(
  tx: Kysely<DB>,
  phone: string,
  scopePrefix: string,
  limit: number,
): Promise<CustomerWithPhones[]> {
  const res = await sql<CustomerWithPhones>`
    SELECT * FROM customers_by_phone(${phone}, ${scopePrefix}, ${limit})`.execute(tx);
  return res.rows;
}

/** Customers whose 户号 or meter number is exactly this. */
export async function customersByNumber(
  tx: Kysely<DB>,
  digits: string,
  scopePrefix: string,
  limit: number,
): Promise<(CustomerRow & { by_account: boolean })[]> {
  return customers(tx, scopePrefix)
    .select(sql<boolean>`c.account_no = ${digits}`.as('by_account'))
    .where((eb) => eb.or([eb('c.account_no', '=', digits), eb('c.meter_no', '=', digits)]))
    .orderBy('c.account_no')
    .limit(limit)
    .execute();
}

export interface TextHit {
  id: string;
  by_name: boolean;
}

/**
 * Name/address search over the tsvector. The GIN index finds at most `cap` candidates, which are
 * then ranked; counting every match of a common word (路, 村) at a million customers would cost
 * more than the agent gains, so totals stop at the cap.
 */
export async function textSearch(
  tx: Kysely<DB>,
  query: { all: string | null; name: string | null },
  scopePrefix: string,
  limit: number,
  cap: number,
): Promise<{ hits: TextHit[]; candidates: number }> {
  if (query.all === null) return { hits: [], candidates: 0 };
  const tsq = sql`${query.all}::tsquery`;
  const nameQ = query.name === null ? sql`false` : sql`x.search_vec @@ ${query.name}::tsquery`;
  const result = await sql<TextHit & { candidates: number }>`
    SELECT x.id, ${nameQ} AS by_name, count(*) OVER ()::int AS candidates
    FROM (
      SELECT c.id, c.search_vec, c.account_no
      FROM customers c JOIN org_units o ON o.id = c.org_id
      WHERE c.search_vec @@ ${tsq} AND o.path LIKE ${`${scopePrefix}%`}
      LIMIT ${cap}
    ) x
    ORDER BY ts_rank(x.search_vec, ${tsq}) DESC, x.account_no
    LIMIT ${limit}`.execute(tx);
  return {
    hits: result.rows.map((r) => ({ id: r.id, by_name: r.by_name })),
    candidates: result.rows[0]?.candidates ?? 0,
  };
}

/** The phones of some customers, in their order. */
export async function phonesOf(
  tx: Kysely<DB>,
  customerIds: readonly string[],
): Promise<Map<string, { phone: string; label: string }[]>> {
  const out = new Map<string, { phone: string; label: string }[]>();
  if (customerIds.length === 0) return out;
  const rows = await tx
    .selectFrom('customer_phones')
    .select(['customer_id', 'phone', 'label'])
    .where('customer_id', 'in', customerIds)
    .orderBy('customer_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.customer_id) ?? [];
    list.push({ phone: r.phone, label: r.label });
    out.set(r.customer_id, list);
  }
  return out;
}

export interface ListFilter {
  unitPath?: string;
  customerClass?: string;
  mark?: CustomerMark;
  segmentRule?: SegmentRule;
  /** Customers supplied through this network node. */
  grid?: { kind: 'substation' | 'feeder' | 'transformer'; id: string };
}

function gridCondition(g: NonNullable<ListFilter['grid']>) {
  switch (g.kind) {
    case 'transformer':
      return sql<boolean>`c.transformer_id = ${g.id}`;
    case 'feeder':
      return sql<boolean>`c.transformer_id IN (SELECT id FROM grid_transformers WHERE feeder_id = ${g.id})`;
    case 'substation':
      return sql<boolean>`c.transformer_id IN (SELECT t.id FROM grid_transformers t
        JOIN grid_feeders f ON f.id = t.feeder_id WHERE f.substation_id = ${g.id})`;
  }
}

function filtered<Q extends Base>(q: Q, f: ListFilter): Q {
  let out = q;
  if (f.unitPath) out = out.where('o.path', 'like', `${f.unitPath}%`) as Q;
  if (f.customerClass) out = out.where('c.customer_class', '=', f.customerClass) as Q;
  if (f.mark) out = out.where(MARK_CONDITION[f.mark]) as Q;
  if (f.segmentRule) out = out.where(ruleCondition(f.segmentRule)) as Q;
  if (f.grid) out = out.where(gridCondition(f.grid)) as Q;
  return out;
}

/** A page of customers in the scope, by 户号, with the total. */
export async function listCustomers(
  tx: Kysely<DB>,
  scopePrefix: string,
  f: ListFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: CustomerRow[]; total: number }> {
  const scoped = () =>
    tx
      .selectFrom('customers as c')
      .innerJoin('org_units as o', 'o.id', 'c.org_id')
      .where('o.path', 'like', `${scopePrefix}%`) as unknown as Base;
  const rows = await filtered(scoped(), f)
    .select('c.id')
    .orderBy('c.account_no')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  const ids = rows.map((r) => r.id);
  const total = await filtered(scoped(), f)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const full = await getCustomers(tx, ids, scopePrefix);
  const byId = new Map(full.map((r) => [r.id, r]));
  return {
    rows: ids.map((id) => byId.get(id)!),
    total: total.n,
  };
}
