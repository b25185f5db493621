import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** The routing rule and the unit time-limit rule that apply to an order, read in one query. */
export interface ApplicableRules {
  route: { id: string; target_unit_id: string; target_name: string; target_path: string } | null;
  sla: { id: string; clauses: unknown; derive_steps: boolean } | null;
}

/**
 * The most specific rules for a place in the tree: the deepest unit whose subtree holds the
 * place, then a rule for the subtype over one for the type over one for any type, then the lower
 * priority number (routing) or the newest (time limits).
 */
export async function applicableRules(
  tx: Kysely<DB>,
  o: { placePath: string; typeCode: string; subtypeCode: string | null; feederId: string | null },
): Promise<ApplicableRules> {
  const r = await sql<ApplicableRules>`
    SELECT
      (SELECT json_build_object('id', r.id, 'target_unit_id', r.target_unit_id,
                                'target_name', u.name, 'target_path', u.path)
         FROM order_routing_rules r JOIN org_units u ON u.id = r.target_unit_id
        WHERE r.active AND u.active AND ${o.placePath} LIKE r.org_path || '%'
          AND (r.type_code IS NULL OR r.type_code = ${o.typeCode})
          AND (r.subtype_code IS NULL OR r.subtype_code = ${o.subtypeCode})
          AND (r.feeder_id IS NULL OR r.feeder_id = ${o.feederId})
        ORDER BY length(r.org_path) DESC, (r.feeder_id IS NOT NULL) DESC,
                 (r.subtype_code IS NOT NULL) DESC, (r.type_code IS NOT NULL) DESC, r.priority
        LIMIT 1) AS route,
      (SELECT json_build_object('id', s.id, 'clauses', s.clauses, 'derive_steps', s.derive_steps)
         FROM order_sla_rules s
        WHERE s.active AND ${o.placePath} LIKE s.org_path || '%' AND s.type_code = ${o.typeCode}
          AND (s.subtype_code IS NULL OR s.subtype_code = ${o.subtypeCode})
        ORDER BY length(s.org_path) DESC, (s.subtype_code IS NOT NULL) DESC, s.updated_at DESC
        LIMIT 1) AS sla`.execute(tx);
  return r.rows[0] ?? { route: null, sla: null };
}
