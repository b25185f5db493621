-- Platform foundation: organisation tree, people, sessions, API tokens, audit log, outbox,
-- idempotency keys. Written for PostgreSQL 15 (the servers) and PGlite (PostgreSQL 18).

CREATE TABLE org_units (
  id          uuid PRIMARY KEY,
  parent_id   uuid REFERENCES org_units (id),
  name        text NOT NULL,
  code        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('national', 'province', 'city', 'county', 'department')),
  kind        text NOT NULL,
  -- '/<root id>/…/<own id>/': subtree queries are prefix matches on this column.
  path        text NOT NULL,
  depth       integer NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  -- A unit owns itself; province_id is the province at or above it (null at national level).
  org_id      uuid NOT NULL,
  province_id uuid,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX org_units_code_key ON org_units (lower(code));
CREATE INDEX org_units_path_idx ON org_units (path text_pattern_ops);
CREATE INDEX org_units_parent_idx ON org_units (parent_id);

CREATE TABLE users (
  id                   uuid PRIMARY KEY,
  username             text NOT NULL,
  display_name         text NOT NULL,
  password_hash        text NOT NULL,
  roles                text[] NOT NULL,
  org_id               uuid NOT NULL REFERENCES org_units (id),
  province_id          uuid,
  phone                text,
  email                text,
  disabled             boolean NOT NULL DEFAULT false,
  failed_logins        integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  must_change_password boolean NOT NULL DEFAULT true,
  password_changed_at  timestamptz,
  last_login_at        timestamptz,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_org_idx ON users (org_id);

CREATE TABLE sessions (
  -- SHA-256 of the cookie value: a stolen database does not yield live sessions.
  id           text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  ip           text,
  user_agent   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE api_tokens (
  id           uuid PRIMARY KEY,
  name         text NOT NULL,
  prefix       text NOT NULL,
  secret_hash  text NOT NULL UNIQUE,
  user_id      uuid NOT NULL REFERENCES users (id),
  scopes       text[] NOT NULL,
  org_id       uuid NOT NULL REFERENCES org_units (id),
  province_id  uuid,
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX api_tokens_org_idx ON api_tokens (org_id);

CREATE TABLE audit_log (
  id          uuid PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    uuid,
  actor_name  text,
  action      text NOT NULL,
  entity_type text NOT NULL,
  entity_id   text,
  before      jsonb,
  after       jsonb,
  ip          text,
  request_id  text,
  org_id      uuid,
  province_id uuid
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC);
CREATE INDEX audit_log_org_idx ON audit_log (org_id, at DESC);

-- The audit log is append-only: the database refuses to change or remove its rows.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE outbox (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic         text NOT NULL,
  payload       jsonb NOT NULL,
  org_id        uuid,
  province_id   uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  dispatched_at timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE dispatched_at IS NULL;

CREATE TABLE idempotency_keys (
  actor_id     uuid NOT NULL,
  key          text NOT NULL,
  request_hash text NOT NULL,
  status       integer NOT NULL,
  response     jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor_id, key)
);

-- The customer archive starts small; the customers issue extends it.
CREATE TABLE customers (
  id             uuid PRIMARY KEY,
  account_no     text NOT NULL,
  name           text NOT NULL,
  customer_class text NOT NULL CHECK (customer_class IN ('resident', 'non_resident', 'large')),
  org_id         uuid NOT NULL REFERENCES org_units (id),
  province_id    uuid NOT NULL,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (province_id, account_no)
);
CREATE INDEX customers_org_idx ON customers (org_id);
