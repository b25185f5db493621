import crypto from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * Statements whose SQL starts with this comment are prepared once per connection (a named
 * statement) instead of parsed and planned on every call. For the few hot statements whose text
 * never changes (their varying parts travel as parameters), e.g. accepting orders; the embedded
 * database ignores the comment.
 */
export const PREPARE = '/* prepare */';

const nameOf = (text: string) =>
  `lx_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 20)}`;

/** A pg pool for Kysely that prepares the statements marked with PREPARE. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const names = new Map<string, string>();
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        w = {
          query: ((text: unknown, values?: unknown[]) => {
            if (typeof text === 'string' && text.startsWith(PREPARE)) {
              let name = names.get(text);
              if (!name) {
                name = nameOf(text);
                names.set(text, name);
              }
              return client.query({ name, text, values });
            }
            return client.query(text as string, values);
          }) as unknown as PostgresPoolClient['query'],
          release: () => client.release(),
        };
        wrapped.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}
