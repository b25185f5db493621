import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { allYears } from './store.js';
import { workingCalendar, type WorkingCalendar } from './working-days.js';

/**
 * The working calendar is read on every order created (its SLA deadline) but changes once a
 * year, so each process keeps it for at most 30 s. An edit here drops it at once; another
 * process sees the edit within the 30 s.
 */
export const CALENDAR_CACHE_TTL_MS = 30_000;

interface Entry {
  calendar: WorkingCalendar;
  at: number;
}

const entries = new WeakMap<object, Entry>();
const generations = new WeakMap<object, number>();

/**
 * One cache per database, whether the caller passes the database handle or a transaction on it:
 * Kysely gives a transaction the adapter of the instance it came from. (Keyed by the handle
 * itself, a call inside a transaction would always miss.)
 */
function keyOf(db: Kysely<DB>): object {
  return db.getExecutor().adapter;
}

/**
 * The working calendar of every year entered, from this process's cache when fresh. Safe inside
 * a transaction: a refresh reads through the handle it is given.
 */
export async function getWorkingCalendar(db: Kysely<DB>): Promise<WorkingCalendar> {
  const key = keyOf(db);
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && now - hit.at < CALENDAR_CACHE_TTL_MS) return hit.calendar;
  const generation = generations.get(key) ?? 0;
  const calendar = workingCalendar(await allYears(db));
  // A read that raced an edit of this process is used once but not kept.
  if ((generations.get(key) ?? 0) === generation) entries.set(key, { calendar, at: now });
  return calendar;
}

/** Drops this process's cached calendar; called once an edit has committed. */
export function forgetWorkingCalendar(db: Kysely<DB>): void {
  const key = keyOf(db);
  entries.delete(key);
  generations.set(key, (generations.get(key) ?? 0) + 1);
}
