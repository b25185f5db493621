/**
 * Fault calls that came in before their outage was entered. A dispatcher who enters a grid fault
 * by hand (from the SCADA alarm, a crew's report) is usually minutes behind the first callers:
 * their orders were accepted as single-customer faults, and some may already sit in a predicted
 * fault on the 故障研判 page. Once the outage has the power off, those orders join it as later
 * callers do at intake (returned together when the power is back), and the predictions it
 * explains are closed as confirmed by it, so that nobody confirms a twin outage.
 */
import { recordAudit } from '../../auth/index.js';
import { linkOrdersToOutage } from '../../orders/index.js';
import {
  callsOfPredictions,
  confirmCoveredPredictions,
  emitPredictions,
  lockFeeders,
} from '../predictions/store.js';
import { thresholdsFor } from '../predictions/settings.js';
import type { OutageRow } from '../store.js';
import { feedersOfScope, unlinkedCallsInScope } from '../store/earlier-calls.js';
import type { OutageCtx } from './outages.js';

/**
 * How long before the outage's recorded start a call still counts as one of its callers, for
 * outages nobody announced: the start of a fault entered by hand is the dispatcher's estimate,
 * often later than the first call. It is the province's analysis window (研判参数, 30 minutes by
 * default): calls that close together are what the analysis itself takes for one fault. A
 * scheduled outage starts when the power is switched off: a fault call before that is about
 * something else.
 */
const UNANNOUNCED = new Set(['grid_fault', 'over_capacity']);

async function slackMs(ctx: OutageCtx, category: string, provinceId: string): Promise<number> {
  if (!UNANNOUNCED.has(category)) return 0;
  return (await thresholdsFor(ctx.tx, provinceId)).windowMinutes * 60_000;
}

/**
 * Links the open fault orders under a live outage that no outage holds yet, and closes the
 * predictions it explains. A no-op for an outage without the power off. Writes one audit row on
 * the outage when anything changed.
 */
export async function joinEarlierCalls(
  ctx: OutageCtx,
  outage: Pick<
    OutageRow,
    | 'id'
    | 'number'
    | 'title'
    | 'category'
    | 'started_at'
    | 'planned_start'
    | 'estimated_restore_at'
    | 'org_id'
    | 'province_id'
  >,
  via: 'manual' | 'analysis',
): Promise<{ linked: number; predictions: number }> {
  const start = outage.started_at ?? outage.planned_start ?? ctx.now;
  const since = new Date(
    start.getTime() - (await slackMs(ctx, outage.category, outage.province_id)),
  );
  // The analysis pipeline's lock order: feeders first, then predictions and orders.
  await lockFeeders(ctx.tx, await feedersOfScope(ctx.tx, outage.id));
  const closed = await confirmCoveredPredictions(
    ctx.tx,
    outage.id,
    { id: ctx.actor.userId || null, name: ctx.actor.displayName },
    ctx.now,
  );
  // A prediction's calls are the outage's callers however early they came.
  const calls = [
    ...new Set([
      ...(await unlinkedCallsInScope(ctx.tx, outage.id, since, ctx.now)),
      ...(await callsOfPredictions(
        ctx.tx,
        closed.map((p) => p.id),
      )),
    ]),
  ];
  if (calls.length === 0 && closed.length === 0) return { linked: 0, predictions: 0 };
  const { linked } = await linkOrdersToOutage(
    ctx,
    {
      id: outage.id,
      number: outage.number,
      title: outage.title,
      estimatedRestoreAt: outage.estimated_restore_at,
    },
    calls,
    via,
  );
  await emitPredictions(
    ctx.tx,
    closed.map((row) => ({ row, action: 'confirm' })),
    ctx.now,
  );
  await recordAudit(
    ctx.tx,
    { actor: ctx.actor, meta: ctx.meta },
    {
      action: 'outage.earlier_calls_linked',
      entityType: 'outage',
      entityId: outage.id,
      after: {
        since: since.toISOString(),
        linked: linked.length,
        skipped: calls.length - linked.length,
        predictionsConfirmed: closed.map((p) => p.id),
      },
      orgId: outage.org_id,
      provinceId: outage.province_id,
    },
  );
  return { linked: linked.length, predictions: closed.length };
}
