import { SegmentRule, matchesRule } from '../../../../common/customers/segment-rule.js';
import type {
  CustomerDetail,
  CustomerHistory,
  CustomerList,
  CustomerListQuery,
} from '../../../../common/schemas/customers.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { authorize } from '../../auth/index.js';
import { CustomersError } from '../errors.js';
import { mayEdit, mayReveal, seesPersonalData } from '../policy.js';
import { presentDetail, presentSummary } from '../presenters.js';
import {
  getCustomer,
  listCustomers,
  phonesOf,
  type CustomerRow,
  type ListFilter,
} from '../store/read.js';
import { getSegment, segmentsForUnit } from '../store/segments.js';
import { listHistory } from '../store/write.js';
import type { ReadCtx } from './context.js';

/** The segments a customer falls in: active segments of its unit's ancestors whose rule holds. */
async function segmentsOf(ctx: ReadCtx, r: CustomerRow): Promise<CustomerDetail['segments']> {
  const segments = await segmentsForUnit(ctx.tx, r.unit_path);
  return segments
    .filter((s) => {
      const rule = SegmentRule.safeParse(s.rule);
      return (
        rule.success &&
        matchesRule(rule.data, {
          customerClass: r.customer_class as never,
          industry: r.industry as never,
          voltageLevel: r.voltage_level as never,
          annualKwh: r.annual_kwh,
          important: r.is_important,
          highRisk: r.is_high_risk,
          sensitive: r.is_sensitive,
          vip: r.is_vip,
          arrearsFen: r.arrears_fen,
        })
      );
    })
    .map((s) => ({ id: s.id, code: s.code, name: s.name, service: s.service }));
}

/** The 360° view of one customer in the actor's scope (out of scope reads as not found). */
export async function getCustomerDetail(ctx: ReadCtx, id: string): Promise<CustomerDetail> {
  authorize(ctx.actor, 'customer.view');
  const row = await getCustomer(ctx.tx, id, serviceAreaPrefix(ctx.actor));
  if (!row) throw new CustomersError('CUSTOMER_NOT_FOUND');
  const phones = await phonesOf(ctx.tx, [id]);
  return presentDetail(row, phones, {
    masked: !seesPersonalData(ctx.actor),
    canReveal: mayReveal(ctx.actor),
    canEdit: mayEdit(ctx.actor),
    segments: await segmentsOf(ctx, row),
  });
}

/** Customers in scope by unit, class, mark, segment or network node. */
export async function listCustomersView(
  ctx: ReadCtx,
  q: CustomerListQuery,
  grid?: ListFilter['grid'],
): Promise<CustomerList> {
  authorize(ctx.actor, 'customer.view');
  let unitPath: string | undefined;
  if (q.unitId) {
    const unit = await ctx.tx
      .selectFrom('org_units')
      .select('path')
      .where('id', '=', q.unitId)
      .executeTakeFirst();
    if (!unit || !unit.path.startsWith(serviceAreaPrefix(ctx.actor)))
      throw new CustomersError('UNIT_NOT_FOUND');
    unitPath = unit.path;
  }
  let segmentRule: SegmentRule | undefined;
  if (q.segmentId) {
    const seg = await getSegment(ctx.tx, q.segmentId);
    if (!seg) throw new CustomersError('SEGMENT_NOT_FOUND');
    segmentRule = SegmentRule.parse(seg.rule);
  }
  const { rows, total } = await listCustomers(
    ctx.tx,
    serviceAreaPrefix(ctx.actor),
    { unitPath, customerClass: q.customerClass, mark: q.mark, segmentRule, grid },
    q,
  );
  const phones = await phonesOf(
    ctx.tx,
    rows.map((r) => r.id),
  );
  const masked = !seesPersonalData(ctx.actor);
  return { items: rows.map((r) => presentSummary(r, phones, masked)), total };
}

/** The customer's history, newest first. */
export async function customerHistory(
  ctx: ReadCtx,
  id: string,
  page: { page: number; pageSize: number },
): Promise<CustomerHistory> {
  authorize(ctx.actor, 'customer.view');
  const row = await getCustomer(ctx.tx, id, serviceAreaPrefix(ctx.actor));
  if (!row) throw new CustomersError('CUSTOMER_NOT_FOUND');
  const { rows, total } = await listHistory(ctx.tx, id, page);
  return {
    items: rows.map((h) => ({
      id: h.id,
      action: h.action,
      changes: h.changes as Record<string, [unknown, unknown]>,
      actorName: h.actor_name,
      at: h.at.toISOString(),
    })),
    total,
  };
}
