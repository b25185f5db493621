import { describe, expect, it } from 'vitest';
import { scoreDispatches, scoreNodes } from './score.js';

const feederOf = (id: string) => id.split('T')[0];

describe('node-level scores', () => {
  it('counts exact nodes only, each once, and says why a prediction was wrong', () => {
    const failed = [
      { kind: 'feeder' as const, id: 'F1' },
      { kind: 'transformer' as const, id: 'F2T1' },
      { kind: 'transformer' as const, id: 'F3T1' },
    ];
    const s = scoreNodes(
      failed,
      [
        { kind: 'feeder', id: 'F1' },
        { kind: 'feeder', id: 'F1' },
        { kind: 'transformer', id: 'F2T1' },
        { kind: 'transformer', id: 'F1T2' }, // right place, wrong level
        { kind: 'transformer', id: 'F9T9' }, // elsewhere
      ],
      feederOf,
    );
    expect(s).toMatchObject({ failed: 3, predicted: 4, truePositives: 2, precision: 0.5 });
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.falsePositives).toEqual([
      { kind: 'transformer', id: 'F1T2', insideFailedFeeder: true },
      { kind: 'transformer', id: 'F9T9', insideFailedFeeder: false },
    ]);
    expect(s.missed).toEqual([{ kind: 'transformer', id: 'F3T1' }]);
  });

  it('treats a feeder named as a transformer id as a different node', () => {
    const s = scoreNodes(
      [{ kind: 'feeder', id: 'X' }],
      [{ kind: 'transformer', id: 'X' }],
      feederOf,
    );
    expect(s.truePositives).toBe(0);
    expect(s.precision).toBe(0);
    expect(scoreNodes([], [], feederOf)).toMatchObject({ precision: 0, recall: 1 });
  });
});

describe('dispatch scores', () => {
  it('counts outages and the orders not linked to any outage', () => {
    const s = scoreDispatches({
      calls: 5000,
      ordersOpened: 4700,
      answeredFromOutage: 300,
      linkedOrders: 4500,
      outages: 25,
    });
    expect(s.independentDispatches).toBe(225);
    expect(s.reduction).toBeCloseTo(1 - 225 / 5000);
    expect(
      scoreDispatches({
        calls: 0,
        ordersOpened: 0,
        answeredFromOutage: 0,
        linkedOrders: 0,
        outages: 0,
      }).reduction,
    ).toBe(0);
  });
});
