import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import pg from 'pg';
import { pglitePool } from './pglite-pool.js';
import { preparingPool } from './prepared-pool.js';
import type { DB } from './schema.js';

export type DbKind = 'embedded' | 'postgres';

/** The one place where PostgreSQL types become JavaScript values, the same for both drivers. */
const PARSERS: Record<number, (value: string) => unknown> = {
  20: Number, // int8: counts and identities stay well below 2^53
  1700: (v) => v, // numeric: keep exact as text
  1082: (v) => v, // date: 'YYYY-MM-DD', never a local-midnight Date
};

export interface Database {
  kind: DbKind;
  db: Kysely<DB>;
  /** Runs SQL text through the shared connection(s); without values it may hold several statements. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /**
   * Listens to a NOTIFY channel on a connection of its own, reconnecting when it drops (PostgreSQL
   * server only; PGlite is a single process). Returns a stop function.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface ListenHandlers {
  onMessage: (payload: string | undefined) => void;
  onUp: () => void;
  onDown: (err: unknown) => void;
}

export interface OpenOptions {
  /** A postgres:// URL; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; undefined means in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
}

/** Opens the database: a PostgreSQL server when a URL is given, else the embedded PGlite. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  let pool: PostgresPool;
  let kind: DbKind;
  if (opts.databaseUrl) {
    kind = 'postgres';
    const pgPool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          PARSERS[oid] ??
          (pg.types.getTypeParser(oid, format) as (
            value: string,
          ) => unknown)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its server must not crash the process; the next query reconnects.
    pgPool.on('error', () => {});
    pool = preparingPool(pgPool);
  } else {
    kind = 'embedded';
    let dataDir: string | undefined;
    if (opts.dataDir) {
      dataDir = path.join(opts.dataDir, 'pglite');
      fs.mkdirSync(dataDir, { recursive: true });
    }
    const pglite = await PGlite.create({ dataDir, parsers: PARSERS });
    pool = pglitePool(pglite);
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });

  async function executeSql(text: string, values: unknown[] = []) {
    const client = await pool.connect();
    try {
      const r = await client.query(text, values);
      return { rows: r.rows };
    } finally {
      client.release();
    }
  }

  async function listen(channel: string, handlers: ListenHandlers) {
    if (!opts.databaseUrl) return async () => {};
    const url = opts.databaseUrl;
    let stopped = false;
    let client: pg.Client | undefined;
    let retry: NodeJS.Timeout | undefined;
    const connect = async () => {
      const c = new pg.Client({ connectionString: url });
      client = c;
      const lost = (err: unknown) => {
        if (stopped || client !== c) return;
        client = undefined;
        handlers.onDown(err);
        c.end().catch(() => {});
        retry = setTimeout(() => void connect().catch(lost), 2000);
      };
      c.on('error', lost);
      c.on('end', () => lost(new Error('connection ended')));
      c.on('notification', (n) => {
        if (n.channel === channel) handlers.onMessage(n.payload);
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        handlers.onUp();
      } catch (e) {
        lost(e);
      }
    };
    await connect();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    };
  }

  return {
    kind,
    db,
    executeSql,
    listen,
    close: () => db.destroy(),
  };
}
