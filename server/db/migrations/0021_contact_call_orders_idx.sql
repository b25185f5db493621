-- The calls that named an order in their wrap-up, for the order's page (关联来电).
CREATE INDEX contact_calls_wrap_orders_idx ON contact_calls USING gin (wrap_order_ids);
