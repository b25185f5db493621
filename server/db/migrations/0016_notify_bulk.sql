-- Notifications for outages (issue 6): a deadline on a delivery (the 10-minute rule for fault
-- notices to important customers), the look-up of a source's deliveries, and the cancellation
-- notice.

-- When the message had to be sent by: a delivery sent after it, or still unsent past it, is late.
ALTER TABLE notify_deliveries ADD COLUMN due_by timestamptz;

-- The notices of one outage (summary, "those already told", the log filtered by source).
CREATE INDEX notify_deliveries_source_idx ON notify_deliveries (source_type, source_id)
  WHERE source_id IS NOT NULL;

INSERT INTO notify_templates (id, code, name, channel, subject, body, variables) VALUES
  ('01970000-0000-7000-8000-000000000108', 'outage.cancelled', '停电取消通知', 'sms', '停电取消通知',
   '尊敬的{customerName}：原定于{start}至{end}对{area}的停电（编号{outageNo}）已取消，原因：{reason}。详询{hotline}。',
   '{customerName,start,end,area,outageNo,reason,hotline}')
ON CONFLICT (code) DO NOTHING;

INSERT INTO notify_template_versions (template_id, version, name, channel, subject, body, active)
SELECT id, version, name, channel, subject, body, active FROM notify_templates
 WHERE code = 'outage.cancelled'
ON CONFLICT (template_id, version) DO NOTHING;
