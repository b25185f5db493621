/** Who may call the calendar routes, with a probe for each (see ../test-routes.ts). */
import { SEED_YEARS } from '../../modules/calendar/index.js';
import { ok, probe, type Access } from '../access-probe.js';

/**
 * 2025 as seeded, re-sent with a version it never reaches: it passes validation and the checks of
 * the schedule, and the stale version refuses it before anything is written.
 */
export const staleCalendarSave = () => {
  const seed = SEED_YEARS.find((y) => y.year === 2025)!;
  return { version: 2_147_483_647, holidays: seed.holidays, workdays: seed.workdays };
};

export const CALENDAR_ACCESS: Record<string, Access> = {
  'GET /api/calendar/due': {
    needs: 'calendar.view',
    probe: probe(
      'GET',
      '/api/calendar/due?from=2026-02-13T12%3A00%3A00%2B08%3A00&workingDays=2',
      ok,
    ),
  },
  'GET /api/calendar': { needs: 'calendar.view', probe: probe('GET', '/api/calendar', ok) },
  'GET /api/calendar/{year}': {
    needs: 'calendar.view',
    probe: probe('GET', '/api/calendar/2026', ok),
  },
  'PUT /api/calendar/{year}': {
    needs: 'calendar.manage',
    probe: probe(
      'PUT',
      '/api/calendar/2025',
      { status: 409, code: 'VERSION_CONFLICT' },
      staleCalendarSave,
    ),
  },
};
