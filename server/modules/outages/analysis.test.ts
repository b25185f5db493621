import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS, analyseCalls, feederQuorum, thresholdProblem } from './analysis.js';

const NOW = new Date('2026-11-24T20:00:00+08:00');
const ago = (min: number) => new Date(NOW.getTime() - min * 60_000);
let seq = 0;
const call = (transformerId: string, feederId: string, minAgo: number, customerId?: string) => ({
  orderId: `o${String(++seq).padStart(3, '0')}`,
  at: ago(minAgo),
  customerId: customerId ?? `c${seq}`,
  transformerId,
  feederId,
});
/** 100 customers per transformer and 10 transformers per feeder unless named. */
const sizes = (
  customers: Record<string, number> = {},
  transformers: Record<string, number> = {},
) => ({
  customersOn: (id: string) => customers[id] ?? 100,
  transformersOn: (id: string) => transformers[id] ?? 10,
});

describe('trouble-call analysis', () => {
  it('leaves an isolated call a single customer’s fault', () => {
    const c = call('T1', 'F1', 5);
    expect(analyseCalls([c], sizes(), NOW)).toEqual({ predictions: [], isolated: [c.orderId] });
  });

  it('predicts the transformer from two customers under it within the window', () => {
    const a = call('T1', 'F1', 20);
    const b = call('T1', 'F1', 2);
    const r = analyseCalls([b, a], sizes(), NOW);
    expect(r.isolated).toEqual([]);
    expect(r.predictions).toEqual([
      {
        kind: 'transformer',
        nodeId: 'T1',
        orderIds: [a.orderId, b.orderId],
        transformerIds: [],
        firstCallAt: a.at,
        lastCallAt: b.at,
      },
    ]);
  });

  it('counts one customer calling twice as one report', () => {
    const a = call('T1', 'F1', 10, 'same');
    const b = call('T1', 'F1', 3, 'same');
    expect(analyseCalls([a, b], sizes(), NOW).predictions).toEqual([]);
  });

  it('predicts a small transformer from 30 % of its customers', () => {
    const a = call('T9', 'F1', 3);
    expect(analyseCalls([a], sizes({ T9: 3 }), NOW).predictions.map((p) => p.nodeId)).toEqual([
      'T9',
    ]);
    expect(analyseCalls([a], sizes({ T9: 4 }), NOW).predictions).toEqual([]);
  });

  it('rolls three reporting transformers of one feeder up to the feeder', () => {
    const calls = [
      call('T1', 'F1', 25),
      call('T2', 'F1', 15),
      call('T3', 'F1', 5),
      call('T3', 'F1', 4),
    ];
    const r = analyseCalls(calls, sizes({}, { F1: 10 }), NOW);
    expect(r.predictions).toHaveLength(1);
    expect(r.predictions[0]).toMatchObject({
      kind: 'feeder',
      nodeId: 'F1',
      transformerIds: ['T1', 'T2', 'T3'],
      orderIds: calls.map((c) => c.orderId),
    });
    expect(r.isolated).toEqual([]);
    // Two transformers are two transformer matters, not the feeder, even on a small feeder
    // (one failed transformer and a neighbour's unrelated call).
    for (const feeder of [40, 4]) {
      const two = analyseCalls(calls.slice(1), sizes({}, { F1: feeder }), NOW);
      expect(two.predictions.map((p) => `${p.kind}:${p.nodeId}`)).toEqual(['transformer:T3']);
      expect(two.isolated).toEqual([calls[1]!.orderId]);
    }
    // On a large feeder three are not enough either: 30 % of its transformers must report.
    expect(analyseCalls(calls, sizes({}, { F1: 40 }), NOW).predictions[0]!.kind).toBe(
      'transformer',
    );
    // A feeder of two transformers, both reporting: the feeder.
    const pair = analyseCalls(calls.slice(1), sizes({}, { F1: 2 }), NOW);
    expect(pair.predictions.map((p) => `${p.kind}:${p.nodeId}`)).toEqual(['feeder:F1']);
  });

  it('asks both the count and the share of a feeder’s transformers, within its size', () => {
    expect(feederQuorum(2, DEFAULT_ANALYSIS)).toBe(2);
    expect(feederQuorum(4, DEFAULT_ANALYSIS)).toBe(3);
    expect(feederQuorum(10, DEFAULT_ANALYSIS)).toBe(3);
    expect(feederQuorum(32, DEFAULT_ANALYSIS)).toBe(10);
    expect(feederQuorum(0, DEFAULT_ANALYSIS)).toBe(3);
    expect(feederQuorum(1, DEFAULT_ANALYSIS)).toBe(2);
  });

  it('does not join calls that straddle the window', () => {
    const old = call('T1', 'F1', 31);
    const fresh = call('T1', 'F1', 1);
    const r = analyseCalls([old, fresh], sizes(), NOW);
    expect(r.predictions).toEqual([]);
    expect(r.isolated).toEqual([fresh.orderId]);
    // A wider window, as an administrator may set, joins them.
    const wide = analyseCalls([old, fresh], sizes(), NOW, {
      ...DEFAULT_ANALYSIS,
      windowMinutes: 45,
    });
    expect(wide.predictions.map((p) => p.nodeId)).toEqual(['T1']);
  });

  it('keeps separate feeders and transformers apart, oldest prediction first', () => {
    const calls = [
      call('T5', 'F2', 12),
      call('T1', 'F1', 20),
      call('T5', 'F2', 11),
      call('T1', 'F1', 8),
      call('T7', 'F3', 1),
    ];
    const r = analyseCalls(calls, sizes(), NOW);
    expect(r.predictions.map((p) => p.nodeId)).toEqual(['T1', 'T5']);
    expect(r.isolated).toEqual([calls[4]!.orderId]);
  });

  it('counts a transformer predicted earlier towards its feeder, even with its calls gone by', () => {
    const calls = [call('T2', 'F1', 10), call('T3', 'F1', 2)];
    const known = { transformers: new Map([['T1', 'F1']]) };
    const r = analyseCalls(calls, sizes({}, { F1: 10 }), NOW, DEFAULT_ANALYSIS, known);
    expect(r.predictions).toEqual([
      {
        kind: 'feeder',
        nodeId: 'F1',
        orderIds: calls.map((c) => c.orderId),
        transformerIds: ['T1', 'T2', 'T3'],
        firstCallAt: calls[0]!.at,
        lastCallAt: calls[1]!.at,
      },
    ]);
    // Alone, a known prediction without new calls says nothing new.
    expect(analyseCalls([], sizes(), NOW, DEFAULT_ANALYSIS, known).predictions).toEqual([]);
    const one = analyseCalls([call('T1', 'F1', 1)], sizes(), NOW, DEFAULT_ANALYSIS, known);
    expect(one.predictions.map((p) => `${p.kind}:${p.nodeId}`)).toEqual(['transformer:T1']);
  });

  it('checks thresholds an administrator enters', () => {
    expect(thresholdProblem(DEFAULT_ANALYSIS)).toBe(null);
    expect(thresholdProblem({ ...DEFAULT_ANALYSIS, transformerCalls: 1 })).toMatch(
      /transformerCalls/,
    );
    expect(thresholdProblem({ ...DEFAULT_ANALYSIS, feederShare: 0 })).toMatch(/feederShare/);
    expect(thresholdProblem({ ...DEFAULT_ANALYSIS, windowMinutes: 0 })).toMatch(/windowMinutes/);
  });
});
