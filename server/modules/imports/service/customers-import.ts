import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../platform/ids.js';
import { insertCustomersBulk, type CustomerRecord } from '../../customers/index.js';
import { nodesByCode } from '../../grid/index.js';
import { CUSTOMER_COLUMNS } from '../parse/columns.js';
import { readCustomerRow, type CustomerDraft } from '../parse/customer-row.js';
import type { Table } from '../parse/table.js';
import { existingAccounts, insertImportHistory, unitsByCode } from '../store/lookups.js';
import {
  checkUnit,
  markDuplicates,
  readRows,
  sameBranch,
  type ImportScope,
  type Progress,
  type RowErrors,
} from './checks.js';

/** Rows per statement when writing; keeps each statement's arrays a few MB. */
const BATCH = 5000;

/**
 * Reads and checks a customer file: every row on its own, then 户号 repeated within the file,
 * then the units, transformers and existing 户号 it refers to. Returns the good rows as records.
 */
export async function checkCustomerFile(
  tx: Kysely<DB>,
  table: Table,
  scope: ImportScope,
  errors: RowErrors,
  progress: Progress,
): Promise<{ total: number; records: CustomerRecord[] }> {
  const { drafts, total } = await readRows(
    table,
    CUSTOMER_COLUMNS,
    readCustomerRow,
    errors,
    progress,
  );
  await progress(total, total);
  markDuplicates(drafts, (d) => d.accountNo, '户号', '户号', errors);

  const units = await unitsByCode(tx, [...new Set(drafts.map((d) => d.unitCode))]);
  const placed: { draft: CustomerDraft; orgId: string; provinceId: string; unitPath: string }[] =
    [];
  for (const d of drafts) {
    const u = checkUnit(units, d.unitCode, scope);
    if ('unit' in u) {
      placed.push({
        draft: d,
        orgId: u.unit.id,
        provinceId: u.unit.province_id,
        unitPath: u.unit.path,
      });
    } else errors.add({ row: d.row, column: '供电单位编码', code: u.code, message: u.message });
  }

  const provinces = [...new Set(placed.map((p) => p.provinceId))];
  const tCodes = [
    ...new Set(placed.flatMap((p) => (p.draft.transformerCode ? [p.draft.transformerCode] : []))),
  ];
  const transformers = new Map(
    (await nodesByCode(tx, 'transformer', provinces, tCodes)).map((t) => [
      `${t.province_id}|${t.code}`,
      t,
    ]),
  );
  const existing = new Map(
    (
      await existingAccounts(
        tx,
        placed.map((p) => p.draft.accountNo),
      )
    ).map((c) => [`${c.province_id}|${c.account_no}`, c.unit_path]),
  );

  const records: CustomerRecord[] = [];
  for (const p of placed) {
    const d = p.draft;
    let transformerId: string | null = null;
    if (d.transformerCode) {
      const t = transformers.get(`${p.provinceId}|${d.transformerCode}`);
      if (!t) {
        errors.add({
          row: d.row,
          column: '台区编码',
          code: 'TRANSFORMER_NOT_FOUND',
          message: `本省找不到编码为“${d.transformerCode}”的台区`,
        });
      } else if (!sameBranch(t.unit_path, p.unitPath)) {
        errors.add({
          row: d.row,
          column: '台区编码',
          code: 'TRANSFORMER_NOT_IN_UNIT',
          message: '该台区不属于此供电单位',
        });
      } else transformerId = t.id;
    }
    const ownerPath = existing.get(`${p.provinceId}|${d.accountNo}`);
    if (ownerPath !== undefined && !ownerPath.startsWith(scope.prefix)) {
      errors.add({
        row: d.row,
        column: '户号',
        code: 'ACCOUNT_OUT_OF_SCOPE',
        message: '该户号已属于您管辖范围以外的单位，不能修改',
      });
    }
    if (errors.has(d.row)) continue;
    records.push({
      ...recordFields(d),
      id: newId(),
      orgId: p.orgId,
      provinceId: p.provinceId,
      transformerId,
    });
  }
  return { total, records };
}

/** Batches in flight at once: one is written by the database while the next is tokenised here. */
const IN_FLIGHT = 2;

/** The draft's customer fields, without the row number and the codes it was placed by. */
function recordFields(
  d: CustomerDraft,
): Omit<CustomerRecord, 'id' | 'orgId' | 'provinceId' | 'transformerId'> {
  const fields: Partial<CustomerDraft> = { ...d };
  delete fields.row;
  delete fields.unitCode;
  delete fields.transformerCode;
  return fields as Omit<CustomerRecord, 'id' | 'orgId' | 'provinceId' | 'transformerId'>;
}

/**
 * Writes the records in the caller's transaction: an existing 户号 of the province is updated,
 * a new one inserted; every customer gets a history row naming the import. Batches overlap (the
 * next one's search words are cut while the database writes the last), in one transaction still.
 */
export async function writeCustomers(
  tx: Kysely<DB>,
  records: readonly CustomerRecord[],
  ctx: { importId: string; fileName: string; actor: { id: string; name: string } },
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  let updated = 0;
  const writeBatch = async (batch: readonly CustomerRecord[]) => {
    const result = await insertCustomersBulk(tx, batch, { onExisting: 'update' });
    inserted += result.inserted;
    updated += result.updated;
    const history = batch.map((r) => {
      const customerId = result.ids.get(r.accountNo)!;
      // A new row keeps the id it was given; an updated one answers with its existing id.
      const outcome = customerId === r.id ? 'created' : 'updated';
      return {
        id: newId(),
        customerId,
        changes: JSON.stringify({
          import: [null, outcome],
          importId: [null, ctx.importId],
          fileName: [null, ctx.fileName],
        }),
      };
    });
    await insertImportHistory(tx, history, ctx.actor);
  };
  const inFlight: Promise<void>[] = [];
  try {
    for (let i = 0; i < records.length; i += BATCH) {
      const p = writeBatch(records.slice(i, i + BATCH));
      // Handled here too, so a batch failing while an earlier one is awaited is never "unhandled".
      p.catch(() => {});
      inFlight.push(p);
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
  } catch (e) {
    await Promise.allSettled(inFlight);
    throw e;
  }
  return { inserted, updated };
}
