import { z } from 'zod';
import { Id, Page } from './primitives.js';

export const IMPORT_KINDS = ['customers', 'network'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

/** all_or_nothing: one bad row rejects the file; good_rows: import the good rows, report the rest. */
export const ImportMode = z.enum(['all_or_nothing', 'good_rows']);
export type ImportMode = z.infer<typeof ImportMode>;

export const ImportStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'rejected']);
export type ImportStatus = z.infer<typeof ImportStatus>;

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
