import type { Kysely } from 'kysely';
import { isRole, permissionsOf, scopeOf } from '../../../../common/permissions.js';
import type { ImportRowError } from '../../../../common/schemas/imports.js';
import type { Database } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';
import { scopePrefix } from '../../../platform/actor.js';
import { recordAudit } from '../../auth/index.js';
import { openTable, TableError, type FileFormat } from '../parse/table.js';
import {
  claimImport,
  finishImport,
  getImport,
  getImportContent,
  refreshStatistics,
  setProgress,
} from '../store/imports.js';
import { importerOf } from '../store/lookups.js';
import { RowErrors, type ImportScope, type Progress } from './checks.js';
import { checkCustomerFile, writeCustomers } from './customers-import.js';
import { checkNetworkFile, writeNetwork } from './network-import.js';

/** Imports of at least this many rows refresh the planner's statistics of what they wrote. */
const ANALYZE_AFTER_ROWS = 1000;
/** How many errors the import row keeps; the downloadable report lists them all. */
export const KEPT_ERRORS = 1000;
/** Progress is written at most this often (ms), each time in a short statement of its own. */
const PROGRESS_EVERY_MS = 500;

/** The importer's scope as it is now (roles may have changed since the upload). */
async function importScope(
  tx: Kysely<DB>,
  userId: string,
): Promise<{ scope: ImportScope; actor: { id: string; name: string } } | string> {
  const u = await importerOf(tx, userId);
  if (!u || u.disabled) return '导入人账号已停用';
  const roles = u.roles.filter(isRole);
  if (!permissionsOf(roles).includes('customer.import')) return '导入人已无导入权限';
  const prefix = scopePrefix({
    scope: scopeOf(roles),
    unitPath: u.unit_path,
    provinceId: u.province_id,
  });
  return { scope: { prefix }, actor: { id: u.id, name: u.username } };
}

/** The result of checking a file: the rows to write and how to write them. */
interface Checked {
  total: number;
  good: number;
  write: (tx: Kysely<DB>) => Promise<{ inserted: number; updated: number }>;
}

/** Reads and checks the stored file of an import; throws TableError when it cannot be read. */
export async function checkImportFile(
  tx: Kysely<DB>,
  imp: { id: string; kind: string; file_name: string; file_format: string },
  content: Buffer,
  scope: ImportScope,
  actor: { id: string; name: string },
  errors: RowErrors,
  progress: Progress,
): Promise<Checked> {
  const table = await openTable(content, imp.file_format as FileFormat);
  if (imp.kind === 'network') {
    const { total, nodes } = await checkNetworkFile(tx, table, scope, errors, progress);
    return { total, good: nodes.length, write: (t) => writeNetwork(t, nodes) };
  }
  const { total, records } = await checkCustomerFile(tx, table, scope, errors, progress);
  return {
    total,
    good: records.length,
    write: (t) => writeCustomers(t, records, { importId: imp.id, fileName: imp.file_name, actor }),
  };
}

/**
 * Runs one import (the job's handler; tests call it directly). Reads and checks every row with
 * progress written as it goes, then writes the good rows in one transaction, so a crash leaves
 * nothing half-written. In all-or-nothing mode one bad row rejects the file. Safe to run twice:
 * a finished import is left alone.
 */
export async function runImport(opts: { database: Database; importId: string }): Promise<void> {
  const db = opts.database.db;
  const id = opts.importId;
  if (!(await claimImport(db, id))) return;
  const imp = await getImport(db, id, null);
  if (!imp) return;
  const errors = new RowErrors();
  let total = 0;
  const audit = async (tx: Kysely<DB>, actor: { id: string; name: string }, after: object) =>
    recordAudit(
      tx,
      {
        actor: { userId: actor.id, username: actor.name },
        meta: { ip: null, requestId: null, userAgent: null },
      },
      {
        action: 'import.run',
        entityType: 'data_import',
        entityId: id,
        after: { kind: imp.kind, mode: imp.mode, fileName: imp.file_name, ...after },
        orgId: imp.org_id,
        provinceId: imp.province_id,
      },
    );
  try {
    const who = await importScope(db, imp.created_by);
    if (typeof who === 'string') {
      await finishImport(db, id, {
        status: 'failed',
        total: 0,
        imported: 0,
        errorRows: 0,
        errors: [],
        failure: who,
      });
      return;
    }
    const content = await getImportContent(db, id);
    if (!content) throw new TableError('导入文件已被清除');
    let last = 0;
    const progress: Progress = async (processed, t) => {
      const now = Date.now();
      if (t === 0 && now - last < PROGRESS_EVERY_MS) return;
      last = now;
      await setProgress(db, id, { processed, total: t });
    };
    const checked = await checkImportFile(db, imp, content, who.scope, who.actor, errors, progress);
    total = checked.total;
    const list = errors.sorted();
    const counts = { total, errorRows: errors.rows.size, errors: list.slice(0, KEPT_ERRORS) };
    if (imp.mode === 'all_or_nothing' && errors.rows.size > 0) {
      await db.transaction().execute(async (tx) => {
        await audit(tx, who.actor, {
          status: 'rejected',
          total,
          imported: 0,
          errorRows: errors.rows.size,
        });
        await finishImport(tx, id, { status: 'rejected', imported: 0, failure: null, ...counts });
      });
      return;
    }
    await db.transaction().execute(async (tx) => {
      const written = await checked.write(tx);
      await audit(tx, who.actor, {
        status: 'succeeded',
        total,
        imported: checked.good,
        created: written.inserted,
        updated: written.updated,
        errorRows: errors.rows.size,
      });
      await finishImport(tx, id, {
        status: 'succeeded',
        imported: checked.good,
        failure: null,
        ...counts,
      });
    });
    // A big import changes the tables' shape: fresh statistics, or the planner keeps guessing
    // from the old ones until autovacuum comes round (and it may be off).
    if (checked.good >= ANALYZE_AFTER_ROWS) await refreshStatistics(db, imp.kind);
  } catch (e) {
    if (e instanceof TableError) {
      const fileError: ImportRowError = {
        row: 1,
        column: null,
        code: 'FILE_INVALID',
        message: e.message,
      };
      await finishImport(db, id, {
        status: 'rejected',
        total,
        imported: 0,
        errorRows: 0,
        errors: [fileError],
        failure: e.message,
      });
      return;
    }
    const message = e instanceof Error ? e.message : String(e);
    await finishImport(db, id, {
      status: 'failed',
      total,
      imported: 0,
      errorRows: errors.rows.size,
      errors: errors.sorted().slice(0, KEPT_ERRORS),
      failure: `导入失败，未写入任何数据：${message.slice(0, 500)}`,
    });
  }
}
