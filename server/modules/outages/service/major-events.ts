/** 重要服务事项报备: major service events filed with the script agents answer callers from. */
import { sql, type Kysely } from 'kysely';
import type { CreateMajorEventInput, MajorEvent } from '../../../../common/schemas/outages.js';
import type { DB } from '../../../db/schema.js';
import { serviceAreaPrefix, type Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { newId } from '../../../platform/ids.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { OutagesError } from '../errors.js';
import { outageById } from '../store.js';
import type { OutageCtx } from './outages.js';

const eventsWithUnit = (tx: Kysely<DB>) =>
  tx
    .selectFrom('major_events as e')
    .innerJoin('org_units as u', 'u.id', 'e.org_id')
    .selectAll('e')
    .select('u.name as unit_name');

type Row = Awaited<ReturnType<ReturnType<typeof eventsWithUnit>['executeTakeFirstOrThrow']>>;

const present = (e: Row): MajorEvent => ({
  id: e.id,
  title: e.title,
  description: e.description,
  script: e.script,
  startsAt: e.starts_at.toISOString(),
  endsAt: e.ends_at.toISOString(),
  outageId: e.outage_id,
  unit: { id: e.org_id, name: e.unit_name },
  version: e.version,
});

export async function createMajorEvent(
  ctx: OutageCtx,
  input: CreateMajorEventInput,
): Promise<MajorEvent> {
  authorize(ctx.actor, 'outage.manage');
  const prefix = serviceAreaPrefix(ctx.actor);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt)
    throw new OutagesError('OUTAGE_TIMES_INVALID', [
      { path: ['endsAt'], message: 'endsAt must be after startsAt' },
    ]);
  let unit = { id: ctx.actor.unitId, path: ctx.actor.unitPath, province: ctx.actor.provinceId };
  if (input.unitId) {
    const u = await ctx.tx
      .selectFrom('org_units')
      .select(['id', 'path', 'province_id'])
      .where('id', '=', input.unitId)
      .executeTakeFirst();
    if (!u || !u.path.startsWith(prefix)) throw new AppError('UNIT_NOT_FOUND', { field: 'unitId' });
    unit = { id: u.id, path: u.path, province: u.province_id };
  }
  if (!unit.province)
    throw new AppError('VALIDATION_FAILED', [
      { path: ['unitId'], message: 'Name a unit inside a province' },
    ]);
  if (input.outageId) {
    const o = await outageById(ctx.tx, input.outageId);
    if (!o || !o.unit_path.startsWith(prefix)) throw new OutagesError('OUTAGE_NOT_FOUND');
  }
  const id = newId();
  await ctx.tx
    .insertInto('major_events')
    .values({
      id,
      title: input.title,
      description: input.description,
      script: input.script,
      starts_at: startsAt,
      ends_at: endsAt,
      outage_id: input.outageId ?? null,
      created_by: ctx.actor.userId,
      org_id: unit.id,
      unit_path: unit.path,
      province_id: unit.province,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  await recordAudit(
    ctx.tx,
    { actor: ctx.actor, meta: ctx.meta },
    {
      action: 'major_event.create',
      entityType: 'major_event',
      entityId: id,
      after: { title: input.title, startsAt: input.startsAt, endsAt: input.endsAt },
      orgId: unit.id,
      provinceId: unit.province,
    },
  );
  return present(await eventsWithUnit(ctx.tx).where('e.id', '=', id).executeTakeFirstOrThrow());
}

export async function listMajorEvents(
  ctx: { tx: Kysely<DB>; actor: Actor; now: Date },
  q: { active?: 'true' | 'false' | undefined; page: number; pageSize: number },
) {
  authorize(ctx.actor, 'outage.view');
  let base = eventsWithUnit(ctx.tx).where(
    'e.unit_path',
    'like',
    `${serviceAreaPrefix(ctx.actor)}%`,
  );
  if (q.active === 'true')
    base = base.where('e.starts_at', '<=', ctx.now).where('e.ends_at', '>', ctx.now);
  if (q.active === 'false')
    base = base.where((eb) =>
      eb.or([eb('e.starts_at', '>', ctx.now), eb('e.ends_at', '<=', ctx.now)]),
    );
  const rows = await base
    .select(sql<number>`count(*) OVER ()::int`.as('total'))
    .orderBy('e.starts_at', 'desc')
    .orderBy('e.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map(present), total: rows[0]?.total ?? 0 };
}

export async function getMajorEvent(ctx: { tx: Kysely<DB>; actor: Actor }, id: string) {
  authorize(ctx.actor, 'outage.view');
  const e = await eventsWithUnit(ctx.tx).where('e.id', '=', id).executeTakeFirst();
  if (!e || !e.unit_path.startsWith(serviceAreaPrefix(ctx.actor)))
    throw new OutagesError('MAJOR_EVENT_NOT_FOUND');
  return present(e);
}
