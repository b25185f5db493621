-- Order list at a million orders, second round (bench/orders-list.ts).
--
-- Word search within a subtree (a county back office looking for 充电桩): the words' index found
-- every match in the province, and each was read from the table to test its unit_path: 20,000
-- rows for 2,600 hits. This index holds the words and the ids of the units on the order's
-- unit_path (/<root>/…/<unit>/), so a search within a subtree adds the subtree's unit id as one
-- more lexeme and the index narrows to it (the path itself is still checked on the rows found).
-- Unit ids are UUIDs with hyphens, which a typed search never produces (the words are split at
-- punctuation). It replaces the index on the words alone, whose statistics target goes back to
-- the default: the planner now reads this expression's statistics (0008's reason holds).
CREATE INDEX orders_search_scope_idx ON orders
  USING gin ((search_vec || array_to_tsvector(string_to_array(btrim(unit_path, '/'), '/'))));
ALTER INDEX orders_search_scope_idx ALTER COLUMN 1 SET STATISTICS 1000;
DROP INDEX orders_search_idx;
ALTER TABLE orders ALTER COLUMN search_vec SET STATISTICS -1;

-- Type and state of open orders (a dispatcher's 待处理投诉): the two single-column indexes had
-- to be intersected, a type being up to 400,000 orders. Open orders are a few percent.
CREATE INDEX orders_open_type_state_idx ON orders (type_code, state, accepted_at DESC)
  WHERE state NOT IN ('archived', 'terminated', 'merged');

ANALYZE orders;
