-- The customer archive (客户档案): the fields an agent needs to know who is calling, the marks that
-- change how a call is handled, contacts with several phones, history, segments and imports.

ALTER TABLE customers
  ADD COLUMN industry         text NOT NULL DEFAULT 'resident_life',
  ADD COLUMN voltage_level    text NOT NULL DEFAULT 'v220',
  ADD COLUMN tariff_category  text NOT NULL DEFAULT 'resident',
  ADD COLUMN id_type          text CHECK (id_type IN ('id_card', 'uscc', 'passport', 'other')),
  ADD COLUMN id_no            text,
  -- Supply address (用电地址), structured; the detail (building, room) is personal data.
  ADD COLUMN addr_city        text NOT NULL DEFAULT '',
  ADD COLUMN addr_county      text NOT NULL DEFAULT '',
  ADD COLUMN addr_street      text NOT NULL DEFAULT '',
  ADD COLUMN addr_detail      text NOT NULL DEFAULT '',
  ADD COLUMN lat              double precision,
  ADD COLUMN lng              double precision,
  ADD COLUMN email            text,
  ADD COLUMN wechat_id        text,
  ADD COLUMN meter_no         text,
  ADD COLUMN annual_kwh       integer NOT NULL DEFAULT 0 CHECK (annual_kwh >= 0),
  ADD COLUMN is_important     boolean NOT NULL DEFAULT false,
  ADD COLUMN is_high_risk     boolean NOT NULL DEFAULT false,
  ADD COLUMN is_sensitive     boolean NOT NULL DEFAULT false,
  ADD COLUMN sensitive_reason text,
  ADD COLUMN is_vip           boolean NOT NULL DEFAULT false,
  -- Arrears in fen (分); 0 means the account is paid up.
  ADD COLUMN arrears_fen      bigint NOT NULL DEFAULT 0 CHECK (arrears_fen >= 0),
  ADD COLUMN arrears_since    date,
  ADD COLUMN consent_messages boolean NOT NULL DEFAULT true,
  ADD COLUMN consent_at       timestamptz,
  ADD COLUMN status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  -- Name bigrams (weight A) and segmented address words (weight B), written by the application
  -- (jieba segmentation is not available inside PostgreSQL). Searched with the 'simple' config.
  ADD COLUMN search_vec       tsvector NOT NULL DEFAULT ''::tsvector,
  ADD CONSTRAINT customers_sensitive_reason CHECK (NOT is_sensitive OR sensitive_reason IS NOT NULL);

CREATE INDEX customers_search_idx ON customers USING gin (search_vec);
CREATE INDEX customers_meter_idx ON customers (meter_no);
CREATE INDEX customers_account_idx ON customers (account_no);

-- Every phone of a customer, normalised to digits (mobiles 11 digits, landlines with area code).
CREATE TABLE customer_phones (
  customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  phone       text NOT NULL,
  label       text NOT NULL DEFAULT 'mobile' CHECK (label IN ('mobile', 'home', 'work', 'other')),
  position    smallint NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, phone)
);
CREATE INDEX customer_phones_phone_idx ON customer_phones (phone);

-- The customer's own history: what changed, when and by whom (the audit log keeps the same
-- change system-wide; this table serves the 360° view without scanning the audit log).
CREATE TABLE customer_history (
  id          uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  action      text NOT NULL,
  changes     jsonb NOT NULL,
  actor_id    uuid,
  actor_name  text,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_history_customer_idx ON customer_history (customer_id, at DESC);

-- Service segments (rules.md §6): a customer belongs to every active segment whose rule matches.
CREATE TABLE customer_segments (
  id          uuid PRIMARY KEY,
  code        text NOT NULL,
  name        text NOT NULL,
  description text NOT NULL DEFAULT '',
  service     text NOT NULL DEFAULT '',
  rule        jsonb NOT NULL,
  priority    integer NOT NULL DEFAULT 100,
  active      boolean NOT NULL DEFAULT true,
  org_id      uuid NOT NULL REFERENCES org_units (id),
  province_id uuid,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, code)
);

-- Imports of customers or the network from CSV/XLSX, run as background jobs.
CREATE TABLE data_imports (
  id             uuid PRIMARY KEY,
  kind           text NOT NULL CHECK (kind IN ('customers', 'network')),
  mode           text NOT NULL CHECK (mode IN ('all_or_nothing', 'good_rows')),
  file_name      text NOT NULL,
  file_format    text NOT NULL CHECK (file_format IN ('csv', 'xlsx')),
  file_size      integer NOT NULL,
  content        bytea,
  status         text NOT NULL DEFAULT 'queued'
                 CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'rejected')),
  total_rows     integer NOT NULL DEFAULT 0,
  processed_rows integer NOT NULL DEFAULT 0,
  imported_rows  integer NOT NULL DEFAULT 0,
  error_rows     integer NOT NULL DEFAULT 0,
  errors         jsonb NOT NULL DEFAULT '[]'::jsonb,
  failure        text,
  created_by     uuid NOT NULL REFERENCES users (id),
  org_id         uuid NOT NULL REFERENCES org_units (id),
  province_id    uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  started_at     timestamptz,
  finished_at    timestamptz
);
CREATE INDEX data_imports_org_idx ON data_imports (org_id, created_at DESC);
