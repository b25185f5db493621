/** Kysely table types of the trouble-call analysis (migration 0014_outage_predictions.sql). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type PredictionKind = 'transformer' | 'feeder';
export type PredictionState = 'proposed' | 'confirmed' | 'rejected' | 'superseded' | 'expired';

export interface OutagePredictionsTable {
  id: string;
  kind: PredictionKind;
  node_id: string;
  feeder_id: string;
  state: PredictionState;
  calls: Generated<number>;
  customers: Generated<number>;
  transformers: Generated<number>;
  first_call_at: Timestamp;
  last_call_at: Timestamp;
  outage_id: Nullable<string>;
  superseded_by: Nullable<string>;
  decided_by: Nullable<string>;
  decided_by_name: Nullable<string>;
  decided_at: NullableTimestamp;
  reject_reason: Nullable<string>;
  org_id: string;
  unit_path: string;
  province_id: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OutagePredictionCallsTable {
  prediction_id: string;
  order_id: string;
  caller_id: string;
  transformer_id: string;
  at: Timestamp;
  added_at: Timestamp;
}

export interface OutageAnalysisSettingsTable {
  province_id: string;
  window_minutes: number;
  transformer_calls: number;
  transformer_share: number;
  feeder_transformers: number;
  feeder_share: number;
  version: Generated<number>;
  updated_by: Nullable<string>;
  updated_at: Timestamp;
}

export interface PredictionsTables {
  outage_predictions: OutagePredictionsTable;
  outage_prediction_calls: OutagePredictionCallsTable;
  outage_analysis_settings: OutageAnalysisSettingsTable;
}
