import {
  CalendarYearDetail,
  CalendarYearList,
  CalendarYearParams,
  DueDateAnswer,
  DueDateQuery,
  SaveCalendarYearInput,
} from '../../../common/schemas/calendar.js';
import { NoQuery } from '../../../common/schemas/primitives.js';
import { actorOf, metaOf, type App } from '../../http/context.js';
import { writeTransaction } from '../../http/transaction.js';
import { forgetWorkingCalendar } from './calendar-cache.js';
import { dueDate, getCalendarYear, listCalendarYears, saveCalendarYear } from './service.js';

const tags = ['calendar'];

export function calendarRoutes(app: App): void {
  const db = () => app.deps.database.db;

  app.get(
    '/api/calendar/due',
    {
      schema: {
        tags,
        summary: '期限计算 The deadline N working days or N minutes after an event, explained',
        querystring: DueDateQuery,
        response: { 200: DueDateAnswer },
      },
    },
    async (request) => dueDate({ tx: db(), actor: actorOf(request) }, request.query),
  );

  app.get(
    '/api/calendar',
    {
      schema: {
        tags,
        summary: '工作日历年度 The years whose holiday schedule is entered',
        querystring: NoQuery,
        response: { 200: CalendarYearList },
      },
    },
    async (request) => listCalendarYears({ tx: db(), actor: actorOf(request) }),
  );

  app.get(
    '/api/calendar/:year',
    {
      schema: {
        tags,
        summary: '年度日历 A year: holidays, make-up working days (调休) and every date',
        params: CalendarYearParams,
        response: { 200: CalendarYearDetail },
      },
    },
    async (request) => getCalendarYear({ tx: db(), actor: actorOf(request) }, request.params.year),
  );

  app.put(
    '/api/calendar/:year',
    {
      schema: {
        tags,
        summary: '录入节假日安排 Enter or replace a year’s holidays and make-up working days',
        params: CalendarYearParams,
        body: SaveCalendarYearInput,
        response: { 200: CalendarYearDetail, 201: CalendarYearDetail },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { created, detail } = await writeTransaction(db(), (tx) =>
        saveCalendarYear({ tx, actor, meta: metaOf(request) }, request.params.year, request.body),
      );
      // Committed: this process's deadlines use the new schedule from the next call on.
      forgetWorkingCalendar(db());
      return reply.status(created ? 201 : 200).send(detail);
    },
  );
}
