import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../demo/random.js';
import { DEFAULT_STORM, pickFailures, planStorm, type Territory } from './plan.js';

/** `feeders` feeders of `transformers` transformers with `customers` customers each. */
function territory(feeders = 20, transformers = 4, customers = 80): Territory {
  return {
    feeders: Array.from({ length: feeders }, (_, f) => ({
      id: `F${f}`,
      transformers: Array.from({ length: transformers }, (_, t) => ({
        id: `F${f}T${t}`,
        customers: Array.from({ length: customers }, (_, c) => `F${f}T${t}C${c}`),
      })),
    })),
  };
}

describe('storm plan', () => {
  it('fails feeders and transformers not under them, and adds feeders to reach the calls', () => {
    const t = territory();
    const small = pickFailures(
      t,
      { ...DEFAULT_STORM, calls: 100, failures: 10 },
      new SeededRandom(1),
    );
    expect(small).toHaveLength(10);
    expect(small.filter((n) => n.kind === 'feeder')).toHaveLength(4);
    const feeders = new Set(small.filter((n) => n.kind === 'feeder').map((n) => n.id));
    for (const n of small.filter((x) => x.kind === 'transformer')) {
      expect(feeders.has(n.feederId)).toBe(false);
      expect(n.customers).toBe(80);
    }
    // 5,000 calls need ≈ 5,380 customers at 80 %: 10 nodes (4 × 320 + 6 × 80) are not enough.
    const big = pickFailures(
      territory(40),
      { ...DEFAULT_STORM, calls: 5000, failures: 10 },
      new SeededRandom(1),
    );
    expect(big.length).toBeGreaterThan(10);
    expect(big.reduce((n, x) => n + x.customers, 0)).toBeGreaterThanOrEqual(5380);
    expect(new Set(big.map((n) => n.id)).size).toBe(big.length);
  });

  it('answers the neighbours question from the truth: dark around a failure, lit elsewhere, or not known', () => {
    const t = territory();
    const plan = planStorm(
      t,
      { ...DEFAULT_STORM, calls: 2000, failures: 20, noiseShare: 0.05 },
      new SeededRandom(4),
    );
    const inArea = plan.calls.filter((c) => c.failedNode !== null && !c.repeat);
    const noise = plan.calls.filter((c) => c.failedNode === null);
    expect(inArea.some((c) => c.neighbours === 'have_power')).toBe(false);
    expect(noise.some((c) => c.neighbours === 'also_off')).toBe(false);
    const share = (xs: typeof noise, a: string) =>
      xs.filter((c) => c.neighbours === a).length / xs.length;
    expect(share(inArea, 'also_off')).toBeGreaterThan(0.5);
    expect(share(inArea, 'also_off')).toBeLessThan(0.7);
    expect(share(noise, 'have_power')).toBeGreaterThan(0.4);
    expect(share(noise, 'have_power')).toBeLessThan(0.8);
    // A repeat caller gives the answer of their first call.
    const first = new Map(inArea.map((c) => [c.customerId, c.neighbours]));
    for (const r of plan.calls.filter((c) => c.repeat))
      expect(r.neighbours).toBe(first.get(r.customerId));
    // Nobody knowing gives the analysis no answers.
    const blind = planStorm(
      t,
      { ...DEFAULT_STORM, calls: 500, neighboursKnown: 0 },
      new SeededRandom(4),
    );
    expect(blind.calls.every((c) => c.neighbours === 'unknown')).toBe(true);
  });

  it('skips transformers too small to be noticed', () => {
    const t = territory(3, 4, 5);
    const nodes = pickFailures(
      t,
      { ...DEFAULT_STORM, calls: 0, failures: 4, feederShare: 0 },
      new SeededRandom(2),
    );
    expect(nodes).toEqual([]);
  });

  it('makes about the calls asked for, in time order, from failed areas plus noise', () => {
    const t = territory();
    const plan = planStorm(t, { ...DEFAULT_STORM, calls: 2000, failures: 20 }, new SeededRandom(3));
    expect(plan.calls.length).toBeGreaterThan(1700);
    expect(plan.calls.length).toBeLessThan(2300);
    for (let i = 1; i < plan.calls.length; i++)
      expect(plan.calls[i]!.at).toBeGreaterThanOrEqual(plan.calls[i - 1]!.at);
    for (const c of plan.calls) {
      expect(c.at).toBeGreaterThanOrEqual(0);
      expect(c.at).toBeLessThanOrEqual(DEFAULT_STORM.durationS);
    }
    const noise = plan.calls.filter((c) => c.failedNode === null);
    expect(noise).toHaveLength(20);
    const failedCustomers = new Set(
      plan.calls.filter((c) => c.failedNode !== null).map((c) => c.customerId),
    );
    for (const n of noise) expect(failedCustomers.has(n.customerId)).toBe(false);
    // A node's calls come after it failed; repeats come from customers who called before.
    const failAt = new Map(plan.failed.map((n) => [n.id, n.failAt]));
    for (const c of plan.calls)
      if (c.failedNode) expect(c.at).toBeGreaterThanOrEqual(failAt.get(c.failedNode)!);
    const repeats = plan.calls.filter((c) => c.repeat);
    expect(repeats.length / plan.calls.length).toBeGreaterThan(0.08);
    expect(repeats.length / plan.calls.length).toBeLessThan(0.2);
    expect(plan.callProbability).toBeLessThanOrEqual(DEFAULT_STORM.maxCallProbability);
  });

  it('is the same storm for the same seed', () => {
    const t = territory();
    const a = planStorm(t, DEFAULT_STORM, new SeededRandom(9));
    const b = planStorm(t, DEFAULT_STORM, new SeededRandom(9));
    expect(a).toEqual(b);
  });
});
