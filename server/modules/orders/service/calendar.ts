import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { getWorkingCalendar, type WorkingCalendar } from '../../calendar/index.js';

/** The working calendar for deadlines (cached by the calendar module). */
export async function workingCalendarFor(tx: Kysely<DB>): Promise<WorkingCalendar> {
  return getWorkingCalendar(tx);
}
