/**
 * Shared by the work-order benchmarks (orders-create, orders-list, sla-timers): the scratch
 * database with the demo territory, sign-in with the CSRF token, realistic order bodies, the
 * order texts and their search words, bulk SQL that writes orders without the API, percentiles.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { addressTokens, searchVectorText } from '../server/modules/customers/index.js';
import { SeededRandom } from '../scripts/demo/random.js';
import { DEMO_PASSWORD } from '../scripts/demo/territory.js';

export { DEMO_PASSWORD };

/** DATABASE_URL, which must name a PostgreSQL server (these benchmarks measure the server). */
export function requirePostgresUrl(what: string): string {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    console.error(
      `${what}: set DATABASE_URL to a scratch PostgreSQL database, e.g.\n` +
        `  psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE lx_bench_orders'\n` +
        `  DATABASE_URL=postgres://postgres@127.0.0.1:5432/lx_bench_orders npx tsx bench/…`,
    );
    process.exit(2);
  }
  return url;
}

export async function withClient<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Makes sure the database holds the demo territory: an empty database gets it (with `customers`
 * customers, through scripts/demo.ts); one that holds it is reused; any other data is refused.
 * Migrations are applied by the demo loader (and by the server at start).
 */
export async function ensureDemo(url: string, customers: number): Promise<'loaded' | 'present'> {
  const state = await withClient(url, async (c) => {
    const t = await c.query<{ t: string | null }>(`SELECT to_regclass('org_units')::text AS t`);
    if (t.rows[0]?.t === null) return 'empty';
    const units = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM org_units`);
    if (units.rows[0]!.n === 0) return 'empty';
    const demo = await c.query(`SELECT 1 FROM users WHERE username = 'agent01'`);
    return demo.rowCount === 1 ? 'demo' : 'other';
  });
  if (state === 'other') {
    throw new Error('The database holds data that is not the demo territory: give a scratch one.');
  }
  if (state === 'demo') return 'present';
  execFileSync(
    process.execPath,
    // The territory only: the benchmarks write their own orders.
    ['--import', 'tsx', 'scripts/demo.ts', '--customers', String(customers), '--orders', '0'],
    { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return 'loaded';
}

export interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

/** Signs in through the real route: the session cookie and the CSRF token for writes. */
export async function signInSession(
  base: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('lx_session='));
  const body = (await r.json()) as { me: { csrfToken: string } };
  return { username, cookie: cookie!.split(';')[0]!, csrf: body.me.csrfToken };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** p50/p95/p99 (and max) of latencies in ms, rounded to 0.1 ms. */
export function latencyFigures(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    p50: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    max: r(s.at(-1) ?? NaN),
  };
}

/** The 1-minute load average, rounded (the machine is shared: others' work slows ours). */
export const load1 = () => Math.round(os.loadavg()[0]! * 100) / 100;

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function cpuTicks(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return null;
  }
}

/** The PostgreSQL backends serving one database (their titles name it), by pid. */
function backendsOf(database: string): number[] {
  const out: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (cmd.startsWith('postgres: ') && cmd.split(' ').includes(database)) out.push(+name);
    } catch {
      /* gone */
    }
  }
  return out;
}

/**
 * CPU seconds used by the server process, by the PostgreSQL backends of the database (sampled
 * twice a second, so that backends which come and go are counted) and by this process: on a
 * shared machine, CPU per order is the figure that others' work does not change much.
 */
export class CpuMeter {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;
  private readonly own = process.cpuUsage();
  private readonly serverStart: number;

  constructor(
    private readonly database: string,
    private readonly serverPid: number | null,
  ) {
    this.serverStart = serverPid ? (cpuTicks(serverPid) ?? 0) : 0;
    for (const pid of backendsOf(database)) {
      const t = cpuTicks(pid);
      if (t !== null) this.first.set(pid, t);
    }
    this.timer = setInterval(() => this.sample(), 500);
  }

  private sample() {
    for (const pid of backendsOf(this.database)) {
      const t = cpuTicks(pid);
      if (t === null) continue;
      if (!this.first.has(pid)) this.first.set(pid, 0);
      this.last.set(pid, t);
    }
  }

  /** Seconds of CPU since the meter started. */
  stop(): { server: number; postgres: number; loadGenerator: number } {
    this.sample();
    clearInterval(this.timer);
    let pgTicks = 0;
    for (const [pid, t] of this.last) pgTicks += t - (this.first.get(pid) ?? 0);
    const used = process.cpuUsage(this.own);
    const server = this.serverPid ? (cpuTicks(this.serverPid) ?? 0) - this.serverStart : 0;
    return {
      server: server / TICKS_PER_SECOND,
      postgres: pgTicks / TICKS_PER_SECOND,
      loadGenerator: (used.user + used.system) / 1e6,
    };
  }
}

/** CPU milliseconds per unit of work, and the rate at which the machine's cores would be full. */
export function cpuPer(cpu: ReturnType<CpuMeter['stop']>, units: number) {
  const ms = (s: number) => Math.round((s * 1000 * 100) / Math.max(1, units)) / 100;
  const appAndDb = cpu.server + cpu.postgres;
  return {
    cpuMsPerOrder: {
      server: ms(cpu.server),
      postgres: ms(cpu.postgres),
      loadGenerator: ms(cpu.loadGenerator),
    },
    // Server and database alone on all cores (the load generator elsewhere): an upper bound.
    cpuBoundOrdersPerSec:
      appAndDb > 0 ? Math.round((os.cpus().length * Math.max(1, units)) / appAndDb) : null,
  };
}

// --- What agents type -----------------------------------------------------------------------

/** One kind of order as an agent records it: type, subtype, words and the required fields. */
export interface OrderText {
  typeCode: string;
  subtypeCode: string | null;
  title: string;
  description: string;
  /** Share of all orders, in percent (the texts of one type share its weight). */
  weight: number;
  fields: (rnd: SeededRandom, now: Date) => Record<string, unknown>;
}

const none = () => ({});
const faultFields = (rnd: SeededRandom, now: Date) => ({
  faultTime: new Date(now.getTime() - rnd.int(5, 120) * 60_000).toISOString(),
  voltageSide: rnd.weighted([
    ['lv', 80],
    ['hv', 8],
    ['unknown', 12],
  ] as const),
  urgency: rnd.weighted([
    ['normal', 80],
    ['important', 12],
    ['urgent', 8],
  ] as const),
});
const complaintFields = (cls: string) => (rnd: SeededRandom) => ({
  complaintClass: cls,
  grade: rnd.weighted([
    ['general', 85],
    ['important', 12],
    ['major', 2.5],
    ['special', 0.5],
  ] as const),
  emotion: rnd.weighted([
    ['calm', 50],
    ['agitated', 40],
    ['very_agitated', 10],
  ] as const),
  confidentiality: 'none',
  overLevel: false,
});

/** Roughly the mix of a provincial 95598 center: faults first, then enquiries and queries. */
export const ORDER_TEXTS: OrderText[] = [
  {
    typeCode: 'fault',
    subtypeCode: 'lv_fault',
    title: '家中停电',
    description: '客户反映家中突然停电，邻居家也没电，请尽快安排抢修。',
    weight: 16,
    fields: faultFields,
  },
  {
    typeCode: 'fault',
    subtypeCode: 'lv_fault',
    title: '整栋楼停电',
    description: '小区整栋楼停电，电梯停运，有老人被困家中，请尽快处理。',
    weight: 8,
    fields: faultFields,
  },
  {
    typeCode: 'fault',
    subtypeCode: 'customer_side',
    title: '户内跳闸无法合闸',
    description: '客户家中空气开关跳闸后无法合上，怀疑户内线路短路。',
    weight: 6,
    fields: faultFields,
  },
  {
    typeCode: 'fault',
    subtypeCode: 'power_quality',
    title: '电压不稳灯光闪烁',
    description: '客户反映晚间电压偏低，灯光闪烁，空调无法启动。',
    weight: 4,
    fields: faultFields,
  },
  {
    typeCode: 'fault',
    subtypeCode: 'meter_fault',
    title: '电能表箱冒烟',
    description: '客户反映楼道电能表箱有焦糊味并冒烟，已远离现场。',
    weight: 3,
    fields: faultFields,
  },
  {
    typeCode: 'fault',
    subtypeCode: 'safety_hazard',
    title: '线路断落存在隐患',
    description: '路边低压线路被大风刮断落地，行人较多，存在触电危险。',
    weight: 3,
    fields: faultFields,
  },
  {
    typeCode: 'enquiry',
    subtypeCode: 'tariff',
    title: '咨询阶梯电价',
    description: '客户咨询阶梯电价的计费方式和分档标准，以及峰谷电价如何办理。',
    weight: 8,
    fields: none,
  },
  {
    typeCode: 'enquiry',
    subtypeCode: 'outage_info',
    title: '咨询计划停电时间',
    description: '客户咨询本周小区计划停电的具体时间和恢复供电时间。',
    weight: 6,
    fields: none,
  },
  {
    typeCode: 'enquiry',
    subtypeCode: 'business_process',
    title: '咨询过户手续',
    description: '客户咨询购买二手房后办理电费户名过户需要的材料。',
    weight: 4,
    fields: none,
  },
  {
    typeCode: 'query',
    subtypeCode: 'bill',
    title: '查询上月电费',
    description: '客户认为上月电费偏高，查询电费电量明细及抄表读数。',
    weight: 6,
    fields: none,
  },
  {
    typeCode: 'query',
    subtypeCode: 'payment',
    title: '查询缴费记录',
    description: '客户通过手机缴费后未到账，查询缴费记录。',
    weight: 4,
    fields: none,
  },
  {
    typeCode: 'service_request',
    subtypeCode: 'reconnection',
    title: '欠费复电登记',
    description: '客户已缴清欠费，申请尽快恢复供电。',
    weight: 5,
    fields: none,
  },
  {
    typeCode: 'service_request',
    subtypeCode: 'meter_fault',
    title: '电能表走字异常',
    description: '客户反映家中无人时电能表仍在走字，申请校验电能表。',
    weight: 3,
    fields: none,
  },
  {
    typeCode: 'complaint',
    subtypeCode: 'outage',
    title: '频繁停电投诉',
    description: '客户投诉近一个月频繁停电，影响生产生活，要求给出说法。',
    weight: 3,
    fields: complaintFields('outage'),
  },
  {
    typeCode: 'complaint',
    subtypeCode: 'service',
    title: '抢修人员态度差',
    description: '客户投诉抢修人员到场后态度恶劣，未说明停电原因。',
    weight: 2,
    fields: complaintFields('service'),
  },
  {
    typeCode: 'complaint',
    subtypeCode: 'business',
    title: '营业厅办理业务拖延',
    description: '客户投诉营业厅办理新装业务多次往返，迟迟未办结。',
    weight: 1,
    fields: complaintFields('business'),
  },
  {
    typeCode: 'report',
    subtypeCode: 'power_theft',
    title: '举报窃电',
    description: '客户举报附近商铺私拉电线绕越电能表用电。',
    weight: 2,
    fields: () => ({ reportKind: 'power_theft', confidentiality: 'confidential' }),
  },
  {
    typeCode: 'opinion',
    subtypeCode: null,
    title: '对停电通知方式的意见',
    description: '客户认为停电通知只在小区张贴不够及时，希望短信通知。',
    weight: 3,
    fields: none,
  },
  {
    typeCode: 'suggestion',
    subtypeCode: null,
    title: '建议增加充电桩',
    description: '客户建议在小区停车场增设电动汽车充电桩。',
    weight: 2,
    fields: () => ({ suggestionTopic: 'electric_vehicles' }),
  },
  {
    typeCode: 'praise',
    subtypeCode: null,
    title: '表扬抢修人员',
    description: '客户表扬抢修班组冒雨连夜抢修，及时恢复供电。',
    weight: 2,
    fields: () => ({ praiseClass: 'service' }),
  },
  {
    typeCode: 'new_connection',
    subtypeCode: 'resident',
    title: '居民新装',
    description: '客户新购住房，申请居民生活用电新装。',
    weight: 5,
    fields: none,
  },
  {
    typeCode: 'change_of_use',
    subtypeCode: 'rename',
    title: '更名过户',
    description: '客户购买二手房，申请电费户名过户。',
    weight: 4,
    fields: none,
  },
];

/** The search words of an order's title and description, as create-order stores them (B). */
export function textVector(t: Pick<OrderText, 'title' | 'description'>): string {
  return searchVectorText([], addressTokens(`${t.title} ${t.description.slice(0, 500)}`));
}

export interface SampleCustomer {
  id: string;
  phone: string | null;
  name: string;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const TITLES = ['先生', '女士'];

/** Realistic create bodies: the weighted mix of ORDER_TEXTS, most for a known customer. */
export class OrderBodies {
  private readonly rnd: SeededRandom;
  private readonly slots: OrderText[] = [];

  constructor(
    seed: number,
    private readonly customers: SampleCustomer[],
    /** Supply stations, for the orders without a customer (the agent names the place). */
    private readonly places: string[],
  ) {
    this.rnd = new SeededRandom(seed);
    for (const t of ORDER_TEXTS) for (let i = 0; i < t.weight; i++) this.slots.push(t);
  }

  next(now = new Date()): Record<string, unknown> {
    const rnd = this.rnd;
    const t = rnd.pick(this.slots);
    const body: Record<string, unknown> = {
      typeCode: t.typeCode,
      subtypeCode: t.subtypeCode,
      channel: rnd.weighted([
        ['phone', 85],
        ['app', 8],
        ['wechat', 5],
        ['web', 2],
      ] as const),
      title: t.title,
      description: t.description,
      fields: t.fields(rnd, now),
    };
    if (rnd.chance(0.88)) {
      const c = rnd.pick(this.customers);
      body.customerId = c.id;
      body.callerName = c.name;
      if (c.phone) body.callerPhone = c.phone;
    } else {
      body.callerName = rnd.pick([...SURNAMES]) + rnd.pick(TITLES);
      body.callerPhone = `1${rnd.pick(['38', '39', '58', '86', '77'])}${rnd.digits(8)}`;
      body.locationUnitId = rnd.pick(this.places);
      body.address = `${rnd.pick(['人民路', '解放路', '建设路', '中山路'])}${rnd.int(1, 300)}号`;
      if (t.typeCode === 'fault') (body.fields as Record<string, unknown>).areaClass = 'urban';
    }
    return body;
  }
}

/** Customers (with a phone) and supply stations to draw create bodies from. */
export async function samplePlaces(
  client: pg.Client,
  n: number,
): Promise<{ customers: SampleCustomer[]; places: string[] }> {
  const customers = await client.query<SampleCustomer>(
    `SELECT c.id, c.name,
            (SELECT p.phone FROM customer_phones p WHERE p.customer_id = c.id
              ORDER BY p.position LIMIT 1) AS phone
       FROM customers c TABLESAMPLE BERNOULLI (50) REPEATABLE (7)
      WHERE c.transformer_id IS NOT NULL
      LIMIT ${n}`,
  );
  const places = await client.query<{ id: string }>(
    `SELECT id FROM org_units WHERE kind = 'supply_station' AND active ORDER BY path`,
  );
  return { customers: customers.rows, places: places.rows.map((r) => r.id) };
}

// --- Bulk orders (no API): for the list and timer benchmarks ---------------------------------

function slots<T>(pairs: [T, number][]): T[] {
  const out: T[] = [];
  for (const [v, w] of pairs) for (let i = 0; i < w; i++) out.push(v);
  return out;
}

/** 100 slots of a state by the order's age: open orders are recent, old ones mostly archived. */
const STATES_TODAY = slots<string>([
  ['accepted', 5],
  ['dispatched', 25],
  ['handling', 20],
  ['on_site', 15],
  ['repaired', 10],
  ['returned', 10],
  ['reviewed', 5],
  ['called_back', 3],
  ['suspended', 2],
  ['archived', 5],
]);
const STATES_WEEK = slots<string>([
  ['accepted', 1],
  ['dispatched', 4],
  ['handling', 10],
  ['on_site', 4],
  ['repaired', 5],
  ['returned', 8],
  ['reviewed', 7],
  ['called_back', 8],
  ['suspended', 4],
  ['archived', 45],
  ['terminated', 2],
  ['merged', 2],
]);
const STATES_OLD = slots<string>([
  ['archived', 93],
  ['terminated', 3],
  ['merged', 2],
  ['suspended', 1],
  ['called_back', 1],
]);
/** 100 slots of the hour (China time) an order comes in: a day-time shape with an evening peak. */
const HOURS = slots<number>(
  [1, 1, 1, 1, 1, 2, 3, 5, 7, 7, 6, 6, 5, 5, 6, 6, 6, 6, 7, 7, 5, 3, 2, 1].map(
    (w, h) => [h, w] as [number, number],
  ),
);
/** 1000 slots of the day (0 = today): more in summer and winter, and a two-day storm. */
function daySlots(): number[] {
  const weights: number[] = [];
  const today = new Date();
  for (let d = 0; d < 365; d++) {
    const month = new Date(today.getTime() - d * 86_400_000).getUTCMonth();
    weights.push([6, 7].includes(month) ? 1.6 : [0, 11].includes(month) ? 1.25 : 1);
  }
  const total = weights.reduce((n, w) => n + w, 0);
  // 970 slots spread by cumulative weight (each day gets its share, none left over) …
  const out: number[] = [];
  let cumulative = 0;
  let d = 0;
  for (let i = 0; i < 970; i++) {
    const at = ((i + 0.5) / 970) * total;
    while (cumulative + weights[d]! < at) cumulative += weights[d++]!;
    out.push(d);
  }
  // … and 3% of the year's orders in a storm 200 days ago.
  for (let i = 0; i < 30; i++) out.push(i < 20 ? 200 : 201);
  return out;
}

/** The SLA limits an order keeps (its size matters, not its exact content). */
const SLA_LIMITS = JSON.stringify({
  dispatch: { unit: 'minutes', amount: 3, rule: { source: 'taxonomy:1', clause: 0 } },
  acknowledge: { unit: 'minutes', amount: 5, rule: { source: 'taxonomy:1', clause: 2 } },
  arrive: { unit: 'minutes', amount: 45, rule: { source: 'taxonomy:1', clause: 3 } },
  repair: { unit: 'minutes', amount: 180, rule: { source: 'taxonomy:1', clause: 6 } },
});

/**
 * Temporary tables (this session only) the bulk inserts draw from: customers with their place
 * and phone, agents, supply stations, and weighted order texts with their search words.
 */
export async function prepareBulkSources(client: pg.Client): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE b_cust AS
    SELECT row_number() OVER (ORDER BY c.id)::int AS i, c.id, c.name,
           tu.id AS unit_id, tu.path AS unit_path, t.area_class,
           (SELECT p.phone FROM customer_phones p WHERE p.customer_id = c.id
             ORDER BY p.position LIMIT 1) AS phone
      FROM customers c
      JOIN grid_transformers t ON t.id = c.transformer_id
      JOIN org_units tu ON tu.id = t.org_id;
    CREATE UNIQUE INDEX ON b_cust (i);
    CREATE TEMP TABLE b_station AS
    SELECT row_number() OVER (ORDER BY path)::int AS i, id, path
      FROM org_units WHERE kind = 'supply_station';
    CREATE TEMP TABLE b_agent AS
    SELECT row_number() OVER (ORDER BY u.username)::int AS i, u.id, u.org_id, o.path
      FROM users u JOIN org_units o ON o.id = u.org_id WHERE 'agent' = ANY (u.roles);
    ANALYZE b_cust; ANALYZE b_station; ANALYZE b_agent;`);
  const texts: { type: string; sub: string | null; title: string; desc: string; vec: string }[] =
    [];
  for (const t of ORDER_TEXTS) {
    const vec = textVector(t);
    for (let i = 0; i < t.weight; i++) {
      texts.push({
        type: t.typeCode,
        sub: t.subtypeCode,
        title: t.title,
        desc: t.description,
        vec,
      });
    }
  }
  await client.query(
    `CREATE TEMP TABLE b_text AS
     SELECT i::int, type_code, subtype_code, title, description, vec::tsvector AS vec
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
            WITH ORDINALITY AS x(type_code, subtype_code, title, description, vec, i);
     `.trim(),
    [
      texts.map((t) => t.type),
      texts.map((t) => t.sub),
      texts.map((t) => t.title),
      texts.map((t) => t.desc),
      texts.map((t) => t.vec),
    ],
  );
}

/** The name words of a Chinese name of 2–4 characters, as nameTokens makes them (weight A). */
const NAME_VECTOR = `(
  quote_literal(n) || ':1A ' || quote_literal(left(n, 1)) || ':1A ' ||
  quote_literal(substr(n, 1, 2)) || ':1A' ||
  CASE WHEN length(n) >= 3 THEN ' ' || quote_literal(substr(n, 2, 2)) || ':1A' ELSE '' END ||
  CASE WHEN length(n) >= 4 THEN ' ' || quote_literal(substr(n, 3, 2)) || ':1A' ELSE '' END
)::tsvector`;

/**
 * Inserts orders g = from..to straight into the table (no API), drawing from the prepared
 * sources. 'history': a year of orders with realistic type, state, SLA status and time of day;
 * 'running': fault orders dispatched 2.5 to 4.5 hours ago (every repair clock is past due).
 * Ids are UUIDv7-shaped from the acceptance time; numbers are the day and a 7-digit g.
 */
export async function insertBulkOrders(
  client: pg.Client,
  mode: 'history' | 'running',
  from: number,
  to: number,
): Promise<void> {
  const faultSlots = ORDER_TEXTS.filter((t) => t.typeCode === 'fault').reduce(
    (n, t) => n + t.weight,
    0,
  );
  await client.query(
    `
    WITH n AS (SELECT (SELECT count(*) FROM b_cust)::int AS cust,
                      (SELECT count(*) FROM b_station)::int AS station,
                      (SELECT count(*) FROM b_agent)::int AS agent,
                      (SELECT count(*) FROM b_text)::int AS text),
    r AS (
      SELECT g,
             CASE WHEN $3 = 'running' THEN now() - interval '150 minutes' - random() * interval '2 hours'
                  ELSE least(now() - random() * interval '10 minutes',
                             date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'
                             - make_interval(days => ($4::int[])[1 + floor(random() * 1000)::int])
                             + make_interval(hours => ($5::int[])[1 + floor(random() * 100)::int])
                             + random() * interval '1 hour') END AS at,
             CASE WHEN random() < 0.88 THEN 1 + floor(random() * n.cust)::int END AS ci,
             1 + floor(random() * n.station)::int AS si,
             1 + floor(random() * n.agent)::int AS ai,
             CASE WHEN $3 = 'running' THEN 1 + floor(random() * $10)::int  -- the fault texts
                  ELSE 1 + floor(random() * n.text)::int END AS ti,
             random() AS rs, random() AS rq, random() AS rd
        FROM generate_series($1::int, $2::int) g, n
    ), s AS (
      SELECT r.*, t.type_code, t.subtype_code, t.title, t.description, t.vec,
             c.id AS customer_id, c.name AS cname, c.phone, c.area_class,
             coalesce(c.unit_id, st.id) AS place_id, coalesce(c.unit_path, st.path) AS place_path,
             a.id AS agent_id, a.org_id AS agent_unit, a.path AS agent_path,
             CASE WHEN $3 = 'running' THEN 'dispatched'
                  WHEN r.at > now() - interval '1 day' THEN ($6::text[])[1 + floor(r.rs * 100)::int]
                  WHEN r.at > now() - interval '7 days' THEN ($7::text[])[1 + floor(r.rs * 100)::int]
                  ELSE ($8::text[])[1 + floor(r.rs * 100)::int] END AS state
        FROM r
        JOIN b_text t ON t.i = r.ti
        JOIN b_station st ON st.i = r.si
        JOIN b_agent a ON a.i = r.ai
        LEFT JOIN b_cust c ON c.i = r.ci
    ), o AS (
      SELECT s.*,
             CASE WHEN $3 = 'running' THEN 'ok'
                  WHEN s.state IN ('archived', 'terminated', 'merged')
                    THEN CASE WHEN s.rq < 0.88 THEN 'met' ELSE 'missed' END
                  WHEN s.state = 'suspended' THEN 'paused'
                  WHEN s.at < now() - interval '7 days'
                    THEN CASE WHEN s.rq < 0.7 THEN 'overdue' ELSE 'ok' END
                  WHEN s.rq < 0.65 THEN 'ok' WHEN s.rq < 0.77 THEN 'warning'
                  WHEN s.rq < 0.85 THEN 'critical' ELSE 'overdue' END AS sla_status,
             coalesce(s.cname, (ARRAY['王先生','李女士','张先生','刘女士','陈先生'])[1 + floor(s.rd * 5)::int]) AS caller_name
        FROM s
    )
    INSERT INTO orders (id, number, taxonomy_version, type_code, subtype_code, channel, state,
      title, description, fields, customer_id, caller_name, caller_phone, area_class, urgency,
      callback_required, place_unit_id, sla_limits, accepted_at, accepted_by, accepted_unit_id,
      owner_id, assigned_unit_id, unit_path, flags, sla_status, sla_missed, due_at,
      dispatched_at, search_vec, org_id, province_id, created_at, updated_at)
    SELECT
      (lpad(to_hex(floor(extract(epoch FROM o.at) * 1000)::bigint), 12, '0') || '7' ||
       substr(md5(o.g::text), 1, 3) || '8' || substr(md5(o.g::text), 4, 15))::uuid,
      to_char(o.at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(o.g::text, 7, '0'),
      1, o.type_code, o.subtype_code,
      CASE WHEN o.rd < 0.85 THEN 'phone' WHEN o.rd < 0.93 THEN 'app' ELSE 'wechat' END,
      o.state, o.title, o.description,
      CASE WHEN o.type_code = 'fault'
           THEN jsonb_build_object('faultTime', o.at, 'voltageSide', 'lv', 'urgency', 'normal',
                                   'areaClass', coalesce(o.area_class, 'urban'))
           ELSE '{}'::jsonb END,
      o.customer_id, o.caller_name,
      coalesce(o.phone, '139' || lpad((o.g % 100000000)::text, 8, '0')),
      CASE WHEN o.type_code = 'fault' THEN coalesce(o.area_class, 'urban') END,
      CASE WHEN o.type_code = 'fault' THEN 'normal' END,
      o.type_code NOT IN ('enquiry', 'query', 'praise'),
      o.place_id, $9::jsonb, o.at, o.agent_id, o.agent_unit, o.agent_id,
      CASE WHEN o.state <> 'accepted' THEN o.place_id END,
      CASE WHEN o.state <> 'accepted' THEN o.place_path ELSE o.agent_path END,
      CASE WHEN o.rq > 0.97 THEN ARRAY['repeat_24h'] ELSE '{}' END::text[],
      o.sla_status, o.sla_status IN ('overdue', 'missed'),
      CASE WHEN $3 = 'running' THEN o.at + interval '5 minutes'
           WHEN o.state NOT IN ('archived', 'terminated', 'merged') THEN
             CASE o.sla_status WHEN 'overdue' THEN now() - o.rd * interval '3 days'
                               WHEN 'critical' THEN now() + o.rd * interval '30 minutes'
                               WHEN 'warning' THEN now() + o.rd * interval '2 hours'
                               ELSE now() + o.rd * interval '4 days' END END,
      CASE WHEN o.state <> 'accepted' THEN o.at + interval '2 minutes' END,
      (SELECT ${NAME_VECTOR} FROM (SELECT o.caller_name AS n) x) || o.vec,
      CASE WHEN o.state <> 'accepted' THEN o.place_id ELSE o.agent_unit END,
      (SELECT id FROM org_units WHERE level = 'province' ORDER BY path LIMIT 1),
      o.at, o.at
    FROM o`,
    [
      from,
      to,
      mode,
      daySlots(),
      HOURS,
      STATES_TODAY,
      STATES_WEEK,
      STATES_OLD,
      SLA_LIMITS,
      faultSlots,
    ],
  );
}
