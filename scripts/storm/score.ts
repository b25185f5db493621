/**
 * The storm simulator's scores (pure): how well the analysis found the failed nodes, and how many
 * independent dispatches the calls became.
 */

export interface NodeRef {
  kind: 'feeder' | 'transformer';
  id: string;
}

export interface NodeScore {
  failed: number;
  predicted: number;
  /** Predicted nodes that failed (the same node, at the same level). */
  truePositives: number;
  precision: number;
  recall: number;
  /** Predicted nodes that did not fail, with the reason seen: inside a failed feeder (the right
   * place at the wrong level) or elsewhere. */
  falsePositives: (NodeRef & { insideFailedFeeder: boolean })[];
  missed: NodeRef[];
}

/**
 * Node-level precision and recall: a prediction counts only when it names exactly a failed node
 * (a transformer predicted under a failed feeder is a false positive: the crew goes to the wrong
 * place). Each node counts once however many predictions named it.
 */
export function scoreNodes(
  failed: readonly NodeRef[],
  predicted: readonly NodeRef[],
  feederOfTransformer: (id: string) => string | undefined,
): NodeScore {
  const key = (n: NodeRef) => `${n.kind}:${n.id}`;
  const failedKeys = new Set(failed.map(key));
  const failedFeeders = new Set(failed.filter((n) => n.kind === 'feeder').map((n) => n.id));
  const seen = new Map<string, NodeRef>();
  for (const p of predicted) seen.set(key(p), p);
  const unique = [...seen.values()];
  const tp = unique.filter((p) => failedKeys.has(key(p)));
  const found = new Set(tp.map(key));
  return {
    failed: failedKeys.size,
    predicted: unique.length,
    truePositives: tp.length,
    precision: unique.length === 0 ? 0 : tp.length / unique.length,
    recall: failedKeys.size === 0 ? 1 : tp.length / failedKeys.size,
    falsePositives: unique
      .filter((p) => !failedKeys.has(key(p)))
      .map((p) => ({
        ...p,
        insideFailedFeeder:
          p.kind === 'transformer' && failedFeeders.has(feederOfTransformer(p.id) ?? ''),
      })),
    missed: failed.filter((n) => !found.has(key(n))),
  };
}

export interface DispatchCounts {
  calls: number;
  ordersOpened: number;
  /** Repeat callers told the outage's estimate without a new order. */
  answeredFromOutage: number;
  /** Orders waiting for (or returned with) an outage: no dispatch of their own. */
  linkedOrders: number;
  /** Outages confirmed from predictions or entered by hand: one dispatch each. */
  outages: number;
}

export interface DispatchScore extends DispatchCounts {
  independentDispatches: number;
  /** 1 − dispatches / calls: 0.8 means 80 % fewer dispatches than calls. */
  reduction: number;
}

export function scoreDispatches(c: DispatchCounts): DispatchScore {
  const independentDispatches = c.outages + Math.max(0, c.ordersOpened - c.linkedOrders);
  return {
    ...c,
    independentDispatches,
    reduction: c.calls === 0 ? 0 : 1 - independentDispatches / c.calls,
  };
}
