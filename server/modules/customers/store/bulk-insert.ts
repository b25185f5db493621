import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { addressLine, type CustomerRecord } from '../record.js';
import { addressTokens, nameTokens, searchVectorText } from '../search-tokens.js';

export interface BulkResult {
  /** account number → id of the row written (the existing id when an existing row was updated). */
  ids: Map<string, string>;
  inserted: number;
  updated: number;
}

/**
 * Writes many customers in one statement per table: column arrays through unnest() keep the
 * parameter count at ~30 whatever the batch size, so a million rows go in batches of thousands
 * on PGlite and PostgreSQL alike. With `update`, a row whose 户号 exists in the province replaces
 * the stored fields and phones (version + 1); otherwise such a row fails the whole statement.
 */
export async function insertCustomersBulk(
  tx: Kysely<DB>,
  rows: readonly CustomerRecord[],
  opts: { onExisting: 'fail' | 'update' } = { onExisting: 'fail' },
): Promise<BulkResult> {
  if (rows.length === 0) return { ids: new Map(), inserted: 0, updated: 0 };
  const col = <T>(f: (r: CustomerRecord) => T) => rows.map(f);
  const vectors = col((r) =>
    searchVectorText(nameTokens(r.name), addressTokens(addressLine(r.address))),
  );
  const conflict =
    opts.onExisting === 'update'
      ? sql`ON CONFLICT (province_id, account_no) DO UPDATE SET
          name = EXCLUDED.name, customer_class = EXCLUDED.customer_class,
          industry = EXCLUDED.industry, voltage_level = EXCLUDED.voltage_level,
          tariff_category = EXCLUDED.tariff_category, id_type = EXCLUDED.id_type,
          id_no = EXCLUDED.id_no, addr_city = EXCLUDED.addr_city,
          addr_county = EXCLUDED.addr_county, addr_street = EXCLUDED.addr_street,
          addr_detail = EXCLUDED.addr_detail, lat = EXCLUDED.lat, lng = EXCLUDED.lng,
          email = EXCLUDED.email, wechat_id = EXCLUDED.wechat_id, meter_no = EXCLUDED.meter_no,
          annual_kwh = EXCLUDED.annual_kwh, is_important = EXCLUDED.is_important,
          is_high_risk = EXCLUDED.is_high_risk, is_sensitive = EXCLUDED.is_sensitive,
          sensitive_reason = EXCLUDED.sensitive_reason, is_vip = EXCLUDED.is_vip,
          arrears_fen = EXCLUDED.arrears_fen, arrears_since = EXCLUDED.arrears_since,
          consent_messages = EXCLUDED.consent_messages, org_id = EXCLUDED.org_id,
          transformer_id = EXCLUDED.transformer_id, search_vec = EXCLUDED.search_vec,
          version = customers.version + 1, updated_at = now()`
      : sql``;
  const result = await sql<{ id: string; account_no: string; inserted: boolean }>`
    INSERT INTO customers (
      id, account_no, name, customer_class, industry, voltage_level, tariff_category, id_type,
      id_no, addr_city, addr_county, addr_street, addr_detail, lat, lng, email, wechat_id,
      meter_no, annual_kwh, is_important, is_high_risk, is_sensitive, sensitive_reason, is_vip,
      arrears_fen, arrears_since, consent_messages, consent_at, org_id, province_id,
      transformer_id, search_vec)
    SELECT u.id, u.account_no, u.name, u.customer_class, u.industry, u.voltage_level,
      u.tariff_category, u.id_type, u.id_no, u.addr_city, u.addr_county, u.addr_street,
      u.addr_detail, u.lat, u.lng, u.email, u.wechat_id, u.meter_no, u.annual_kwh,
      u.is_important, u.is_high_risk, u.is_sensitive, u.sensitive_reason, u.is_vip,
      u.arrears_fen, u.arrears_since, u.consent_messages,
      CASE WHEN u.consent_messages THEN now() END, u.org_id, u.province_id, u.transformer_id,
      u.vec::tsvector
    FROM unnest(
      ${col((r) => r.id)}::uuid[], ${col((r) => r.accountNo)}::text[],
      ${col((r) => r.name)}::text[], ${col((r) => r.customerClass)}::text[],
      ${col((r) => r.industry)}::text[], ${col((r) => r.voltageLevel)}::text[],
      ${col((r) => r.tariffCategory)}::text[], ${col((r) => r.idType)}::text[],
      ${col((r) => r.idNo)}::text[], ${col((r) => r.address.city)}::text[],
      ${col((r) => r.address.county)}::text[], ${col((r) => r.address.street)}::text[],
      ${col((r) => r.address.detail)}::text[], ${col((r) => r.lat)}::float8[],
      ${col((r) => r.lng)}::float8[], ${col((r) => r.email)}::text[],
      ${col((r) => r.wechatId)}::text[], ${col((r) => r.meterNo)}::text[],
      ${col((r) => r.annualKwh)}::int[], ${col((r) => r.important)}::bool[],
      ${col((r) => r.highRisk)}::bool[], ${col((r) => r.sensitive)}::bool[],
      ${col((r) => r.sensitiveReason)}::text[], ${col((r) => r.vip)}::bool[],
      ${col((r) => r.arrearsFen)}::int8[], ${col((r) => r.arrearsSince)}::date[],
      ${col((r) => r.consentMessages)}::bool[], ${col((r) => r.orgId)}::uuid[],
      ${col((r) => r.provinceId)}::uuid[], ${col((r) => r.transformerId)}::uuid[],
      ${vectors}::text[]
    ) AS u(id, account_no, name, customer_class, industry, voltage_level, tariff_category,
      id_type, id_no, addr_city, addr_county, addr_street, addr_detail, lat, lng, email,
      wechat_id, meter_no, annual_kwh, is_important, is_high_risk, is_sensitive,
      sensitive_reason, is_vip, arrears_fen, arrears_since, consent_messages, org_id,
      province_id, transformer_id, vec)
    ${conflict}
    RETURNING id, account_no, (xmax = 0) AS inserted`.execute(tx);

  const ids = new Map<string, string>();
  const updatedIds: string[] = [];
  for (const r of result.rows) {
    ids.set(r.account_no, r.id);
    if (!r.inserted) updatedIds.push(r.id);
  }
  if (updatedIds.length > 0) {
    await tx.deleteFrom('customer_phones').where('customer_id', 'in', updatedIds).execute();
  }
  const phoneCustomer: string[] = [];
  const phone: string[] = [];
  const label: string[] = [];
  const position: number[] = [];
  for (const r of rows) {
    const id = ids.get(r.accountNo)!;
    r.phones.forEach((p, i) => {
      phoneCustomer.push(id);
      phone.push(p.phone);
      label.push(p.label);
      position.push(i);
    });
  }
  if (phone.length > 0) {
    await sql`
      INSERT INTO customer_phones (customer_id, phone, label, position)
      SELECT * FROM unnest(${phoneCustomer}::uuid[], ${phone}::text[], ${label}::text[],
        ${position}::int2[])
      ON CONFLICT DO NOTHING`.execute(tx);
  }
  return { ids, inserted: rows.length - updatedIds.length, updated: updatedIds.length };
}
