/** What dispatchers read: the predictions of their service area, and one with its calls. */
import type { Kysely } from 'kysely';
import type {
  PredictionDetail,
  PredictionList,
  PredictionListQuery,
} from '../../../../common/schemas/outage-predictions.js';
import type { DB } from '../../../db/schema.js';
import { serviceAreaPrefix, type Actor } from '../../../platform/actor.js';
import { authorize } from '../../auth/index.js';
import { OutagesError } from '../errors.js';
import { presentCall, presentPrediction } from './presenters.js';
import { listPredictions as listRows, predictionCalls, predictionView } from './read-store.js';

type ReadCtx = { tx: Kysely<DB>; actor: Actor };

export async function listPredictions(
  ctx: ReadCtx,
  q: PredictionListQuery,
): Promise<PredictionList> {
  authorize(ctx.actor, 'outage.view');
  const { rows, total } = await listRows(ctx.tx, {
    prefix: serviceAreaPrefix(ctx.actor),
    state: q.state,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(presentPrediction), total };
}

export async function getPrediction(ctx: ReadCtx, id: string): Promise<PredictionDetail> {
  authorize(ctx.actor, 'outage.view');
  const p = await predictionView(ctx.tx, id);
  if (!p || !p.unit_path.startsWith(serviceAreaPrefix(ctx.actor)))
    throw new OutagesError('PREDICTION_NOT_FOUND');
  const calls = await predictionCalls(ctx.tx, id);
  const pii = ctx.actor.permissions.includes('customer.pii');
  return {
    ...presentPrediction(p),
    orders: calls.map((c) => presentCall(c, pii)),
    allowedActions:
      p.state === 'proposed' && ctx.actor.permissions.includes('outage.manage')
        ? ['confirm', 'reject']
        : [],
  };
}
