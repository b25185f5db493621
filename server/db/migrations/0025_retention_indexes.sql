-- Idempotency answers and dispatched outbox messages are kept for a while, then pruned
-- (server/platform/retention.ts). Rows are written in time order, so a BRIN index finds the old
-- ones for a few pages of index, and costs the intake next to nothing (a B-tree would add an
-- entry to every accepted order).
CREATE INDEX idempotency_keys_created_brin ON idempotency_keys USING brin (created_at);
CREATE INDEX outbox_created_brin ON outbox USING brin (created_at);
