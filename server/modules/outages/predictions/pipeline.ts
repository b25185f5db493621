/**
 * The trouble-call analysis as it runs: claims the fault calls no outage covered, and for the
 * feeders they fall on reads the recent open calls, runs the pure analysis (../analysis.ts) and
 * turns its answer into proposed predictions: created, grown as calls keep coming, rolled up from
 * transformers to their feeder (the transformer predictions are superseded). A call that came in
 * while a dispatcher confirmed an outage over its place joins that outage. One transaction per
 * batch, a fixed number of statements per batch; feeders are locked in a fixed order, so several
 * processes share the work.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../platform/ids.js';
import { linkOrdersToOutage } from '../../orders/index.js';
import { analyseCalls, type FaultCall } from '../analysis.js';
import { sizesFor } from './sizes.js';
import {
  addCalls,
  claimNewCalls,
  commitWithoutWaiting,
  emitPredictions,
  expireStale,
  insertPredictions,
  liveOutagesOn,
  nodeUnits,
  openCallsOnFeeders,
  openPredictionsOnFeeders,
  provinceUnit,
  supersede,
  type ClaimedCall,
  type LiveOutageOnNode,
  type NewPrediction,
} from './store.js';
import { analysisActor, SYSTEM_META } from './system-actor.js';

/** What one run did, for the loop's log and the benchmark. */
export interface RunResult {
  claimed: number;
  joinedOutages: number;
  proposed: number;
  grown: number;
  superseded: number;
}

type Kind = 'transformer' | 'feeder';

/** What the analysis of a batch decided, written afterwards in a few set-based statements. */
class Changes {
  readonly creates: (Omit<NewPrediction, 'org_id' | 'unit_path' | 'province_id'> & {
    kind: Kind;
  })[] = [];
  readonly adds: { predictionId: string; orderId: string }[] = [];
  readonly copies: { predictionId: string; fromId: string }[] = [];
  readonly supersedes: { id: string; by: string }[] = [];

  create(kind: Kind, nodeId: string, feederId: string, at: Date): string {
    const id = newId();
    this.creates.push({
      id,
      kind,
      node_id: nodeId,
      feeder_id: feederId,
      first_call_at: at,
      last_call_at: at,
    });
    return id;
  }
  add(predictionId: string, orderIds: Iterable<string>): void {
    for (const orderId of orderIds) this.adds.push({ predictionId, orderId });
  }
}

const newest = (calls: FaultCall[]) => calls.reduce((m, c) => (c.at > m ? c.at : m), calls[0]!.at);

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) out.set(key(x), [...(out.get(key(x)) ?? []), x]);
  return out;
}

/** Claims up to `batch` new calls and analyses the feeders they fall on, in one transaction. */
export async function analyseNewCalls(
  db: Kysely<DB>,
  opts: { now?: Date; batch?: number } = {},
): Promise<RunResult> {
  const now = opts.now ?? new Date();
  return db.transaction().execute(async (tx) => {
    const result: RunResult = {
      claimed: 0,
      joinedOutages: 0,
      proposed: 0,
      grown: 0,
      superseded: 0,
    };
    await commitWithoutWaiting(tx);
    const claimed = await claimNewCalls(tx, now, opts.batch ?? 200);
    result.claimed = claimed.length;
    if (claimed.length === 0) return result;
    const pending = await joinLiveOutages(tx, claimed, now, result);
    if (pending.length === 0) return result;

    const byFeeder = groupBy(pending, (c) => c.feederId);
    const proposals = groupBy(
      await openPredictionsOnFeeders(tx, [...byFeeder.keys()]),
      (p) => p.feeder_id,
    );
    const changes = new Changes();
    // A feeder with an open feeder prediction needs no analysis: every new call on it joins it.
    const toAnalyse = [...byFeeder.keys()].filter(
      (f) => !(proposals.get(f) ?? []).some((p) => p.kind === 'feeder'),
    );
    const windows = toAnalyse.map((f) => {
      const calls = byFeeder.get(f)!;
      const until = newest(calls);
      const since = new Date(until.getTime() - calls[0]!.thresholds.windowMinutes * 60_000);
      return { feederId: f, since, until };
    });
    const open = groupBy(await openCallsOnFeeders(tx, windows), (c) => c.feederId);
    const sizes = await sizesFor(tx, toAnalyse, [
      ...[...open.values()].flat().map((c) => c.transformerId),
      ...toAnalyse.flatMap((f) => (proposals.get(f) ?? []).map((p) => p.node_id)),
    ]);

    for (const [feederId, calls] of byFeeder) {
      const mine = proposals.get(feederId) ?? [];
      const feederP = mine.find((p) => p.kind === 'feeder');
      const pendingIds = calls.map((c) => c.orderId);
      if (feederP) {
        changes.add(feederP.id, pendingIds);
        continue;
      }
      const transformerPs = new Map(mine.map((p) => [p.node_id, p]));
      // The analysis looks back from the newest call, not from the clock: a backlog analysed
      // after a restart sees each feeder as it stood when its calls came in.
      const at = newest(calls);
      const analysis = analyseCalls(open.get(feederId) ?? [], sizes, at, calls[0]!.thresholds, {
        transformers: new Map([...transformerPs.keys()].map((id) => [id, feederId])),
      });
      const rolled = analysis.predictions.find((p) => p.kind === 'feeder');
      if (rolled) {
        const id = changes.create('feeder', feederId, feederId, at);
        changes.add(id, new Set([...rolled.orderIds, ...pendingIds]));
        for (const p of transformerPs.values()) {
          changes.copies.push({ predictionId: id, fromId: p.id });
          changes.supersedes.push({ id: p.id, by: id });
        }
        continue;
      }
      for (const p of analysis.predictions) {
        const id =
          transformerPs.get(p.nodeId)?.id ?? changes.create('transformer', p.nodeId, feederId, at);
        changes.add(id, p.orderIds);
      }
      // Calls under a transformer with an open proposal keep joining it, window or not.
      for (const c of calls) {
        const p = transformerPs.get(c.transformerId);
        if (p) changes.add(p.id, [c.orderId]);
      }
    }
    await write(tx, changes, now, result);
    return result;
  });
}

/** Writes a batch's changes: new proposals, roll-ups, calls joining; one outbox row each. */
async function write(tx: Kysely<DB>, changes: Changes, now: Date, result: RunResult) {
  const units = changes.creates.length
    ? await nodeUnits(
        tx,
        changes.creates.map((c) => ({ kind: c.kind, id: c.node_id })),
      )
    : new Map<string, { org_id: string; path: string; province_id: string }>();
  const created = new Set<string>();
  const rows: NewPrediction[] = [];
  for (const c of changes.creates) {
    const unit = units.get(c.node_id);
    if (!unit) continue; // the node was removed from the network meanwhile
    created.add(c.id);
    rows.push({ ...c, org_id: unit.org_id, unit_path: unit.path, province_id: unit.province_id });
  }
  const known = (id: string) => created.has(id) || !changes.creates.some((c) => c.id === id);
  await insertPredictions(tx, rows, now);
  const superseded = await supersede(
    tx,
    changes.supersedes.filter((s) => known(s.by)),
    now,
  );
  await emitPredictions(
    tx,
    superseded.map((row) => ({ row, action: 'supersede' })),
    now,
  );
  const changed = await addCalls(
    tx,
    changes.adds.filter((a) => known(a.predictionId)),
    changes.copies.filter((c) => known(c.predictionId)),
    now,
    created,
  );
  result.superseded += superseded.length;
  result.proposed += changed.filter((p) => created.has(p.id)).length;
  result.grown += changed.filter((p) => !created.has(p.id)).length;
}

/** Expires proposals nobody decided and no call renewed for two windows. */
export async function expirePredictions(db: Kysely<DB>, now = new Date()): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const rows = await expireStale(tx, now);
    await emitPredictions(
      tx,
      rows.map((row) => ({ row, action: 'expire' })),
      now,
    );
    return rows.length;
  });
}

/**
 * Calls covered by a live outage (accepted just before a dispatcher confirmed it, or before it was
 * entered by hand) are linked to it as the intake would have; the others are returned.
 */
async function joinLiveOutages(
  tx: Kysely<DB>,
  fresh: ClaimedCall[],
  now: Date,
  result: RunResult,
): Promise<ClaimedCall[]> {
  const live = await liveOutagesOn(
    tx,
    [...new Set(fresh.map((c) => c.feederId))],
    [...new Set(fresh.map((c) => c.transformerId))],
  );
  if (live.length === 0) return fresh;
  const covering = (c: ClaimedCall): LiveOutageOnNode | undefined =>
    live.find((o) =>
      o.node_kind === 'feeder' ? o.node_id === c.feederId : o.node_id === c.transformerId,
    );
  const byOutage = new Map<string, { outage: LiveOutageOnNode; calls: ClaimedCall[] }>();
  const rest: ClaimedCall[] = [];
  for (const c of fresh) {
    const o = covering(c);
    if (!o) {
      rest.push(c);
      continue;
    }
    const entry = byOutage.get(o.id) ?? { outage: o, calls: [] };
    entry.calls.push(c);
    byOutage.set(o.id, entry);
  }
  for (const { outage, calls } of byOutage.values()) {
    const province = await provinceUnit(tx, calls[0]!.provinceId);
    if (!province) {
      rest.push(...calls);
      continue;
    }
    const r = await linkOrdersToOutage(
      { tx, actor: analysisActor(province), meta: SYSTEM_META, now },
      {
        id: outage.id,
        number: outage.number,
        title: outage.title,
        estimatedRestoreAt: outage.estimated_restore_at,
      },
      calls.map((c) => c.orderId),
      'analysis',
    );
    result.joinedOutages += r.linked.length;
  }
  return rest;
}
