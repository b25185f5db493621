import type { DataImport, ImportPhase, ImportRowError } from '../../../common/schemas/imports.js';
import type { ImportRow } from './store/imports.js';

function phaseOf(r: ImportRow): ImportPhase {
  if (r.status === 'queued') return 'queued';
  if (r.status !== 'running') return 'finished';
  if (r.total_rows === 0) return 'reading';
  return r.processed_rows < r.total_rows ? 'validating' : 'writing';
}

/** An import as the API shows it (never the file itself). */
export function presentImport(r: ImportRow): DataImport {
  return {
    id: r.id,
    kind: r.kind as DataImport['kind'],
    mode: r.mode as DataImport['mode'],
    fileName: r.file_name,
    fileFormat: r.file_format as DataImport['fileFormat'],
    fileSize: r.file_size,
    status: r.status as DataImport['status'],
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    importedRows: r.imported_rows,
    errorRows: r.error_rows,
    errors: (Array.isArray(r.errors) ? r.errors : []) as ImportRowError[],
    failure: r.failure,
    phase: phaseOf(r),
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}
