import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditLogTable, DB } from '../../../db/schema.js';
import { underPrefix } from './units.js';

export type AuditRow = Selectable<AuditLogTable>;

export async function insertAudit(
  tx: Kysely<DB>,
  row: Omit<AuditRow, 'at' | 'before' | 'after'> & { before: string | null; after: string | null },
): Promise<void> {
  await tx.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  prefix: string;
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** Audit rows about units inside the prefix, newest first. */
export async function listAudit(
  tx: Kysely<DB>,
  f: AuditFilter,
): Promise<{ rows: AuditRow[]; total: number }> {
  let q = tx
    .selectFrom('audit_log as a')
    .where('a.org_id', 'in', (eb) =>
      eb.selectFrom('org_units').select('id').where('path', 'like', underPrefix(f.prefix)),
    );
  if (f.actor) q = q.where('a.actor_name', '=', f.actor);
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.entityType) q = q.where('a.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.from) q = q.where('a.at', '>=', new Date(f.from));
  if (f.to) q = q.where('a.at', '<', new Date(f.to));
  const [rows, total] = await Promise.all([
    q
      .selectAll('a')
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}
