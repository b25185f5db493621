import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

/** The channel on which every process hears that sessions, users, units or tokens changed. */
export const PRINCIPALS_CHANNEL = 'lianxin_principals';

interface Entry<T> {
  row: T;
  at: number;
}

/**
 * A short-lived cache of "who is this session/token", the read behind every request. It is
 * cleared after every change that could alter an answer (logout, lock, password, roles, units,
 * tokens): at once in this process, and in the others through PostgreSQL NOTIFY. The TTL bounds
 * staleness if a notification is ever missed. Expiry and disabled flags are checked on every hit.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private generation = 0;
  /** False while the change feed is down: every request then reads the database. */
  private enabled = true;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 20_000,
  ) {}

  /** Returns the cached row or reads it; a read that raced a change is not kept. */
  async get<T>(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.row as T;
    const generation = this.generation;
    const row = await load();
    if (row !== undefined && this.usable() && generation === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { row, at: now });
    }
    return row;
  }

  /** Replaces a cached row in place (after sliding a session's expiry). */
  update<T>(key: string, row: T): void {
    const hit = this.entries.get(key);
    if (hit) hit.row = row;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** While the change feed is down, cache nothing. */
  setFeedUp(up: boolean): void {
    this.enabled = up;
    this.clear();
  }

  private usable(): boolean {
    return this.enabled && this.ttlMs > 0;
  }
}

const caches = new WeakMap<Kysely<DB>, PrincipalCache>();

/** The cache of one database handle (one per process and database). */
export function principalCacheOf(db: Kysely<DB>): PrincipalCache | undefined {
  return caches.get(db);
}

/** Forgets every cached principal of this database handle (tests that edit rows directly). */
export function clearPrincipalCache(db: Kysely<DB>): void {
  caches.get(db)?.clear();
}

export function installPrincipalCache(db: Kysely<DB>, ttlMs: number): PrincipalCache {
  const cache = new PrincipalCache(ttlMs);
  caches.set(db, cache);
  return cache;
}

/**
 * Announces, inside the changing transaction, that principals changed. PostgreSQL delivers the
 * notification to every listening process only if and when the transaction commits.
 */
export async function announcePrincipalChange(tx: Kysely<DB>): Promise<void> {
  await sql`select pg_notify(${PRINCIPALS_CHANNEL}, '')`.execute(tx);
}

/**
 * Sets up the cache for an app's database. On a PostgreSQL server other processes may change
 * principals too, so the cache works only while this process listens to their notifications;
 * PGlite is one process by construction (DATA_DIR lock). Returns a stop function.
 */
export async function startPrincipalCache(
  database: Database,
  ttlMs: number,
  log: { warn(obj: object, msg: string): void },
): Promise<() => Promise<void>> {
  const cache = installPrincipalCache(database.db, ttlMs);
  if (database.kind === 'embedded' || ttlMs <= 0) return async () => {};
  cache.setFeedUp(false);
  return database.listen(PRINCIPALS_CHANNEL, {
    onMessage: () => cache.clear(),
    onUp: () => cache.setFeedUp(true),
    onDown: (err) => {
      cache.setFeedUp(false);
      log.warn({ err }, 'principal change feed lost; reading every request from the database');
    },
  });
}
