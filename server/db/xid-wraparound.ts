/**
 * Transaction-ID wraparound where nobody else prevents it. PostgreSQL numbers transactions with
 * 32-bit ids; rows older than about two billion transactions would seem to be in the future, so
 * a server refuses new transactions before that unless VACUUM has frozen the old rows. A server
 * launches anti-wraparound vacuums itself, even with autovacuum off. PGlite runs no autovacuum at
 * all: an embedded database that lives long enough (years at a busy center) would one day stop
 * taking orders. So, when the oldest unfrozen id of the database is older than the server's own
 * limit (autovacuum_freeze_max_age, 200 million by default; multixacts likewise), the whole
 * database, catalogues included, is vacuumed with FREEZE.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import type { DB } from './schema.js';

export interface WraparoundState {
  /** Transactions since the database's oldest unfrozen id (age of datfrozenxid). */
  xidAge: number;
  /** The same for multixact ids (mxid_age of datminmxid). */
  mxidAge: number;
  freezeMaxAge: number;
  multixactFreezeMaxAge: number;
}

/** Whether the database must be frozen now: past either limit, as the server's own rule. */
export function freezeDue(s: WraparoundState): boolean {
  return s.xidAge > s.freezeMaxAge || s.mxidAge > s.multixactFreezeMaxAge;
}

export async function readWraparound(db: Kysely<DB>): Promise<WraparoundState> {
  const r = await sql<{ xid: number; mxid: number; fmax: string; mmax: string }>`
    SELECT age(datfrozenxid) AS xid, mxid_age(datminmxid) AS mxid,
           current_setting('autovacuum_freeze_max_age') AS fmax,
           current_setting('autovacuum_multixact_freeze_max_age') AS mmax
      FROM pg_database WHERE datname = current_database()`.execute(db);
  const x = r.rows[0]!;
  return {
    xidAge: Number(x.xid),
    mxidAge: Number(x.mxid),
    freezeMaxAge: Number(x.fmax),
    multixactFreezeMaxAge: Number(x.mmax),
  };
}

/**
 * Freezes the embedded database when it is due (or when `force` says so, for a test); a server
 * looks after itself. Answers the state before, and after when it froze.
 */
export async function freezeIfDue(
  db: Kysely<DB>,
  kind: Database['kind'],
  opts: { force?: boolean } = {},
): Promise<{ froze: false } | { froze: true; before: WraparoundState; after: WraparoundState }> {
  if (kind !== 'embedded') return { froze: false };
  const before = await readWraparound(db);
  if (!opts.force && !freezeDue(before)) return { froze: false };
  // Database-wide (no table named): the catalogues too, and datfrozenxid advances at the end.
  await sql`VACUUM (FREEZE)`.execute(db);
  return { froze: true, before, after: await readWraparound(db) };
}
