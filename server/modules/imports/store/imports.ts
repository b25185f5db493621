import { sql, type Kysely, type Selectable } from 'kysely';
import type { DataImportsTable, DB } from '../../../db/schema.js';

export type ImportRow = Omit<Selectable<DataImportsTable>, 'content'> & { created_by_name: string };

/** A LIKE pattern matching every path under (and including) the prefix. */
function underPrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, '\\$&')}%`;
}

function withCreator(tx: Kysely<DB>) {
  return tx
    .selectFrom('data_imports as d')
    .innerJoin('users as u', 'u.id', 'd.created_by')
    .select([
      'd.id',
      'd.kind',
      'd.mode',
      'd.file_name',
      'd.file_format',
      'd.file_size',
      'd.status',
      'd.total_rows',
      'd.processed_rows',
      'd.imported_rows',
      'd.error_rows',
      'd.errors',
      'd.failure',
      'd.created_by',
      'd.org_id',
      'd.province_id',
      'd.created_at',
      'd.started_at',
      'd.finished_at',
      'u.username as created_by_name',
    ]);
}

export async function insertImport(
  tx: Kysely<DB>,
  row: {
    id: string;
    kind: string;
    mode: string;
    file_name: string;
    file_format: string;
    file_size: number;
    content: Buffer;
    created_by: string;
    org_id: string;
    province_id: string | null;
  },
): Promise<void> {
  await tx.insertInto('data_imports').values(row).execute();
}

/** One import (without the file) inside the scope prefix. */
export async function getImport(
  tx: Kysely<DB>,
  id: string,
  prefix: string | null,
): Promise<ImportRow | undefined> {
  let q = withCreator(tx).where('d.id', '=', id);
  if (prefix !== null) {
    q = q.where('d.org_id', 'in', (eb) =>
      eb.selectFrom('org_units').select('id').where('path', 'like', underPrefix(prefix)),
    );
  }
  return q.executeTakeFirst();
}

export async function getImportContent(tx: Kysely<DB>, id: string): Promise<Buffer | null> {
  const r = await tx
    .selectFrom('data_imports')
    .select('content')
    .where('id', '=', id)
    .executeTakeFirst();
  const c = r?.content as Uint8Array | null | undefined;
  if (!c) return null;
  // PGlite hands bytea back as a Uint8Array, node-postgres as a Buffer: one shape for the readers.
  return Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}

/** Imports whose unit lies under the prefix, newest first. */
export async function listImports(
  tx: Kysely<DB>,
  f: { prefix: string; kind?: string | undefined; page: number; pageSize: number },
): Promise<{ rows: ImportRow[]; total: number }> {
  let q = withCreator(tx).where('d.org_id', 'in', (eb) =>
    eb.selectFrom('org_units').select('id').where('path', 'like', underPrefix(f.prefix)),
  );
  if (f.kind) q = q.where('d.kind', '=', f.kind);
  const [rows, total] = await Promise.all([
    q
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** A run that has been 'running' this long is taken for dead (a 100,000-row file takes < 1 min). */
export const STALE_RUN_MINUTES = 20;

/**
 * Claims an import for a run: queued, or running for so long that the run died (a crash mid-way
 * leaves nothing written, the write being one transaction). Finished imports are not run again.
 */
export async function claimImport(tx: Kysely<DB>, id: string): Promise<boolean> {
  const r = await tx
    .updateTable('data_imports')
    .set({
      status: 'running',
      started_at: sql`now()`,
      processed_rows: 0,
      total_rows: 0,
      error_rows: 0,
      errors: '[]',
    })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([
          eb('status', '=', 'running'),
          eb('started_at', '<', sql<Date>`now() - make_interval(mins => ${STALE_RUN_MINUTES})`),
        ]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Progress while reading and checking rows: a short statement of its own. */
export async function setProgress(
  tx: Kysely<DB>,
  id: string,
  p: { processed: number; total: number },
): Promise<void> {
  await tx
    .updateTable('data_imports')
    .set({ processed_rows: p.processed, total_rows: p.total })
    .where('id', '=', id)
    .execute();
}

/** The end of a run: the outcome, the counts and the first errors. */
export async function finishImport(
  tx: Kysely<DB>,
  id: string,
  r: {
    status: 'succeeded' | 'rejected' | 'failed';
    total: number;
    imported: number;
    errorRows: number;
    errors: unknown[];
    failure: string | null;
  },
): Promise<void> {
  await tx
    .updateTable('data_imports')
    .set({
      status: r.status,
      total_rows: r.total,
      processed_rows: r.total,
      imported_rows: r.imported,
      error_rows: r.errorRows,
      errors: JSON.stringify(r.errors),
      failure: r.failure,
      finished_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Imports waiting longer than a minute (their job was never queued, or was lost), or stale. */
export async function importsToSweep(tx: Kysely<DB>): Promise<string[]> {
  const rows = await tx
    .selectFrom('data_imports')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('status', '=', 'queued'),
          eb('created_at', '<', sql<Date>`now() - interval '1 minute'`),
        ]),
        eb.and([
          eb('status', '=', 'running'),
          eb('started_at', '<', sql<Date>`now() - make_interval(mins => ${STALE_RUN_MINUTES})`),
        ]),
      ]),
    )
    .orderBy('created_at')
    .limit(10)
    .execute();
  return rows.map((r) => r.id);
}

/** The tables each kind of import writes (their statistics are refreshed after a big one). */
const WRITTEN_TABLES: Record<string, string[]> = {
  customers: ['customers', 'customer_phones'],
  network: ['grid_substations', 'grid_feeders', 'grid_transformers'],
};

/** ANALYZE of the tables an import of this kind writes. */
export async function refreshStatistics(db: Kysely<DB>, kind: string): Promise<void> {
  const tables = WRITTEN_TABLES[kind];
  if (!tables) return;
  await sql`ANALYZE ${sql.join(tables.map((t) => sql.id(t)))}`.execute(db);
}
