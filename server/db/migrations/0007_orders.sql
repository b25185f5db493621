-- Work orders (工单): the versioned taxonomy, orders with their history, SLA clocks and durable
-- timers, routing and time-limit rules set by units, attachments. Written for PostgreSQL 15 and
-- PGlite (PostgreSQL 18).

CREATE TABLE order_taxonomies (
  version    integer PRIMARY KEY,
  tree       jsonb NOT NULL,
  note       text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
  id                uuid PRIMARY KEY,
  -- 工单编号: YYYYMMDD + a per-day sequence number, e.g. 2026112300001.
  number            text NOT NULL UNIQUE,
  taxonomy_version  integer NOT NULL REFERENCES order_taxonomies (version),
  type_code         text NOT NULL,
  subtype_code      text,
  channel           text NOT NULL,
  state             text NOT NULL,
  -- The state a suspended order returns to.
  suspended_from    text,
  title             text NOT NULL,
  description       text NOT NULL,
  fields            jsonb NOT NULL DEFAULT '{}',
  customer_id       uuid REFERENCES customers (id),
  caller_name       text,
  -- Digits only, as customers.customer_phones stores them.
  caller_phone      text,
  address           text,
  area_class        text,
  urgency           text,
  grade             text,
  callback_required boolean NOT NULL,
  transformer_id    uuid,
  -- Where the matter is (the customer's transformer's unit or customer's unit, or as named):
  -- routing and unit time-limit rules are looked up from here.
  place_unit_id     uuid REFERENCES org_units (id),
  -- The limit of every step, fixed at acceptance (rules may change later; the order keeps its own).
  sla_limits        jsonb NOT NULL DEFAULT '{}',
  accepted_at       timestamptz NOT NULL,
  accepted_by       uuid NOT NULL,
  accepted_unit_id  uuid NOT NULL REFERENCES org_units (id),
  -- 首问负责制: the person who took the first contact owns the case to the end.
  owner_id          uuid NOT NULL,
  assigned_unit_id  uuid REFERENCES org_units (id),
  -- The path of the unit that holds the order now (the accepting unit until dispatch): scope.
  unit_path         text NOT NULL,
  master_id         uuid REFERENCES orders (id),
  flags             text[] NOT NULL DEFAULT '{}',
  urge_count        integer NOT NULL DEFAULT 0,
  repeat_24h        integer NOT NULL DEFAULT 0,
  repeat_7d         integer NOT NULL DEFAULT 0,
  -- The worst status among running clocks, and the earliest due among them.
  sla_status        text NOT NULL DEFAULT 'ok',
  sla_missed        boolean NOT NULL DEFAULT false,
  due_at            timestamptz,
  suspension        jsonb,
  result            text,
  satisfaction      text,
  dispatched_at     timestamptz,
  first_contact_at  timestamptz,
  arrived_at        timestamptz,
  repaired_at       timestamptz,
  returned_at       timestamptz,
  reviewed_at       timestamptz,
  called_back_at    timestamptz,
  closed_at         timestamptz,
  search_vec        tsvector NOT NULL,
  org_id            uuid NOT NULL,
  province_id       uuid NOT NULL,
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_province_accepted_idx ON orders (province_id, accepted_at DESC);
CREATE INDEX orders_unit_path_idx ON orders (unit_path text_pattern_ops, accepted_at DESC);
CREATE INDEX orders_state_idx ON orders (state, accepted_at DESC);
CREATE INDEX orders_type_idx ON orders (type_code, accepted_at DESC);
CREATE INDEX orders_customer_idx ON orders (customer_id, accepted_at DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX orders_caller_idx ON orders (caller_phone, accepted_at DESC) WHERE caller_phone IS NOT NULL;
CREATE INDEX orders_at_risk_idx ON orders (sla_status, due_at)
  WHERE state NOT IN ('archived', 'terminated', 'merged');
CREATE INDEX orders_master_idx ON orders (master_id) WHERE master_id IS NOT NULL;
CREATE INDEX orders_search_idx ON orders USING gin (search_vec);

-- The timeline: every transition, reply and note, in order.
CREATE TABLE order_events (
  id         uuid PRIMARY KEY,
  order_id   uuid NOT NULL REFERENCES orders (id),
  at         timestamptz NOT NULL,
  action     text NOT NULL,
  from_state text,
  to_state   text,
  actor_id   uuid,
  actor_name text NOT NULL,
  unit_id    uuid,
  -- Replies are shown to the customer; everything else is internal.
  visible_to_customer boolean NOT NULL DEFAULT false,
  body       text,
  data       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX order_events_order_idx ON order_events (order_id, at);

-- One clock per step of an order; pauses are [{from, to}] (to null while suspended).
CREATE TABLE order_sla_clocks (
  order_id   uuid NOT NULL REFERENCES orders (id),
  step       text NOT NULL,
  limit_spec jsonb NOT NULL,
  rule       jsonb NOT NULL,
  started_at timestamptz NOT NULL,
  due_at     timestamptz NOT NULL,
  stopped_at timestamptz,
  pauses     jsonb NOT NULL DEFAULT '[]',
  status     text NOT NULL DEFAULT 'ok',
  -- Bumped whenever the clock is re-planned (resume, re-open), so old timers never fire again.
  epoch      integer NOT NULL DEFAULT 1,
  PRIMARY KEY (order_id, step)
);

-- Durable timers: warning, critical and overdue of each running clock, fired once per epoch.
CREATE TABLE sla_timers (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders (id),
  step     text NOT NULL,
  epoch    integer NOT NULL,
  kind     text NOT NULL CHECK (kind IN ('warning', 'critical', 'overdue')),
  due_at   timestamptz NOT NULL,
  fired_at timestamptz,
  UNIQUE (order_id, step, epoch, kind)
);
CREATE INDEX sla_timers_due_idx ON sla_timers (due_at) WHERE fired_at IS NULL;

-- Automatic dispatch: orders located in a unit's subtree, of a type, go to a target unit.
CREATE TABLE order_routing_rules (
  id             uuid PRIMARY KEY,
  org_id         uuid NOT NULL REFERENCES org_units (id),
  org_path       text NOT NULL,
  province_id    uuid,
  type_code      text,
  subtype_code   text,
  feeder_id      uuid,
  target_unit_id uuid NOT NULL REFERENCES org_units (id),
  priority       integer NOT NULL DEFAULT 100,
  active         boolean NOT NULL DEFAULT true,
  note           text,
  version        integer NOT NULL DEFAULT 1,
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_routing_rules_path_idx ON order_routing_rules (org_path text_pattern_ops);

-- Time limits a unit commits to for a (sub)type, over the taxonomy's defaults. With only a total,
-- the step limits are derived backwards from it (倒推).
CREATE TABLE order_sla_rules (
  id           uuid PRIMARY KEY,
  org_id       uuid NOT NULL REFERENCES org_units (id),
  org_path     text NOT NULL,
  province_id  uuid,
  type_code    text NOT NULL,
  subtype_code text,
  clauses      jsonb NOT NULL,
  derive_steps boolean NOT NULL DEFAULT false,
  active       boolean NOT NULL DEFAULT true,
  note         text,
  version      integer NOT NULL DEFAULT 1,
  created_by   uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_sla_rules_path_idx ON order_sla_rules (org_path text_pattern_ops);

CREATE TABLE order_attachments (
  id           uuid PRIMARY KEY,
  order_id     uuid NOT NULL REFERENCES orders (id),
  file_name    text NOT NULL,
  content_type text NOT NULL,
  size         integer NOT NULL,
  sha256       text NOT NULL,
  storage_key  text NOT NULL,
  uploaded_by  uuid NOT NULL,
  org_id       uuid NOT NULL,
  province_id  uuid NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_attachments_order_idx ON order_attachments (order_id);

-- A person's saved filters for the order list (我的视图).
CREATE TABLE order_saved_views (
  id         uuid PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name       text NOT NULL,
  query      jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, name)
);

-- Version 1 of the taxonomy: the types of rules.md §1 with the limits of §3.
INSERT INTO order_taxonomies (version, tree, note) VALUES (1, $taxonomy$
{"types":[{"code":"fault","name":{"zh":"故障报修","en":"Fault repair"},"active":true,"requiredFields":["faultTime","areaClass","voltageSide","urgency"],"callbackRequired":true,"sla":{"clauses":[{"step":"dispatch","limit":{"unit":"minutes","amount":3}},{"step":"acknowledge","limit":{"unit":"minutes","amount":3},"when":{"urgency":["urgent"]}},{"step":"acknowledge","limit":{"unit":"minutes","amount":5}},{"step":"arrive","limit":{"unit":"minutes","amount":45},"when":{"areaClass":["urban"]}},{"step":"arrive","limit":{"unit":"minutes","amount":90},"when":{"areaClass":["rural"]}},{"step":"arrive","limit":{"unit":"minutes","amount":120},"when":{"areaClass":["remote"]}},{"step":"repair","limit":{"unit":"minutes","amount":180},"when":{"areaClass":["urban"]}},{"step":"repair","limit":{"unit":"minutes","amount":240},"when":{"areaClass":["rural"]}},{"step":"repair","limit":{"unit":"minutes","amount":360},"when":{"areaClass":["remote"]}},{"step":"return","limit":{"unit":"minutes","amount":30}},{"step":"review","limit":{"unit":"minutes","amount":1440}},{"step":"callback","limit":{"unit":"minutes","amount":1440}}]},"subtypes":[{"code":"hv_fault","name":{"zh":"高压故障","en":"High-voltage fault"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"lv_fault","name":{"zh":"低压故障","en":"Low-voltage fault"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"customer_side","name":{"zh":"客户内部故障","en":"Fault on the customer side"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"meter_fault","name":{"zh":"计量装置故障","en":"Metering equipment fault"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"power_quality","name":{"zh":"电能质量故障","en":"Power quality"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"safety_hazard","name":{"zh":"非电力故障/安全隐患","en":"Safety hazard"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}}]},{"code":"enquiry","name":{"zh":"业务咨询","en":"Enquiry"},"active":true,"requiredFields":[],"callbackRequired":false,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":4}},{"step":"dispatch","limit":{"unit":"minutes","amount":60}},{"step":"acknowledge","limit":{"unit":"working_days","amount":1}},{"step":"review","limit":{"unit":"minutes","amount":1440}},{"step":"callback","limit":{"unit":"minutes","amount":1440}}]},"subtypes":[{"code":"tariff","name":{"zh":"电价政策","en":"Tariffs"},"active":true,"requiredFields":[],"callbackRequired":false,"sla":{"clauses":[]}},{"code":"business_process","name":{"zh":"业务办理","en":"How to apply"},"active":true,"requiredFields":[],"callbackRequired":false,"sla":{"clauses":[]}},{"code":"outage_info","name":{"zh":"停电信息","en":"Outage information"},"active":true,"requiredFields":[],"callbackRequired":false,"sla":{"clauses":[]}},{"code":"other","name":{"zh":"其他咨询","en":"Other"},"active":true,"requiredFields":[],"callbackRequired":false,"sla":{"clauses":[]}}]},{"code":"query","name":{"zh":"信息查询","en":"Information query"},"active":true,"requiredFields":[],"callbackRequired":false,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":4}},{"step":"dispatch","limit":{"unit":"minutes","amount":60}},{"step":"acknowledge","limit":{"unit":"working_days","amount":1}},{"step":"review","limit":{"unit":"minutes","amount":1440}},{"step":"callback","limit":{"unit":"minutes","amount":1440}}]},"subtypes":[{"code":"bill","name":{"zh":"电费电量","en":"Bills"},"active":true,"requiredFields":[],"callbackRequired":false,"sla":{"clauses":[]}},{"code":"payment","name":{"zh":"缴费记录","en":"Payments"},"active":true,"requiredFields":[],"callbackRequired":false,"sla":{"clauses":[]}},{"code":"order_progress","name":{"zh":"工单进度","en":"Order progress"},"active":true,"requiredFields":[],"callbackRequired":false,"sla":{"clauses":[]}}]},{"code":"service_request","name":{"zh":"服务申请","en":"Service request"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[{"step":"dispatch","limit":{"unit":"minutes","amount":60}},{"step":"acknowledge","limit":{"unit":"working_days","amount":1}},{"step":"review","limit":{"unit":"minutes","amount":1440}},{"step":"callback","limit":{"unit":"minutes","amount":1440}}]},"subtypes":[{"code":"reconnection","name":{"zh":"欠费复电登记","en":"Reconnection after arrears paid"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[{"step":"dispatch","limit":{"unit":"minutes","amount":30}},{"step":"acknowledge","limit":{"unit":"minutes","amount":60}},{"step":"total","limit":{"unit":"minutes","amount":1440}}]}},{"code":"appliance_damage","name":{"zh":"电器损坏","en":"Appliance damage"},"active":true,"requiredFields":["appliance"],"callbackRequired":true,"sla":{"clauses":[{"step":"arrive","limit":{"unit":"minutes","amount":1440}},{"step":"total","limit":{"unit":"working_days","amount":2}}]}},{"code":"meter_fault","name":{"zh":"电能表异常","en":"Meter fault"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":4}}]}},{"code":"reading_anomaly","name":{"zh":"抄表数据异常","en":"Reading anomaly"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":6}}]}},{"code":"ev_charging","name":{"zh":"充电桩预约","en":"EV charging booking"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":5}}]}},{"code":"other","name":{"zh":"其他服务申请","en":"Other"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":5}}]}}]},{"code":"complaint","name":{"zh":"投诉","en":"Complaint"},"active":true,"requiredFields":["complaintClass","grade","emotion","confidentiality","overLevel"],"callbackRequired":true,"sla":{"clauses":[{"step":"escalation","limit":{"unit":"minutes","amount":15},"when":{"grade":["special","major"]}},{"step":"dispatch","limit":{"unit":"minutes","amount":30}},{"step":"acknowledge","limit":{"unit":"minutes","amount":120}},{"step":"first_contact","limit":{"unit":"minutes","amount":1440}},{"step":"total","limit":{"unit":"working_days","amount":4}},{"step":"review","limit":{"unit":"minutes","amount":1440}},{"step":"callback","limit":{"unit":"minutes","amount":1440}}]},"subtypes":[{"code":"service","name":{"zh":"服务投诉","en":"Service"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"business","name":{"zh":"营业投诉","en":"Business"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"outage","name":{"zh":"停送电投诉","en":"Outages"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"quality","name":{"zh":"供电质量投诉","en":"Supply quality"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"construction","name":{"zh":"电网建设投诉","en":"Grid construction"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}}]},{"code":"report","name":{"zh":"举报","en":"Report"},"active":true,"requiredFields":["reportKind","confidentiality"],"callbackRequired":true,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":9}},{"step":"dispatch","limit":{"unit":"minutes","amount":60}},{"step":"acknowledge","limit":{"unit":"working_days","amount":1}},{"step":"review","limit":{"unit":"minutes","amount":1440}},{"step":"callback","limit":{"unit":"minutes","amount":1440}}]},"subtypes":[{"code":"misconduct","name":{"zh":"行风问题","en":"Staff misconduct"},"active":true,"requiredFields":["reportedParties"],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"power_theft","name":{"zh":"窃电","en":"Power theft"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"illegal_use","name":{"zh":"违约用电","en":"Illegal use"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"facility_damage","name":{"zh":"破坏或偷窃电力设施","en":"Damage or theft of facilities"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}}]},{"code":"opinion","name":{"zh":"意见","en":"Opinion"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":9}},{"step":"dispatch","limit":{"unit":"minutes","amount":60}},{"step":"acknowledge","limit":{"unit":"working_days","amount":1}},{"step":"review","limit":{"unit":"minutes","amount":1440}},{"step":"callback","limit":{"unit":"minutes","amount":1440}}]},"subtypes":[]},{"code":"suggestion","name":{"zh":"建议","en":"Suggestion"},"active":true,"requiredFields":["suggestionTopic"],"callbackRequired":true,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":9}},{"step":"dispatch","limit":{"unit":"minutes","amount":60}},{"step":"acknowledge","limit":{"unit":"working_days","amount":1}},{"step":"review","limit":{"unit":"minutes","amount":1440}},{"step":"callback","limit":{"unit":"minutes","amount":1440}}]},"subtypes":[]},{"code":"praise","name":{"zh":"表扬","en":"Praise"},"active":true,"requiredFields":["praiseClass"],"callbackRequired":false,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":4}},{"step":"dispatch","limit":{"unit":"minutes","amount":60}},{"step":"acknowledge","limit":{"unit":"working_days","amount":1}},{"step":"review","limit":{"unit":"minutes","amount":1440}},{"step":"callback","limit":{"unit":"minutes","amount":1440}}]},"subtypes":[]},{"code":"new_connection","name":{"zh":"业扩报装","en":"New connection / capacity increase"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[{"step":"dispatch","limit":{"unit":"minutes","amount":60}},{"step":"acknowledge","limit":{"unit":"working_days","amount":1}},{"step":"review","limit":{"unit":"minutes","amount":1440}},{"step":"callback","limit":{"unit":"minutes","amount":1440}}]},"subtypes":[{"code":"resident","name":{"zh":"居民新装","en":"Residential"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":5}}]}},{"code":"lv_non_resident","name":{"zh":"低压非居民新装","en":"Low-voltage non-residential"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":6}}]}},{"code":"hv_single","name":{"zh":"高压单电源","en":"High voltage, single source"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":22}}]}},{"code":"hv_dual","name":{"zh":"高压双电源","en":"High voltage, dual source"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":32}}]}},{"code":"capacity_increase","name":{"zh":"增容","en":"Capacity increase"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":22}}]}}]},{"code":"change_of_use","name":{"zh":"变更用电","en":"Change of use"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[{"step":"total","limit":{"unit":"working_days","amount":5}},{"step":"dispatch","limit":{"unit":"minutes","amount":60}},{"step":"acknowledge","limit":{"unit":"working_days","amount":1}},{"step":"review","limit":{"unit":"minutes","amount":1440}},{"step":"callback","limit":{"unit":"minutes","amount":1440}}]},"subtypes":[{"code":"rename","name":{"zh":"更名过户","en":"Name change or transfer"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"suspension","name":{"zh":"暂停","en":"Suspension of supply"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"capacity_reduction","name":{"zh":"减容","en":"Capacity reduction"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"tariff_change","name":{"zh":"改类","en":"Tariff change"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}},{"code":"other","name":{"zh":"其他变更","en":"Other"},"active":true,"requiredFields":[],"callbackRequired":true,"sla":{"clauses":[]}}]}]}
$taxonomy$::jsonb, '默认业务分类 Default taxonomy');
