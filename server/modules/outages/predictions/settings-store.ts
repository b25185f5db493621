/** SQL of the analysis settings: one row of thresholds per province. */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { OutageAnalysisSettingsTable } from '../../../db/schema-predictions.js';
import type { AnalysisThresholds } from '../analysis.js';

export type SettingsRow = Selectable<OutageAnalysisSettingsTable>;

export async function settingsRow(
  tx: Kysely<DB>,
  provinceId: string,
  lock = false,
): Promise<SettingsRow | null> {
  let q = tx
    .selectFrom('outage_analysis_settings')
    .selectAll()
    .where('province_id', '=', provinceId);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) ?? null;
}

export const thresholdsOf = (r: SettingsRow): AnalysisThresholds => ({
  windowMinutes: Number(r.window_minutes),
  transformerCalls: Number(r.transformer_calls),
  transformerShare: Number(r.transformer_share),
  feederTransformers: Number(r.feeder_transformers),
  feederShare: Number(r.feeder_share),
});

/** Writes the province's thresholds: inserts at version 1 or bumps the version. */
export async function saveSettings(
  tx: Kysely<DB>,
  provinceId: string,
  t: AnalysisThresholds,
  by: string,
  now: Date,
  exists: boolean,
): Promise<SettingsRow> {
  const values = {
    window_minutes: t.windowMinutes,
    transformer_calls: t.transformerCalls,
    transformer_share: t.transformerShare,
    feeder_transformers: t.feederTransformers,
    feeder_share: t.feederShare,
    updated_by: by,
    updated_at: now,
  };
  if (!exists) {
    return tx
      .insertInto('outage_analysis_settings')
      .values({ province_id: provinceId, ...values })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return tx
    .updateTable('outage_analysis_settings')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('province_id', '=', provinceId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
