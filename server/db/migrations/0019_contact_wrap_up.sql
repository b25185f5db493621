-- Wrap-up (话后小结) of a call: how it ended, chosen by the agent who took it. Kept on the call row
-- (one wrap-up per call) so the call log and the figures read it without a join.
ALTER TABLE contact_calls
  ADD COLUMN wrap_code        text,
  ADD COLUMN wrap_note        text,
  ADD COLUMN wrap_customer_id uuid,
  -- The knowledge article an enquiry was answered with (one-contact resolution).
  ADD COLUMN wrap_article_id  uuid,
  -- The orders created or asked about on the call.
  ADD COLUMN wrap_order_ids   uuid[] NOT NULL DEFAULT '{}',
  ADD COLUMN wrapped_by       uuid,
  ADD COLUMN wrapped_by_name  text,
  ADD COLUMN wrapped_at       timestamptz;

-- "My calls still to wrap up": the answered calls of an agent without a code.
CREATE INDEX contact_calls_unwrapped_idx ON contact_calls (agent_id, ended_at)
  WHERE wrap_code IS NULL AND outcome = 'answered';
