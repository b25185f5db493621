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

/**
 * The columns a list row needs (the summary and its type name). Not `o.*`: an order row carries
 * its description, fields and search words (about 1.6 kB), which the list never shows.
 */
const SUMMARY_COLUMNS = [
  'id',
  'number',
  'taxonomy_version',
  'type_code',
  'subtype_code',
  'channel',
  'state',
  'title',
  'customer_id',
  'caller_name',
  'caller_phone',
  'accepted_at',
  'assigned_unit_id',
  'owner_id',
  'sla_status',
  'sla_missed',
  'due_at',
  'flags',
  'urge_count',
  'master_id',
  'version',
] as const;

export type SummaryRow = Pick<OrderRow, (typeof SUMMARY_COLUMNS)[number]>;

export type ListRow = SummaryRow & {
  assigned_unit_name: string | null;
  owner_name: string;
  customer_account_no: string | null;
  customer_name: string | null;
};

/** Totals are counted up to here (the pager says "more than"). */
const CAP = 10_000;
/**
 * A word search is counted only to 1,000: a common word (停电 is in a third of all orders) has
 * its matches all over the table, and nobody pages through more than that; they add a word.
 */
const TEXT_CAP = 1_000;

/**
 * The words' index (migration 0009) holds the words and the unit ids of unit_path; the
 * expression must be written exactly as the index has it.
 */
const searchDocument = sql`(o.search_vec || array_to_tsvector(string_to_array(btrim(o.unit_path, '/'), '/')))`;

/** The unit id a subtree path ends with ('/a/b/' → 'b'), as a tsquery literal. */
const unitLexeme = (path: string) => {
  const id = path.split('/').filter(Boolean).pop() ?? path;
  return `'${id.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
};

function filtered(db: Kysely<DB>, f: OrderListFilter) {
  const paths = [
    ...(f.scope && 'pathPrefix' in f.scope ? [f.scope.pathPrefix] : []),
    ...(f.unitPathPrefix ? [f.unitPathPrefix] : []),
  ];
  let q = db.selectFrom('orders as o');
  if (f.scope && 'provinceId' in f.scope) q = q.where('o.province_id', '=', f.scope.provinceId);
  for (const path of paths) {
    // With words, the index finds the subtree by its unit id (below) and the path is checked
    // on the rows found, in a form no index serves and the planner does not count as selective:
    // as LIKE it would count the subtree twice (a hundredfold underestimate of a common word)
    // and intersect the words with the subtree's part of the unit_path index besides.
    q = f.tsquery
      ? q.where(
          sql<boolean>`CASE WHEN left(o.unit_path, ${path.length}) = ${path} THEN true ELSE false END`,
        )
      : q.where('o.unit_path', 'like', `${path}%`);
  }
  if (f.types?.length) q = q.where('o.type_code', 'in', f.types);
  if (f.states?.length) q = q.where('o.state', 'in', f.states);
  if (f.slaStatuses?.length) q = q.where('o.sla_status', 'in', f.slaStatuses);
  if (f.flag) q = q.where(sql<boolean>`${f.flag} = ANY (o.flags)`);
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
  if (f.tsquery) {
    // Every order under '/a/b/' has b among its unit ids (the converse does not hold for an
    // order left with its old path after a unit moved: hence the path check above).
    const words = sql`to_tsquery('simple', ${f.tsquery})`;
    const within = paths.map(unitLexeme).join(' & ');
    q = q.where(
      within === ''
        ? sql<boolean>`${searchDocument} @@ ${words}`
        : sql<boolean>`${searchDocument} @@ (${words} && ${within}::tsquery)`,
    );
  }
  return q;
}

/** ORDER BY for a sort over the columns of `t` (the table or the page), newest id last. */
function orderKeys(t: 'o' | 'p', sort: OrderListFilter['sort']) {
  const c = (column: string) => sql.ref(`${t}.${column}`);
  const keys = {
    '-acceptedAt': [sql`${c('accepted_at')} DESC`],
    acceptedAt: [sql`${c('accepted_at')} ASC`],
    dueAt: [sql`${c('due_at')} ASC NULLS LAST`],
    '-dueAt': [sql`${c('due_at')} DESC NULLS LAST`],
    '-urgeCount': [sql`${c('urge_count')} DESC`, sql`${c('accepted_at')} DESC`],
  }[sort];
  return sql.join([...keys, sql`${c('id')} DESC`]);
}

/** One page with its names: the page is chosen from the orders alone, then joined. */
async function pageRows(
  db: Kysely<DB>,
  f: OrderListFilter,
  among?: { cap: number },
): Promise<ListRow[]> {
  const columns = SUMMARY_COLUMNS.map((c) => `o.${c}` as const);
  // `among`: the matches are known to be at most `cap`, so they are all read (by the count's
  // plan) and sorted, rather than looked for along a time index that the planner may misjudge.
  const source = among
    ? db.selectFrom(filtered(db, f).select(columns).limit(among.cap).as('o')).selectAll('o')
    : filtered(db, f).select(columns);
  const page = source.orderBy(orderKeys('o', f.sort)).limit(f.limit).offset(f.offset);
  return db
    .selectFrom(page.as('p'))
    .leftJoin('org_units as au', 'au.id', 'p.assigned_unit_id')
    .leftJoin('users as ow', 'ow.id', 'p.owner_id')
    .leftJoin('customers as c', 'c.id', 'p.customer_id')
    .selectAll('p')
    .select([
      'au.name as assigned_unit_name',
      sql<string>`coalesce(ow.display_name, '')`.as('owner_name'),
      'c.account_no as customer_account_no',
      'c.name as customer_name',
    ])
    .orderBy(orderKeys('p', f.sort))
    .execute();
}

async function countUpTo(db: Kysely<DB>, f: OrderListFilter, limit: number): Promise<number> {
  const counted = await db
    .selectFrom(
      filtered(db, f)
        .select(sql`1`.as('one'))
        .limit(limit)
        .as('x'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(counted.n);
}

const DAY_MS = 86_400_000;
/** The recent spans a newest-first word search looks in before it looks at everything. */
const SEARCH_WINDOWS_DAYS = [7, 35, 120];

/**
 * A newest-first word search. The words' index cannot give its matches by time, so each match is
 * read from the table to be sorted, and a common word has tens of thousands. So the newest week
 * is asked first (beside the count), then longer spans: once a span holds the whole page, the
 * page is exact, as every order outside the span is older than every order in it. When the
 * count shows few matches, they are all read and sorted at once.
 */
async function newestWordMatches(
  db: Kysely<DB>,
  f: OrderListFilter,
): Promise<{ rows: ListRow[]; n: number }> {
  const end = (f.to ?? new Date()).getTime();
  const windows = SEARCH_WINDOWS_DAYS.map((days) => new Date(end - days * DAY_MS)).filter(
    (since) => !f.from || since > f.from,
  );
  const [first, n] = await Promise.all([
    windows[0] ? pageRows(db, { ...f, from: windows[0] }) : null,
    countUpTo(db, f, TEXT_CAP + 1),
  ]);
  if (first?.length === f.limit) return { rows: first, n };
  if (n <= TEXT_CAP) return { rows: await pageRows(db, f, { cap: TEXT_CAP + 1 }), n };
  for (const since of windows.slice(1)) {
    const rows = await pageRows(db, { ...f, from: since });
    if (rows.length === f.limit) return { rows, n };
  }
  return { rows: await pageRows(db, f), n };
}

/**
 * One page of orders with the names the list shows, and the total (capped: 10,000, or 1,000 for
 * a word search). The page and the count go out together: the list reads outside a transaction,
 * so on a server they run on two connections (on PGlite they queue).
 */
export async function listOrderRows(
  db: Kysely<DB>,
  f: OrderListFilter,
): Promise<{ rows: ListRow[]; total: number; capped: boolean }> {
  const cap = f.tsquery ? TEXT_CAP : CAP;
  const { rows, n } =
    f.tsquery && f.sort === '-acceptedAt'
      ? await newestWordMatches(db, f)
      : await Promise.all([pageRows(db, f), countUpTo(db, f, cap + 1)]).then(([rows, n]) => ({
          rows,
          n,
        }));
  return { rows, total: Math.min(n, cap), capped: n > cap };
}
