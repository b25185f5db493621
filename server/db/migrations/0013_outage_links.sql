-- Fault orders answered from an outage: a caller inside a live outage is linked to it (the order
-- waits in state 'linked', 已并入停电, instead of being dispatched on its own), and when power
-- returns the outage returns its linked orders together. Fault calls that no outage covers are
-- kept for the trouble-call analysis (故障研判), which groups them on the network.

-- The fault calls no known outage covered when they were accepted, in the order they came.
CREATE TABLE trouble_calls (
  order_id       uuid PRIMARY KEY REFERENCES orders (id),
  at             timestamptz NOT NULL,
  customer_id    uuid,
  transformer_id uuid NOT NULL,
  feeder_id      uuid,
  province_id    uuid NOT NULL,
  unit_path      text NOT NULL,
  -- Set when the analysis has taken the call into account.
  analysed_at    timestamptz
);
CREATE INDEX trouble_calls_new_idx ON trouble_calls (at) WHERE analysed_at IS NULL;
CREATE INDEX trouble_calls_feeder_idx ON trouble_calls (feeder_id, at);
CREATE INDEX trouble_calls_transformer_idx ON trouble_calls (transformer_id, at);

-- Which outage covers a transformer now: live outages are looked up through their scope.
CREATE INDEX outages_in_progress_idx ON outages (id) WHERE state = 'in_progress';
