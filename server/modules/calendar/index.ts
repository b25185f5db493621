/**
 * The working-day calendar (issue 5 will add its table, admin editing and routes): pure
 * working-day arithmetic over the State Council's schedules, seeded with 2025 and 2026.
 */
export {
  CalendarYearMissing,
  addMinutes,
  addWorkingDays,
  chinaDate,
  workingCalendar,
  type WorkingCalendar,
} from './working-days.js';
export { SEED_YEARS, type YearSchedule } from './years.js';
