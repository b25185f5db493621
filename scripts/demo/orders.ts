import { sql, type Kysely } from 'kysely';
import type { OrderAction, OrderState, Satisfaction } from '../../common/orders/states.js';
import { DEFAULT_TAXONOMY, resolveType } from '../../common/orders/taxonomy.js';
import { CreateOrderInput, type OrderActionInput } from '../../common/schemas/orders.js';
import type { Database } from '../../server/db/database.js';
import type { DB } from '../../server/db/schema.js';
import {
  actOnOrder,
  createOrder,
  ensureNumberSequence,
  fireDueTimers,
  numberDay,
} from '../../server/modules/orders/index.js';
import type { Actor, RequestMeta } from '../../server/platform/actor.js';
import { demoActors } from './actors.js';
import { mobile, personName } from './identity.js';
import { ORDINARY_MIX, RESULTS, STORM_MIX, orderFields, type OrderKind } from './order-texts.js';
import { SeededRandom } from './random.js';

/**
 * Work orders of the demo (issue 5): a month of calls up to now, each accepted and worked through
 * the real services (createOrder, then actOnOrder step by step at past instants), so that history,
 * SLA clocks, timers, audit and outbox are what the system itself writes. Faults come first, then
 * enquiries, queries and service requests, complaints about one in twenty; more calls by day than
 * at night, and one storm evening with a peak of faults. Older orders went round the whole loop
 * (some steps late, so some clocks are missed); recent ones stand in every open state; a few
 * stalled, were suspended, merged into a master, terminated or re-opened. The same seed and `now`
 * give the same orders.
 */

/**
 * The default count, kept small for a quick first start: every step runs the real services
 * (about 14 statements each), ~75–90 ms of CPU an order on the embedded database, so 150 orders
 * add ~12–15 s (600 take about a minute; `npm run demo -- --orders N` asks for more).
 */
export const DEMO_ORDERS = 150;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const CHINA = 8 * HOUR;
// Demo ids carry a fixed clock (as in load-demo.ts), so the same seed gives the same staff ids.
const EPOCH = Date.UTC(2026, 0, 1);
const META: RequestMeta = { ip: null, requestId: null, userAgent: 'demo-loader' };

export interface DemoOrdersOptions {
  seed: number;
  /** How many orders (default DEMO_ORDERS). */
  count?: number;
  /** How many days back from `now` they reach (default 30). */
  days?: number;
  /** The end of the month of orders (default: the real now). */
  now?: Date;
  /** The hash of the demo password, for the staff that work the orders. */
  passwordHash: string;
}

export interface DemoOrdersSummary {
  orders: number;
  /** Actions taken on them (besides accepting). */
  actions: number;
  /** Logins added for the stations and cities that had nobody to work their orders. */
  staff: number;
}

// --- The territory as the orders see it -------------------------------------------------------

interface Station {
  id: string;
  code: string;
  city: string;
  areaClass: string;
  /** Who works orders here: the station's crew, the city's dispatch center and back office. */
  crew: string;
  dispatch: string;
  office: string;
}

interface Caller {
  id: string;
  name: string;
  phone: string | null;
  person: boolean;
  station: string;
  street: string;
  /** The area class of the caller's transformer: it decides the repair clocks. */
  areaClass: string | null;
}

interface World {
  stations: Station[];
  byUnit: Map<string, Station>;
  callers: Caller[];
  byStation: Map<string, Caller[]>;
  agents: string[];
  leads: string[];
  actors: Map<string, Actor>;
  staff: number;
}

interface StaffSpec {
  username: string;
  role: 'repair_crew' | 'dispatcher' | 'back_office';
  unitId: string;
  phone: string;
}

const AGENTS = ['agent01', 'agent02', 'agent03', 'agent04', 'agent05', 'agent06'];
const LEADS = ['lead01', 'lead02'];

/**
 * Finds the stations with their crews, and each city's dispatch center and back office; where a
 * unit has nobody with a login to work its orders (the demo users cover 东湖市 only), adds one.
 */
async function loadWorld(tx: Kysely<DB>, rnd: SeededRandom, passwordHash: string): Promise<World> {
  const units = await tx
    .selectFrom('org_units')
    .select(['id', 'parent_id', 'code', 'kind', 'level', 'province_id'])
    .orderBy('code')
    .execute();
  const users = await tx.selectFrom('users').select(['username', 'roles', 'org_id']).execute();
  const taken = new Set(users.map((u) => u.username));
  const staff: StaffSpec[] = [];
  const nextName = (prefix: string) => {
    for (let n = 1; ; n++) {
      const name = `${prefix}${String(n).padStart(2, '0')}`;
      if (!taken.has(name)) {
        taken.add(name);
        return { name, n };
      }
    }
  };
  /** The user with this role in one of these units, or a new login there. */
  const worker = (
    unitIds: (string | undefined)[],
    role: StaffSpec['role'],
    prefix: string,
    phonePrefix: string,
  ): string => {
    const found = users.find(
      (u) => unitIds.includes(u.org_id) && u.roles.includes(role) && u.username.startsWith(prefix),
    );
    if (found) return found.username;
    const known = staff.find((s) => unitIds.includes(s.unitId) && s.role === role);
    if (known) return known.username;
    const { name, n } = nextName(prefix);
    staff.push({
      username: name,
      role,
      unitId: unitIds.find((u) => u !== undefined)!,
      phone: `${phonePrefix}${String(n).padStart(2, '0')}`,
    });
    return name;
  };
  const cityDept = (cityCode: string, suffix: string) =>
    units.find((u) => u.code === `${cityCode}-${suffix}`)?.id;

  const areas = await sql<{ org_id: string; area_class: string }>`
    SELECT org_id, mode() WITHIN GROUP (ORDER BY area_class) AS area_class
      FROM grid_transformers GROUP BY org_id`.execute(tx);
  const areaOf = new Map(areas.rows.map((r) => [r.org_id, r.area_class]));
  const stations: Station[] = [];
  for (const s of units.filter((u) => u.kind === 'supply_station')) {
    const city = /^[A-Z]+/.exec(s.code)?.[0] ?? '';
    const crewUnit = units.find((u) => u.parent_id === s.id && u.kind === 'repair_team');
    stations.push({
      id: s.id,
      code: s.code,
      city,
      areaClass: areaOf.get(s.id) ?? (s.code.endsWith('SS1') ? 'urban' : 'rural'),
      crew: worker([crewUnit?.id, s.id], 'repair_crew', 'crew', '138000700'),
      dispatch: worker([cityDept(city, 'DSP')], 'dispatcher', 'dispatch', '138000600'),
      office: worker([cityDept(city, 'MKT')], 'back_office', 'backoffice', '138000800'),
    });
  }
  if (staff.length > 0) {
    const unitOf = new Map(units.map((u) => [u.id, u]));
    await tx
      .insertInto('users')
      .values(
        staff.map((s, i) => ({
          id: rnd.uuid(EPOCH + 200_000 + i),
          username: s.username,
          display_name: personName(rnd),
          password_hash: passwordHash,
          roles: [s.role],
          org_id: s.unitId,
          province_id: unitOf.get(s.unitId)?.province_id ?? null,
          phone: s.phone,
          email: `${s.username}@demo.lianxin.example`,
          must_change_password: false,
        })),
      )
      .execute();
  }

  const byUnit = new Map<string, Station>();
  for (const s of stations) {
    byUnit.set(s.id, s);
    const crewUnit = units.find((u) => u.parent_id === s.id && u.kind === 'repair_team');
    if (crewUnit) byUnit.set(crewUnit.id, s);
  }
  const callers = await sampleCallers(tx);
  const byStation = new Map<string, Caller[]>();
  for (const c of callers) {
    const list = byStation.get(c.station) ?? [];
    list.push(c);
    byStation.set(c.station, list);
  }
  const names = [...AGENTS, ...LEADS, ...stations.flatMap((s) => [s.crew, s.dispatch, s.office])];
  const actors = await demoActors(tx, [...new Set(names)]);
  for (const n of names) if (!actors.has(n)) throw new Error(`Demo orders: no user ${n}`);
  return {
    stations,
    byUnit,
    callers,
    byStation,
    agents: AGENTS,
    leads: LEADS,
    actors,
    staff: staff.length,
  };
}

/** Up to ~3,000 active customers spread over the whole territory, in account order. */
async function sampleCallers(tx: Kysely<DB>): Promise<Caller[]> {
  const total = await tx
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const stride = Math.max(1, Math.floor(Number(total.n) / 3000));
  const r = await sql<{
    id: string;
    name: string;
    customer_class: string;
    station: string;
    addr_street: string;
    area_class: string | null;
    phone: string | null;
  }>`
    SELECT c.id, c.name, c.customer_class, coalesce(t.org_id, c.org_id) AS station, c.addr_street,
           t.area_class,
           (SELECT p.phone FROM customer_phones p WHERE p.customer_id = c.id
             ORDER BY p.position, p.phone LIMIT 1) AS phone
      FROM (SELECT id, name, customer_class, org_id, transformer_id, addr_street, status,
                   row_number() OVER (ORDER BY account_no) AS rn
              FROM customers) c
      LEFT JOIN grid_transformers t ON t.id = c.transformer_id
     WHERE c.rn % ${stride} = 0 AND c.status = 'active'
     ORDER BY c.rn`.execute(tx);
  return r.rows.map((c) => ({
    id: c.id,
    name: c.name,
    phone: c.phone,
    person: c.customer_class === 'resident',
    station: c.station,
    street: c.addr_street,
    areaClass: c.area_class,
  }));
}

// --- Planning: when each call came and what happened to it ------------------------------------

type Who = { role: 'agent' | 'lead'; username: string } | { role: 'crew' | 'dispatch' | 'office' };

interface Step {
  at: number;
  action: OrderAction;
  by: Who;
  input: Omit<OrderActionInput, 'version'>;
  /** The state the order is in afterwards (planning only). */
  to: OrderState;
}

interface Plan {
  at: number;
  agent: string;
  kind: OrderKind;
  storm: boolean;
  body: Record<string, unknown>;
  stationId: string;
  customerId: string | null;
  areaClass: string;
  steps: Step[];
  /** For a repeat call: the order it is merged into. */
  master?: Plan;
  /** Whether the plan was bent from the plain loop (stalled, suspended, merged, …). */
  fate: string;
  id?: string;
  version?: number;
  unitId?: string | null;
}

/** Calls by hour of the day (China time): quiet at night, peaks mid-morning and afternoon. */
const HOURS = [
  1.2, 0.8, 0.6, 0.5, 0.5, 0.8, 1.8, 3.5, 6, 7.5, 7.5, 6.5, 4.5, 5, 6.5, 6.5, 6, 5.5, 5, 5.5, 5, 4,
  3, 2,
];
/** The storm's calls by hour from 15:00 to 02:00. */
const STORM_HOURS = [2, 5, 9, 12, 12, 10, 8, 6, 4, 3, 2, 1];

const chinaHour = (t: number) => Math.floor(((((t + CHINA) % DAY) + DAY) % DAY) / HOUR);
const chinaMidnight = (t: number) => Math.floor((t + CHINA) / DAY) * DAY - CHINA;
const between = (rnd: SeededRandom, lo: number, hi: number) => lo + rnd.next() * (hi - lo);

class Planner {
  private readonly rnd: SeededRandom;
  private readonly now: number;
  private readonly stormCity: string;
  private readonly frequent: Caller[];
  private readonly angry: Caller | undefined;

  constructor(
    seed: number,
    private readonly world: World,
    now: Date,
    private readonly days: number,
  ) {
    this.rnd = new SeededRandom(seed);
    this.now = now.getTime();
    const cities = [...new Set(world.stations.map((s) => s.city))];
    this.stormCity = cities[0] ?? '';
    // A few callers ring again and again (repeat calls within a day or a week).
    this.frequent = Array.from({ length: Math.min(20, world.callers.length) }, () =>
      this.rnd.pick(world.callers),
    );
    this.angry = world.callers.length > 0 ? this.rnd.pick(world.callers) : undefined;
  }

  plan(count: number): Plan[] {
    const rnd = this.rnd;
    const merges = count >= 40 ? Math.max(2, Math.round(count * 0.008)) : 0;
    const storm = Math.round((count - merges) * 0.12);
    const stormDay = Math.min(this.days - 2, rnd.int(6, 13));
    const times: { at: number; storm: boolean }[] = [];
    for (let i = 0; i < count - merges - storm; i++)
      times.push({ at: this.ordinaryTime(), storm: false });
    const stormStart = chinaMidnight(this.now) - stormDay * DAY + 15 * HOUR;
    for (let i = 0; i < storm; i++) {
      const h = rnd.weighted(STORM_HOURS.map((w, k) => [k, w] as const));
      times.push({ at: Math.floor(stormStart + (h + rnd.next()) * HOUR), storm: true });
    }
    times.sort((a, b) => a.at - b.at);
    const plans = times.map((t) => this.call(t.at, t.storm));
    this.bend(plans);
    this.addMerges(plans, merges);
    this.addReopens(plans, count >= 100 ? Math.max(2, Math.round(count * 0.004)) : 1);
    for (const p of plans) p.steps = p.steps.filter((s) => s.at <= this.now);
    return plans.filter((p) => p.at <= this.now);
  }

  /** An instant of an ordinary call: a day of the month, an hour by the daily shape. */
  private ordinaryTime(): number {
    const rnd = this.rnd;
    const midnight = chinaMidnight(this.now);
    for (let attempt = 0; ; attempt++) {
      const d = rnd.int(0, this.days - 1);
      const day = midnight - d * DAY;
      // Weekends are a little quieter.
      const weekday = new Date(day + CHINA).getUTCDay();
      if ((weekday === 0 || weekday === 6) && rnd.chance(0.15)) continue;
      const h = rnd.weighted(HOURS.map((w, k) => [k, w] as const));
      const at = Math.floor(day + (h + rnd.next()) * HOUR);
      if (at <= this.now - 2 * MIN) return at;
      if (attempt > 50) return this.now - rnd.int(2, 120) * MIN;
    }
  }

  /** One call: what it is about, who rang, and the plain loop it would go through. */
  private call(at: number, storm: boolean): Plan {
    const rnd = this.rnd;
    const world = this.world;
    const kind = rnd.weighted(
      (storm ? STORM_MIX : ORDINARY_MIX).map((k) => [k, k.weight] as const),
    );
    const [title, description] = rnd.pick(kind.texts);
    let caller: Caller | undefined;
    let station: Station;
    const hit = world.stations.filter((s) => s.city === this.stormCity);
    const stormStations = hit.length > 0 ? hit : world.stations;
    if (rnd.chance(kind.stranger ?? 0.04) || world.callers.length === 0) {
      station = storm ? rnd.pick(stormStations) : rnd.pick(world.stations);
    } else if (storm) {
      // The storm hits two or three stations hardest.
      station = rnd.weighted(stormStations.map((s, i) => [s, i < 3 ? 4 : 1] as const));
      const local = world.byStation.get(station.id) ?? world.callers;
      caller = rnd.pick(local.slice(0, 40));
    } else if (
      kind.typeCode === 'complaint' &&
      kind.subtypeCode === 'outage' &&
      this.angry &&
      rnd.chance(0.5)
    ) {
      caller = this.angry;
    } else {
      caller = rnd.chance(0.07) ? rnd.pick(this.frequent) : rnd.pick(world.callers);
    }
    if (caller) station = world.byUnit.get(caller.station) ?? rnd.pick(world.stations);
    station ??= rnd.pick(world.stations);

    const channel = rnd.weighted([
      ['phone', 82],
      ['app', 7],
      ['wechat', 6],
      ['web', 2],
      [kind.typeCode === 'complaint' ? 'hotline_12398' : 'hotline_12345', 3],
    ] as const);
    const body: Record<string, unknown> = {
      typeCode: kind.typeCode,
      subtypeCode: kind.subtypeCode,
      channel,
      title,
      description,
      fields: orderFields(rnd, kind, at, {
        storm,
        areaClass: caller ? null : station.areaClass,
      }),
    };
    if (caller) {
      body.customerId = caller.id;
      body.callerName = caller.person ? caller.name : personName(rnd);
      body.callerPhone = caller.phone ?? mobile(rnd);
    } else {
      const near = world.byStation.get(station.id);
      const street = near && near.length > 0 ? rnd.pick(near).street : '人民路';
      body.callerName = `${personName(rnd).slice(0, 1)}${rnd.chance(0.5) ? '先生' : '女士'}`;
      body.callerPhone = mobile(rnd);
      body.locationUnitId = station.id;
      body.address = `${street}${rnd.int(1, 260)}号附近`;
    }
    const plan: Plan = {
      at,
      agent: rnd.pick(world.agents),
      kind,
      storm,
      body,
      stationId: station.id,
      customerId: caller?.id ?? null,
      areaClass: caller?.areaClass ?? station.areaClass,
      steps: [],
      fate: 'loop',
    };
    plan.steps = this.loop(plan, at);
    return plan;
  }

  private office(t: number): number {
    const h = chinaHour(t);
    if (h >= 8 && h < 22) return t;
    const morning = chinaMidnight(t) + (h >= 22 ? DAY : 0) + 8 * HOUR;
    return morning + Math.floor(this.rnd.next() * 100 * MIN);
  }

  /**
   * `at` moved into office hours, unless that would miss a limit of `limitMin` minutes from
   * `from` (short limits are kept at any hour: someone is on duty).
   */
  private soon(from: number, at: number, limitMin: number): number {
    if (limitMin < 8 * 60) return at;
    const moved = this.office(at);
    return moved - from < (limitMin - 5) * MIN ? moved : Math.min(at, from + (limitMin - 5) * MIN);
  }

  private agent(): Who {
    return { role: 'agent', username: this.rnd.pick(this.world.agents) };
  }

  private lead(): Who {
    return { role: 'lead', username: this.rnd.pick(this.world.leads) };
  }

  private callbackRequired(p: Plan): boolean {
    const type = resolveType(DEFAULT_TAXONOMY, p.kind.typeCode, p.kind.subtypeCode);
    const fields = p.body.fields as { confidentiality?: string };
    return (type?.callbackRequired ?? false) && fields.confidentiality !== 'anonymous';
  }

  /** The plain loop from acceptance to archive, with believable (now and then late) times. */
  private loop(p: Plan, t0: number): Step[] {
    const rnd = this.rnd;
    const steps: Step[] = [];
    let t = t0;
    let state: OrderState = 'dispatched';
    const push = (
      at: number,
      action: OrderAction,
      by: Who,
      to: OrderState | null,
      input: Step['input'] = {},
    ) => {
      t = Math.max(Math.floor(at), t + 30_000);
      state = to ?? state;
      steps.push({ at: t, action, by, input, to: state });
    };
    const fault = p.kind.typeCode === 'fault';
    // Now and then a step is late; in the storm, crews are stretched and often are.
    const late = (base: number) => rnd.chance(p.storm ? base * 4 : base);
    const handler: Who = fault ? { role: 'crew' } : { role: 'office' };
    const grade = (p.body.fields as { grade?: string }).grade;
    if (grade === 'major' || grade === 'special') {
      push(t0 + between(rnd, 4, 13) * MIN, 'supervise', this.lead(), null, {
        reason: '重大投诉，值长督办，要求当日联系客户。',
      });
    }

    if (fault) {
      const area = p.areaClass;
      const arrive = area === 'urban' ? 45 : area === 'remote' ? 120 : 90;
      const repair = area === 'urban' ? 180 : area === 'remote' ? 360 : 240;
      const urgent = (p.body.fields as { urgency?: string }).urgency === 'urgent';
      push(
        t0 + (late(0.04) ? between(rnd, 6, 20) : between(rnd, 0.5, urgent ? 2.7 : 4.5)) * MIN,
        'acknowledge',
        rnd.chance(0.5) ? { role: 'dispatch' } : handler,
        'handling',
      );
      if (rnd.chance(0.2)) {
        push(t + between(rnd, 1, 6) * MIN, 'contact', handler, null, {
          body: '已电话联系客户，告知抢修人员预计到达时间。',
        });
      }
      const suspend = p.storm ? false : rnd.chance(0.015);
      if (suspend)
        this.suspension(push, () => t, handler, 'handling', '需配合高压停电计划，等待调度许可。');
      push(
        t + (late(0.05) ? between(rnd, 1.05, 1.8) : between(rnd, 0.3, 0.92)) * arrive * MIN,
        'arrive',
        handler,
        'on_site',
      );
      push(
        t + (late(0.04) ? between(rnd, 1.05, 1.6) : between(rnd, 0.12, 0.85)) * repair * MIN,
        'repaired',
        handler,
        'repaired',
        { result: rnd.pick(p.storm ? RESULTS.storm! : RESULTS.fault!) },
      );
      push(
        t + (late(0.04) ? between(rnd, 32, 90) : between(rnd, 3, 25)) * MIN,
        'return',
        handler,
        'returned',
        { result: '已处理完毕，恢复正常供电。' },
      );
    } else {
      // Within a working day; complaints within 2 hours, reconnections within one.
      const [ackMax, ackLimit] =
        p.kind.typeCode === 'complaint'
          ? [100, 120]
          : p.kind.subtypeCode === 'reconnection'
            ? [50, 60]
            : [240, 24 * 60];
      const ack = t0 + between(rnd, 5, ackMax) * MIN;
      push(
        late(0.04) ? this.office(t0 + between(rnd, 30, 56) * HOUR) : this.soon(t0, ack, ackLimit),
        'acknowledge',
        handler,
        'handling',
      );
      const complaint = p.kind.typeCode === 'complaint';
      if (complaint || rnd.chance(0.15)) {
        const wait =
          complaint && rnd.chance(0.1) ? between(rnd, 25, 30) * HOUR : between(rnd, 1, 8) * HOUR;
        push(this.office(Math.max(t, t0 + wait)), 'contact', handler, null, {
          body: '已与客户电话沟通，了解诉求并告知处理进度。',
        });
      }
      const long = ['new_connection', 'change_of_use', 'service_request'].includes(p.kind.typeCode);
      if (long && rnd.chance(0.1)) {
        this.suspension(
          push,
          () => t,
          handler,
          'handling',
          '客户现场条件暂不具备，待客户整改后继续办理。',
        );
      }
      const hours: Record<string, [number, number]> = {
        enquiry: [1, 30],
        query: [1, 30],
        service_request: [6, 72],
        complaint: [20, 72],
        report: [48, 160],
        new_connection: [24, 96],
        change_of_use: [24, 96],
      };
      let [lo, hi] = hours[p.kind.typeCode] ?? [24, 96];
      if (p.kind.subtypeCode === 'reconnection') [lo, hi] = [1, 8];
      const extra = late(0.06)
        ? p.kind.subtypeCode === 'reconnection'
          ? 26
          : 96 + rnd.int(0, 72)
        : 0;
      push(this.office(t + (between(rnd, lo, hi) + extra) * HOUR), 'return', handler, 'returned', {
        result: rnd.pick(complaint ? RESULTS.complaint! : RESULTS.other!),
      });
    }

    if (rnd.chance(0.04)) {
      push(
        this.office(t + between(rnd, 0.5, 6) * HOUR),
        'review_reject',
        this.agent(),
        fault ? 'repaired' : 'handling',
        {
          reason: '回单内容不完整，请补充处理过程和客户意见。',
        },
      );
      push(
        t + (fault ? between(rnd, 5, 25) * MIN : between(rnd, 1, 6) * HOUR),
        'return',
        handler,
        'returned',
        {
          result: '已补充处理过程：现场核实情况并处理完毕，客户认可。',
        },
      );
    }
    push(
      rnd.chance(0.02)
        ? this.office(t + between(rnd, 25, 30) * HOUR)
        : this.soon(t, t + between(rnd, 0.25, 8) * HOUR, 24 * 60),
      'review_pass',
      this.agent(),
      'reviewed',
    );
    if (this.callbackRequired(p)) {
      const satisfaction: Satisfaction = rnd.weighted([
        ['very_satisfied', 52],
        ['satisfied', 36],
        ['neutral', 6],
        ['dissatisfied', 3],
        ['unreachable', 3],
      ] as const);
      push(
        rnd.chance(0.03)
          ? this.office(t + between(rnd, 25, 36) * HOUR)
          : this.soon(t, t + between(rnd, 0.5, 20) * HOUR, 24 * 60),
        'callback',
        this.agent(),
        'called_back',
        {
          satisfaction,
          body: satisfaction === 'unreachable' ? '三次回访均无人接听。' : '客户确认问题已解决。',
        },
      );
    }
    push(this.office(t + between(rnd, 5, 240) * MIN), 'archive', this.agent(), 'archived');

    // A caller chasing a slow order (催办), some time before it was returned.
    if (rnd.chance(0.07)) {
      const ret = steps.find((s) => s.action === 'return');
      if (ret && ret.at - t0 > 40 * MIN) {
        const at = Math.floor(t0 + (ret.at - t0) * between(rnd, 0.3, 0.7));
        if (!steps.some((s) => Math.abs(s.at - at) < 30_000)) {
          steps.push({
            at,
            action: 'urge',
            by: this.agent(),
            input: { body: '客户再次来电催办。' },
            to: state,
          });
          steps.sort((a, b) => a.at - b.at);
          for (let i = 1; i < steps.length; i++) {
            if (steps[i]!.action === 'urge') steps[i]!.to = steps[i - 1]!.to;
          }
          if (steps[0]!.action === 'urge') steps[0]!.to = 'dispatched';
        }
      }
    }
    return steps;
  }

  /** Asks to suspend; a lead approves (now and then refuses); the handler resumes days later. */
  private suspension(
    push: (
      at: number,
      a: OrderAction,
      by: Who,
      to: OrderState | null,
      input?: Step['input'],
    ) => void,
    at: () => number,
    handler: Who,
    from: OrderState,
    reason: string,
  ): void {
    const rnd = this.rnd;
    push(this.office(at() + between(rnd, 0.5, 20) * HOUR), 'request_suspension', handler, null, {
      reason,
    });
    if (rnd.chance(0.2)) {
      push(
        this.office(at() + between(rnd, 0.5, 3) * HOUR),
        'reject_suspension',
        this.lead(),
        null,
        {
          reason: '不符合挂起条件，请继续处理。',
        },
      );
      return;
    }
    push(
      this.office(at() + between(rnd, 0.5, 3) * HOUR),
      'approve_suspension',
      this.lead(),
      'suspended',
    );
    push(this.office(at() + between(rnd, 2, 6) * DAY), 'resume', handler, from);
  }

  /**
   * Bends some plans off the plain loop: a few terminated; some stalled in each open state (so
   * they are overdue now); some suspended with a lead's approval, one or two awaiting approval.
   */
  private bend(plans: Plan[]): void {
    const rnd = this.rnd;
    const count = plans.length;
    const pool = (minAge: number, maxAge: number, ok: (p: Plan) => boolean) =>
      plans.filter(
        (p) => p.fate === 'loop' && this.now - p.at > minAge && this.now - p.at < maxAge && ok(p),
      );
    const take = (candidates: Plan[]): Plan | undefined => {
      const free = candidates.filter((p) => p.fate === 'loop');
      return free.length > 0 ? free[rnd.int(0, free.length - 1)] : undefined;
    };
    const office = (p: Plan) => p.kind.typeCode !== 'fault';

    for (const p of pool(6 * HOUR, Infinity, () => true)) {
      if (!rnd.chance(0.012)) continue;
      const end = p.steps.find((s) => s.action === 'return')?.at ?? this.now;
      const at = Math.min(p.at + between(rnd, 20, 300) * MIN, end - MIN);
      p.steps = p.steps.filter((s) => s.at < at);
      p.steps.push({
        at: Math.max(Math.floor(at), (p.steps.at(-1)?.at ?? p.at) + 30_000),
        action: 'terminate',
        by: this.lead(),
        input: {
          reason: rnd.pick([
            '客户来电表示已自行恢复，无需处理。',
            '与其他工单重复受理，在原工单中处理。',
            '多次联系客户未果，现场核实无异常。',
          ]),
        },
        to: 'terminated',
      });
      p.fate = 'terminated';
    }

    // Stalled: round the open states, so that each has some once there are a few hundred orders.
    const stallAt: OrderState[] = [
      'handling',
      'returned',
      'dispatched',
      'reviewed',
      'on_site',
      'called_back',
      'repaired',
    ];
    const stalled = pool(26 * HOUR, Infinity, () => true);
    for (let k = 0; k < Math.round(count * 0.04); k++) {
      const target = stallAt[k % stallAt.length]!;
      const p = take(
        stalled.filter(
          (q) =>
            q.steps.some((s) => s.to === target && s.action !== 'urge') || target === 'dispatched',
        ),
      );
      if (!p) continue;
      const i = p.steps.findIndex((s) => s.to === target && s.action !== 'urge');
      p.steps = p.steps.slice(0, i + 1);
      const last = p.steps.at(-1)?.at ?? p.at;
      if (target !== 'called_back' && rnd.chance(0.5)) {
        p.steps.push({
          at: Math.floor(last + between(rnd, 2, 20) * HOUR),
          action: 'urge',
          by: this.agent(),
          input: { body: '客户来电询问处理进度，催促尽快办理。' },
          to: target,
        });
      }
      p.fate = `stalled:${target}`;
    }

    // Waiting on the customer: suspended with a lead's approval, or the request not yet decided.
    const waiting = pool(
      12 * HOUR,
      6 * DAY,
      (p) => office(p) && !p.steps.some((s) => s.action === 'request_suspension'),
    );
    const suspended = Math.max(1, Math.round(count * 0.005));
    const requested = Math.max(1, Math.round(count * 0.002));
    for (let k = 0; k < suspended + requested; k++) {
      const p = take(waiting);
      if (!p) break;
      const i = p.steps.findIndex((s) => s.action === 'acknowledge');
      p.steps = p.steps.slice(0, i + 1);
      let at = p.steps[i]!.at + Math.floor(between(rnd, 1, 6) * HOUR);
      p.steps.push({
        at,
        action: 'request_suspension',
        by: { role: 'office' },
        input: { reason: rnd.pick(['等待客户补充办理材料。', '客户外出，约定返回后再上门处理。']) },
        to: 'handling',
      });
      p.fate = 'suspension_requested';
      if (k >= suspended) continue;
      at += Math.floor(between(rnd, 0.5, 3) * HOUR);
      p.steps.push({
        at,
        action: 'approve_suspension',
        by: this.lead(),
        input: {},
        to: 'suspended',
      });
      p.fate = 'suspended';
    }
  }

  /** Repeat calls about a fault being worked, merged into it (主单/子单). */
  private addMerges(plans: Plan[], n: number): void {
    const rnd = this.rnd;
    const masters = plans
      .map((p, i) => ({ p, i }))
      .filter(
        ({ p }) =>
          p.kind.typeCode === 'fault' &&
          p.customerId !== null &&
          (p.fate === 'loop' || p.fate === 'stalled:handling' || p.fate === 'stalled:on_site') &&
          this.now - p.at > 2 * HOUR,
      );
    // Some masters still open (their children stay merged), the rest closed with them.
    const open = masters.filter(({ p }) => p.fate !== 'loop');
    const picked = new Set<number>();
    const chosen: { p: Plan; i: number }[] = [];
    for (const pool of [open.slice(0, 2), masters.filter(({ p }) => p.storm), masters]) {
      for (const m of pool) {
        if (chosen.length >= n) break;
        if (picked.has(m.i) || (pool === masters && !rnd.chance(0.3))) continue;
        picked.add(m.i);
        chosen.push(m);
      }
    }
    for (const { p: master } of chosen) {
      const at = master.at + Math.floor(between(rnd, 8, 35) * MIN);
      const fields = { ...(master.body.fields as Record<string, unknown>) };
      const dup: Plan = {
        ...master,
        at,
        agent: rnd.pick(this.world.agents),
        body: {
          ...master.body,
          channel: 'phone',
          title: '再次来电催促抢修',
          description: '客户再次来电反映仍未恢复供电，催促尽快处理。',
          fields,
        },
        steps: [
          {
            at: at + Math.floor(between(rnd, 1, 6) * MIN),
            action: 'merge',
            by: this.agent(),
            input: {},
            to: 'merged',
          },
        ],
        master,
        fate: 'merged',
      };
      plans.push(dup);
    }
  }

  /** Archived orders the customer rang about again: a lead re-opens them. */
  private addReopens(plans: Plan[], n: number): void {
    const rnd = this.rnd;
    const masters = new Set(plans.map((p) => p.master));
    const candidates = plans.filter(
      (p) =>
        p.fate === 'loop' &&
        p.master === undefined &&
        !masters.has(p) &&
        p.steps.at(-1)?.action === 'archive' &&
        p.steps.at(-1)!.at < this.now - 4 * DAY &&
        ['fault', 'complaint', 'service_request'].includes(p.kind.typeCode),
    );
    for (let k = 0; k < n && candidates.length > 0; k++) {
      const p = candidates.splice(rnd.int(0, candidates.length - 1), 1)[0]!;
      const archived = p.steps.at(-1)!.at;
      const reopen = this.office(archived + Math.floor(between(rnd, 1, 2.5) * DAY));
      p.steps.push({
        at: reopen,
        action: 'reopen',
        by: this.lead(),
        input: { reason: '客户回访后再次来电，反映问题未彻底解决，重新处理。' },
        to: 'handling',
      });
      p.fate = 'reopened';
      if (k % 2 === 1) continue;
      // Worked again and closed.
      const fault = p.kind.typeCode === 'fault';
      const handler: Who = fault ? { role: 'crew' } : { role: 'office' };
      let t = reopen;
      const add = (
        gap: number,
        action: OrderAction,
        by: Who,
        to: OrderState,
        input: Step['input'] = {},
      ) => {
        t = this.office(t + Math.floor(gap));
        p.steps.push({ at: t, action, by, input, to });
      };
      if (fault) {
        add(between(rnd, 1, 3) * HOUR, 'arrive', handler, 'on_site');
        add(between(rnd, 0.5, 2) * HOUR, 'repaired', handler, 'repaired', {
          result: '再次到场检查，更换老化接户线，已彻底处理。',
        });
      }
      add(between(rnd, 0.2, 20) * HOUR, 'return', handler, 'returned', {
        result: '已再次处理并与客户确认，问题已解决。',
      });
      add(between(rnd, 0.5, 6) * HOUR, 'review_pass', this.agent(), 'reviewed');
      if (this.callbackRequired(p)) {
        add(between(rnd, 1, 10) * HOUR, 'callback', this.agent(), 'called_back', {
          satisfaction: 'satisfied',
          body: '客户确认问题已彻底解决。',
        });
      }
      add(between(rnd, 0.2, 3) * HOUR, 'archive', this.agent(), 'archived');
      p.fate = 'reopened:archived';
    }
  }
}

// --- Doing it through the services -----------------------------------------------------------

/**
 * Creates the per-day number sequences the orders need (outside any transaction, as the create
 * route does).
 */
export async function prepareDemoOrders(
  db: Kysely<DB>,
  opts: { now?: Date; days?: number },
): Promise<void> {
  const now = (opts.now ?? new Date()).getTime();
  const days = opts.days ?? 30;
  for (let d = 0; d <= days + 1; d++)
    await ensureNumberSequence(db, numberDay(new Date(now - d * DAY)));
}

/**
 * Plans the orders and takes every step through createOrder and actOnOrder in `tx`, in the order
 * the steps happened. The sequences must exist (prepareDemoOrders) and the customers be written.
 */
export async function writeDemoOrders(
  tx: Kysely<DB>,
  opts: DemoOrdersOptions,
): Promise<DemoOrdersSummary> {
  const now = opts.now ?? new Date();
  const days = opts.days ?? 30;
  const count = opts.count ?? DEMO_ORDERS;
  // Streams of their own: the orders never change the territory or the customers of a seed.
  const world = await loadWorld(tx, new SeededRandom(opts.seed ^ 0x5eed5), opts.passwordHash);
  const plans = new Planner(opts.seed ^ 0x0de7, world, now, days).plan(count);

  const queue: { at: number; plan: Plan; step: Step | null; n: number }[] = [];
  plans.forEach((plan, n) => {
    queue.push({ at: plan.at, plan, step: null, n });
    for (const step of plan.steps) queue.push({ at: step.at, plan, step, n });
  });
  queue.sort((a, b) => a.at - b.at || a.n - b.n);

  const actorOf = (who: Who, plan: Plan): Actor => {
    if (who.role === 'agent' || who.role === 'lead') return world.actors.get(who.username)!;
    const station = world.byUnit.get(plan.unitId ?? '') ?? world.byUnit.get(plan.stationId)!;
    return world.actors.get(station[who.role])!;
  };
  let actions = 0;
  for (const { at, plan, step } of queue) {
    const ctx = { tx, meta: META, now: new Date(at) };
    try {
      if (!step) {
        const input = CreateOrderInput.parse(plan.body);
        const d = await createOrder({ ...ctx, actor: world.actors.get(plan.agent)! }, input);
        plan.id = d.id;
        plan.version = d.version;
        plan.unitId = d.assignedUnit?.id ?? null;
        continue;
      }
      const d = await actOnOrder({ ...ctx, actor: actorOf(step.by, plan) }, plan.id!, step.action, {
        version: plan.version!,
        ...step.input,
        ...(step.action === 'merge' ? { masterId: plan.master?.id } : {}),
      });
      plan.version = d.version;
      plan.unitId = d.assignedUnit?.id ?? plan.unitId ?? null;
      actions++;
    } catch (e) {
      const what = step ? `${step.action} (planned state ${step.to})` : 'create';
      throw new Error(
        `Demo orders: ${what} at ${new Date(at).toISOString()} of a ${plan.kind.typeCode} order (${plan.fate}) failed: ${String(e)}`,
        { cause: e },
      );
    }
  }
  return { orders: plans.length, actions, staff: world.staff };
}

/** Fires the SLA timers due by `now` (the load wrote past deadlines; statuses become current). */
export async function fireOutstandingTimers(db: Kysely<DB>, now = new Date()): Promise<number> {
  let fired = 0;
  for (;;) {
    const n = await fireDueTimers(db, now, 1000);
    fired += n;
    if (n < 1000) return fired;
  }
}

/** The orders on their own: sequences, one transaction for every step, then the timers. */
export async function loadDemoOrders(
  database: Database,
  opts: DemoOrdersOptions,
): Promise<DemoOrdersSummary> {
  await prepareDemoOrders(database.db, opts);
  const summary = await database.db.transaction().execute((tx) => writeDemoOrders(tx, opts));
  await fireOutstandingTimers(database.db, opts.now);
  return summary;
}
