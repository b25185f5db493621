import { sql, type RawBuilder } from 'kysely';

/** What a new work order needs to know about its customer, read in one query. */
export interface CustomerOrderContext {
  id: string;
  account_no: string;
  name: string;
  org_id: string;
  org_name: string;
  org_active: boolean;
  province_id: string;
  unit_path: string;
  transformer_id: string | null;
  feeder_id: string | null;
  area_class: string | null;
  /** The unit owning the transformer, when there is one: where a fault is. */
  transformer_unit_id: string | null;
  transformer_unit_path: string | null;
  transformer_unit_name: string | null;
  transformer_unit_active: boolean | null;
  important: boolean;
  sensitive: boolean;
  vip: boolean;
}

/**
 * A scalar subquery giving a customer's order context as JSON (null when the customer is unknown
 * or outside the service area `prefix`), for the orders module to read in the same statement
 * as everything else a new order needs.
 */
export function customerOrderContextSql(
  customerId: RawBuilder<unknown>,
  prefix: RawBuilder<unknown>,
): RawBuilder<CustomerOrderContext | null> {
  return sql<CustomerOrderContext | null>`(
    SELECT json_build_object('id', c.id, 'account_no', c.account_no, 'name', c.name,
             'org_id', c.org_id, 'org_name', u.name, 'org_active', u.active,
             'province_id', c.province_id, 'unit_path', u.path,
             'transformer_id', c.transformer_id, 'feeder_id', t.feeder_id,
             'area_class', t.area_class, 'transformer_unit_id', t.org_id,
             'transformer_unit_path', tu.path, 'transformer_unit_name', tu.name,
             'transformer_unit_active', tu.active, 'important', c.is_important,
             'sensitive', c.is_sensitive, 'vip', c.is_vip)
      FROM customers c
      JOIN org_units u ON u.id = c.org_id
      LEFT JOIN grid_transformers t ON t.id = c.transformer_id
      LEFT JOIN org_units tu ON tu.id = t.org_id
     WHERE c.id = ${customerId} AND u.path LIKE ${prefix} || '%')`;
}
