/** Formats of the wall board: shares, durations, Beijing clock times, and traffic-light tones. */
import {
  SERVICE_LEVEL_TARGET,
  SERVICE_LEVEL_WARNING,
} from '../../../../common/contact/wallboard-figures.ts';

export type Tone = 'ok' | 'warn' | 'bad' | null;

/** 0.637 → 63.7%, 1 → 100% (it fits the tile), a dash when there is nothing to show yet. */
export function percent(v: number | null): string {
  if (v === null) return '—';
  return v >= 1 ? '100%' : `${(v * 100).toFixed(1)}%`;
}

/** Seconds as m:ss (or h:mm:ss from an hour on). */
export function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const TIME_ZONE = 'Asia/Shanghai';
const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const hm = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Beijing time as HH:mm:ss. */
export const clockTime = (d: Date) => clock.format(d);
/** Beijing time as HH:mm; a dash for none. */
export const shortTime = (iso: string | null) => (iso ? hm.format(new Date(iso)) : '—');

/** The date in Beijing with its weekday, in the UI language. */
export function longDate(d: Date, lang: 'zh' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: lang === 'zh' ? 'long' : 'short',
    day: 'numeric',
    weekday: lang === 'zh' ? 'long' : 'short',
  }).format(d);
}

/** The service level against the target (80/20) and the warning level below it. */
export function serviceLevelTone(v: number | null): Tone {
  if (v === null) return null;
  return v >= SERVICE_LEVEL_TARGET ? 'ok' : v >= SERVICE_LEVEL_WARNING ? 'warn' : 'bad';
}

/** Display thresholds only (not rules): up to 5 % abandoned is good, over 10 % is bad. */
export function abandonTone(v: number | null): Tone {
  if (v === null) return null;
  return v <= 0.05 ? 'ok' : v <= 0.1 ? 'warn' : 'bad';
}

/** The average speed of answer against the service-level threshold and twice it. */
export function asaTone(v: number | null, threshold: number): Tone {
  if (v === null) return null;
  return v <= threshold ? 'ok' : v <= 2 * threshold ? 'warn' : 'bad';
}

/** Callers waiting: none is good; past the threshold somebody has missed the service level. */
export function waitTone(longest: number | null, threshold: number): Tone {
  if (longest === null) return 'ok';
  return longest <= threshold ? 'warn' : 'bad';
}

export const toneClass = (t: Tone) => (t ? `wb-${t}` : '');
