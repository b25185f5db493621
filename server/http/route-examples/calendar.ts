/** Valid example requests for the calendar routes (see ../malformed-support.ts). */
import type { TestOrg } from '../../db/test-helpers.js';
import type { Example } from '../malformed-support.js';
import { staleCalendarSave } from '../route-access/calendar.js';

export function calendarExamples(org: TestOrg): Record<string, Example> {
  void org;
  return {
    'GET /api/calendar/due': { query: { from: '2026-02-13T12:00:00+08:00', workingDays: '2' } },
    'GET /api/calendar': {},
    'GET /api/calendar/{year}': { params: { year: '2026' } },
    // The calendar is shared by every test: a stale version changes nothing (409).
    'PUT /api/calendar/{year}': { params: { year: '2025' }, body: staleCalendarSave() },
  };
}
