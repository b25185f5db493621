/** Kysely table types of the `contact` module (migration 0018_contact.sql), merged into DB. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json = ColumnType<unknown, string, string>;

export interface ContactIntegrationsTable {
  id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  org_id: string;
  unit_path: string;
  province_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
}

export interface ContactBlockedNumbersTable {
  id: string;
  number: string;
  note: Defaulted<string>;
  org_id: string;
  unit_path: string;
  province_id: string | null;
  created_by: string | null;
  created_by_name: string;
  created_at: Timestamp;
}

export interface ContactCallsTable {
  id: string;
  integration_id: string;
  call_id: string;
  direction: string | null;
  from_number: string | null;
  to_number: string | null;
  caller_number: string | null;
  queue: string | null;
  state: string;
  outcome: string | null;
  cause: string | null;
  first_seen_at: Timestamp;
  ring_at: NullableTimestamp;
  queued_at: NullableTimestamp;
  answered_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  wrap_up_end_at: NullableTimestamp;
  agent_id: string | null;
  agent_name: string | null;
  answering_number: string | null;
  user_names: Defaulted<string[]>;
  ringing_user_ids: Defaulted<string[]>;
  recording: string | null;
  org_id: string;
  unit_path: string;
  province_id: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
  wrap_code: Defaulted<string | null>;
  wrap_note: Defaulted<string | null>;
  wrap_customer_id: Defaulted<string | null>;
  wrap_article_id: Defaulted<string | null>;
  wrap_order_ids: Defaulted<string[]>;
  wrapped_by: Defaulted<string | null>;
  wrapped_by_name: Defaulted<string | null>;
  wrapped_at: Defaulted<Date | null>;
}

export interface ContactCtiEventsTable {
  id: Generated<number>;
  integration_id: string;
  call_id: string;
  event: string;
  payload: Json;
  result: string;
  contact_call_id: string | null;
  org_id: string;
  province_id: string | null;
  received_at: Timestamp;
}

export interface ContactSkillsTable {
  id: string;
  code: string;
  name: string;
  active: Defaulted<boolean>;
  org_id: string;
  unit_path: string;
  province_id: string | null;
  created_at: Timestamp;
}

export interface ContactQueuesTable {
  id: string;
  name: string;
  skill_id: string | null;
  org_id: string;
  unit_path: string;
  province_id: string | null;
  created_at: Timestamp;
}

export interface ContactAgentsTable {
  user_id: string;
  extension: string | null;
  state: Defaulted<string>;
  reason: string | null;
  state_since: Timestamp;
  idle_since: NullableTimestamp;
  acw_until: NullableTimestamp;
  reserved_until: NullableTimestamp;
  current_call_id: string | null;
  org_id: string;
  unit_path: string;
  province_id: string | null;
  updated_at: Timestamp;
}

export interface ContactAgentSkillsTable {
  user_id: string;
  skill_id: string;
  level: Defaulted<number>;
}

export interface ContactAgentStatesTable {
  id: string;
  user_id: string;
  state: string;
  reason: string | null;
  started_at: Timestamp;
  ended_at: NullableTimestamp;
  call_id: string | null;
  org_id: string;
  province_id: string | null;
}

export interface ContactSettingsTable {
  org_id: string;
  unit_path: string;
  acw_max_seconds: Defaulted<number>;
  updated_at: Timestamp;
}

export interface ContactTables {
  contact_integrations: ContactIntegrationsTable;
  contact_blocked_numbers: ContactBlockedNumbersTable;
  contact_calls: ContactCallsTable;
  contact_cti_events: ContactCtiEventsTable;
  contact_skills: ContactSkillsTable;
  contact_queues: ContactQueuesTable;
  contact_agents: ContactAgentsTable;
  contact_agent_skills: ContactAgentSkillsTable;
  contact_agent_states: ContactAgentStatesTable;
  contact_settings: ContactSettingsTable;
}
