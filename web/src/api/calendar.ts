import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarYearDetail,
  CalendarYearList,
  DueDateAnswer,
  SaveCalendarYearInput,
} from '../../../common/schemas/calendar.ts';
import { api } from './client.ts';

export const calendarKey = ['calendar'] as const;

/** The years whose holiday schedule is entered. */
export function useCalendarYears() {
  return useQuery({
    queryKey: [...calendarKey, 'years'],
    queryFn: () => api<CalendarYearList>('GET', '/api/calendar'),
  });
}

/** One year with every date; an error CALENDAR_YEAR_MISSING when it is not entered. */
export function useCalendarYear(year: number | null) {
  return useQuery({
    queryKey: [...calendarKey, 'year', year],
    queryFn: () => api<CalendarYearDetail>('GET', `/api/calendar/${year}`),
    enabled: year !== null,
    placeholderData: keepPreviousData,
  });
}

export interface DueRequest {
  /** ISO time with offset. */
  from: string;
  basis: 'working_days' | 'minutes';
  amount: number;
}

/** Asks the server for a deadline, the way the SLA clock computes it. */
export function useDueDate() {
  return useMutation({
    mutationFn: (r: DueRequest) =>
      api<DueDateAnswer>('GET', '/api/calendar/due', {
        query: {
          from: r.from,
          ...(r.basis === 'working_days' ? { workingDays: r.amount } : { minutes: r.amount }),
        },
      }),
  });
}

/** Enters or replaces a year's schedule (with the version read, for an existing year). */
export function useSaveCalendarYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { year: number; input: SaveCalendarYearInput }) =>
      api<CalendarYearDetail>('PUT', `/api/calendar/${v.year}`, { body: v.input }),
    onSettled: () => qc.invalidateQueries({ queryKey: calendarKey }),
  });
}
