import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { CalendarHoliday, CalendarWorkday } from '../../../common/schemas/calendar.js';
import type { DB } from '../../db/schema.js';
import type { YearSchedule } from './years.js';

export interface CalendarYearRow extends YearSchedule {
  version: number;
  updatedAt: Date;
}

// The JSON columns are written only through this store; parsing them on read keeps a row edited
// by hand in the database from turning into wrong deadlines.
const Holidays = z.array(CalendarHoliday);
const Workdays = z.array(CalendarWorkday);

function rowOf(r: {
  year: number;
  holidays: unknown;
  workdays: unknown;
  version: number;
  updated_at: Date;
}): CalendarYearRow {
  return {
    year: r.year,
    holidays: Holidays.parse(r.holidays),
    workdays: Workdays.parse(r.workdays),
    version: r.version,
    updatedAt: r.updated_at,
  };
}

const COLUMNS = ['year', 'holidays', 'workdays', 'version', 'updated_at'] as const;

/** Every year entered, in order. */
export async function allYears(tx: Kysely<DB>): Promise<CalendarYearRow[]> {
  const rows = await tx.selectFrom('calendar_years').select(COLUMNS).orderBy('year').execute();
  return rows.map(rowOf);
}

/** One year, locked for the rest of the transaction when it exists. */
export async function lockYear(tx: Kysely<DB>, year: number): Promise<CalendarYearRow | undefined> {
  const row = await tx
    .selectFrom('calendar_years')
    .select(COLUMNS)
    .where('year', '=', year)
    .forUpdate()
    .executeTakeFirst();
  return row && rowOf(row);
}

export interface YearWrite extends YearSchedule {
  updatedBy: string;
}

export async function insertYear(tx: Kysely<DB>, y: YearWrite): Promise<void> {
  await tx
    .insertInto('calendar_years')
    .values({
      year: y.year,
      holidays: JSON.stringify(y.holidays),
      workdays: JSON.stringify(y.workdays),
      updated_by: y.updatedBy,
    })
    .execute();
}

/** Replaces a year's schedule if it is still at `version`; false when someone changed it first. */
export async function updateYear(tx: Kysely<DB>, y: YearWrite, version: number): Promise<boolean> {
  const r = await tx
    .updateTable('calendar_years')
    .set({
      holidays: JSON.stringify(y.holidays),
      workdays: JSON.stringify(y.workdays),
      version: sql<number>`version + 1`,
      updated_by: y.updatedBy,
      updated_at: sql<Date>`now()`,
    })
    .where('year', '=', y.year)
    .where('version', '=', version)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
