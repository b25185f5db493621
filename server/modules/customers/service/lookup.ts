import { normalizePhone } from '../../../../common/customers/phone.js';
import { AppError } from '../../../platform/app-error.js';
import type {
  ByPhoneResult,
  CustomerMatch,
  CustomerSearchResult,
} from '../../../../common/schemas/customers.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { authorize } from '../../auth/index.js';
import { seesPersonalData } from '../policy.js';
import { presentSummary } from '../presenters.js';
import {
  customersByNumber,
  customersByPhone,
  getCustomers,
  phonesOf,
  textSearch,
  type CustomerRow,
} from '../store/read.js';
import { nameQuery, textQuery } from '../search-tokens.js';
import type { ReadCtx } from './context.js';

/** More customers than this on one phone is a shared switchboard; the agent narrows by name. */
const PHONE_MATCH_LIMIT = 20;
/** Text search ranks at most this many candidates (see textSearch). */
const TEXT_CANDIDATE_CAP = 500;

async function present(ctx: ReadCtx, rows: CustomerRow[]) {
  const phones = await phonesOf(
    ctx.tx,
    rows.map((r) => r.id),
  );
  const masked = !seesPersonalData(ctx.actor);
  return rows.map((r) => presentSummary(r, phones, masked));
}

/**
 * The caller-ID look-up: every customer in scope with this number among their phones, with the
 * grid path and the marks, for the screen pop.
 */
export async function lookUpByPhone(ctx: ReadCtx, raw: string): Promise<ByPhoneResult> {
  authorize(ctx.actor, 'customer.view');
  const phone = normalizePhone(raw);
  if (phone === null) throw new AppError('VALIDATION_FAILED', [{ path: ['phone'] }]);
  const rows = await customersByPhone(
    ctx.tx,
    phone,
    serviceAreaPrefix(ctx.actor),
    PHONE_MATCH_LIMIT,
  );
  const phones = new Map(rows.map((r) => [r.id, r.phones ?? []]));
  const masked = !seesPersonalData(ctx.actor);
  return { phone, items: rows.map((r) => presentSummary(r, phones, masked)) };
}

/**
 * The agent's one search box. Digits are tried as a phone and as 户号 / meter number; anything
 * else as a (partial) name and as address words.
 */
export async function searchCustomers(
  ctx: ReadCtx,
  q: string,
  limit: number,
): Promise<CustomerSearchResult> {
  authorize(ctx.actor, 'customer.view');
  const prefix = serviceAreaPrefix(ctx.actor);
  const digits = q.replace(/[\s\-()（）+]/g, '');
  if (/^\d+$/.test(digits)) {
    const phone = normalizePhone(digits);
    const byPhone = phone ? await customersByPhone(ctx.tx, phone, prefix, limit + 1) : [];
    const byNumber =
      digits.length >= 6 ? await customersByNumber(ctx.tx, digits, prefix, limit + 1) : [];
    const seen = new Set<string>();
    const matches: { row: CustomerRow; by: CustomerMatch['matchedBy'] }[] = [];
    for (const r of byNumber) {
      seen.add(r.id);
      matches.push({ row: r, by: r.by_account ? 'accountNo' : 'meterNo' });
    }
    for (const r of byPhone) {
      if (!seen.has(r.id)) matches.push({ row: r, by: 'phone' });
    }
    const shown = matches.slice(0, limit);
    const items = await present(
      ctx,
      shown.map((m) => m.row),
    );
    return {
      items: items.map((c, i) => ({ ...c, matchedBy: shown[i]!.by })),
      total: matches.length,
      more: matches.length > limit,
      interpretedAs: byPhone.length > 0 && byNumber.length === 0 ? 'phone' : 'number',
    };
  }
  const query = { all: textQuery(q), name: nameQuery(q) };
  const { hits, candidates } = await textSearch(ctx.tx, query, prefix, limit, TEXT_CANDIDATE_CAP);
  const rows = await getCustomers(
    ctx.tx,
    hits.map((h) => h.id),
    prefix,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = hits.filter((h) => byId.has(h.id));
  const items = await present(
    ctx,
    ordered.map((h) => byId.get(h.id)!),
  );
  return {
    items: items.map((c, i) => ({ ...c, matchedBy: ordered[i]!.by_name ? 'name' : 'address' })),
    total: candidates,
    more: candidates > limit,
    interpretedAs: 'text',
  };
}
