import { describe, expect, it } from 'vitest';
import { festiveGreeting, greetingFor } from './greeting.js';

/** An instant at a China wall-clock time. */
const china = (date: string, hm: string) => new Date(`${date}T${hm}:00+08:00`);

describe('greeting', () => {
  it.each([
    ['05:00', '早上好'],
    ['08:30', '早上好'],
    ['11:59', '早上好'],
    ['12:00', '下午好'],
    ['17:59', '下午好'],
    ['18:00', '晚上好'],
    ['23:30', '晚上好'],
    ['02:00', '晚上好'],
  ])('at %s China time it is %s', (hm, salutation) => {
    const g = greetingFor(china('2026-03-10', hm), null);
    expect(g.salutation).toBe(salutation);
    expect(g.festive).toBeNull();
    expect(g.text.startsWith(`${salutation}，`)).toBe(true);
  });

  it('uses China time whatever the server clock: 03:30 UTC is 11:30 in Beijing', () => {
    expect(greetingFor(new Date('2026-03-10T03:30:00Z'), null).salutation).toBe('早上好');
    expect(greetingFor(new Date('2026-03-10T04:30:00Z'), null).salutation).toBe('下午好');
  });

  it('opens with the festive greeting on a statutory holiday, but not on 清明', () => {
    const g = greetingFor(china('2026-02-17', '09:00'), '春节');
    expect(g).toMatchObject({ festive: '新春快乐', holiday: '春节', salutation: '早上好' });
    expect(g.text.startsWith('新春快乐！早上好，')).toBe(true);
    expect(festiveGreeting('国庆节、中秋节')).toBe('国庆中秋双节快乐');
    expect(festiveGreeting('端午节')).toBe('端午安康');
    expect(festiveGreeting('清明节')).toBeNull();
    expect(festiveGreeting('某新节日')).toBe('节日快乐');
    expect(festiveGreeting(null)).toBeNull();
  });
});
