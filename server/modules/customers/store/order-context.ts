import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** What a new work order needs to know about its customer, read in one query. */
export interface CustomerOrderContext {
  id: string;
  account_no: string;
  name: string;
  org_id: string;
  province_id: string;
  unit_path: string;
  transformer_id: string | null;
  feeder_id: string | null;
  area_class: string | null;
  /** The unit owning the transformer, when there is one: where a fault is. */
  transformer_unit_id: string | null;
  transformer_unit_path: string | null;
  important: boolean;
  sensitive: boolean;
  vip: boolean;
}

export async function customerOrderContext(
  tx: Kysely<DB>,
  customerId: string,
  prefix: string,
): Promise<CustomerOrderContext | null> {
  const r = await sql<CustomerOrderContext>`
    SELECT c.id, c.account_no, c.name, c.org_id, c.province_id, u.path AS unit_path,
           c.transformer_id, t.feeder_id, t.area_class, t.org_id AS transformer_unit_id,
           tu.path AS transformer_unit_path, c.is_important AS important, c.is_sensitive AS sensitive, c.is_vip AS vip
      FROM customers c
      JOIN org_units u ON u.id = c.org_id
      LEFT JOIN grid_transformers t ON t.id = c.transformer_id
      LEFT JOIN org_units tu ON tu.id = t.org_id
     WHERE c.id = ${customerId} AND u.path LIKE ${prefix + '%'}`.execute(tx);
  return r.rows[0] ?? null;
}
