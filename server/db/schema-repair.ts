/**
 * Kysely table types of the `repair` module (migrations 0012_repair.sql and
 * 0017_repair_outage_jobs.sql), merged into DB.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

export interface RepairCrewsTable {
  id: string;
  name: string;
  org_id: string;
  unit_path: string;
  province_id: string;
  leader_id: string | null;
  phone: string | null;
  vehicle: string | null;
  shift_start: string;
  shift_end: string;
  state: Generated<string>;
  state_since: Timestamp;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RepairCrewMembersTable {
  crew_id: string;
  user_id: string;
}

export interface RepairCrewAreasTable {
  crew_id: string;
  feeder_id: string | null;
  transformer_id: string | null;
}

export interface RepairCrewStatesTable {
  id: string;
  crew_id: string;
  at: Timestamp;
  from_state: string | null;
  to_state: string;
  actor_id: string | null;
  actor_name: string;
  job_id: string | null;
  note: string | null;
}

export interface RepairJobsTable {
  id: string;
  crew_id: string;
  order_id: string | null;
  outage_id: string | null;
  state: string;
  suggested: Generated<boolean>;
  offered_at: Timestamp;
  offered_by: string;
  accepted_at: NullableTimestamp;
  accepted_by: string | null;
  sent_back_at: NullableTimestamp;
  sent_back_reason: string | null;
  departed_at: NullableTimestamp;
  departed_lat: number | null;
  departed_lng: number | null;
  arrived_at: NullableTimestamp;
  arrived_lat: number | null;
  arrived_lng: number | null;
  completed_at: NullableTimestamp;
  completed_lat: number | null;
  completed_lng: number | null;
  result: string | null;
  cause: string | null;
  photo_ids: Generated<string[]>;
  cancelled_at: NullableTimestamp;
  cancel_reason: string | null;
  org_id: string;
  unit_path: string;
  province_id: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RepairJobPhotosTable {
  id: string;
  job_id: string;
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

export interface RepairTables {
  repair_crews: RepairCrewsTable;
  repair_crew_members: RepairCrewMembersTable;
  repair_crew_areas: RepairCrewAreasTable;
  repair_crew_states: RepairCrewStatesTable;
  repair_jobs: RepairJobsTable;
  repair_job_photos: RepairJobPhotosTable;
}
