import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** The routing rule and the unit time-limit rule that apply to an order, read in one query. */
export interface ApplicableRules {
  route: { id: string; target_unit_id: string; target_name: string; target_path: string } | null;
  sla: { id: string; clauses: unknown; derive_steps: boolean } | null;
}

/** The SQL values (columns or parameters) a rule is chosen by. */
export interface RuleKeys {
  placePath: RawBuilder<unknown>;
  typeCode: RawBuilder<unknown>;
  subtypeCode: RawBuilder<unknown>;
  feederId: RawBuilder<unknown>;
}

/**
 * The most specific routing rule for a place in the tree, as JSON: the deepest unit whose subtree
 * holds the place, then a feeder's rule, then a rule for the subtype over one for the type over
 * one for any type, then the lower priority number.
 */
export const routeRuleSql = (k: RuleKeys) => sql<ApplicableRules['route']>`
  (SELECT json_build_object('id', r.id, 'target_unit_id', r.target_unit_id,
                            'target_name', u.name, 'target_path', u.path)
     FROM order_routing_rules r JOIN org_units u ON u.id = r.target_unit_id
    WHERE r.active AND u.active AND ${k.placePath} LIKE r.org_path || '%'
      AND (r.type_code IS NULL OR r.type_code = ${k.typeCode})
      AND (r.subtype_code IS NULL OR r.subtype_code = ${k.subtypeCode})
      AND (r.feeder_id IS NULL OR r.feeder_id = ${k.feederId})
    ORDER BY length(r.org_path) DESC, (r.feeder_id IS NOT NULL) DESC,
             (r.subtype_code IS NOT NULL) DESC, (r.type_code IS NOT NULL) DESC, r.priority
    LIMIT 1)`;

/** The most specific unit time-limit rule for a place, as JSON; the newest among equals. */
export const slaRuleSql = (k: RuleKeys) => sql<ApplicableRules['sla']>`
  (SELECT json_build_object('id', s.id, 'clauses', s.clauses, 'derive_steps', s.derive_steps)
     FROM order_sla_rules s
    WHERE s.active AND ${k.placePath} LIKE s.org_path || '%' AND s.type_code = ${k.typeCode}
      AND (s.subtype_code IS NULL OR s.subtype_code = ${k.subtypeCode})
    ORDER BY length(s.org_path) DESC, (s.subtype_code IS NOT NULL) DESC, s.updated_at DESC
    LIMIT 1)`;

export async function applicableRules(
  tx: Kysely<DB>,
  o: { placePath: string; typeCode: string; subtypeCode: string | null; feederId: string | null },
): Promise<ApplicableRules> {
  const k: RuleKeys = {
    placePath: sql`${o.placePath}::text`,
    typeCode: sql`${o.typeCode}::text`,
    subtypeCode: sql`${o.subtypeCode}::text`,
    feederId: sql`${o.feederId}::uuid`,
  };
  const r = await sql<ApplicableRules>`
    SELECT ${routeRuleSql(k)} AS route, ${slaRuleSql(k)} AS sla`.execute(tx);
  return r.rows[0] ?? { route: null, sla: null };
}
