/** Kysely table types of the `outages` module (migration 0011_outages.sql), merged into DB. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type JsonDefaulted = ColumnType<unknown, string | undefined, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface OutagesTable {
  id: string;
  number: string;
  category: string;
  state: string;
  title: string;
  reason: string;
  fault_type: Nullable<string>;
  equipment: Nullable<string>;
  area_text: string;
  planned_start: NullableTimestamp;
  planned_end: NullableTimestamp;
  started_at: NullableTimestamp;
  estimated_restore_at: NullableTimestamp;
  restored_at: NullableTimestamp;
  restored_scope: Nullable<string>;
  delay_reason: Nullable<string>;
  flags: TextArray;
  source: Generated<string>;
  affected_customers: Generated<number>;
  important_customers: Generated<number>;
  published_at: NullableTimestamp;
  published_by: Nullable<string>;
  created_by: Nullable<string>;
  org_id: string;
  unit_path: string;
  province_id: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OutageScopeTable {
  outage_id: string;
  node_kind: 'feeder' | 'transformer';
  node_id: string;
}

export interface OutageEventsTable {
  id: string;
  outage_id: string;
  at: Timestamp;
  action: string;
  actor_id: string | null;
  actor_name: string;
  data: JsonDefaulted;
}

export interface OutageOrdersTable {
  order_id: string;
  outage_id: string;
  via: 'intake' | 'analysis' | 'manual';
  linked_at: Timestamp;
}

export interface MajorEventsTable {
  id: string;
  title: string;
  description: string;
  script: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  outage_id: Nullable<string>;
  created_by: Nullable<string>;
  org_id: string;
  unit_path: string;
  province_id: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Fault calls no outage covered when accepted (migration 0013), for the trouble-call analysis. */
export interface TroubleCallsTable {
  order_id: string;
  at: Timestamp;
  customer_id: string | null;
  transformer_id: string;
  feeder_id: string | null;
  province_id: string;
  unit_path: string;
  analysed_at: NullableTimestamp;
}

export interface OutagesTables {
  trouble_calls: TroubleCallsTable;
  outages: OutagesTable;
  outage_scope: OutageScopeTable;
  outage_events: OutageEventsTable;
  outage_orders: OutageOrdersTable;
  major_events: MajorEventsTable;
}
