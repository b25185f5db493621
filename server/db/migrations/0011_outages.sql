-- Outage information (停送电信息, rules.md §5): an outage covers grid nodes (feeders and
-- transformers); the customers under them are the affected customers. Orders from inside a live
-- outage are linked to it instead of being dispatched on their own.

CREATE SEQUENCE outage_no;

CREATE TABLE outages (
  id                   uuid PRIMARY KEY,
  number               text NOT NULL UNIQUE,
  category             text NOT NULL CHECK (category IN ('planned', 'temporary', 'grid_fault',
                         'over_capacity', 'theft', 'illegal_use', 'arrears', 'orderly_use')),
  state                text NOT NULL CHECK (state IN ('draft', 'published', 'in_progress',
                         'restored', 'postponed', 'cancelled')),
  title                text NOT NULL,
  reason               text NOT NULL,
  fault_type           text,
  equipment            text,
  area_text            text NOT NULL,
  planned_start        timestamptz,
  planned_end          timestamptz,
  started_at           timestamptz,
  estimated_restore_at timestamptz,
  restored_at          timestamptz,
  restored_scope       text,
  delay_reason         text,
  -- Publishing rules found broken when published (late notice, late entry): flagged, kept.
  flags                text[] NOT NULL DEFAULT '{}',
  source               text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'analysis')),
  affected_customers   integer NOT NULL DEFAULT 0,
  important_customers  integer NOT NULL DEFAULT 0,
  published_at         timestamptz,
  published_by         uuid,
  created_by           uuid,
  org_id               uuid NOT NULL REFERENCES org_units (id),
  unit_path            text NOT NULL,
  province_id          uuid NOT NULL,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outages_live_idx ON outages (province_id, planned_start)
  WHERE state IN ('published', 'in_progress', 'postponed');
CREATE INDEX outages_path_idx ON outages (unit_path text_pattern_ops, created_at DESC);
CREATE INDEX outages_start_idx ON outages (coalesce(started_at, planned_start));

-- The grid nodes an outage covers.
CREATE TABLE outage_scope (
  outage_id uuid NOT NULL REFERENCES outages (id) ON DELETE CASCADE,
  node_kind text NOT NULL CHECK (node_kind IN ('feeder', 'transformer')),
  node_id   uuid NOT NULL,
  PRIMARY KEY (outage_id, node_kind, node_id)
);
CREATE INDEX outage_scope_node_idx ON outage_scope (node_id);

-- What happened to an outage: published, estimate changed (with the old and new time and the
-- reason), postponed, started, restored, cancelled.
CREATE TABLE outage_events (
  id         uuid PRIMARY KEY,
  outage_id  uuid NOT NULL REFERENCES outages (id) ON DELETE CASCADE,
  at         timestamptz NOT NULL,
  action     text NOT NULL,
  actor_id   uuid,
  actor_name text NOT NULL,
  data       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX outage_events_outage_idx ON outage_events (outage_id, at);

-- Orders answered from an outage (a caller inside its scope) or grouped into it.
CREATE TABLE outage_orders (
  order_id  uuid PRIMARY KEY REFERENCES orders (id),
  outage_id uuid NOT NULL REFERENCES outages (id),
  via       text NOT NULL CHECK (via IN ('intake', 'analysis', 'manual')),
  linked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outage_orders_outage_idx ON outage_orders (outage_id);

-- 重要服务事项报备: a filed major service event with the script agents answer from.
CREATE TABLE major_events (
  id          uuid PRIMARY KEY,
  title       text NOT NULL,
  description text NOT NULL,
  script      text NOT NULL,
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL,
  outage_id   uuid REFERENCES outages (id),
  created_by  uuid,
  org_id      uuid NOT NULL REFERENCES org_units (id),
  unit_path   text NOT NULL,
  province_id uuid NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX major_events_path_idx ON major_events (unit_path text_pattern_ops, starts_at DESC);
