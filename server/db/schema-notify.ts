/** Kysely table types of the `notify` module (migration 0010_notify.sql), merged into DB. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface NotifyTemplatesTable {
  id: string;
  code: string;
  name: string;
  channel: string;
  subject: Generated<string>;
  body: string;
  variables: TextArray;
  active: Generated<boolean>;
  version: Generated<number>;
  updated_by: Nullable<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NotifyTemplateVersionsTable {
  template_id: string;
  version: number;
  name: string;
  channel: string;
  subject: string;
  body: string;
  active: boolean;
  changed_by: Nullable<string>;
  changed_at: Timestamp;
}

export interface NotifyDeliveriesTable {
  id: string;
  template_code: string;
  template_version: Nullable<number>;
  channel: string;
  customer_id: Nullable<string>;
  user_id: Nullable<string>;
  address: Nullable<string>;
  /** A JSON object of string values. */
  vars: ColumnType<unknown, string | undefined, string>;
  subject: Nullable<string>;
  body: Nullable<string>;
  status: Generated<string>;
  attempts: Generated<number>;
  max_attempts: number;
  next_attempt_at: Timestamp;
  error_code: Nullable<string>;
  error: Nullable<string>;
  skip_reason: Nullable<string>;
  provider: Nullable<string>;
  provider_ref: Nullable<string>;
  dedupe_key: Nullable<string>;
  source_type: Nullable<string>;
  source_id: Nullable<string>;
  org_id: string;
  unit_path: string;
  province_id: Nullable<string>;
  created_at: Timestamp;
  sending_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  /** When it had to be sent by (migration 0016). */
  due_by: NullableTimestamp;
}

export interface NotifyAttemptsTable {
  delivery_id: string;
  attempt: number;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  outcome: Nullable<string>;
  error: Nullable<string>;
  provider_ref: Nullable<string>;
}

export interface NotifyInboxTable {
  id: string;
  user_id: string;
  delivery_id: string;
  title: string;
  body: string;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export interface NotifyOptOutsTable {
  customer_id: string;
  channel: string;
  reason: Generated<string>;
  created_by: Nullable<string>;
  created_at: Timestamp;
}

export interface NotifyTables {
  notify_templates: NotifyTemplatesTable;
  notify_template_versions: NotifyTemplateVersionsTable;
  notify_deliveries: NotifyDeliveriesTable;
  notify_attempts: NotifyAttemptsTable;
  notify_inbox: NotifyInboxTable;
  notify_opt_outs: NotifyOptOutsTable;
}
