-- Repair crews (抢修队伍) and their jobs (rules.md §2–§3): who is on duty where, which fault order
-- (later also an outage) a crew was sent to, and the stamps of its work. The order's own timeline,
-- clocks and audit stay in the orders module; a job only records the crew's side of the work.

CREATE TABLE repair_crews (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  -- The owning unit (a supply station or its repair team); unit_path is the scope filter.
  org_id      uuid NOT NULL REFERENCES org_units (id),
  unit_path   text NOT NULL,
  province_id uuid NOT NULL,
  leader_id   uuid REFERENCES users (id),
  phone       text,
  vehicle     text,
  -- Shift times as 'HH:MM' (Asia/Shanghai); a night shift may end before it starts.
  shift_start text NOT NULL,
  shift_end   text NOT NULL,
  state       text NOT NULL DEFAULT 'off_duty'
                CHECK (state IN ('on_duty', 'en_route', 'on_site', 'off_duty')),
  state_since timestamptz NOT NULL DEFAULT now(),
  active      boolean NOT NULL DEFAULT true,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX repair_crews_path_idx ON repair_crews (unit_path text_pattern_ops);

CREATE TABLE repair_crew_members (
  crew_id uuid NOT NULL REFERENCES repair_crews (id),
  user_id uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (crew_id, user_id)
);
CREATE INDEX repair_crew_members_user_idx ON repair_crew_members (user_id);

-- The service area: feeders (the whole line) and single transformers (台区).
CREATE TABLE repair_crew_areas (
  crew_id        uuid NOT NULL REFERENCES repair_crews (id),
  feeder_id      uuid REFERENCES grid_feeders (id),
  transformer_id uuid REFERENCES grid_transformers (id),
  CHECK ((feeder_id IS NULL) <> (transformer_id IS NULL))
);
CREATE INDEX repair_crew_areas_crew_idx ON repair_crew_areas (crew_id);
CREATE INDEX repair_crew_areas_feeder_idx ON repair_crew_areas (feeder_id) WHERE feeder_id IS NOT NULL;
CREATE INDEX repair_crew_areas_transformer_idx ON repair_crew_areas (transformer_id)
  WHERE transformer_id IS NOT NULL;

CREATE TABLE repair_crew_states (
  id         uuid PRIMARY KEY,
  crew_id    uuid NOT NULL REFERENCES repair_crews (id),
  at         timestamptz NOT NULL,
  from_state text,
  to_state   text NOT NULL,
  actor_id   uuid,
  actor_name text NOT NULL,
  job_id     uuid,
  note       text
);
CREATE INDEX repair_crew_states_crew_idx ON repair_crew_states (crew_id, at);

CREATE TABLE repair_jobs (
  id             uuid PRIMARY KEY,
  crew_id        uuid NOT NULL REFERENCES repair_crews (id),
  order_id       uuid REFERENCES orders (id),
  -- For the outages module: no foreign key, so that neither migration depends on the other.
  outage_id      uuid,
  state          text NOT NULL
                   CHECK (state IN ('offered', 'accepted', 'sent_back', 'en_route', 'on_site', 'done')),
  suggested      boolean NOT NULL DEFAULT false,
  offered_at     timestamptz NOT NULL,
  offered_by     uuid NOT NULL,
  accepted_at    timestamptz,
  accepted_by    uuid,
  sent_back_at   timestamptz,
  sent_back_reason text,
  departed_at    timestamptz,
  departed_lat   double precision,
  departed_lng   double precision,
  arrived_at     timestamptz,
  arrived_lat    double precision,
  arrived_lng    double precision,
  completed_at   timestamptz,
  completed_lat  double precision,
  completed_lng  double precision,
  result         text,
  cause          text,
  -- Attachment ids of the order (order_attachments) taken as the completion photos.
  photo_ids      uuid[] NOT NULL DEFAULT '{}',
  org_id         uuid NOT NULL,
  unit_path      text NOT NULL,
  province_id    uuid NOT NULL,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (order_id IS NOT NULL OR outage_id IS NOT NULL)
);
CREATE INDEX repair_jobs_crew_idx ON repair_jobs (crew_id, offered_at DESC);
CREATE INDEX repair_jobs_order_idx ON repair_jobs (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX repair_jobs_path_idx ON repair_jobs (unit_path text_pattern_ops, offered_at DESC);
-- One live job per order: a second dispatch while a crew holds it fails instead of doubling up.
CREATE UNIQUE INDEX repair_jobs_one_live_idx ON repair_jobs (order_id)
  WHERE state IN ('offered', 'accepted', 'en_route', 'on_site') AND order_id IS NOT NULL;
