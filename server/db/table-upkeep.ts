/**
 * Table upkeep: ANALYZE and VACUUM where nobody else does. PostgreSQL's autovacuum keeps the
 * planner's statistics fresh and dead rows reclaimed; PGlite has no autovacuum worker at all,
 * and a server may run with autovacuum off (these machines do). Without it a table that grew
 * from empty keeps the statistics of an empty table, and every cached plan made then (prepared
 * statements, the foreign-key checks) goes on scanning it whole: accepting orders fell from
 * hundreds a second to tens within a minute as each new order's keys were checked by sequential
 * scans of `orders`. An ANALYZE also makes those cached plans be made again.
 */
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { startDrainLoop } from '../jobs/drain-loop.js';
import type { Database } from './database.js';
import type { DB } from './schema.js';
import { freezeIfDue } from './xid-wraparound.js';

/** What the statistics views say of one table. */
export interface TableActivity {
  schema: string;
  table: string;
  /** Rows inserted, updated or deleted since the last ANALYZE. */
  modifiedSinceAnalyze: number;
  deadRows: number;
  /** Rows inserted since the last VACUUM (an insert-only table needs one for its visibility map). */
  insertedSinceVacuum: number;
  /** The planner's row count; negative when the table was never analysed. */
  reltuples: number;
  liveRows: number;
  /** The table's storage options (`autovacuum_analyze_scale_factor=0.01`, …). */
  options: string[];
  /** The last ANALYZE and VACUUM (of either kind), null when never. */
  lastAnalyzedAt: Date | null;
  lastVacuumedAt: Date | null;
}

export interface UpkeepStep {
  schema: string;
  table: string;
  vacuum: boolean;
}

/** PostgreSQL's own autovacuum defaults, so a table is looked after as autovacuum would. */
const DEFAULTS = {
  autovacuum_analyze_threshold: 50,
  autovacuum_analyze_scale_factor: 0.1,
  autovacuum_vacuum_threshold: 50,
  autovacuum_vacuum_scale_factor: 0.2,
  autovacuum_vacuum_insert_threshold: 1000,
  autovacuum_vacuum_insert_scale_factor: 0.2,
};

function optionsOf(list: string[]): typeof DEFAULTS & { enabled: boolean } {
  const o = { ...DEFAULTS, enabled: true };
  for (const item of list) {
    const [key, value] = item.split('=') as [string, string | undefined];
    if (key === 'autovacuum_enabled') o.enabled = value !== 'false' && value !== 'off';
    else if (key in DEFAULTS && value !== undefined && Number.isFinite(Number(value)))
      o[key as keyof typeof DEFAULTS] = Number(value);
  }
  return o;
}

/**
 * A table is looked after at most once a minute (autovacuum's naptime), unless its statistics
 * describe less than half of it. A young table grows by more than 10 % between two rounds of
 * 10 s: every round analysed every table the intake writes (ten of them, seconds of a core each
 * time) while the intake was at its busiest. Grown past twice what the planner knows, it is
 * analysed at once: a plan made for the smaller table may read the whole of it (a prepared
 * statement's generic plan is kept until an ANALYZE; with young tables left to the minute, the
 * intake's database CPU per order doubled and 300 orders/s saturated).
 */
export const MIN_INTERVAL_MS = 60_000;

const since = (at: Date | null, now: Date) => (at ? now.getTime() - at.getTime() : Infinity);

/**
 * The tables that need an ANALYZE (and which of them a VACUUM too), by autovacuum's own rule:
 * more changed (dead; inserted, where the table sets an insert rule) rows than threshold + scale
 * factor × rows, with a table's own settings first; paced by MIN_INTERVAL_MS.
 * A table whose storage options turn autovacuum off is left alone: someone decided that.
 */
export function tablesDue(tables: readonly TableActivity[], now = new Date()): UpkeepStep[] {
  const due: UpkeepStep[] = [];
  for (const t of tables) {
    const o = optionsOf(t.options);
    if (!o.enabled) continue;
    const rows = t.reltuples >= 0 ? t.reltuples : t.liveRows;
    const outgrown = t.reltuples < 0 || t.modifiedSinceAnalyze > Math.max(rows, 50);
    // Inserts alone call for a VACUUM only where a table asks for it (the calls, whose counts
    // read their index alone): by the default rule every big append-only table here (events,
    // audit, timers, orders with its search index) was vacuumed every few thousand orders, a
    // core's seconds each time while intake was at its busiest.
    const insertRule = t.options.some((x) => x.startsWith('autovacuum_vacuum_insert_'));
    const vacuum =
      since(t.lastVacuumedAt, now) >= MIN_INTERVAL_MS &&
      (t.deadRows > o.autovacuum_vacuum_threshold + o.autovacuum_vacuum_scale_factor * rows ||
        (insertRule &&
          t.insertedSinceVacuum >
            o.autovacuum_vacuum_insert_threshold + o.autovacuum_vacuum_insert_scale_factor * rows));
    const analyse =
      (outgrown || since(t.lastAnalyzedAt, now) >= MIN_INTERVAL_MS) &&
      t.modifiedSinceAnalyze >
        o.autovacuum_analyze_threshold + o.autovacuum_analyze_scale_factor * rows;
    if (vacuum || analyse) due.push({ schema: t.schema, table: t.table, vacuum });
  }
  return due;
}

/** Whether this database needs us: PGlite always; a server only with autovacuum off. */
export async function upkeepNeeded(db: Kysely<DB>, kind: Database['kind']): Promise<boolean> {
  if (kind === 'embedded') return true;
  const r = await sql<{ on: boolean }>`SELECT current_setting('autovacuum')::boolean AS on`.execute(
    db,
  );
  return !r.rows[0]!.on;
}

export async function readTableActivity(
  db: Kysely<DB>,
  kind: Database['kind'],
): Promise<TableActivity[]> {
  // PGlite's only backend flushes its counters lazily; ask for them now.
  if (kind === 'embedded') await sql`SELECT pg_stat_force_next_flush()`.execute(db);
  const r = await sql<{
    schema: string;
    table: string;
    mod: number;
    dead: number;
    ins: number;
    reltuples: number;
    live: number;
    options: string[] | null;
    analysed: Date | null;
    vacuumed: Date | null;
  }>`SELECT s.schemaname AS schema, s.relname AS table, s.n_mod_since_analyze AS mod,
            s.n_dead_tup AS dead, s.n_ins_since_vacuum AS ins, c.reltuples::float8 AS reltuples,
            s.n_live_tup AS live, c.reloptions AS options,
            greatest(s.last_analyze, s.last_autoanalyze) AS analysed,
            greatest(s.last_vacuum, s.last_autovacuum) AS vacuumed
       FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid`.execute(db);
  return r.rows.map((x) => ({
    schema: x.schema,
    table: x.table,
    modifiedSinceAnalyze: Number(x.mod),
    deadRows: Number(x.dead),
    insertedSinceVacuum: Number(x.ins),
    reltuples: Number(x.reltuples),
    liveRows: Number(x.live),
    options: x.options ?? [],
    lastAnalyzedAt: x.analysed ? new Date(x.analysed) : null,
    lastVacuumedAt: x.vacuumed ? new Date(x.vacuumed) : null,
  }));
}

/**
 * Runs the steps one table at a time (VACUUM cannot run inside a transaction). On a server it is
 * paced as autovacuum paces itself (cost limit 200 per 2 ms): unpaced, an ANALYZE of a large
 * table took a whole core for seconds while orders were being accepted; paced, it yields between
 * pages. PGlite is not paced: its one connection would wait all the longer.
 */
export async function runUpkeep(
  db: Kysely<DB>,
  steps: readonly UpkeepStep[],
  kind: Database['kind'],
): Promise<void> {
  if (steps.length === 0) return;
  const run = async (c: Kysely<DB>) => {
    for (const s of steps) {
      const name = sql.id(s.schema, s.table);
      await (s.vacuum ? sql`VACUUM (ANALYZE) ${name}` : sql`ANALYZE ${name}`).execute(c);
    }
  };
  if (kind === 'embedded') return run(db);
  await db.connection().execute(async (c) => {
    await sql`SET vacuum_cost_delay = '2ms'`.execute(c);
    await sql`SET vacuum_cost_limit = 200`.execute(c);
    try {
      await run(c);
    } finally {
      await sql`RESET vacuum_cost_delay`.execute(c);
      await sql`RESET vacuum_cost_limit`.execute(c);
    }
  });
}

/** One round: reads the counters and looks after the tables that are due. */
export async function upkeepRound(db: Kysely<DB>, kind: Database['kind']): Promise<UpkeepStep[]> {
  const steps = tablesDue(await readTableActivity(db, kind));
  await runUpkeep(db, steps, kind);
  return steps;
}

/**
 * Starts the upkeep loop when the database has no autovacuum of its own; a no-op otherwise.
 * Returns a stop function that waits for the round in hand.
 */
export async function startTableUpkeep(opts: {
  database: Database;
  log: FastifyBaseLogger;
  intervalMs?: number;
}): Promise<() => Promise<void>> {
  const { db, kind } = opts.database;
  if (!(await upkeepNeeded(db, kind))) return async () => {};
  return startDrainLoop({
    name: 'table upkeep',
    log: opts.log,
    intervalMs: opts.intervalMs ?? 10_000,
    round: async () => {
      const steps = await upkeepRound(db, kind);
      if (steps.length > 0)
        opts.log.debug({ tables: steps.map((s) => s.table) }, 'table upkeep: analysed');
      // PGlite has no anti-wraparound vacuum of its own (a server has, even with autovacuum off).
      const frozen = await freezeIfDue(db, kind);
      if (frozen.froze)
        opts.log.warn(
          { xidAgeBefore: frozen.before.xidAge, xidAgeAfter: frozen.after.xidAge },
          'table upkeep: database frozen against transaction-id wraparound',
        );
      return false;
    },
  });
}
