-- The order search index's expression (search words plus the unit path's ids) had statistics at
-- the default target: ANALYZE of orders took 34 s at 300,000 orders, 31 s of it on this one
-- expression (the lexeme counting over 30,000 sampled documents), a core busy for half a minute
-- at every analyse while orders are being accepted. At target 10 it takes 1.6 s and still keeps
-- the 100 most common lexemes, which are the unit ids a scope filter asks for; rarer words are
-- estimated at the floor, which is what they are.
ALTER INDEX orders_search_scope_idx ALTER COLUMN 1 SET STATISTICS 10;
