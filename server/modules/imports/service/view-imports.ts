import type { Kysely } from 'kysely';
import type {
  DataImport,
  DataImportList,
  ImportRowError,
} from '../../../../common/schemas/imports.js';
import type { DB } from '../../../db/schema.js';
import { scopePrefix, type Actor } from '../../../platform/actor.js';
import { authorize } from '../../auth/index.js';
import { ImportsError } from '../errors.js';
import { TableError } from '../parse/table.js';
import { presentImport } from '../presenters.js';
import { getImport, getImportContent, listImports, type ImportRow } from '../store/imports.js';
import { importerOf } from '../store/lookups.js';
import { RowErrors } from './checks.js';
import { checkImportFile, KEPT_ERRORS } from './run-import.js';
import { isRole, scopeOf } from '../../../../common/permissions.js';

type Ctx = { tx: Kysely<DB>; actor: Actor };

/** Imports of units in the actor's scope, newest first. */
export async function listImportsView(
  ctx: Ctx,
  query: { kind?: string | undefined; page: number; pageSize: number },
): Promise<DataImportList> {
  authorize(ctx.actor, 'customer.import');
  const { rows, total } = await listImports(ctx.tx, { ...query, prefix: scopePrefix(ctx.actor) });
  return { items: rows.map(presentImport), total };
}

async function loadImport(ctx: Ctx, id: string): Promise<ImportRow> {
  authorize(ctx.actor, 'customer.import');
  const row = await getImport(ctx.tx, id, scopePrefix(ctx.actor));
  if (!row) throw new ImportsError('IMPORT_NOT_FOUND');
  return row;
}

/** One import with its progress. */
export async function getImportView(ctx: Ctx, id: string): Promise<DataImport> {
  return presentImport(await loadImport(ctx, id));
}

/**
 * Every row error of a finished import. The import row keeps the first errors; when there were
 * more, the stored file is checked again (same rules, same importer's scope) to list them all.
 */
export async function importErrors(ctx: Ctx, id: string): Promise<ImportRowError[]> {
  const row = await loadImport(ctx, id);
  if (row.status === 'queued' || row.status === 'running')
    throw new ImportsError('IMPORT_NOT_FINISHED');
  const kept = (Array.isArray(row.errors) ? row.errors : []) as ImportRowError[];
  if (kept.length < KEPT_ERRORS) return kept;
  const content = await getImportContent(ctx.tx, id);
  const importer = await importerOf(ctx.tx, row.created_by);
  if (!content || !importer) return kept;
  const roles = importer.roles.filter(isRole);
  const prefix = scopePrefix({
    scope: scopeOf(roles),
    unitPath: importer.unit_path,
    provinceId: importer.province_id,
  });
  const errors = new RowErrors();
  try {
    await checkImportFile(
      ctx.tx,
      row,
      content,
      { prefix },
      { id: importer.id, name: importer.username },
      errors,
      async () => {},
    );
  } catch (e) {
    if (e instanceof TableError) return kept;
    throw e;
  }
  return errors.sorted();
}

/** A CSV cell: quoted when needed; a leading = + - @ is defused so Excel shows it as text. */
function csvCell(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The error report: UTF-8 with BOM (so Excel shows the Chinese), one line per error. */
export function errorReportCsv(errors: readonly ImportRowError[]): Buffer {
  const lines = ['行号,列,错误代码,错误说明'];
  for (const e of errors) lines.push([e.row, e.column, e.code, e.message].map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
