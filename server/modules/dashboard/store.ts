import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

const under = (prefix: string) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

/** Head counts for the dashboard, all limited to the units under the prefix. */
export async function countsUnder(tx: Kysely<DB>, prefix: string) {
  const scopeUnits = (eb: Kysely<DB>) =>
    eb.selectFrom('org_units').select('id').where('path', 'like', under(prefix));
  const [unitsByLevel, usersByRole, customers, sessions] = await Promise.all([
    tx
      .selectFrom('org_units')
      .select(['level', sql<number>`count(*)::int`.as('count')])
      .where('path', 'like', under(prefix))
      .where('active', '=', true)
      .groupBy('level')
      .execute(),
    tx
      .selectFrom(
        tx
          .selectFrom('users')
          .select([sql<string>`unnest(roles)`.as('role'), 'disabled', 'id'])
          .where('org_id', 'in', scopeUnits(tx))
          .as('r'),
      )
      .select([
        'r.role',
        sql<number>`count(*)::int`.as('count'),
        sql<number>`count(*) filter (where not r.disabled)::int`.as('active'),
      ])
      .groupBy('r.role')
      .execute(),
    tx
      .selectFrom('customers')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('org_id', 'in', scopeUnits(tx))
      .executeTakeFirstOrThrow(),
    tx
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(sql<number>`count(distinct s.user_id)::int`.as('n'))
      .where('s.expires_at', '>', sql<Date>`now()`)
      .where('u.org_id', 'in', scopeUnits(tx))
      .executeTakeFirstOrThrow(),
  ]);
  const users = await tx
    .selectFrom('users')
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(*) filter (where not disabled)::int`.as('active'),
    ])
    .where('org_id', 'in', scopeUnits(tx))
    .executeTakeFirstOrThrow();
  return { unitsByLevel, usersByRole, customers: customers.n, sessions: sessions.n, users };
}
