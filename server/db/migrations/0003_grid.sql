-- Supply network: substation (变电站) → feeder (线路) → transformer (台区/配变) → customer.
-- area_class drives the repair clocks (45 / 90 / 120 minutes to arrive).

CREATE TABLE grid_substations (
  id          uuid PRIMARY KEY,
  code        text NOT NULL,
  name        text NOT NULL,
  voltage_kv  integer NOT NULL CHECK (voltage_kv > 0),
  area_class  text NOT NULL CHECK (area_class IN ('urban', 'rural', 'remote')),
  lat         double precision,
  lng         double precision,
  org_id      uuid NOT NULL REFERENCES org_units (id),
  province_id uuid NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (province_id, code)
);
CREATE INDEX grid_substations_org_idx ON grid_substations (org_id);

CREATE TABLE grid_feeders (
  id            uuid PRIMARY KEY,
  substation_id uuid NOT NULL REFERENCES grid_substations (id),
  code          text NOT NULL,
  name          text NOT NULL,
  voltage_kv    integer NOT NULL CHECK (voltage_kv > 0),
  area_class    text NOT NULL CHECK (area_class IN ('urban', 'rural', 'remote')),
  org_id        uuid NOT NULL REFERENCES org_units (id),
  province_id   uuid NOT NULL,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (province_id, code)
);
CREATE INDEX grid_feeders_substation_idx ON grid_feeders (substation_id);

CREATE TABLE grid_transformers (
  id           uuid PRIMARY KEY,
  feeder_id    uuid NOT NULL REFERENCES grid_feeders (id),
  code         text NOT NULL,
  name         text NOT NULL,
  capacity_kva integer NOT NULL CHECK (capacity_kva > 0),
  area_class   text NOT NULL CHECK (area_class IN ('urban', 'rural', 'remote')),
  lat          double precision,
  lng          double precision,
  org_id       uuid NOT NULL REFERENCES org_units (id),
  province_id  uuid NOT NULL,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (province_id, code)
);
CREATE INDEX grid_transformers_feeder_idx ON grid_transformers (feeder_id);

ALTER TABLE customers ADD COLUMN transformer_id uuid REFERENCES grid_transformers (id);
CREATE INDEX customers_transformer_idx ON customers (transformer_id);
