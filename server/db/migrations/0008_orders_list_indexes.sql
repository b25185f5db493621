-- Order list at a million orders (bench/orders-list.ts): a subtree filter (unit_path LIKE) cannot
-- give newest-first order, so the planner read and sorted a whole county; a time index lets it
-- walk newest-first and stop at a page. The at-risk view reads a small partial index instead of
-- every open order. Rare caller names were misestimated with the default statistics target.
CREATE INDEX orders_accepted_idx ON orders (accepted_at DESC);
CREATE INDEX orders_open_at_risk_due_idx ON orders (province_id, due_at) INCLUDE (sla_status)
  WHERE state NOT IN ('archived', 'terminated', 'merged')
    AND sla_status IN ('warning', 'critical', 'overdue');
ALTER TABLE orders ALTER COLUMN search_vec SET STATISTICS 1000;
