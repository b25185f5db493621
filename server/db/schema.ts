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

export interface DB {
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
}
