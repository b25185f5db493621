import { z } from 'zod';
import { CUSTOMER_CLASSES, CUSTOMER_MARKS } from '../customers/codes.js';
import { Id, Page } from './primitives.js';

export const IMPORT_KINDS = ['customers', 'network'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

/** all_or_nothing: one bad row rejects the file; good_rows: import the good rows, report the rest. */
export const ImportMode = z.enum(['all_or_nothing', 'good_rows']);
export type ImportMode = z.infer<typeof ImportMode>;

export const ImportStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'rejected']);
export type ImportStatus = z.infer<typeof ImportStatus>;

/**
 * Where a running import is: reading the file (total not yet known), checking rows, writing them
 * (one transaction, no progress inside it), or finished.
 */
export const ImportPhase = z.enum(['queued', 'reading', 'validating', 'writing', 'finished']);
export type ImportPhase = z.infer<typeof ImportPhase>;

export const ImportRowError = z.object({
  /** 1-based row number in the file as a spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const DataImport = z.object({
  id: Id,
  kind: ImportKind,
  mode: ImportMode,
  fileName: z.string(),
  fileFormat: z.enum(['csv', 'xlsx']),
  fileSize: z.number().int(),
  status: ImportStatus,
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  errorRows: z.number().int(),
  /** The first errors (the full list is in the downloadable report). */
  errors: z.array(ImportRowError),
  failure: z.string().nullable(),
  phase: ImportPhase,
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type DataImport = z.infer<typeof DataImport>;

export const DataImportList = z.object({ items: z.array(DataImport), total: z.number().int() });
export type DataImportList = z.infer<typeof DataImportList>;

export const ImportListQuery = z.strictObject({
  kind: ImportKind.optional(),
  page: Page,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ImportIdParams = z.strictObject({ id: Id });
export const ImportTemplateParams = z.strictObject({ kind: ImportKind });

/** The form fields of `POST /api/imports` besides the file. */
export const CreateImportFields = z.strictObject({
  kind: ImportKind,
  mode: ImportMode.default('all_or_nothing'),
});
export type CreateImportFields = z.infer<typeof CreateImportFields>;

/** Filters of the customer export (the same as the customer list, without paging). */
export const ExportCustomersQuery = z.strictObject({
  unitId: Id.optional(),
  customerClass: z.enum(CUSTOMER_CLASSES).optional(),
  mark: z.enum(CUSTOMER_MARKS).optional(),
  segmentId: Id.optional(),
});
export type ExportCustomersQuery = z.infer<typeof ExportCustomersQuery>;

/** The most rows one export may hold; narrow the filters beyond that. */
export const EXPORT_MAX_ROWS = 200_000;
/** The largest file an import accepts. */
export const IMPORT_MAX_FILE_BYTES = 50 * 1024 * 1024;
