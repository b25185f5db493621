-- 故障研判 (trouble-call analysis): the fault calls that no outage covered are grouped on the
-- network into predicted faults of a transformer or a feeder, which a dispatcher confirms (a
-- grid-fault outage is created and the calls are linked to it) or rejects (the calls are
-- released and stay single-customer faults).

-- A predicted fault. `proposed` waits for a dispatcher; `superseded` was rolled up into the
-- feeder prediction named by superseded_by; `expired` got no decision and no call for two
-- windows. The unit path is the predicted node's unit's: the dispatchers serving it see it.
CREATE TABLE outage_predictions (
  id             uuid PRIMARY KEY,
  kind           text NOT NULL CHECK (kind IN ('transformer', 'feeder')),
  node_id        uuid NOT NULL,
  feeder_id      uuid NOT NULL,
  state          text NOT NULL CHECK (state IN ('proposed', 'confirmed', 'rejected', 'superseded',
                   'expired')),
  calls          integer NOT NULL DEFAULT 0,
  customers      integer NOT NULL DEFAULT 0,
  transformers   integer NOT NULL DEFAULT 0,
  first_call_at  timestamptz NOT NULL,
  last_call_at   timestamptz NOT NULL,
  outage_id      uuid REFERENCES outages (id),
  superseded_by  uuid REFERENCES outage_predictions (id),
  decided_by     uuid,
  decided_by_name text,
  decided_at     timestamptz,
  reject_reason  text,
  org_id         uuid NOT NULL REFERENCES org_units (id),
  unit_path      text NOT NULL,
  province_id    uuid NOT NULL,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
-- At most one open prediction per node: the pipeline grows it instead of proposing a twin.
CREATE UNIQUE INDEX outage_predictions_open_node_idx ON outage_predictions (node_id)
  WHERE state = 'proposed';
CREATE INDEX outage_predictions_open_feeder_idx ON outage_predictions (feeder_id)
  WHERE state = 'proposed';
CREATE INDEX outage_predictions_open_age_idx ON outage_predictions (last_call_at)
  WHERE state = 'proposed';
CREATE INDEX outage_predictions_path_idx ON outage_predictions
  (unit_path text_pattern_ops, state, first_call_at DESC);

-- The calls a prediction explains. A superseded transformer prediction keeps its rows (its
-- history); the feeder prediction it was rolled up into holds the same calls too. The caller
-- (customer, or the order when the customer is unknown), transformer and time are copied from
-- the trouble call, so that a growing prediction counts new callers and transformers without
-- re-reading all its calls.
CREATE TABLE outage_prediction_calls (
  prediction_id  uuid NOT NULL REFERENCES outage_predictions (id) ON DELETE CASCADE,
  order_id       uuid NOT NULL REFERENCES orders (id),
  caller_id      uuid NOT NULL,
  transformer_id uuid NOT NULL,
  at             timestamptz NOT NULL,
  added_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (prediction_id, order_id)
);
CREATE INDEX outage_prediction_calls_order_idx ON outage_prediction_calls (order_id);
CREATE INDEX outage_prediction_calls_caller_idx ON outage_prediction_calls
  (prediction_id, caller_id);
CREATE INDEX outage_prediction_calls_transformer_idx ON outage_prediction_calls
  (prediction_id, transformer_id);

-- The analysis' thresholds per province; a province without a row uses the defaults
-- (analysis.ts DEFAULT_ANALYSIS).
CREATE TABLE outage_analysis_settings (
  province_id         uuid PRIMARY KEY,
  window_minutes      double precision NOT NULL,
  transformer_calls   integer NOT NULL,
  transformer_share   double precision NOT NULL,
  feeder_transformers integer NOT NULL,
  feeder_share        double precision NOT NULL,
  version             integer NOT NULL DEFAULT 1,
  updated_by          uuid,
  updated_at          timestamptz NOT NULL DEFAULT now()
);
