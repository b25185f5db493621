/**
 * 停送电信息: entering, publishing and following an outage through its life. Every change is one
 * transaction with its event, audit row and outbox row (live updates).
 */
import type { Kysely } from 'kysely';
import type { OutageAction, OutageState } from '../../../../common/outages/categories.js';
import type {
  CreateOutageInput,
  OutageActionInput,
  OutageCustomers,
  OutageDetail,
  OutageList,
  OutageListQuery,
  OutageScopeInput,
  UpdateOutageInput,
} from '../../../../common/schemas/outages.js';
import type { DB } from '../../../db/schema.js';
import { serviceAreaPrefix, type Actor, type RequestMeta } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { newId } from '../../../platform/ids.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { OutagesError } from '../errors.js';
import {
  allowedOutageActions,
  estimateFlags,
  mayAct,
  nextState,
  publishFlags,
  restoreFlags,
  windowProblem,
  withFlags,
} from '../lifecycle.js';
import { presentOutageSummary } from '../presenters.js';
import { afterOutageAction } from './after-action.js';
import { outageNoticeSummary } from './notices.js';
import {
  affectedCustomers,
  countAffected,
  eventsOf,
  linkedOrdersOf,
  listOutages as listRows,
  nextOutageNumber,
  nodesInArea,
  outageById,
  replaceScope,
  scopeOf,
  transformersAtAddresses,
  type OutageRow,
  type ScopeNode,
} from '../store.js';

export interface OutageCtx {
  tx: Kysely<DB>;
  actor: Actor;
  meta: RequestMeta;
  now: Date;
}

const date = (s: string | null | undefined) =>
  s === undefined ? undefined : s === null ? null : new Date(s);
const chinaDay = (d: Date) =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');

function timesInvalid(message: string, path: string): never {
  throw new OutagesError('OUTAGE_TIMES_INVALID', [{ path: [path], message }]);
}

/** The nodes of a scope input, checked against the service area; addresses resolved. */
async function resolveScope(ctx: OutageCtx, scope: OutageScopeInput) {
  const prefix = serviceAreaPrefix(ctx.actor);
  const byAddress = await transformersAtAddresses(ctx.tx, scope.addresses, prefix);
  const unmatched = scope.addresses.filter((a) => !byAddress.has(a));
  const fromAddresses = [...byAddress.values()].flat();
  const wanted = new Set([...scope.feeders, ...scope.transformers]);
  const nodes = await nodesInArea(
    ctx.tx,
    scope.feeders,
    [...new Set([...scope.transformers, ...fromAddresses])],
    prefix,
  );
  const found = new Set(nodes.map((n) => n.id));
  const missing = [...wanted].filter((id) => !found.has(id));
  if (missing.length > 0) throw new OutagesError('OUTAGE_NODE_NOT_FOUND', { ids: missing });
  if (nodes.length === 0) throw new OutagesError('OUTAGE_SCOPE_EMPTY', { unmatched });
  return { nodes, unmatched };
}

async function record(
  ctx: OutageCtx,
  o: Pick<OutageRow, 'id' | 'org_id' | 'unit_path' | 'province_id' | 'state' | 'number'>,
  action: string,
  data: Record<string, unknown>,
  version: number,
) {
  await ctx.tx
    .insertInto('outage_events')
    .values({
      id: newId(),
      outage_id: o.id,
      at: ctx.now,
      action,
      actor_id: ctx.actor.userId,
      actor_name: ctx.actor.displayName,
      data: JSON.stringify(data),
    })
    .execute();
  await recordAudit(
    ctx.tx,
    { actor: ctx.actor, meta: ctx.meta },
    {
      action: `outage.${action}`,
      entityType: 'outage',
      entityId: o.id,
      after: { number: o.number, state: o.state, ...data },
      orgId: o.org_id,
      provinceId: o.province_id,
    },
  );
  await ctx.tx
    .insertInto('outbox')
    .values({
      topic: 'outage.changed',
      payload: JSON.stringify({
        outageId: o.id,
        number: o.number,
        state: o.state,
        action,
        version,
        at: ctx.now.toISOString(),
        unitPath: o.unit_path,
      }),
      org_id: o.org_id,
      province_id: o.province_id,
    })
    .execute();
}

async function refreshCounts(tx: Kysely<DB>, id: string) {
  const c = await countAffected(tx, id);
  await tx
    .updateTable('outages')
    .set({ affected_customers: c.total, important_customers: c.important })
    .where('id', '=', id)
    .execute();
  return c;
}

/** An outage the actor may see, or 404 (outside the service area is the same as missing). */
async function visible(ctx: { tx: Kysely<DB>; actor: Actor }, id: string, lock = false) {
  const o = await outageById(ctx.tx, id, lock);
  if (!o || !o.unit_path.startsWith(serviceAreaPrefix(ctx.actor)))
    throw new OutagesError('OUTAGE_NOT_FOUND');
  return o;
}

export async function createOutage(
  ctx: OutageCtx,
  input: CreateOutageInput,
  opts: { source?: 'manual' | 'analysis' } = {},
) {
  authorize(ctx.actor, 'outage.manage');
  const plannedStart = date(input.plannedStart) ?? null;
  const plannedEnd = date(input.plannedEnd) ?? null;
  const problem = windowProblem({ category: input.category, plannedStart, plannedEnd });
  if (problem) timesInvalid(problem, 'plannedEnd');
  const startedAt = date(input.startedAt) ?? null;
  if (startedAt && startedAt > ctx.now) timesInvalid('startedAt is in the future', 'startedAt');
  if (!ctx.actor.provinceId)
    throw new AppError('VALIDATION_FAILED', [
      { path: ['scope'], message: 'Only users of a province unit enter outages' },
    ]);
  const { nodes, unmatched } = await resolveScope(ctx, input.scope);
  const id = newId();
  const row = {
    id,
    number: await nextOutageNumber(ctx.tx, chinaDay(ctx.now)),
    category: input.category,
    state: 'draft' as OutageState,
    title: input.title,
    reason: input.reason,
    fault_type: input.faultType ?? null,
    equipment: input.equipment ?? null,
    area_text: input.areaText,
    planned_start: plannedStart,
    planned_end: plannedEnd,
    started_at: startedAt,
    estimated_restore_at: date(input.estimatedRestoreAt) ?? null,
    flags: [] as string[],
    source: opts.source ?? 'manual',
    created_by: ctx.actor.userId,
    org_id: ctx.actor.unitId,
    unit_path: ctx.actor.unitPath,
    province_id: ctx.actor.provinceId,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await ctx.tx.insertInto('outages').values(row).execute();
  await replaceScope(ctx.tx, id, nodes);
  const counts = await refreshCounts(ctx.tx, id);
  await record(ctx, row, 'create', { nodes: nodes.length, customers: counts.total, unmatched }, 1);
  if (input.publish) {
    await actOnOutage(ctx, id, 'publish', { version: 1 });
  }
  return getOutage(ctx, id, unmatched);
}

export async function updateOutage(ctx: OutageCtx, id: string, input: UpdateOutageInput) {
  authorize(ctx.actor, 'outage.manage');
  const o = await visible(ctx, id, true);
  if (o.version !== input.version) throw new AppError('VERSION_CONFLICT');
  if (o.state !== 'draft') throw new OutagesError('OUTAGE_NOT_EDITABLE');
  const plannedStart =
    input.plannedStart !== undefined ? date(input.plannedStart)! : o.planned_start;
  const plannedEnd = input.plannedEnd !== undefined ? date(input.plannedEnd)! : o.planned_end;
  const problem = windowProblem({
    category: o.category as CreateOutageInput['category'],
    plannedStart,
    plannedEnd,
  });
  if (problem) timesInvalid(problem, 'plannedEnd');
  let unmatched: string[] = [];
  if (input.scope) {
    const r = await resolveScope(ctx, input.scope);
    unmatched = r.unmatched;
    await replaceScope(ctx.tx, id, r.nodes);
    await refreshCounts(ctx.tx, id);
  }
  await ctx.tx
    .updateTable('outages')
    .set({
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
      ...(input.faultType !== undefined ? { fault_type: input.faultType } : {}),
      ...(input.equipment !== undefined ? { equipment: input.equipment } : {}),
      ...(input.areaText !== undefined ? { area_text: input.areaText } : {}),
      planned_start: plannedStart,
      planned_end: plannedEnd,
      version: o.version + 1,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
  await record(
    ctx,
    o,
    'update',
    { fields: Object.keys(input).filter((k) => k !== 'version') },
    o.version + 1,
  );
  return getOutage(ctx, id, unmatched);
}

/** publish, start, estimate, postpone, restore, cancel: checked against state and version. */
export async function actOnOutage(
  ctx: OutageCtx,
  id: string,
  action: OutageAction,
  input: OutageActionInput,
): Promise<OutageDetail> {
  authorize(ctx.actor, 'outage.manage');
  const o = await visible(ctx, id, true);
  if (o.version !== input.version) throw new AppError('VERSION_CONFLICT');
  const state = o.state as OutageState;
  if (!mayAct(state, action))
    throw new OutagesError('OUTAGE_ACTION_NOT_ALLOWED', { state, action });
  const category = o.category as CreateOutageInput['category'];
  const at = date(input.at) ?? ctx.now;
  if (at > new Date(ctx.now.getTime() + 60_000)) timesInvalid('at is in the future', 'at');
  const patch: Record<string, unknown> = {};
  const data: Record<string, unknown> = {};
  let flags = o.flags;
  const to = nextState({ state, category, startedAt: o.started_at }, action);

  switch (action) {
    case 'publish': {
      flags = withFlags(
        flags,
        publishFlags(
          {
            category,
            plannedStart: o.planned_start,
            startedAt: o.started_at,
            createdAt: o.created_at,
            importantCustomers: o.important_customers,
          },
          ctx.now,
        ),
      );
      patch.published_at = ctx.now;
      patch.published_by = ctx.actor.userId;
      if (to === 'in_progress' && !o.started_at) patch.started_at = o.created_at;
      break;
    }
    case 'start':
      patch.started_at = at;
      data.startedAt = at.toISOString();
      break;
    case 'estimate': {
      const est = date(input.estimatedRestoreAt);
      if (!est) timesInvalid('Give estimatedRestoreAt', 'estimatedRestoreAt');
      const knownAt = date(input.knownAt) ?? ctx.now;
      if (knownAt > ctx.now) timesInvalid('knownAt is in the future', 'knownAt');
      const later = o.estimated_restore_at && est > o.estimated_restore_at;
      if (later && !input.reason)
        throw new AppError('VALIDATION_FAILED', [
          { path: ['reason'], message: 'A later estimate needs the reason for the delay' },
        ]);
      patch.estimated_restore_at = est;
      if (input.reason) patch.delay_reason = input.reason;
      flags = withFlags(flags, estimateFlags(knownAt, ctx.now));
      Object.assign(data, {
        from: o.estimated_restore_at?.toISOString() ?? null,
        to: est.toISOString(),
        reason: input.reason ?? null,
      });
      break;
    }
    case 'postpone': {
      const start = date(input.plannedStart);
      const end = date(input.plannedEnd);
      if (!start || !end) timesInvalid('Give the new plannedStart and plannedEnd', 'plannedStart');
      if (end <= start) timesInvalid('plannedEnd must be after plannedStart', 'plannedEnd');
      if (!input.reason)
        throw new AppError('VALIDATION_FAILED', [
          { path: ['reason'], message: 'Say why the outage is postponed' },
        ]);
      Object.assign(patch, { planned_start: start, planned_end: end, delay_reason: input.reason });
      Object.assign(data, {
        from: { start: o.planned_start?.toISOString(), end: o.planned_end?.toISOString() },
        to: { start: start.toISOString(), end: end.toISOString() },
        reason: input.reason,
      });
      break;
    }
    case 'restore':
      if (o.started_at && at < o.started_at)
        timesInvalid('Restored before the power went off', 'at');
      patch.restored_at = at;
      patch.restored_scope = input.restoredScope ?? null;
      flags = withFlags(flags, restoreFlags(o.planned_end, at));
      Object.assign(data, { restoredAt: at.toISOString(), restoredScope: input.restoredScope });
      break;
    case 'cancel':
      if (!input.reason)
        throw new AppError('VALIDATION_FAILED', [
          { path: ['reason'], message: 'Say why the outage is cancelled' },
        ]);
      data.reason = input.reason;
      break;
  }
  const version = o.version + 1;
  await ctx.tx
    .updateTable('outages')
    .set({ ...patch, state: to, flags, version, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  await record(ctx, { ...o, state: to }, action, { from: state, ...data, flags }, version);
  const after = await outageById(ctx.tx, id);
  await afterOutageAction(ctx, after!, action);
  return getOutage(ctx, id);
}

export async function getOutage(
  ctx: { tx: Kysely<DB>; actor: Actor },
  id: string,
  unmatched: string[] = [],
): Promise<OutageDetail> {
  authorize(ctx.actor, 'outage.view');
  const o = await visible(ctx, id);
  const [scope, events, orders, notices] = await Promise.all([
    scopeOf(ctx.tx, id),
    eventsOf(ctx.tx, id),
    linkedOrdersOf(ctx.tx, id),
    outageNoticeSummary(ctx.tx, id),
  ]);
  return {
    ...presentOutageSummary(o),
    reason: o.reason,
    faultType: o.fault_type,
    equipment: o.equipment,
    restoredScope: o.restored_scope,
    delayReason: o.delay_reason,
    publishedAt: o.published_at?.toISOString() ?? null,
    scope: scope.map((n: ScopeNode) => ({ kind: n.kind, id: n.id, code: n.code, name: n.name })),
    unmatchedAddresses: unmatched,
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      actorName: e.actor_name,
      data: (e.data ?? {}) as Record<string, unknown>,
    })),
    orders,
    notices,
    allowedActions: ctx.actor.permissions.includes('outage.manage')
      ? allowedOutageActions(o.state as OutageState)
      : [],
  };
}

export async function listOutages(
  ctx: { tx: Kysely<DB>; actor: Actor },
  q: OutageListQuery,
): Promise<OutageList> {
  authorize(ctx.actor, 'outage.view');
  if (q.from && q.to && new Date(q.to) <= new Date(q.from))
    timesInvalid('to must be after from', 'to');
  const { rows, total } = await listRows(ctx.tx, {
    prefix: serviceAreaPrefix(ctx.actor),
    state: q.state,
    category: q.category,
    live: q.live === undefined ? undefined : q.live === 'true',
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    text: q.q || undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(presentOutageSummary), total };
}

/** The customers an outage affects, important ones first; details masked by the list itself. */
export async function outageCustomers(
  ctx: { tx: Kysely<DB>; actor: Actor },
  id: string,
  q: { important?: 'true' | 'false' | undefined; page: number; pageSize: number },
): Promise<OutageCustomers> {
  authorize(ctx.actor, 'outage.view');
  const o = await visible(ctx, id);
  const rows = await affectedCustomers(ctx.tx, id, {
    important: q.important === undefined ? null : q.important === 'true',
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  // The counts kept on the outage (refreshed whenever its scope changes).
  const total =
    q.important === 'true'
      ? o.important_customers
      : q.important === 'false'
        ? o.affected_customers - o.important_customers
        : o.affected_customers;
  return {
    items: rows.map((r) => ({
      id: r.id,
      accountNo: r.account_no,
      name: r.name,
      important: r.is_important,
      transformer: r.transformer,
    })),
    total,
  };
}
