import type { Kysely } from 'kysely';
import type { CreateImportFields, DataImport } from '../../../../common/schemas/imports.js';
import type { DB } from '../../../db/schema.js';
import type { Actor, RequestMeta } from '../../../platform/actor.js';
import { newId } from '../../../platform/ids.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { ImportsError } from '../errors.js';
import { IMPORT_JOB } from '../jobs.js';
import { CUSTOMER_COLUMNS, mapHeader, NETWORK_COLUMNS } from '../parse/columns.js';
import { formatOf, looksLike, openTable, TableError, type FileFormat } from '../parse/table.js';
import { presentImport } from '../presenters.js';
import { getImport, insertImport } from '../store/imports.js';
import { sendInTransaction } from '../store/job-queue.js';

/** An uploaded file as the multipart reader hands it over. */
export interface UploadedFile {
  filename: string;
  size: number;
  sha256: string;
  /** Not enumerable: the idempotency hash covers the name, size and digest, not the bytes. */
  data: Buffer;
}

/**
 * The first lines of a CSV, enough for its header: cut at a line feed, which is never part of a
 * multi-byte character in UTF-8 or GBK, so the cut decodes as the whole file would.
 */
function csvHead(data: Buffer): Buffer {
  const limit = 64 * 1024;
  if (data.length <= limit) return data;
  const cut = data.lastIndexOf(0x0a, limit);
  return cut > 0 ? data.subarray(0, cut + 1) : data;
}

/**
 * Checks an upload before anything is stored: a .csv or .xlsx by name and by content, not empty,
 * and a header row that names every required column. Refused files get IMPORT_FILE_INVALID with
 * the reason in details; the rows themselves are checked by the job.
 */
export async function checkUpload(
  actor: Actor,
  fields: CreateImportFields,
  file: UploadedFile,
): Promise<FileFormat> {
  authorize(actor, 'customer.import');
  const format = formatOf(file.filename);
  if (!format)
    throw new ImportsError('IMPORT_FILE_INVALID', { reason: 'Only .csv and .xlsx files' });
  if (file.data.length === 0)
    throw new ImportsError('IMPORT_FILE_INVALID', { reason: 'The file is empty' });
  if (!looksLike(file.data, format)) {
    throw new ImportsError('IMPORT_FILE_INVALID', { reason: `The content is not ${format}` });
  }
  const columns = fields.kind === 'customers' ? CUSTOMER_COLUMNS : NETWORK_COLUMNS;
  try {
    const table = await openTable(format === 'csv' ? csvHead(file.data) : file.data, format);
    const { missing, duplicate } = mapHeader(columns, table.header);
    // Stop the reader: only the header was wanted.
    await table.rows.return(undefined);
    if (missing.length > 0 || duplicate.length > 0) {
      throw new ImportsError('IMPORT_FILE_INVALID', {
        missingColumns: missing,
        duplicateColumns: duplicate,
      });
    }
  } catch (e) {
    if (e instanceof TableError)
      throw new ImportsError('IMPORT_FILE_INVALID', { reason: e.message });
    throw e;
  }
  return format;
}

/**
 * Stores the file as a queued import and queues its job, with the audit row, in the caller's
 * transaction. The import belongs to the actor's unit (who may see it follows from there).
 */
export async function createImport(
  ctx: { tx: Kysely<DB>; actor: Actor; meta: RequestMeta },
  fields: CreateImportFields,
  file: UploadedFile,
  format: FileFormat,
): Promise<DataImport> {
  const { tx, actor } = ctx;
  const id = newId();
  await insertImport(tx, {
    id,
    kind: fields.kind,
    mode: fields.mode,
    file_name: file.filename.slice(0, 255),
    file_format: format,
    file_size: file.data.length,
    content: file.data,
    created_by: actor.userId,
    org_id: actor.unitId,
    province_id: actor.provinceId,
  });
  await recordAudit(
    tx,
    { actor, meta: ctx.meta },
    {
      action: 'import.create',
      entityType: 'data_import',
      entityId: id,
      after: {
        kind: fields.kind,
        mode: fields.mode,
        fileName: file.filename,
        size: file.size,
        sha256: file.sha256,
      },
      orgId: actor.unitId,
      provinceId: actor.provinceId,
    },
  );
  await sendInTransaction(
    tx,
    IMPORT_JOB,
    { importId: id },
    { expireInSeconds: 20 * 60, retryLimit: 2 },
  );
  const row = await getImport(tx, id, null);
  return presentImport(row!);
}
