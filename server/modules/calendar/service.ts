import type { Kysely } from 'kysely';
import type {
  CalendarYearDetail,
  CalendarYearList,
  DueDateAnswer,
  DueDateQuery,
  SaveCalendarYearInput,
} from '../../../common/schemas/calendar.js';
import type { DB } from '../../db/schema.js';
import type { Actor, RequestMeta } from '../../platform/actor.js';
import { authorize, recordAudit } from '../auth/index.js';
import { getWorkingCalendar } from './calendar-cache.js';
import { CalendarError } from './errors.js';
import { checkSchedule, explainWorkingDays, yearDays } from './schedule.js';
import { allYears, insertYear, lockYear, updateYear, type CalendarYearRow } from './store.js';
import { CalendarYearMissing, addMinutes, chinaDate, workingCalendar } from './working-days.js';
import type { YearSchedule } from './years.js';

interface ReadCtx {
  tx: Kysely<DB>;
  actor: Actor;
}

interface WriteCtx extends ReadCtx {
  meta: RequestMeta;
}

const missing = (year: number) => new CalendarError('CALENDAR_YEAR_MISSING', { year });

/** A deadline: N working days (rules.md §4) or N minutes of natural time after an event. */
export async function dueDate(ctx: ReadCtx, q: DueDateQuery): Promise<DueDateAnswer> {
  authorize(ctx.actor, 'calendar.view');
  const from = new Date(q.from);
  if (q.minutes !== undefined) {
    return {
      from: from.toISOString(),
      due: addMinutes(from, q.minutes).toISOString(),
      basis: 'minutes',
      amount: q.minutes,
      explanation: { startDate: chinaDate(from), countedDays: [], skipped: [] },
    };
  }
  const days = q.workingDays!;
  const cal = await getWorkingCalendar(ctx.tx);
  try {
    const { due, explanation } = explainWorkingDays(cal, from, days);
    return {
      from: from.toISOString(),
      due: due.toISOString(),
      basis: 'working_days',
      amount: days,
      explanation,
    };
  } catch (e) {
    if (e instanceof CalendarYearMissing) throw missing(e.year);
    throw e;
  }
}

/** The years entered, with how many holidays, make-up days and working days each has. */
export async function listCalendarYears(ctx: ReadCtx): Promise<CalendarYearList> {
  authorize(ctx.actor, 'calendar.view');
  const rows = await allYears(ctx.tx);
  // Built fresh rather than from the cache: an admin checks here what was just entered.
  const cal = workingCalendar(rows);
  const items = rows.map((r) => {
    const days = yearDays(cal, r.year);
    return {
      year: r.year,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
      holidayCount: r.holidays.length,
      holidayDays: days.filter((d) => d.kind === 'holiday').length,
      makeupDays: days.filter((d) => d.kind === 'makeup').length,
      workingDayCount: days.filter((d) => d.working).length,
    };
  });
  return { items, total: items.length };
}

function present(row: CalendarYearRow, rows: readonly YearSchedule[]): CalendarYearDetail {
  // All years: a holiday entered under the year before may run into this one.
  const cal = workingCalendar(rows);
  const days = yearDays(cal, row.year);
  return {
    year: row.year,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    holidays: row.holidays,
    workdays: row.workdays,
    workingDayCount: days.filter((d) => d.working).length,
    days,
  };
}

/** One year's schedule and every date of it. */
export async function getCalendarYear(ctx: ReadCtx, year: number): Promise<CalendarYearDetail> {
  authorize(ctx.actor, 'calendar.view');
  const rows = await allYears(ctx.tx);
  const row = rows.find((r) => r.year === year);
  if (!row) throw missing(year);
  return present(row, rows);
}

const byFrom = (a: { from: string }, b: { from: string }) => a.from.localeCompare(b.from);
const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);

/**
 * Enters a year's schedule or replaces it (optimistic locking: `version` must be the stored one,
 * and absent for a new year). The change and its audit row land in the caller's transaction; the
 * caller drops the calendar cache once it has committed.
 */
export async function saveCalendarYear(
  ctx: WriteCtx,
  year: number,
  input: SaveCalendarYearInput,
): Promise<{ created: boolean; detail: CalendarYearDetail }> {
  authorize(ctx.actor, 'calendar.manage');
  const issues = checkSchedule(year, input);
  if (issues.length > 0) throw new CalendarError('CALENDAR_YEAR_INVALID', issues);
  const current = await lockYear(ctx.tx, year);
  if (current?.version !== input.version) {
    throw new CalendarError('VERSION_CONFLICT', { currentVersion: current?.version ?? null });
  }
  const schedule: YearSchedule = {
    year,
    holidays: [...input.holidays].sort(byFrom),
    workdays: [...input.workdays].sort(byDate),
  };
  const write = { ...schedule, updatedBy: ctx.actor.userId };
  if (current) {
    if (!(await updateYear(ctx.tx, write, current.version))) {
      throw new CalendarError('VERSION_CONFLICT', { currentVersion: null });
    }
  } else {
    await insertYear(ctx.tx, write);
  }
  const rows = await allYears(ctx.tx);
  const saved = rows.find((r) => r.year === year)!;
  const snapshot = (r: CalendarYearRow) => ({
    version: r.version,
    holidays: r.holidays,
    workdays: r.workdays,
  });
  await recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    {
      action: current ? 'calendar.update' : 'calendar.create',
      entityType: 'calendar_year',
      entityId: String(year),
      before: current ? snapshot(current) : null,
      after: snapshot(saved),
      // The calendar is national; the entry belongs to the administrator's own unit.
      orgId: ctx.actor.unitId,
      provinceId: ctx.actor.provinceId,
    },
  );
  return { created: !current, detail: present(saved, rows) };
}
