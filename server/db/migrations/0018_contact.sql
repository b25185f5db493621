-- The contact module (issue 7): telephony events in from a PBX (Zammad's generic CTI push API),
-- the calls they describe, the raw event log, blocked callers, agents with their states and
-- skills, queues mapped to skills, and per-unit settings. Every row carries the owning unit
-- (org_id), its path (the scope filter) and province_id.

-- A PBX integration: the secret is shown once; only its SHA-256 is kept. Revoked, never deleted.
CREATE TABLE contact_integrations (
  id           uuid PRIMARY KEY,
  name         text NOT NULL,
  prefix       text NOT NULL,
  secret_hash  text NOT NULL UNIQUE,
  org_id       uuid NOT NULL REFERENCES org_units (id),
  unit_path    text NOT NULL,
  province_id  uuid,
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz,
  revoked_by   uuid REFERENCES users (id)
);
CREATE INDEX contact_integrations_path_idx ON contact_integrations (unit_path text_pattern_ops);

-- Callers answered with a reject (busy). A block on a unit holds for every integration under it.
CREATE TABLE contact_blocked_numbers (
  id              uuid PRIMARY KEY,
  number          text NOT NULL,
  note            text NOT NULL DEFAULT '',
  org_id          uuid NOT NULL REFERENCES org_units (id),
  unit_path       text NOT NULL,
  province_id     uuid,
  created_by      uuid REFERENCES users (id),
  created_by_name text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, number)
);
CREATE INDEX contact_blocked_numbers_number_idx ON contact_blocked_numbers (number);

-- One row per call (callId unique within the integration's unit). Timestamps are filled as the
-- events arrive, in whatever order: ring (newCall), queued (a queue named), answered, ended,
-- and the end of the agent's after-call work.
CREATE TABLE contact_calls (
  id               uuid PRIMARY KEY,
  integration_id   uuid NOT NULL REFERENCES contact_integrations (id),
  call_id          text NOT NULL,
  direction        text CHECK (direction IN ('in', 'out')),
  from_number      text,
  to_number        text,
  -- The other party's number, normalised (the caller of an inbound call, the callee of an
  -- outbound one): repeat calls and the screen pop look it up.
  caller_number    text,
  queue            text,
  state            text NOT NULL CHECK (state IN ('ringing', 'talking', 'ended')),
  outcome          text CHECK (outcome IN ('answered', 'abandoned', 'missed', 'blocked')),
  cause            text,
  first_seen_at    timestamptz NOT NULL,
  ring_at          timestamptz,
  queued_at        timestamptz,
  answered_at      timestamptz,
  ended_at         timestamptz,
  wrap_up_end_at   timestamptz,
  agent_id         uuid REFERENCES users (id),
  agent_name       text,
  answering_number text,
  -- user[] as the PBX sent it, and the users it named (the agents whose phones ring).
  user_names       text[] NOT NULL DEFAULT '{}',
  ringing_user_ids uuid[] NOT NULL DEFAULT '{}',
  recording        text,
  org_id           uuid NOT NULL,
  unit_path        text NOT NULL,
  province_id      uuid,
  version          integer NOT NULL DEFAULT 1,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, call_id)
);
CREATE INDEX contact_calls_path_idx ON contact_calls (unit_path text_pattern_ops, first_seen_at DESC);
CREATE INDEX contact_calls_caller_idx ON contact_calls (caller_number, first_seen_at DESC)
  WHERE caller_number IS NOT NULL;
CREATE INDEX contact_calls_agent_idx ON contact_calls (agent_id, first_seen_at DESC)
  WHERE agent_id IS NOT NULL;
CREATE INDEX contact_calls_open_idx ON contact_calls (first_seen_at) WHERE state <> 'ended';

-- Every event as it came in (audit and replay), with what it did.
CREATE TABLE contact_cti_events (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  integration_id uuid NOT NULL REFERENCES contact_integrations (id),
  call_id        text NOT NULL,
  event          text NOT NULL,
  payload        jsonb NOT NULL,
  result         text NOT NULL CHECK (result IN ('applied', 'duplicate', 'rejected')),
  contact_call_id uuid,
  org_id         uuid NOT NULL,
  province_id    uuid,
  received_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contact_cti_events_call_idx ON contact_cti_events (contact_call_id, id);

-- Skills (故障, 投诉, 方言-粤语 …) defined per unit; queues map the PBX's queue names to them.
CREATE TABLE contact_skills (
  id          uuid PRIMARY KEY,
  code        text NOT NULL,
  name        text NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  org_id      uuid NOT NULL REFERENCES org_units (id),
  unit_path   text NOT NULL,
  province_id uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, code)
);

CREATE TABLE contact_queues (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  skill_id    uuid REFERENCES contact_skills (id),
  org_id      uuid NOT NULL REFERENCES org_units (id),
  unit_path   text NOT NULL,
  province_id uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, name)
);

-- An agent's live state; created on first sign-in (or when an admin sets skills). idle_since
-- is when the agent last became ready (longest idle first); reserved_until holds an agent
-- offered a call by the routing endpoint so that two calls are not offered to one agent.
CREATE TABLE contact_agents (
  user_id         uuid PRIMARY KEY REFERENCES users (id),
  extension       text,
  state           text NOT NULL DEFAULT 'signed_out'
                    CHECK (state IN ('signed_out', 'ready', 'not_ready', 'break', 'talking',
                                     'after_call_work')),
  reason          text,
  state_since     timestamptz NOT NULL DEFAULT now(),
  idle_since      timestamptz,
  acw_until       timestamptz,
  reserved_until  timestamptz,
  current_call_id uuid,
  org_id          uuid NOT NULL,
  unit_path       text NOT NULL,
  province_id     uuid,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contact_agents_path_idx ON contact_agents (unit_path text_pattern_ops);
CREATE INDEX contact_agents_acw_idx ON contact_agents (acw_until) WHERE state = 'after_call_work';

CREATE TABLE contact_agent_skills (
  user_id  uuid NOT NULL REFERENCES users (id),
  skill_id uuid NOT NULL REFERENCES contact_skills (id),
  level    integer NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 5),
  PRIMARY KEY (user_id, skill_id)
);

-- Time in each state, as intervals (the open one has no end): the monthly assessment sums them.
CREATE TABLE contact_agent_states (
  id          uuid PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id),
  state       text NOT NULL,
  reason      text,
  started_at  timestamptz NOT NULL,
  ended_at    timestamptz,
  call_id     uuid,
  org_id      uuid NOT NULL,
  province_id uuid
);
CREATE INDEX contact_agent_states_user_idx ON contact_agent_states (user_id, started_at);
CREATE UNIQUE INDEX contact_agent_states_open_idx ON contact_agent_states (user_id)
  WHERE ended_at IS NULL;

-- Settings per unit; the nearest unit above an agent that has a row applies.
CREATE TABLE contact_settings (
  org_id           uuid PRIMARY KEY REFERENCES org_units (id),
  unit_path        text NOT NULL,
  acw_max_seconds  integer NOT NULL DEFAULT 60,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
