import { normalizePhone } from '../../../../common/customers/phone.js';
import type {
  CreateCustomerInput,
  CustomerDetail,
  UpdateCustomerInput,
} from '../../../../common/schemas/customers.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { newId } from '../../../platform/ids.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { CustomersError } from '../errors.js';
import { addressLine, type CustomerRecord } from '../record.js';
import { addressTokens, nameTokens } from '../search-tokens.js';
import { insertCustomersBulk } from '../store/bulk-insert.js';
import { getCustomer, phonesOf, type CustomerRow } from '../store/read.js';
import {
  accountNoExists,
  insertHistory,
  lockCustomer,
  replacePhones,
  transformerUnitPath,
  unitForCustomer,
  updateCustomerRow,
  type CustomerPatch,
} from '../store/write.js';
import type { WriteCtx } from './context.js';
import { diff, snapshotOf, type Snapshot } from './snapshot.js';
import { getCustomerDetail } from './customer-view.js';

function normalisedPhones(
  phones: { phone: string; label: CustomerRecord['phones'][number]['label'] }[],
) {
  return phones.map((p, i) => {
    const phone = normalizePhone(p.phone);
    if (phone === null) {
      throw new AppError('VALIDATION_FAILED', [
        { path: ['phones', i, 'phone'], message: 'Not a phone number' },
      ]);
    }
    return { phone, label: p.label };
  });
}

/** The unit a customer may belong to: existing, active, inside a province and the actor's scope. */
async function checkedUnit(ctx: WriteCtx, unitId: string) {
  const unit = await unitForCustomer(ctx.tx, unitId);
  if (!unit) throw new CustomersError('UNIT_NOT_FOUND');
  if (!unit.path.startsWith(serviceAreaPrefix(ctx.actor))) throw new CustomersError('OUT_OF_SCOPE');
  if (!unit.active) throw new CustomersError('UNIT_INACTIVE');
  if (!unit.province_id) {
    throw new AppError('VALIDATION_FAILED', [
      { path: ['unitId'], message: 'A customer belongs to a unit inside a province' },
    ]);
  }
  return { ...unit, province_id: unit.province_id };
}

/**
 * A customer hangs from a transformer of its own supply area: the transformer's unit and the
 * customer's unit lie on one branch of the tree (station under county, or the same unit).
 */
async function checkTransformer(ctx: WriteCtx, transformerId: string, unitPath: string) {
  const t = await transformerUnitPath(ctx.tx, transformerId);
  if (!t) throw new CustomersError('GRID_NODE_NOT_FOUND', { transformerId });
  if (!t.path.startsWith(unitPath) && !unitPath.startsWith(t.path)) {
    throw new CustomersError('TRANSFORMER_NOT_IN_UNIT');
  }
}

async function record(
  ctx: WriteCtx,
  action: string,
  row: Pick<CustomerRow, 'id' | 'org_id' | 'province_id'>,
  before: Snapshot | null,
  after: Snapshot,
) {
  const changes = diff(before ?? {}, after);
  await insertHistory(ctx.tx, {
    id: newId(),
    customerId: row.id,
    action,
    changes,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
  });
  await recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    {
      action: `customer.${action}`,
      entityType: 'customer',
      entityId: row.id,
      before,
      after,
      orgId: row.org_id,
      provinceId: row.province_id,
    },
  );
}

async function reload(ctx: WriteCtx, id: string): Promise<{ row: CustomerRow; snap: Snapshot }> {
  const row = (await getCustomer(ctx.tx, id, '/'))!;
  const phones = (await phonesOf(ctx.tx, [id])).get(id) ?? [];
  return { row, snap: snapshotOf(row, phones) };
}

/** Opens a customer account in the archive (开户 as recorded by the back office). */
export async function createCustomer(
  ctx: WriteCtx,
  input: CreateCustomerInput,
): Promise<CustomerDetail> {
  authorize(ctx.actor, 'customer.manage');
  const unit = await checkedUnit(ctx, input.unitId);
  if (input.transformerId) await checkTransformer(ctx, input.transformerId, unit.path);
  if (await accountNoExists(ctx.tx, unit.province_id, input.accountNo)) {
    throw new CustomersError('ACCOUNT_NO_TAKEN');
  }
  const m = input.marks ?? {};
  const rec: CustomerRecord = {
    id: newId(),
    accountNo: input.accountNo,
    name: input.name,
    customerClass: input.customerClass,
    industry: input.industry,
    voltageLevel: input.voltageLevel,
    tariffCategory: input.tariffCategory,
    idType: input.idType ?? null,
    idNo: input.idNo ?? null,
    address: input.address,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    email: input.email ?? null,
    wechatId: input.wechatId ?? null,
    meterNo: input.meterNo ?? null,
    annualKwh: input.annualKwh,
    important: m.important ?? false,
    highRisk: m.highRisk ?? false,
    sensitive: m.sensitive ?? false,
    sensitiveReason: m.sensitive ? (m.sensitiveReason ?? null) : null,
    vip: m.vip ?? false,
    arrearsFen: m.arrearsFen ?? 0,
    arrearsSince: m.arrearsSince ?? null,
    consentMessages: input.consentMessages,
    orgId: unit.id,
    provinceId: unit.province_id,
    transformerId: input.transformerId ?? null,
    phones: normalisedPhones(input.phones),
  };
  await insertCustomersBulk(ctx.tx, [rec]);
  const { row, snap } = await reload(ctx, rec.id);
  await record(ctx, 'create', row, null, snap);
  return getCustomerDetail(ctx, rec.id);
}

function patchOf(input: UpdateCustomerInput, current: CustomerRow): CustomerPatch {
  const p: CustomerPatch = {};
  if (input.name !== undefined) p.name = input.name;
  if (input.customerClass !== undefined) p.customer_class = input.customerClass;
  if (input.industry !== undefined) p.industry = input.industry;
  if (input.voltageLevel !== undefined) p.voltage_level = input.voltageLevel;
  if (input.tariffCategory !== undefined) p.tariff_category = input.tariffCategory;
  if (input.idType !== undefined) p.id_type = input.idType;
  if (input.idNo !== undefined) p.id_no = input.idNo;
  if (input.address !== undefined) {
    p.addr_city = input.address.city;
    p.addr_county = input.address.county;
    p.addr_street = input.address.street;
    p.addr_detail = input.address.detail;
  }
  if (input.lat !== undefined) p.lat = input.lat;
  if (input.lng !== undefined) p.lng = input.lng;
  if (input.email !== undefined) p.email = input.email;
  if (input.wechatId !== undefined) p.wechat_id = input.wechatId;
  if (input.meterNo !== undefined) p.meter_no = input.meterNo;
  if (input.annualKwh !== undefined) p.annual_kwh = input.annualKwh;
  if (input.unitId !== undefined) p.org_id = input.unitId;
  if (input.transformerId !== undefined) p.transformer_id = input.transformerId;
  if (input.status !== undefined) p.status = input.status;
  if (input.consentMessages !== undefined && input.consentMessages !== current.consent_messages) {
    p.consent_messages = input.consentMessages;
    p.consent_at = input.consentMessages ? new Date() : null;
  }
  const m = input.marks;
  if (m) {
    if (m.important !== undefined) p.is_important = m.important;
    if (m.highRisk !== undefined) p.is_high_risk = m.highRisk;
    if (m.vip !== undefined) p.is_vip = m.vip;
    if (m.arrearsFen !== undefined) p.arrears_fen = m.arrearsFen;
    if (m.arrearsSince !== undefined) p.arrears_since = m.arrearsSince;
    if (m.sensitive !== undefined) p.is_sensitive = m.sensitive;
    if (m.sensitiveReason !== undefined) p.sensitive_reason = m.sensitiveReason;
    if (m.sensitive === false) p.sensitive_reason = null;
  }
  return p;
}

/** Edits a customer (optimistic locking); the change goes to the history and the audit log. */
export async function updateCustomer(
  ctx: WriteCtx,
  id: string,
  input: UpdateCustomerInput,
): Promise<CustomerDetail> {
  authorize(ctx.actor, 'customer.manage');
  const current = await getCustomer(ctx.tx, id, serviceAreaPrefix(ctx.actor));
  if (!current) throw new CustomersError('CUSTOMER_NOT_FOUND');
  const locked = await lockCustomer(ctx.tx, id);
  if (!locked || locked.version !== input.version) {
    throw new CustomersError('VERSION_CONFLICT', { currentVersion: locked?.version });
  }
  let unitPath = current.unit_path;
  if (input.unitId !== undefined && input.unitId !== current.org_id) {
    const unit = await checkedUnit(ctx, input.unitId);
    if (unit.province_id !== current.province_id) {
      throw new AppError('VALIDATION_FAILED', [
        { path: ['unitId'], message: 'A customer cannot move to another province' },
      ]);
    }
    unitPath = unit.path;
  }
  const transformerId =
    input.transformerId !== undefined ? input.transformerId : current.transformer_id;
  if (transformerId && (input.transformerId !== undefined || input.unitId !== undefined)) {
    await checkTransformer(ctx, transformerId, unitPath);
  }
  const sensitive = input.marks?.sensitive ?? current.is_sensitive;
  const reason =
    input.marks?.sensitiveReason !== undefined
      ? input.marks.sensitiveReason
      : current.sensitive_reason;
  if (sensitive && !reason) {
    throw new AppError('VALIDATION_FAILED', [
      { path: ['marks', 'sensitiveReason'], message: 'A sensitive mark needs a reason' },
    ]);
  }
  const beforePhones = (await phonesOf(ctx.tx, [id])).get(id) ?? [];
  const before = snapshotOf(current, beforePhones);
  const patch = patchOf(input, current);
  const name = input.name ?? current.name;
  const address = input.address ?? {
    city: current.addr_city,
    county: current.addr_county,
    street: current.addr_street,
    detail: current.addr_detail,
  };
  const ok = await updateCustomerRow(ctx.tx, id, input.version, patch, {
    name: nameTokens(name),
    address: addressTokens(addressLine(address)),
  });
  if (!ok) throw new CustomersError('VERSION_CONFLICT');
  if (input.phones !== undefined) await replacePhones(ctx.tx, id, normalisedPhones(input.phones));
  const { row, snap } = await reload(ctx, id);
  await record(ctx, 'update', row, before, snap);
  return getCustomerDetail(ctx, id);
}
