import dayjs, { type Dayjs } from 'dayjs';
import type { OutageSummary } from '../../../../common/schemas/outages.ts';
import { beijingIso, formatDateTime } from '../../i18n/format.ts';

/** The picker format: dates and times are read and shown as Beijing wall-clock time. */
export const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

/** An instant as a picker value on the Beijing wall clock, whatever the browser's zone. */
export function wallClock(iso: string | null | undefined): Dayjs | undefined {
  return iso ? dayjs(formatDateTime(iso)) : undefined;
}

/** A picked wall-clock time as ISO with the Beijing offset; undefined for none. */
export function pickedIso(v: Dayjs | null | undefined): string | undefined {
  return v ? beijingIso(v.second(0)) : undefined;
}

/** The Beijing day (YYYY-MM-DD) of an instant. */
export function beijingDay(iso: string): string {
  return formatDateTime(iso).slice(0, 10);
}

/** From when to when the power is (or was, or will be) off: planned, else actual. */
export function outageSpan(o: OutageSummary): { start: string; end: string } | null {
  const start = o.startedAt ?? o.plannedStart;
  if (!start) return null;
  const end = o.restoredAt ?? o.plannedEnd ?? o.estimatedRestoreAt ?? start;
  return { start, end: end < start ? start : end };
}

/** The days (Beijing) an outage's window touches, as YYYY-MM-DD, first and last. */
export function outageDays(o: OutageSummary): { first: string; last: string } | null {
  const span = outageSpan(o);
  return span ? { first: beijingDay(span.start), last: beijingDay(span.end) } : null;
}
