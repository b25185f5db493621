import type { PGlite, Results } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/** A FIFO lock: PGlite is one connection, so a transaction must own it until it ends. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

const DML = /^\s*(insert|update|delete|merge)\b/i;

type Command = 'INSERT' | 'UPDATE' | 'DELETE' | 'MERGE' | 'SELECT';

function commandOf(sql: string, result: Results<unknown>): Command {
  const m = DML.exec(sql);
  if (m) return m[1]!.toUpperCase() as Command;
  // A data-changing CTE ("WITH … UPDATE …") reports affected rows; Kysely only needs the count.
  return result.affectedRows ? 'UPDATE' : 'SELECT';
}

/**
 * Presents one PGlite instance as a node-postgres style pool for Kysely. Every client holds the
 * mutex from connect() to release(), so statements of concurrent requests never interleave
 * inside each other's transactions. Statements without parameters go through the simple query
 * protocol (`exec`), as node-postgres does, so multi-statement scripts (migrations) work on both.
 */
export function pglitePool(pg: PGlite): PostgresPool {
  const mutex = new Mutex();

  async function run(
    sql: string,
    params: readonly unknown[],
  ): Promise<PostgresQueryResult<unknown>> {
    if (params.length === 0) {
      const results = await pg.exec(sql);
      const last = results.at(-1);
      if (!last) return { command: 'SELECT', rowCount: 0, rows: [] };
      return {
        command: commandOf(sql, last),
        rowCount: last.affectedRows ?? last.rows.length,
        rows: last.rows,
      };
    }
    const r = await pg.query(sql, params as unknown[]);
    return { command: commandOf(sql, r), rowCount: r.affectedRows ?? r.rows.length, rows: r.rows };
  }

  return {
    async connect(): Promise<PostgresPoolClient> {
      const release = await mutex.acquire();
      let released = false;
      return {
        query: (sql: string, params: readonly unknown[]) => run(sql, params),
        release: () => {
          if (released) return;
          released = true;
          release();
        },
      } as unknown as PostgresPoolClient;
    },
    async end() {
      await pg.close();
    },
  };
}
