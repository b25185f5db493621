/**
 * The dispatcher's decision on a predicted fault. Confirmed, it becomes a published grid-fault
 * outage over the predicted node, started at the first call, and its calls are linked to it
 * (later callers join it at intake, since it is live). Rejected, its calls are released: they
 * stay single-customer faults and the analysis never predicts them again.
 */
import type { Kysely } from 'kysely';
import type {
  ConfirmPredictionInput,
  PredictionDetail,
  RejectPredictionInput,
} from '../../../../common/schemas/outage-predictions.js';
import type { DB } from '../../../db/schema.js';
import { serviceAreaPrefix, type Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { linkOrdersToOutage } from '../../orders/index.js';
import { OutagesError } from '../errors.js';
import { joinEarlierCalls } from '../service/earlier-calls.js';
import { createOutage, type OutageCtx } from '../service/outages.js';
import { outageById } from '../store.js';
import { getPrediction } from './queries.js';
import { predictionView, type PredictionView } from './read-store.js';
import { callsOf, emitPredictions, lockFeeders, setState, type PredictionRow } from './store.js';

/** A prediction the actor may see, or 404 (outside the service area is the same as missing). */
export async function visiblePrediction(
  ctx: { tx: Kysely<DB>; actor: Actor },
  id: string,
): Promise<PredictionView> {
  const p = await predictionView(ctx.tx, id);
  if (!p || !p.unit_path.startsWith(serviceAreaPrefix(ctx.actor)))
    throw new OutagesError('PREDICTION_NOT_FOUND');
  return p;
}

/** Only a proposed prediction is decided; anything else says why not. */
function assertOpen(p: Pick<PredictionRow, 'state' | 'outage_id' | 'superseded_by'>): void {
  switch (p.state) {
    case 'proposed':
      return;
    case 'confirmed':
      throw new OutagesError('PREDICTION_ALREADY_CONFIRMED', { outageId: p.outage_id });
    case 'rejected':
      throw new OutagesError('PREDICTION_REJECTED');
    case 'superseded':
      throw new OutagesError('PREDICTION_SUPERSEDED', { supersededBy: p.superseded_by });
    case 'expired':
      throw new OutagesError('PREDICTION_EXPIRED');
  }
}

/**
 * Loads and locks the prediction for a decision: the feeder's lock first (the pipeline's order),
 * then the row; checked for state, then version.
 */
async function forDecision(ctx: OutageCtx, id: string, version: number) {
  authorize(ctx.actor, 'outage.manage');
  const seen = await visiblePrediction(ctx, id);
  await lockFeeders(ctx.tx, [seen.feeder_id]);
  const p = await ctx.tx
    .selectFrom('outage_predictions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  assertOpen(p);
  if (p.version !== version) throw new AppError('VERSION_CONFLICT');
  return { view: seen, row: p };
}

async function audit(ctx: OutageCtx, p: PredictionRow, action: string, data: object) {
  await recordAudit(
    ctx.tx,
    { actor: ctx.actor, meta: ctx.meta },
    {
      action: `outage_prediction.${action}`,
      entityType: 'outage_prediction',
      entityId: p.id,
      after: { kind: p.kind, nodeId: p.node_id, state: p.state, calls: p.calls, ...data },
      orgId: p.org_id,
      provinceId: p.province_id,
    },
  );
}

export async function confirmPrediction(
  ctx: OutageCtx,
  id: string,
  input: ConfirmPredictionInput,
): Promise<PredictionDetail> {
  const { view, row } = await forDecision(ctx, id, input.version);
  const name = view.kind === 'feeder' ? view.feeder_name : (view.transformer_name ?? '');
  const path = [view.substation_name, view.feeder_name, view.transformer_name]
    .filter((s): s is string => !!s)
    .join(' › ');
  const outage = await createOutage(
    ctx,
    {
      category: 'grid_fault',
      title: `${name}故障停电`,
      reason: `故障研判：${row.customers} 户客户报修（${row.calls} 张工单），涉及 ${row.transformers} 个台区`,
      areaText: path,
      startedAt: row.first_call_at.toISOString(),
      scope: {
        feeders: view.kind === 'feeder' ? [view.node_id] : [],
        transformers: view.kind === 'transformer' ? [view.node_id] : [],
        addresses: [],
      },
      publish: true,
    },
    { source: 'analysis' },
  );
  const { linked, skipped } = await linkOrdersToOutage(
    ctx,
    {
      id: outage.id,
      number: outage.number,
      title: outage.title,
      estimatedRestoreAt: outage.estimatedRestoreAt ? new Date(outage.estimatedRestoreAt) : null,
    },
    await callsOf(ctx.tx, id),
    'analysis',
  );
  const done = await setState(ctx.tx, id, 'confirmed', ctx.now, {
    outage_id: outage.id,
    decided_by: ctx.actor.userId,
    decided_by_name: ctx.actor.displayName,
    decided_at: ctx.now,
  });
  // Other callers under the node the analysis had not grouped (single faults, a transformer
  // below the threshold) join too, and predictions the outage explains are closed by it.
  await joinEarlierCalls(ctx, (await outageById(ctx.tx, outage.id))!, 'analysis');
  await audit(ctx, done, 'confirm', {
    outageId: outage.id,
    outageNumber: outage.number,
    linked: linked.length,
    skipped: skipped.length,
  });
  await emitPredictions(ctx.tx, [{ row: done, action: 'confirm' }], ctx.now);
  return getPrediction(ctx, id);
}

export async function rejectPrediction(
  ctx: OutageCtx,
  id: string,
  input: RejectPredictionInput,
): Promise<PredictionDetail> {
  await forDecision(ctx, id, input.version);
  const done = await setState(ctx.tx, id, 'rejected', ctx.now, {
    decided_by: ctx.actor.userId,
    decided_by_name: ctx.actor.displayName,
    decided_at: ctx.now,
    reject_reason: input.reason,
  });
  await audit(ctx, done, 'reject', { reason: input.reason });
  await emitPredictions(ctx.tx, [{ row: done, action: 'reject' }], ctx.now);
  return getPrediction(ctx, id);
}
