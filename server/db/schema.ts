import type { ContactTables } from './schema-contact.js';
import type { KnowledgeTables } from './schema-knowledge.js';
import type { NotifyTables } from './schema-notify.js';
import type { OutagesTables } from './schema-outages.js';
import type { PredictionsTables } from './schema-predictions.js';
import type { RepairTables } from './schema-repair.js';
import type { ColumnType, Generated } from 'kysely';

/** A timestamptz column: read as Date, written as Date or an SQL expression. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export interface OrgUnitsTable {
  id: string;
  parent_id: string | null;
  name: string;
  code: string;
  level: string;
  kind: string;
  path: string;
  depth: number;
  active: Generated<boolean>;
  org_id: string;
  province_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  org_id: string;
  province_id: string | null;
  phone: string | null;
  email: string | null;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  must_change_password: Generated<boolean>;
  password_changed_at: NullableTimestamp;
  last_login_at: NullableTimestamp;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  user_id: string;
  scopes: string[];
  org_id: string;
  province_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface AuditLogTable {
  id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json;
  after: Json;
  ip: string | null;
  request_id: string | null;
  org_id: string | null;
  province_id: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: Json;
  org_id: string | null;
  province_id: string | null;
  created_at: Timestamp;
  dispatched_at: NullableTimestamp;
}

export interface IdempotencyKeysTable {
  actor_id: string;
  key: string;
  request_hash: string;
  status: number;
  response: Json;
  created_at: Timestamp;
}

export type AreaClass = 'urban' | 'rural' | 'remote';

export interface GridSubstationsTable {
  id: string;
  code: string;
  name: string;
  voltage_kv: number;
  area_class: AreaClass;
  lat: number | null;
  lng: number | null;
  org_id: string;
  province_id: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GridFeedersTable {
  id: string;
  substation_id: string;
  code: string;
  name: string;
  voltage_kv: number;
  area_class: AreaClass;
  org_id: string;
  province_id: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GridTransformersTable {
  id: string;
  feeder_id: string;
  code: string;
  name: string;
  capacity_kva: number;
  area_class: AreaClass;
  lat: number | null;
  lng: number | null;
  org_id: string;
  province_id: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface CustomersTable {
  id: string;
  transformer_id: Nullable<string>;
  account_no: string;
  name: string;
  customer_class: string;
  industry: Defaulted<string>;
  voltage_level: Defaulted<string>;
  tariff_category: Defaulted<string>;
  id_type: Nullable<string>;
  id_no: Nullable<string>;
  addr_city: Defaulted<string>;
  addr_county: Defaulted<string>;
  addr_street: Defaulted<string>;
  addr_detail: Defaulted<string>;
  lat: Nullable<number>;
  lng: Nullable<number>;
  email: Nullable<string>;
  wechat_id: Nullable<string>;
  meter_no: Nullable<string>;
  annual_kwh: Defaulted<number>;
  is_important: Defaulted<boolean>;
  is_high_risk: Defaulted<boolean>;
  is_sensitive: Defaulted<boolean>;
  sensitive_reason: Nullable<string>;
  is_vip: Defaulted<boolean>;
  arrears_fen: Defaulted<number>;
  arrears_since: Nullable<string>;
  consent_messages: Defaulted<boolean>;
  consent_at: NullableTimestamp;
  status: Defaulted<string>;
  /** Written as an SQL expression (see customers/search-tokens.ts); never read back. */
  search_vec: ColumnType<string, unknown, unknown>;
  org_id: string;
  province_id: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CustomerPhonesTable {
  customer_id: string;
  phone: string;
  label: Defaulted<string>;
  position: Defaulted<number>;
}

export interface CustomerHistoryTable {
  id: string;
  customer_id: string;
  action: string;
  changes: Json;
  actor_id: string | null;
  actor_name: string | null;
  at: Timestamp;
}

export interface CustomerSegmentsTable {
  id: string;
  code: string;
  name: string;
  description: Defaulted<string>;
  service: Defaulted<string>;
  rule: Json;
  priority: Defaulted<number>;
  active: Defaulted<boolean>;
  org_id: string;
  province_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DataImportsTable {
  id: string;
  kind: string;
  mode: string;
  file_name: string;
  file_format: string;
  file_size: number;
  content: Nullable<Buffer>;
  status: Defaulted<string>;
  total_rows: Defaulted<number>;
  processed_rows: Defaulted<number>;
  imported_rows: Defaulted<number>;
  error_rows: Defaulted<number>;
  errors: ColumnType<unknown, string | undefined, string>;
  failure: Nullable<string>;
  created_by: string;
  org_id: string;
  province_id: string | null;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

/** One year's State Council holiday schedule (issue 5, migration 0006). */
export interface CalendarYearsTable {
  year: number;
  /** [{ name, from: 'YYYY-MM-DD', to: 'YYYY-MM-DD' }] */
  holidays: ColumnType<unknown, string, string>;
  /** [{ name, date: 'YYYY-MM-DD' }]: make-up working days (调休) on weekends. */
  workdays: ColumnType<unknown, string, string>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** Work orders (issue 5, migration 0007). */
export interface OrderTaxonomiesTable {
  version: number;
  tree: Json;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

type JsonDefaulted = ColumnType<unknown, string | undefined, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface OrdersTable {
  id: string;
  number: string;
  taxonomy_version: number;
  type_code: string;
  subtype_code: string | null;
  channel: string;
  state: string;
  suspended_from: string | null;
  title: string;
  description: string;
  fields: JsonDefaulted;
  customer_id: string | null;
  caller_name: string | null;
  caller_phone: string | null;
  address: string | null;
  area_class: string | null;
  urgency: string | null;
  grade: string | null;
  callback_required: boolean;
  transformer_id: string | null;
  place_unit_id: string | null;
  sla_limits: JsonDefaulted;
  accepted_at: Timestamp;
  accepted_by: string;
  accepted_unit_id: string;
  owner_id: string;
  assigned_unit_id: string | null;
  unit_path: string;
  master_id: string | null;
  flags: TextArray;
  urge_count: Generated<number>;
  repeat_24h: Generated<number>;
  repeat_7d: Generated<number>;
  sla_status: Generated<string>;
  sla_missed: Generated<boolean>;
  due_at: NullableTimestamp;
  suspension: ColumnType<unknown, string | null | undefined, string | null>;
  result: string | null;
  satisfaction: string | null;
  dispatched_at: NullableTimestamp;
  first_contact_at: NullableTimestamp;
  arrived_at: NullableTimestamp;
  repaired_at: NullableTimestamp;
  returned_at: NullableTimestamp;
  reviewed_at: NullableTimestamp;
  called_back_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  search_vec: ColumnType<string, string, string>;
  org_id: string;
  province_id: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderEventsTable {
  id: string;
  order_id: string;
  at: Timestamp;
  action: string;
  from_state: string | null;
  to_state: string | null;
  actor_id: string | null;
  actor_name: string;
  unit_id: string | null;
  visible_to_customer: Generated<boolean>;
  body: string | null;
  data: JsonDefaulted;
}

export interface OrderSlaClocksTable {
  order_id: string;
  step: string;
  limit_spec: ColumnType<unknown, string, string>;
  rule: ColumnType<unknown, string, string>;
  started_at: Timestamp;
  due_at: Timestamp;
  stopped_at: NullableTimestamp;
  pauses: JsonDefaulted;
  status: Generated<string>;
  epoch: Generated<number>;
}

export interface SlaTimersTable {
  id: Generated<number>;
  order_id: string;
  step: string;
  epoch: number;
  kind: string;
  due_at: Timestamp;
  fired_at: NullableTimestamp;
}

export interface OrderRoutingRulesTable {
  id: string;
  org_id: string;
  org_path: string;
  province_id: string | null;
  type_code: string | null;
  subtype_code: string | null;
  feeder_id: string | null;
  target_unit_id: string;
  priority: Generated<number>;
  active: Generated<boolean>;
  note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderSlaRulesTable {
  id: string;
  org_id: string;
  org_path: string;
  province_id: string | null;
  type_code: string;
  subtype_code: string | null;
  clauses: ColumnType<unknown, string, string>;
  derive_steps: Generated<boolean>;
  active: Generated<boolean>;
  note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderAttachmentsTable {
  id: string;
  order_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  org_id: string;
  province_id: string;
  created_at: Timestamp;
}

export interface OrderSavedViewsTable {
  id: string;
  user_id: string;
  name: string;
  query: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export interface DB
  extends
    ContactTables,
    KnowledgeTables,
    NotifyTables,
    OutagesTables,
    PredictionsTables,
    RepairTables {
  calendar_years: CalendarYearsTable;
  org_units: OrgUnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  customers: CustomersTable;
  grid_substations: GridSubstationsTable;
  grid_feeders: GridFeedersTable;
  grid_transformers: GridTransformersTable;
  customer_phones: CustomerPhonesTable;
  customer_history: CustomerHistoryTable;
  customer_segments: CustomerSegmentsTable;
  data_imports: DataImportsTable;
  order_taxonomies: OrderTaxonomiesTable;
  orders: OrdersTable;
  order_events: OrderEventsTable;
  order_sla_clocks: OrderSlaClocksTable;
  sla_timers: SlaTimersTable;
  order_routing_rules: OrderRoutingRulesTable;
  order_sla_rules: OrderSlaRulesTable;
  order_attachments: OrderAttachmentsTable;
  order_saved_views: OrderSavedViewsTable;
}
