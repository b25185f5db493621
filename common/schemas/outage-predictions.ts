/** 故障研判 (trouble-call analysis): predicted faults, the dispatcher's decisions and the settings. */
import { z } from 'zod';
import { Page, PageSize, Version, text } from './primitives.js';

export const PREDICTION_STATES = [
  'proposed',
  'confirmed',
  'rejected',
  'superseded',
  'expired',
] as const;
export type PredictionState = (typeof PREDICTION_STATES)[number];

export const PREDICTION_KINDS = ['transformer', 'feeder'] as const;
export type PredictionKind = (typeof PREDICTION_KINDS)[number];

export const PREDICTION_STATE_LABELS: Record<PredictionState, { zh: string; en: string }> = {
  proposed: { zh: '待确认', en: 'Proposed' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  superseded: { zh: '已并入线路', en: 'Rolled up' },
  expired: { zh: '已过期', en: 'Expired' },
};

export const PredictionListQuery = z.strictObject({
  state: z.enum(PREDICTION_STATES).optional(),
  page: Page,
  pageSize: PageSize,
});
export type PredictionListQuery = z.infer<typeof PredictionListQuery>;

const NodeRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const PredictionSummary = z.object({
  id: z.string(),
  kind: z.enum(PREDICTION_KINDS),
  state: z.enum(PREDICTION_STATES),
  /** The predicted node with its place in the network: substation › feeder › transformer. */
  node: NodeRef,
  substation: z.object({ id: z.string(), name: z.string() }),
  feeder: NodeRef,
  transformer: NodeRef.nullable(),
  /** Fault orders it explains, the distinct customers among them, the transformers they are on. */
  calls: z.number().int(),
  customers: z.number().int(),
  transformers: z.number().int(),
  firstCallAt: z.string(),
  lastCallAt: z.string(),
  outage: z.object({ id: z.string(), number: z.string() }).nullable(),
  supersededBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  unit: z.object({ id: z.string(), name: z.string() }),
  version: z.number().int(),
  createdAt: z.string(),
});
export type PredictionSummary = z.infer<typeof PredictionSummary>;

export const PredictionList = z.object({ items: z.array(PredictionSummary), total: z.number() });
export type PredictionList = z.infer<typeof PredictionList>;

export const PredictionCall = z.object({
  orderId: z.string(),
  number: z.string(),
  state: z.string(),
  at: z.string(),
  /** The customer as the orders module shows it (account number and name). */
  customer: z.object({ id: z.string(), accountNo: z.string(), name: z.string() }).nullable(),
  /** Masked unless the role sees personal data. */
  callerPhone: z.string().nullable(),
  transformer: NodeRef,
});
export type PredictionCall = z.infer<typeof PredictionCall>;

export const PredictionDetail = PredictionSummary.extend({
  orders: z.array(PredictionCall),
  /** What the actor may do now. */
  allowedActions: z.array(z.enum(['confirm', 'reject'])),
});
export type PredictionDetail = z.infer<typeof PredictionDetail>;

export const ConfirmPredictionInput = z.strictObject({ version: Version });
export type ConfirmPredictionInput = z.infer<typeof ConfirmPredictionInput>;

export const RejectPredictionInput = z.strictObject({ version: Version, reason: text(500) });
export type RejectPredictionInput = z.infer<typeof RejectPredictionInput>;

/** The analysis' thresholds (server/modules/outages/analysis.ts AnalysisThresholds). */
export const AnalysisThresholdsInput = z.strictObject({
  windowMinutes: z.number().min(1).max(1440),
  transformerCalls: z.number().int().min(2).max(10_000),
  transformerShare: z.number().gt(0).max(1),
  feederTransformers: z.number().int().min(2).max(10_000),
  feederShare: z.number().gt(0).max(1),
});

/** Saving the settings: `version` is the one read (0 while the province uses the defaults). */
export const UpdateAnalysisSettingsInput = AnalysisThresholdsInput.extend({
  version: z.number().int().min(0).max(2_147_483_647),
});
export type UpdateAnalysisSettingsInput = z.infer<typeof UpdateAnalysisSettingsInput>;

export const AnalysisSettings = z.object({
  /** null for a user above the provinces: the defaults are shown and cannot be saved. */
  provinceId: z.string().nullable(),
  windowMinutes: z.number(),
  transformerCalls: z.number(),
  transformerShare: z.number(),
  feederTransformers: z.number(),
  feederShare: z.number(),
  isDefault: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type AnalysisSettings = z.infer<typeof AnalysisSettings>;
