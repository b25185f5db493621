/**
 * The analysis' thresholds per province (研判参数): read by the pipeline on every run, so a change
 * takes effect with the next call; edited by holders of outage.manage of that province.
 */
import type { Kysely } from 'kysely';
import type {
  AnalysisSettings,
  UpdateAnalysisSettingsInput,
} from '../../../../common/schemas/outage-predictions.js';
import type { DB } from '../../../db/schema.js';
import type { Actor, RequestMeta } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { OutagesError } from '../errors.js';
import { DEFAULT_ANALYSIS, thresholdProblem, type AnalysisThresholds } from '../analysis.js';
import { saveSettings, settingsRow, thresholdsOf, type SettingsRow } from './settings-store.js';

/** The thresholds in force in a province: its own, or the defaults. */
export async function thresholdsFor(tx: Kysely<DB>, provinceId: string) {
  const row = await settingsRow(tx, provinceId);
  return row ? thresholdsOf(row) : DEFAULT_ANALYSIS;
}

function present(provinceId: string | null, row: SettingsRow | null): AnalysisSettings {
  const t: AnalysisThresholds = row ? thresholdsOf(row) : DEFAULT_ANALYSIS;
  return {
    provinceId,
    ...t,
    isDefault: row === null,
    version: row?.version ?? 0,
    updatedAt: row?.updated_at.toISOString() ?? null,
  };
}

export async function getAnalysisSettings(ctx: {
  tx: Kysely<DB>;
  actor: Actor;
}): Promise<AnalysisSettings> {
  authorize(ctx.actor, 'outage.view');
  const province = ctx.actor.provinceId;
  return present(province, province ? await settingsRow(ctx.tx, province) : null);
}

export async function updateAnalysisSettings(
  ctx: { tx: Kysely<DB>; actor: Actor; meta: RequestMeta; now: Date },
  input: UpdateAnalysisSettingsInput,
): Promise<AnalysisSettings> {
  authorize(ctx.actor, 'outage.manage');
  const province = ctx.actor.provinceId;
  if (!province)
    throw new AppError('VALIDATION_FAILED', [
      { path: ['provinceId'], message: 'Only users of a province unit set its analysis' },
    ]);
  const { version, ...thresholds } = input;
  const problem = thresholdProblem(thresholds);
  if (problem) throw new OutagesError('ANALYSIS_SETTINGS_INVALID', { problem });
  const before = await settingsRow(ctx.tx, province, true);
  if ((before?.version ?? 0) !== version) throw new AppError('VERSION_CONFLICT');
  const row = await saveSettings(
    ctx.tx,
    province,
    thresholds,
    ctx.actor.userId,
    ctx.now,
    before !== null,
  );
  await recordAudit(
    ctx.tx,
    { actor: ctx.actor, meta: ctx.meta },
    {
      action: 'outage.analysis_settings',
      entityType: 'outage_analysis_settings',
      entityId: province,
      before: before ? thresholdsOf(before) : DEFAULT_ANALYSIS,
      after: thresholds,
      orgId: province,
      provinceId: province,
    },
  );
  return present(province, row);
}
