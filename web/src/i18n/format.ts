const TIME_ZONE = 'Asia/Shanghai';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function shanghaiParts(date: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** An instant as Beijing time, e.g. 2026-11-23 14:05; a dash for none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = shanghaiParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The hour (0–23) in Beijing now, whatever the browser's own time zone. */
export function shanghaiHour(now = new Date()): number {
  return Number(shanghaiParts(now).hour);
}

/**
 * A wall-clock time picked in the UI, read as Beijing time, as ISO with offset. China has kept
 * UTC+8 without summer time since 1991, so the offset is fixed.
 */
export function beijingIso(wall: { format(template: string): string }): string {
  return `${wall.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;
}
