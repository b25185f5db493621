import { describe, expect, it } from 'vitest';
import {
  bucketCalls,
  callFigures,
  chinaDay,
  classifyCall,
  fullDay,
  hourOfDay,
  type CallTimes,
} from './wallboard-figures.js';

// 2026-03-02 14:00 China time.
const NOW = new Date('2026-03-02T06:00:00Z');
const at = (china: string) => new Date(`${china}+08:00`);
const s = (from: Date, secs: number) => new Date(from.getTime() + secs * 1000);

function answered(arrived: Date, wait: number, ended = true): CallTimes {
  return {
    direction: 'in',
    state: ended ? 'ended' : 'talking',
    outcome: ended ? 'answered' : null,
    arrivedAt: arrived,
    answeredAt: s(arrived, wait),
    endedAt: ended ? s(arrived, wait + 120) : null,
  };
}
function unanswered(arrived: Date, wait: number, outcome: 'abandoned' | 'missed'): CallTimes {
  return {
    direction: 'in',
    state: 'ended',
    outcome,
    arrivedAt: arrived,
    answeredAt: null,
    endedAt: s(arrived, wait),
  };
}
function ringing(arrived: Date): CallTimes {
  return {
    direction: 'in',
    state: 'ringing',
    outcome: null,
    arrivedAt: arrived,
    answeredAt: null,
    endedAt: null,
  };
}

describe('the day in China', () => {
  it('starts at midnight China time, whatever the UTC date', () => {
    expect(chinaDay(NOW)).toEqual({
      start: new Date('2026-03-01T16:00:00Z'),
      end: new Date('2026-03-02T16:00:00Z'),
      date: '2026-03-02',
    });
    // 00:30 China time is still the previous UTC day.
    expect(chinaDay(at('2026-03-03T00:30:00')).date).toBe('2026-03-03');
    expect(chinaDay(at('2026-03-02T23:59:59')).date).toBe('2026-03-02');
    expect(hourOfDay(at('2026-03-02T09:59:59'), chinaDay(NOW).start)).toBe(9);
  });
});

describe('classifying a call', () => {
  const t0 = at('2026-03-02T10:00:00');
  it('answered within 20 s is within the service level; 20 s exactly still is', () => {
    expect(classifyCall(answered(t0, 20), NOW)).toEqual({
      kind: 'answered',
      waitSeconds: 20,
      withinServiceLevel: true,
    });
    expect(classifyCall(answered(t0, 21), NOW).withinServiceLevel).toBe(false);
    // Talking now counts as answered as well.
    expect(classifyCall(answered(t0, 3, false), NOW).kind).toBe('answered');
  });

  it('a caller hanging up within 5 s is a short abandon; at 5 s or when the PBX gave up, abandoned', () => {
    expect(classifyCall(unanswered(t0, 4.9, 'abandoned'), NOW).kind).toBe('short_abandon');
    expect(classifyCall(unanswered(t0, 5, 'abandoned'), NOW).kind).toBe('abandoned');
    expect(classifyCall(unanswered(t0, 12, 'abandoned'), NOW).kind).toBe('abandoned');
    // noAnswer / busy / congestion: the center failed the caller, however soon.
    expect(classifyCall(unanswered(t0, 2, 'missed'), NOW).kind).toBe('abandoned');
  });

  it('outbound and blocked calls are not offered; a call ringing for hours is stale', () => {
    expect(classifyCall({ ...answered(t0, 3), direction: 'out' }, NOW).kind).toBe('not_offered');
    expect(classifyCall({ ...unanswered(t0, 0, 'missed'), outcome: 'blocked' }, NOW).kind).toBe(
      'not_offered',
    );
    // A direction the PBX did not send is inbound (the 95598 line takes calls in).
    expect(classifyCall({ ...answered(t0, 3), direction: null }, NOW).kind).toBe('answered');
    expect(classifyCall(ringing(s(NOW, -30)), NOW)).toEqual({
      kind: 'waiting',
      waitSeconds: 30,
      withinServiceLevel: false,
    });
    expect(classifyCall(ringing(s(NOW, -10)), NOW).withinServiceLevel).toBe(true);
    expect(classifyCall(ringing(s(NOW, -3 * 3600)), NOW).kind).toBe('stale');
  });

  it('an answer recorded after the hangup (events out of order) is an answer at the end', () => {
    const c: CallTimes = {
      direction: 'in',
      state: 'ended',
      outcome: 'answered',
      arrivedAt: t0,
      answeredAt: s(t0, 8),
      endedAt: s(t0, 8),
    };
    expect(classifyCall(c, NOW)).toMatchObject({ kind: 'answered', waitSeconds: 8 });
  });
});

describe('the figures of a day', () => {
  it('no calls: zero counts and no ratios (nothing to divide by)', () => {
    const f = callFigures(bucketCalls([], NOW));
    expect(f).toEqual({
      calls: 0,
      answered: 0,
      answeredInSl: 0,
      abandoned: 0,
      shortAbandoned: 0,
      waitingOverSl: 0,
      serviceLevel: null,
      averageSpeedOfAnswer: null,
      abandonRate: null,
    });
    expect(bucketCalls([], NOW)).toHaveLength(24);
  });

  it('all abandoned: service level 0, abandonment 100 %, no speed of answer', () => {
    const t = at('2026-03-02T09:10:00');
    const f = callFigures(
      bucketCalls([unanswered(t, 30, 'abandoned'), unanswered(t, 8, 'missed')], NOW),
    );
    expect(f).toMatchObject({
      calls: 2,
      abandoned: 2,
      serviceLevel: 0,
      abandonRate: 1,
      averageSpeedOfAnswer: null,
    });
  });

  it('only short abandons: counted as calls, but no service level or abandonment yet', () => {
    const t = at('2026-03-02T09:10:00');
    const f = callFigures(
      bucketCalls([unanswered(t, 1, 'abandoned'), unanswered(t, 3, 'abandoned')], NOW),
    );
    expect(f).toMatchObject({
      calls: 2,
      shortAbandoned: 2,
      abandoned: 0,
      serviceLevel: null,
      abandonRate: null,
    });
  });

  it('a mixed day: each figure by its definition, by the hour of arrival', () => {
    const nine = at('2026-03-02T09:00:00');
    const ten = at('2026-03-02T10:30:00');
    const calls: CallTimes[] = [
      answered(nine, 5), // in SL
      answered(s(nine, 600), 15), // in SL
      answered(s(nine, 900), 40), // late
      unanswered(s(nine, 1200), 2, 'abandoned'), // short: not counted
      unanswered(s(nine, 1500), 30, 'abandoned'), // against
      answered(ten, 10, false), // talking now, in SL
      ringing(s(NOW, -45)), // 13:59:15, beyond 20 s: counts against now
      ringing(s(NOW, -5)), // within 20 s: not decided yet
      { ...answered(ten, 1), direction: 'out' }, // outbound: not offered
    ];
    const hours = bucketCalls(calls, NOW);
    expect(hours[9]).toEqual({
      hour: 9,
      calls: 5,
      answered: 3,
      answeredInSl: 2,
      answerWaitSeconds: 60,
      abandoned: 1,
      shortAbandoned: 1,
      waitingOverSl: 0,
    });
    expect(hours[10]).toMatchObject({ calls: 1, answered: 1, answeredInSl: 1 });
    expect(hours[13]).toMatchObject({ calls: 2, waitingOverSl: 1 });
    const f = callFigures(hours);
    expect(f).toEqual({
      calls: 8,
      answered: 4,
      answeredInSl: 3,
      abandoned: 1,
      shortAbandoned: 1,
      waitingOverSl: 1,
      // 3 in SL of 4 answered + 1 abandoned + 1 waiting beyond 20 s
      serviceLevel: 3 / 6,
      averageSpeedOfAnswer: 70 / 4,
      abandonRate: 1 / 5,
    });
    // One hour alone (the chart's per-hour service level).
    expect(callFigures([hours[9]!]).serviceLevel).toBe(2 / 4);
  });

  it('calls crossing midnight belong to the day they rang in', () => {
    const justAfter = at('2026-03-02T00:00:30');
    const late = at('2026-03-01T23:59:50');
    const calls: CallTimes[] = [
      // Rang yesterday, answered today: yesterday's call.
      answered(late, 25),
      // Rang yesterday, abandoned today.
      unanswered(late, 60, 'abandoned'),
      // Rang at 00:00:00 exactly: today's first hour.
      answered(at('2026-03-02T00:00:00'), 3),
      answered(justAfter, 3),
      // Tonight just before midnight: today's last hour; after it: tomorrow's.
      answered(at('2026-03-02T23:59:59'), 3),
      answered(at('2026-03-03T00:00:00'), 3),
    ];
    const evening = at('2026-03-02T23:59:59.500');
    const hours = bucketCalls(calls, evening);
    expect(hours[0]).toMatchObject({ calls: 2, answered: 2 });
    expect(hours[23]).toMatchObject({ calls: 1, answered: 1 });
    expect(callFigures(hours)).toMatchObject({ calls: 3, abandoned: 0, serviceLevel: 1 });
    // Seen just after the next midnight, the new day has only its own first call.
    expect(callFigures(bucketCalls(calls, at('2026-03-03T00:01:00'))).calls).toBe(1);
  });

  it('fullDay fills the missing hours and ignores impossible ones', () => {
    const h = fullDay([{ ...bucketCalls([], NOW)[0]!, hour: 7, calls: 4 }, { hour: 24 } as never]);
    expect(h).toHaveLength(24);
    expect(h[7]!.calls).toBe(4);
    expect(h.filter((x) => x.calls > 0)).toHaveLength(1);
  });
});
