import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { isUniqueViolation } from '../../../http/transaction.js';

/**
 * 工单编号 YYYYMMDD + a per-day number (2026112300001). Each day has its own PostgreSQL sequence:
 * nextval never blocks and never repeats, so numbers are unique and race-free at any rate; a
 * rolled-back create leaves a gap, which the business accepts.
 */
// The days whose sequence exists, per database: a process may open several (the demo tests do),
// keyed like the calendar cache by the adapter, which a transaction shares with its database.
const known = new WeakMap<object, Set<string>>();

export const sequenceName = (day: string) => `order_no_${day}`;

/** Creates the day's sequence if needed, outside any transaction (a concurrent twin is fine). */
export async function ensureNumberSequence(db: Kysely<DB>, day: string): Promise<void> {
  const key = db.getExecutor().adapter;
  const days = known.get(key) ?? new Set<string>();
  if (days.has(day)) return;
  if (!/^\d{8}$/.test(day)) throw new Error(`Bad day ${day}`);
  try {
    await sql`CREATE SEQUENCE IF NOT EXISTS ${sql.raw(sequenceName(day))}`.execute(db);
  } catch (e) {
    // Two processes creating the same sequence at once: one gets a unique violation; it exists.
    const code = (e as { code?: string }).code;
    if (!isUniqueViolation(e) && code !== '42P07') throw e;
  }
  days.add(day);
  known.set(key, days);
}

/** The SQL expression of the next number of the day. */
export function nextNumberSql(day: string) {
  return sql<string>`(SELECT ${day} || CASE WHEN n < 100000 THEN lpad(n::text, 5, '0') ELSE n::text END
    FROM (SELECT nextval(${sequenceName(day)}) AS n) s)`;
}
