/**
 * The calendar through the real app: deadlines over weekends, 春节 and 调休, the year views, and
 * admin editing with its checks. The calendar table is shared by every test of a PostgreSQL run,
 * so the writes here use years nobody else touches (2093–2097) and remove them afterwards.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  CalendarYearDetail,
  CalendarYearList,
  DueDateAnswer,
} from '../../../common/schemas/calendar.js';
import {
  auditRowsFor,
  buildOrg,
  login,
  testApp,
  type Client,
  type TestApp,
  type TestOrg,
} from '../../db/test-helpers.js';
import { expectError } from '../../http/test-routes.js';
import { getWorkingCalendar, SEED_YEARS } from './index.js';

const OUR_YEARS = [2093, 2094, 2095, 2096, 2097];

let t: TestApp;
let org: TestOrg;
let admin: Client;
let trainer: Client;

async function dropOurYears() {
  await t.database.db.deleteFrom('calendar_years').where('year', 'in', OUR_YEARS).execute();
}

beforeAll(async () => {
  t = await testApp();
  await dropOurYears();
  org = await buildOrg(t.database);
  admin = await login(t.app, org.users.admin!.username);
  trainer = await login(t.app, org.users.trainer!.username);
});
afterAll(async () => {
  await dropOurYears();
  await t.close();
});

const put = (c: Client, year: number, body: unknown) =>
  c.request('PUT', `/api/calendar/${year}`, body);

async function due(c: Client, from: string, amount: string) {
  return c.get(`/api/calendar/due?from=${encodeURIComponent(from)}&${amount}`);
}

async function dueOk(from: string, amount: string): Promise<DueDateAnswer> {
  const res = await due(trainer, from, amount);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DueDateAnswer>();
}

describe('the seeded calendar', () => {
  it('holds 2025 and 2026 exactly as SEED_YEARS', async () => {
    const rows = await t.database.db
      .selectFrom('calendar_years')
      .select(['year', 'holidays', 'workdays', 'version'])
      .where('year', 'in', [2025, 2026])
      .orderBy('year')
      .execute();
    expect(rows).toEqual(SEED_YEARS.map((y) => ({ ...y, version: 1 })));
  });
});

describe('GET /api/calendar/due', () => {
  it('skips a weekend: Friday evening + 1 working day is Monday 24:00', async () => {
    const a = await dueOk('2026-11-27T17:00:00+08:00', 'workingDays=1');
    expect(a).toEqual({
      from: '2026-11-27T09:00:00.000Z',
      due: '2026-11-30T16:00:00.000Z',
      basis: 'working_days',
      amount: 1,
      explanation: {
        startDate: '2026-11-27',
        countedDays: [{ date: '2026-11-30' }],
        skipped: [
          { date: '2026-11-28', reason: 'weekend' },
          { date: '2026-11-29', reason: 'weekend' },
        ],
      },
    });
  });

  it('counts Saturday 14 February (调休), then skips 春节 15–23 February 2026', async () => {
    const a = await dueOk('2026-02-13T12:00:00+08:00', 'workingDays=2');
    expect(a.due).toBe('2026-02-24T16:00:00.000Z');
    expect(a.explanation.countedDays).toEqual([
      { date: '2026-02-14', name: '春节调休' },
      { date: '2026-02-24' },
    ]);
    expect(a.explanation.skipped).toHaveLength(9);
    expect(a.explanation.skipped.every((s) => s.reason === 'holiday' && s.name === '春节')).toBe(
      true,
    );
  });

  it('counts Saturday 28 February 2026 (调休) as a working day', async () => {
    const a = await dueOk('2026-02-24T09:00:00+08:00', 'workingDays=4');
    expect(a.due).toBe('2026-02-28T16:00:00.000Z');
    expect(a.explanation.countedDays.at(-1)).toEqual({ date: '2026-02-28', name: '春节调休' });
    expect(a.explanation.skipped).toEqual([]);
  });

  it('takes the date in China: 00:30 on Saturday (China) is Friday in UTC', async () => {
    const a = await dueOk('2026-11-27T16:30:00Z', 'workingDays=1');
    expect(a.explanation.startDate).toBe('2026-11-28');
    expect(a.due).toBe('2026-11-30T16:00:00.000Z');
  });

  it('refuses to count into a year without a schedule (2027)', async () => {
    const res = await due(trainer, '2026-12-30T10:00:00+08:00', 'workingDays=3');
    expectError(res, 'CALENDAR_YEAR_MISSING');
    expect(res.json().error.details).toEqual({ year: 2027 });
    // One day still ends inside 2026.
    expect((await dueOk('2026-12-30T10:00:00+08:00', 'workingDays=1')).due).toBe(
      '2026-12-31T16:00:00.000Z',
    );
  });

  it('runs minutes through midnight and holidays (natural time)', async () => {
    const a = await dueOk('2026-10-01T23:30:00+08:00', 'minutes=45');
    expect(a).toEqual({
      from: '2026-10-01T15:30:00.000Z',
      due: '2026-10-01T16:15:00.000Z',
      basis: 'minutes',
      amount: 45,
      explanation: { startDate: '2026-10-01', countedDays: [], skipped: [] },
    });
    // Minutes need no schedule: 2027 is fine.
    expect((await dueOk('2027-06-01T08:00:00Z', 'minutes=60')).due).toBe(
      '2027-06-01T09:00:00.000Z',
    );
  });

  it('takes exactly one of workingDays and minutes, and a time with its offset', async () => {
    const from = '2026-11-23T10:00:00+08:00';
    for (const amount of ['workingDays=1&minutes=1', 'x=1', 'workingDays=0', 'minutes=1.5']) {
      expectError(await due(admin, from, amount), 'VALIDATION_FAILED');
    }
    expectError(await due(admin, '2026-11-23T10:00:00', 'workingDays=1'), 'VALIDATION_FAILED');
  });
});

describe('the year views', () => {
  it('lists the years entered with their counts', async () => {
    const res = await trainer.get('/api/calendar');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<CalendarYearList>();
    expect(list.items.find((y) => y.year === 2026)).toMatchObject({
      version: 1,
      holidayCount: 7,
      holidayDays: 33,
      makeupDays: 6,
      workingDayCount: 248,
    });
    expect(list.items.find((y) => y.year === 2025)).toMatchObject({
      holidayCount: 6,
      makeupDays: 5,
    });
    expect(list.items.map((y) => y.year)).toEqual([...list.items.map((y) => y.year)].sort());
  });

  it('shows every date of a year; a year not entered is CALENDAR_YEAR_MISSING', async () => {
    const res = await trainer.get('/api/calendar/2026');
    expect(res.statusCode, res.body).toBe(200);
    const y = res.json<CalendarYearDetail>();
    expect(y).toMatchObject({ year: 2026, version: 1, workingDayCount: 248 });
    expect(y.holidays).toEqual(SEED_YEARS[1]!.holidays);
    expect(y.days).toHaveLength(365);
    const on = (date: string) => y.days.find((d) => d.date === date);
    expect(on('2026-02-14')).toEqual({
      date: '2026-02-14',
      working: true,
      kind: 'makeup',
      name: '春节调休',
    });
    expect(on('2026-02-17')).toEqual({
      date: '2026-02-17',
      working: false,
      kind: 'holiday',
      name: '春节',
    });
    expect(on('2026-02-07')).toEqual({ date: '2026-02-07', working: false, kind: 'weekend' });
    const missing = await trainer.get('/api/calendar/2027');
    expectError(missing, 'CALENDAR_YEAR_MISSING');
    expect(missing.json().error.details).toEqual({ year: 2027 });
  });
});

const schedule2097 = {
  holidays: [
    { name: '国庆节', from: '2097-10-01', to: '2097-10-07' },
    { name: '元旦', from: '2097-01-01', to: '2097-01-01' },
    { name: '跨年', from: '2097-12-31', to: '2098-01-01' },
  ],
  workdays: [{ name: '国庆节调休', date: '2097-09-28' }],
};

describe('PUT /api/calendar/{year}', () => {
  it('creates a year (201), then replaces it with the version (200), audited', async () => {
    const created = await put(admin, 2097, schedule2097);
    expect(created.statusCode, created.body).toBe(201);
    const y = created.json<CalendarYearDetail>();
    expect(y.version).toBe(1);
    // Stored in date order.
    expect(y.holidays.map((h) => h.name)).toEqual(['元旦', '国庆节', '跨年']);
    expect(y.days.find((d) => d.date === '2097-09-28')).toMatchObject({ kind: 'makeup' });
    expect(y.days.find((d) => d.date === '2097-12-31')).toMatchObject({ kind: 'holiday' });

    const updated = await put(admin, 2097, {
      version: 1,
      holidays: schedule2097.holidays.slice(0, 2),
      workdays: [],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json<CalendarYearDetail>()).toMatchObject({ version: 2, workdays: [] });

    const audit = await auditRowsFor(t.database, '2097');
    const ours = audit.filter((a) => a.actor_id === org.users.admin!.id);
    expect(ours.map((a) => [a.action, a.entity_type])).toEqual([
      ['calendar.create', 'calendar_year'],
      ['calendar.update', 'calendar_year'],
    ]);
    expect(ours[1]!.after).toMatchObject({ version: 2, workdays: [] });
    expect(ours[1]!.org_id).toBe(org.units.root!.id);
  });

  it('refuses a stale or missing version with 409, and a version for a new year', async () => {
    expect((await put(admin, 2096, schedule2096())).statusCode).toBe(201);
    const stale = await put(admin, 2096, { version: 7, ...schedule2096() });
    expectError(stale, 'VERSION_CONFLICT');
    expect(stale.json().error.details).toEqual({ currentVersion: 1 });
    expectError(await put(admin, 2096, schedule2096()), 'VERSION_CONFLICT');
    expectError(
      await put(admin, 2095, { version: 1, holidays: [], workdays: [] }),
      'VERSION_CONFLICT',
    );
    const row = await t.database.db
      .selectFrom('calendar_years')
      .select('version')
      .where('year', 'in', [2095, 2096])
      .execute();
    expect(row).toEqual([{ version: 1 }]);
  });

  it('refuses a schedule that breaks the rules with CALENDAR_YEAR_INVALID, naming the entry', async () => {
    const res = await put(admin, 2095, {
      holidays: [
        { name: '春节', from: '2095-01-20', to: '2095-01-26' },
        { name: '重叠', from: '2095-01-25', to: '2095-01-27' },
        { name: '倒序', from: '2095-05-05', to: '2095-05-01' },
        { name: '上一年', from: '2094-12-31', to: '2095-01-01' },
      ],
      workdays: [
        { name: '周三', date: '2095-03-02' },
        { name: '假中', date: '2095-01-22' },
        { name: '明年', date: '2096-01-05' },
      ],
    });
    expectError(res, 'CALENDAR_YEAR_INVALID');
    const details = res.json<{ error: { details: { path: string; reason: string }[] } }>().error
      .details;
    expect(details.map((d) => [d.path, d.reason]).sort()).toEqual(
      [
        ['holidays.1.from', 'overlaps'],
        ['holidays.2.to', 'ends_before_start'],
        ['holidays.3.from', 'outside_year'],
        ['workdays.0.date', 'not_weekend'],
        ['workdays.1.date', 'inside_holiday'],
        ['workdays.2.date', 'outside_year'],
      ].sort(),
    );
    expectError(
      await put(admin, 2095, { holidays: [{ name: '', from: '2095-01-01', to: '2095-01-01' }] }),
      'VALIDATION_FAILED',
    );
    expectError(
      await put(admin, 2095, {
        holidays: [{ name: 'x'.repeat(41), from: '2095-02-30', to: '2095-03-01' }],
        workdays: [],
      }),
      'VALIDATION_FAILED',
    );
    expectError(await put(admin, 2101, { holidays: [], workdays: [] }), 'VALIDATION_FAILED');
    const stored = await t.database.db
      .selectFrom('calendar_years')
      .select('year')
      .where('year', '=', 2095)
      .execute();
    expect(stored).toEqual([]);
  });

  it('is for administrators only: 403 for anyone else', async () => {
    for (const who of ['agent', 'manager', 'trainer', 'lead']) {
      const c = await login(t.app, org.users[who]!.username);
      expectError(await put(c, 2095, { holidays: [], workdays: [] }), 'FORBIDDEN');
      expect((await c.get('/api/calendar/2026')).statusCode).toBe(200);
    }
  });
});

function schedule2096() {
  return {
    holidays: [{ name: '春节', from: '2096-02-01', to: '2096-02-07' }],
    workdays: [{ name: '春节调休', date: '2096-02-11' }],
  };
}

describe('the cache of the calendar', () => {
  it('is one per database, shared by the handle and its transactions', async () => {
    const db = t.database.db;
    const cached = await getWorkingCalendar(db);
    expect(await getWorkingCalendar(db)).toBe(cached);
    expect(await db.transaction().execute((tx) => getWorkingCalendar(tx))).toBe(cached);
  });

  it('sees an edit made through the app at once', async () => {
    expect((await put(admin, 2093, { holidays: [], workdays: [] })).statusCode).toBe(201);
    // Thursday 31 Dec 2093 + 1 working day: Friday 1 Jan 2094, a year not entered yet.
    const before = await due(trainer, '2093-12-31T10:00:00+08:00', 'workingDays=1');
    expectError(before, 'CALENDAR_YEAR_MISSING');
    expect(before.json().error.details).toEqual({ year: 2094 });

    const entered = await put(admin, 2094, {
      holidays: [{ name: '元旦', from: '2094-01-01', to: '2094-01-03' }],
      workdays: [],
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const after = await dueOk('2093-12-31T10:00:00+08:00', 'workingDays=1');
    expect(after.due).toBe('2094-01-04T16:00:00.000Z');
    expect(after.explanation.skipped.map((s) => [s.date, s.reason, s.name])).toEqual([
      ['2094-01-01', 'holiday', '元旦'],
      ['2094-01-02', 'holiday', '元旦'],
      ['2094-01-03', 'holiday', '元旦'],
    ]);
  });

  it('sees a change made elsewhere (another process) within 30 s', async () => {
    // Loads the calendar into the cache (2095 is not entered).
    expectError(
      await due(trainer, '2094-12-31T10:00:00+08:00', 'workingDays=1'),
      'CALENDAR_YEAR_MISSING',
    );
    await t.database.db
      .insertInto('calendar_years')
      .values({ year: 2095, holidays: '[]', workdays: '[]' })
      .execute();
    expectError(
      await due(trainer, '2094-12-31T10:00:00+08:00', 'workingDays=1'),
      'CALENDAR_YEAR_MISSING',
    );
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 31_000);
      const a = await dueOk('2094-12-31T10:00:00+08:00', 'workingDays=1');
      expect(a.due).toBe('2095-01-03T16:00:00.000Z');
    } finally {
      vi.useRealTimers();
    }
  });
});
