import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { EXPORT_MAX_ROWS, type ExportCustomersQuery } from '../../../../common/schemas/imports.js';
import type { DB } from '../../../db/schema.js';
import type { Actor, RequestMeta } from '../../../platform/actor.js';
import { recordAudit } from '../../auth/index.js';
import { exportCustomerRows } from '../../customers/index.js';
import { customerExportStream } from './workbooks.js';

/**
 * Starts a customer export: checks the filters and the count (EXPORT_TOO_LARGE past the limit),
 * records who exported what and how many rows, then returns the .xlsx as a stream.
 */
export async function exportCustomers(
  ctx: { db: Kysely<DB>; actor: Actor; meta: RequestMeta },
  query: ExportCustomersQuery,
): Promise<{ stream: Readable; total: number; fileName: string }> {
  const exp = await exportCustomerRows({ tx: ctx.db, actor: ctx.actor }, query, EXPORT_MAX_ROWS);
  await ctx.db.transaction().execute((tx) =>
    recordAudit(
      tx,
      { actor: ctx.actor, meta: ctx.meta },
      {
        action: 'customer.export',
        entityType: 'customer',
        entityId: null,
        after: { filter: query, rows: exp.total, masked: exp.masked },
        orgId: ctx.actor.unitId,
        provinceId: ctx.actor.provinceId,
      },
    ),
  );
  const stamp = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  return {
    stream: customerExportStream(exp),
    total: exp.total,
    fileName: `customers-${stamp}.xlsx`,
  };
}
