/**
 * The working-day calendar: each year's State Council holiday schedule, entered by an admin, and
 * working-day arithmetic over it for deadlines (rules.md §4). Other modules take the calendar
 * from getWorkingCalendar (cached) and count with addWorkingDays / addMinutes.
 */
import type { App } from '../../http/context.js';
import { calendarRoutes } from './routes.js';

export function registerCalendarRoutes(app: App): void {
  calendarRoutes(app);
}

export { forgetWorkingCalendar, getWorkingCalendar } from './calendar-cache.js';
export {
  CalendarYearMissing,
  addMinutes,
  addWorkingDays,
  chinaDate,
  workingCalendar,
  type DayKind,
  type WorkingCalendar,
} from './working-days.js';
export { SEED_YEARS, type YearSchedule } from './years.js';
