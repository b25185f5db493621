/**
 * The greeting an agent opens a call with (rules.md §6): 早上好 before 12:00, 下午好 until 18:00,
 * 晚上好 in the evening and at night (China time); on a statutory holiday a festive greeting
 * comes first. 清明节 is a day of remembrance: it gets no festive greeting.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Festive greetings by the holiday names of the working calendar (server/modules/calendar). */
const FESTIVE: [test: RegExp, greeting: string][] = [
  [/国庆.*中秋|中秋.*国庆/, '国庆中秋双节快乐'],
  [/春节/, '新春快乐'],
  [/元旦/, '元旦快乐'],
  [/劳动节/, '劳动节快乐'],
  [/端午/, '端午安康'],
  [/中秋/, '中秋快乐'],
  [/国庆/, '国庆快乐'],
];
const NO_FESTIVE = /清明/;

export interface Greeting {
  /** 早上好 | 下午好 | 晚上好 */
  salutation: string;
  /** 新春快乐 …, or null on an ordinary day. */
  festive: string | null;
  /** The holiday's name when the call falls on a statutory holiday. */
  holiday: string | null;
  /** The opening line to read. */
  text: string;
}

/** The hour (0–23) in China of an instant. */
export function chinaHour(at: Date): number {
  return new Date(at.getTime() + CHINA_OFFSET_MS).getUTCHours();
}

/** The festive greeting of a holiday name, or null (清明, or not a holiday). */
export function festiveGreeting(holiday: string | null): string | null {
  if (!holiday || NO_FESTIVE.test(holiday)) return null;
  return FESTIVE.find(([re]) => re.test(holiday))?.[1] ?? '节日快乐';
}

/** The greeting for a call at `at`; `holiday` is the statutory holiday that day, if any. */
export function greetingFor(at: Date, holiday: string | null): Greeting {
  const h = chinaHour(at);
  const salutation = h >= 5 && h < 12 ? '早上好' : h >= 12 && h < 18 ? '下午好' : '晚上好';
  const festive = festiveGreeting(holiday);
  const opening = festive ? `${festive}！${salutation}` : salutation;
  return {
    salutation,
    festive,
    holiday: holiday ?? null,
    text: `${opening}，国家电网95598，很高兴为您服务，请问有什么可以帮您？`,
  };
}
