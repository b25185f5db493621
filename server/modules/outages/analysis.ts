/**
 * 故障研判 (trouble-call analysis): from the fault calls of the last minutes, which part of the
 * network has most likely failed. Calls under one transformer point at the transformer; enough
 * transformers of one feeder point at the feeder; a single call stays a single customer's fault.
 * Pure: the calls and the network's sizes come in, predictions go out; the store feeds it and
 * keeps what it proposes for a dispatcher to confirm or reject.
 */

export interface AnalysisThresholds {
  /** Only calls this recent count together (minutes before the newest call). */
  windowMinutes: number;
  /** A transformer is predicted at this many calling customers… */
  transformerCalls: number;
  /** …or when this share of its customers called. */
  transformerShare: number;
  /**
   * A feeder is predicted when this many of its transformers are predicted or have calls, and at
   * least this share of them (a feeder with fewer transformers than that: all of them).
   */
  feederTransformers: number;
  feederShare: number;
}

export const DEFAULT_ANALYSIS: AnalysisThresholds = {
  windowMinutes: 30,
  transformerCalls: 2,
  transformerShare: 0.3,
  feederTransformers: 3,
  feederShare: 0.3,
};

/** A fault call that no known outage covers. */
export interface FaultCall {
  orderId: string;
  at: Date;
  customerId: string | null;
  transformerId: string;
  feederId: string;
}

/** The sizes the shares are taken of. */
export interface NetworkSizes {
  customersOn(transformerId: string): number;
  transformersOn(feederId: string): number;
}

export interface Prediction {
  kind: 'transformer' | 'feeder';
  nodeId: string;
  /** The calls it explains, oldest first. */
  orderIds: string[];
  /** The feeder's transformers that had calls (feeder predictions). */
  transformerIds: string[];
  firstCallAt: Date;
  lastCallAt: Date;
}

export interface Analysis {
  predictions: Prediction[];
  /** Calls no prediction explains: single customers' faults, dispatched as they are. */
  isolated: string[];
}

/**
 * What earlier runs already predicted and a dispatcher has not decided yet: a transformer with an
 * open prediction counts as predicted for its feeder's roll-up even when its calls are older than
 * the window (transformer id → feeder id).
 */
export interface KnownPredictions {
  transformers?: ReadonlyMap<string, string>;
}

/**
 * How many of a feeder's transformers must report for the feeder to be predicted: the count and
 * the share both, never fewer than two, never more than the feeder has. Both, not either: on a
 * feeder of 4 transformers "30 %" alone is 2, and one failed transformer plus one unrelated call
 * next door would blame the whole feeder; on a feeder of 32, "3" alone is reached by three
 * unrelated calls. A failed feeder is heard from nearly all its transformers within minutes.
 */
export function feederQuorum(transformers: number, t: AnalysisThresholds): number {
  const wanted = Math.max(t.feederTransformers, Math.ceil(t.feederShare * transformers - 1e-9));
  return Math.max(2, transformers > 0 ? Math.min(transformers, wanted) : wanted);
}

/** Checks thresholds an administrator entered; null when they are usable. */
export function thresholdProblem(t: AnalysisThresholds): string | null {
  if (!(t.windowMinutes >= 1 && t.windowMinutes <= 24 * 60)) return 'windowMinutes: 1 to 1440';
  if (!(Number.isInteger(t.transformerCalls) && t.transformerCalls >= 2))
    return 'transformerCalls: a whole number, at least 2';
  if (!(Number.isInteger(t.feederTransformers) && t.feederTransformers >= 2))
    return 'feederTransformers: a whole number, at least 2';
  for (const k of ['transformerShare', 'feederShare'] as const)
    if (!(t[k] > 0 && t[k] <= 1)) return `${k}: above 0, at most 1`;
  return null;
}

/**
 * Analyses the calls of the window that ends at `now`. Each customer counts once per
 * transformer (a customer calling three times is one report).
 */
export function analyseCalls(
  calls: readonly FaultCall[],
  sizes: NetworkSizes,
  now: Date,
  t: AnalysisThresholds = DEFAULT_ANALYSIS,
  known: KnownPredictions = {},
): Analysis {
  const since = now.getTime() - t.windowMinutes * 60_000;
  const recent = calls
    .filter((c) => c.at.getTime() > since && c.at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.orderId.localeCompare(b.orderId));

  const byTransformer = new Map<string, FaultCall[]>();
  for (const c of recent) {
    const list = byTransformer.get(c.transformerId) ?? [];
    list.push(c);
    byTransformer.set(c.transformerId, list);
  }
  const callers = (list: FaultCall[]) =>
    new Set(list.map((c) => c.customerId ?? `order:${c.orderId}`)).size;
  const predictedTransformers = new Set<string>();
  for (const [id, list] of byTransformer) {
    const n = callers(list);
    const customers = sizes.customersOn(id);
    if (n >= t.transformerCalls || (customers > 0 && n / customers >= t.transformerShare))
      predictedTransformers.add(id);
  }

  const byFeeder = new Map<string, string[]>();
  const addTo = (feeder: string, id: string) => {
    const list = byFeeder.get(feeder) ?? [];
    if (!list.includes(id)) list.push(id);
    byFeeder.set(feeder, list);
  };
  for (const [id, list] of byTransformer) addTo(list[0]!.feederId, id);
  for (const [id, feeder] of known.transformers ?? []) {
    predictedTransformers.add(id);
    addTo(feeder, id);
  }
  const predictions: Prediction[] = [];
  const explained = new Set<string>();
  const predict = (kind: Prediction['kind'], nodeId: string, transformers: string[]) => {
    const list = transformers
      .flatMap((id) => byTransformer.get(id) ?? [])
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.orderId.localeCompare(b.orderId));
    for (const c of list) explained.add(c.orderId);
    predictions.push({
      kind,
      nodeId,
      orderIds: list.map((c) => c.orderId),
      transformerIds: kind === 'feeder' ? [...transformers].sort() : [],
      firstCallAt: list[0]?.at ?? now,
      lastCallAt: list[list.length - 1]?.at ?? now,
    });
  };
  for (const [feeder, transformers] of byFeeder) {
    if (transformers.length >= feederQuorum(sizes.transformersOn(feeder), t)) {
      predict('feeder', feeder, transformers);
      continue;
    }
    // A known prediction without calls in the window has nothing new to say.
    for (const id of transformers)
      if (predictedTransformers.has(id) && byTransformer.has(id)) predict('transformer', id, [id]);
  }
  predictions.sort(
    (a, b) => a.firstCallAt.getTime() - b.firstCallAt.getTime() || a.nodeId.localeCompare(b.nodeId),
  );
  return {
    predictions,
    isolated: recent.filter((c) => !explained.has(c.orderId)).map((c) => c.orderId),
  };
}
