/**
 * The storm simulator's plan (pure): which network nodes fail, and the fault calls that follow —
 * a share of the customers under each failed node calling over the following minutes (some of
 * them twice), plus unrelated calls from elsewhere. Times are seconds from the storm's start.
 */
import type { SeededRandom } from '../demo/random.js';

export interface TerritoryTransformer {
  id: string;
  customers: string[];
}
export interface TerritoryFeeder {
  id: string;
  transformers: TerritoryTransformer[];
}
/** The supply network as the simulator read it through the API. */
export interface Territory {
  feeders: TerritoryFeeder[];
}

export interface StormOptions {
  /** About this many calls in all. */
  calls: number;
  /** At least this many failed nodes… */
  failures: number;
  /** …of which this share are feeders (the rest transformers). */
  feederShare: number;
  /** The share of all calls that come from customers outside the failed areas. */
  noiseShare: number;
  /** The share of callers who call a second time. */
  repeatShare: number;
  /** A failed area's customers call with at most this probability; more failures are added when
   * the calls cannot be reached otherwise. */
  maxCallProbability: number;
  /** Transformers with fewer customers are not failed (nobody would notice). */
  minTransformerCustomers: number;
  /** The storm's length, nodes failing in its first `failWithin` seconds. */
  durationS: number;
  failWithinS: number;
  /** Mean delay between a node failing and one of its customers calling. */
  meanDelayS: number;
  /**
   * The share of callers who can say whether their neighbours have power when the agent asks
   * (周边邻居是否停电): in a failed area they answer "also off", elsewhere "have power"; the
   * others do not know. 0 gives the analysis no answers at all.
   */
  neighboursKnown: number;
}

export const DEFAULT_STORM: StormOptions = {
  calls: 5000,
  failures: 24,
  feederShare: 0.4,
  noiseShare: 0.01,
  repeatShare: 0.15,
  maxCallProbability: 0.8,
  minTransformerCustomers: 10,
  durationS: 360,
  failWithinS: 120,
  meanDelayS: 50,
  neighboursKnown: 0.6,
};

export interface FailedNode {
  kind: 'feeder' | 'transformer';
  id: string;
  feederId: string;
  customers: number;
  failAt: number;
}

export interface PlannedCall {
  at: number;
  customerId: string;
  transformerId: string;
  feederId: string;
  /** The failed node behind the call; null for an unrelated (noise) call. */
  failedNode: string | null;
  /** A second call of the same customer. */
  repeat: boolean;
  /** The caller's answer to "do your neighbours have power?". */
  neighbours: 'also_off' | 'have_power' | 'unknown';
}

export interface StormPlan {
  failed: FailedNode[];
  calls: PlannedCall[];
  callProbability: number;
  affectedCustomers: number;
}

function shuffle<T>(xs: T[], rnd: SeededRandom): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd.next() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const customersOf = (f: TerritoryFeeder) =>
  f.transformers.reduce((n, t) => n + t.customers.length, 0);

/** Picks the failed nodes: feeders and transformers not under them, enough to reach the calls. */
export function pickFailures(t: Territory, o: StormOptions, rnd: SeededRandom): FailedNode[] {
  const feeders = shuffle(
    t.feeders.filter((f) => f.transformers.length >= 2 && customersOf(f) >= 20),
    rnd,
  );
  const wantFeeders = Math.round(o.failures * o.feederShare);
  const failedFeeders = feeders.slice(0, wantFeeders);
  const failedIds = new Set(failedFeeders.map((f) => f.id));
  const transformers = shuffle(
    t.feeders
      .filter((f) => !failedIds.has(f.id))
      .flatMap((f) =>
        f.transformers
          .filter((x) => x.customers.length >= o.minTransformerCustomers)
          .map((x) => ({ x, feederId: f.id })),
      ),
    rnd,
  ).slice(0, o.failures - failedFeeders.length);
  const failAt = () => rnd.next() * o.failWithinS;
  const nodes: FailedNode[] = [
    ...failedFeeders.map((f) => ({
      kind: 'feeder' as const,
      id: f.id,
      feederId: f.id,
      customers: customersOf(f),
      failAt: failAt(),
    })),
    ...transformers.map(({ x, feederId }) => ({
      kind: 'transformer' as const,
      id: x.id,
      feederId,
      customers: x.customers.length,
      failAt: failAt(),
    })),
  ];
  // Not enough customers to make the calls asked for: more feeders fail (a bigger storm).
  const need = (o.calls * (1 - o.noiseShare)) / (o.maxCallProbability * (1 + o.repeatShare));
  const taken = new Set(nodes.map((n) => n.feederId));
  let affected = nodes.reduce((n, x) => n + x.customers, 0);
  for (const f of feeders.slice(wantFeeders)) {
    if (affected >= need) break;
    if (taken.has(f.id)) continue;
    nodes.push({
      kind: 'feeder',
      id: f.id,
      feederId: f.id,
      customers: customersOf(f),
      failAt: failAt(),
    });
    taken.add(f.id);
    affected += customersOf(f);
  }
  return nodes;
}

/** An exponential delay with the given mean. */
const expDelay = (mean: number, rnd: SeededRandom) => -mean * Math.log(1 - rnd.next());

/** The whole storm: failures, then every call in time order. */
export function planStorm(t: Territory, o: StormOptions, rnd: SeededRandom): StormPlan {
  const failed = pickFailures(t, o, rnd);
  const feederOf = new Map<string, string>();
  const byId = new Map<string, TerritoryTransformer[]>();
  for (const f of t.feeders) {
    byId.set(f.id, f.transformers);
    for (const x of f.transformers) {
      feederOf.set(x.id, f.id);
      byId.set(x.id, [x]);
    }
  }
  const affected = failed.reduce((n, x) => n + x.customers, 0);
  const p = Math.min(
    o.maxCallProbability,
    (o.calls * (1 - o.noiseShare)) / Math.max(1, affected * (1 + o.repeatShare)),
  );
  const calls: PlannedCall[] = [];
  const inFailedArea = new Set<string>();
  const clamp = (at: number) => (at <= o.durationS ? at : o.durationS * (0.9 + 0.1 * rnd.next()));
  for (const node of failed) {
    for (const x of byId.get(node.id) ?? []) {
      for (const customerId of x.customers) {
        inFailedArea.add(customerId);
        if (!rnd.chance(p)) continue;
        const at = clamp(node.failAt + expDelay(o.meanDelayS, rnd));
        const base = {
          customerId,
          transformerId: x.id,
          feederId: feederOf.get(x.id)!,
          failedNode: node.id,
        };
        const neighbours = rnd.chance(o.neighboursKnown) ? 'also_off' : 'unknown';
        calls.push({ ...base, at, repeat: false, neighbours });
        if (rnd.chance(o.repeatShare))
          calls.push({
            ...base,
            at: clamp(at + o.durationS * (0.05 + 0.2 * rnd.next())),
            repeat: true,
            neighbours,
          });
      }
    }
  }
  // Unrelated calls: customers outside the failed areas, each once, any time in the storm.
  const others = shuffle(
    t.feeders.flatMap((f) =>
      f.transformers.flatMap((x) =>
        x.customers.filter((c) => !inFailedArea.has(c)).map((c) => ({ c, x: x.id, f: f.id })),
      ),
    ),
    rnd,
  );
  const noise = Math.round(o.calls * o.noiseShare);
  for (const { c, x, f } of others.slice(0, noise))
    calls.push({
      at: rnd.next() * o.durationS,
      customerId: c,
      transformerId: x,
      feederId: f,
      failedNode: null,
      repeat: false,
      neighbours: rnd.chance(o.neighboursKnown) ? 'have_power' : 'unknown',
    });
  calls.sort((a, b) => a.at - b.at);
  return { failed, calls, callProbability: p, affectedCustomers: affected };
}
