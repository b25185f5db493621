-- Notifications (issue 6): message templates, deliveries through SMS, e-mail and in-app channels
-- with their attempts, the in-app inbox, and per-channel opt-outs of customers.

-- Templates are national (one set for the whole installation), edited by administrators; every
-- saved state is kept in notify_template_versions, and a delivery names the version it used.
CREATE TABLE notify_templates (
  id         uuid PRIMARY KEY,
  code       text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$'),
  name       text NOT NULL,
  channel    text NOT NULL CHECK (channel IN ('sms', 'email', 'inapp')),
  subject    text NOT NULL DEFAULT '',
  body       text NOT NULL,
  variables  text[] NOT NULL DEFAULT '{}',
  active     boolean NOT NULL DEFAULT true,
  version    integer NOT NULL DEFAULT 1,
  updated_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE notify_template_versions (
  template_id uuid NOT NULL REFERENCES notify_templates (id) ON DELETE CASCADE,
  version     integer NOT NULL,
  name        text NOT NULL,
  channel     text NOT NULL,
  subject     text NOT NULL,
  body        text NOT NULL,
  active      boolean NOT NULL,
  changed_by  uuid,
  changed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (template_id, version)
);

-- One message to one recipient through one channel. Written by notify() in the caller's
-- transaction (pending); the sender renders it, checks consent, and sends it. `address` is the
-- phone or e-mail given directly, or the one the sender resolved from the customer or user.
CREATE TABLE notify_deliveries (
  id               uuid PRIMARY KEY,
  template_code    text NOT NULL,
  template_version integer,
  channel          text NOT NULL CHECK (channel IN ('sms', 'email', 'inapp')),
  customer_id      uuid,
  user_id          uuid,
  address          text,
  vars             jsonb NOT NULL DEFAULT '{}',
  subject          text,
  body             text,
  status           text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
  attempts         integer NOT NULL DEFAULT 0,
  max_attempts     integer NOT NULL CHECK (max_attempts >= 1),
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  -- The reason of the last failure (a stable code) and its text; or why it was skipped.
  error_code       text,
  error            text,
  skip_reason      text,
  provider         text,
  provider_ref     text,
  dedupe_key       text,
  source_type      text,
  source_id        text,
  org_id           uuid NOT NULL,
  unit_path        text NOT NULL,
  province_id      uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sending_at       timestamptz,
  finished_at      timestamptz,
  CHECK (num_nonnulls(customer_id, user_id, address) >= 1)
);
CREATE UNIQUE INDEX notify_deliveries_dedupe_idx ON notify_deliveries (dedupe_key)
  WHERE dedupe_key IS NOT NULL;
CREATE INDEX notify_deliveries_due_idx ON notify_deliveries (next_attempt_at)
  WHERE status = 'pending';
CREATE INDEX notify_deliveries_sending_idx ON notify_deliveries (sending_at)
  WHERE status = 'sending';
CREATE INDEX notify_deliveries_path_idx ON notify_deliveries
  (unit_path text_pattern_ops, created_at DESC);
CREATE INDEX notify_deliveries_customer_idx ON notify_deliveries (customer_id)
  WHERE customer_id IS NOT NULL;

-- Every hand-over to a channel: when, how it ended, and what the provider said.
CREATE TABLE notify_attempts (
  delivery_id  uuid NOT NULL REFERENCES notify_deliveries (id) ON DELETE CASCADE,
  attempt      integer NOT NULL,
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz,
  outcome      text CHECK (outcome IN ('sent', 'error', 'unknown')),
  error        text,
  provider_ref text,
  PRIMARY KEY (delivery_id, attempt)
);

-- In-app messages: written when an in-app delivery is sent, in the same transaction.
CREATE TABLE notify_inbox (
  id          uuid PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  delivery_id uuid NOT NULL UNIQUE REFERENCES notify_deliveries (id) ON DELETE CASCADE,
  title       text NOT NULL,
  body        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz
);
CREATE INDEX notify_inbox_user_idx ON notify_inbox (user_id, created_at DESC);

-- A customer's refusal of one channel. customers.consent_messages = false (接收服务短信: 未同意)
-- refuses every channel to the customer.
CREATE TABLE notify_opt_outs (
  customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  channel     text NOT NULL CHECK (channel IN ('sms', 'email')),
  reason      text NOT NULL DEFAULT '',
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, channel)
);

-- The seeded zh-CN templates (outage notices and restoration, rules.md §5; a generic in-app
-- notice). The signature 【…】 is added by the SMS gateway, not written here.
INSERT INTO notify_templates (id, code, name, channel, subject, body, variables) VALUES
  ('01970000-0000-7000-8000-000000000101', 'outage.planned', '计划停电通知', 'sms', '计划停电通知',
   '尊敬的{customerName}：因{reason}，计划于{start}至{end}对{area}停电，请提前做好准备。如有疑问请拨打95598。',
   '{customerName,reason,start,end,area}'),
  ('01970000-0000-7000-8000-000000000102', 'outage.temporary', '临时停电通知', 'sms', '临时停电通知',
   '尊敬的{customerName}：因{reason}，将于{start}至{end}对{area}临时停电，给您带来不便，敬请谅解。详询95598。',
   '{customerName,reason,start,end,area}'),
  ('01970000-0000-7000-8000-000000000103', 'outage.fault', '故障停电通知', 'sms', '故障停电通知',
   '尊敬的{customerName}：{area}因{reason}停电，抢修人员正在处理，预计{estimate}恢复供电。详询95598。',
   '{customerName,area,reason,estimate}'),
  ('01970000-0000-7000-8000-000000000104', 'outage.restored', '恢复送电通知', 'sms', '恢复送电通知',
   '尊敬的{customerName}：{area}已于{restoredAt}恢复供电，感谢您的理解与支持。',
   '{customerName,area,restoredAt}'),
  ('01970000-0000-7000-8000-000000000105', 'outage.estimate_changed', '预计送电时间变更通知', 'sms',
   '预计送电时间变更',
   '尊敬的{customerName}：{area}停电的预计恢复供电时间调整为{estimate}，原因：{reason}。给您带来不便，敬请谅解。',
   '{customerName,area,estimate,reason}'),
  ('01970000-0000-7000-8000-000000000106', 'outage.postponed', '停电改期通知', 'sms', '停电改期通知',
   '尊敬的{customerName}：原定对{area}的停电改期为{start}至{end}，原因：{reason}。详询95598。',
   '{customerName,area,start,end,reason}'),
  ('01970000-0000-7000-8000-000000000107', 'system.notice', '站内通知', 'inapp', '{title}',
   '{message}', '{title,message}');

INSERT INTO notify_template_versions (template_id, version, name, channel, subject, body, active)
SELECT id, version, name, channel, subject, body, active FROM notify_templates;
