-- Knowledge base (知识库) and answer scripts (话术), issue 7 item 6. An article is a row with
-- pointers to its versions: the live one (published, read by agents) and the working one (a
-- draft or a version in review). Approving the working version supersedes the live one, so the
-- old answer stays live until the new one is approved.

CREATE TABLE knowledge_categories (
  id          uuid PRIMARY KEY,
  parent_id   uuid REFERENCES knowledge_categories (id),
  name        text NOT NULL,
  position    integer NOT NULL DEFAULT 0,
  org_id      uuid NOT NULL REFERENCES org_units (id),
  unit_path   text NOT NULL,
  province_id uuid,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
-- One name per parent within a unit (the root level has no parent: compared as the nil uuid).
CREATE UNIQUE INDEX knowledge_categories_name_idx ON knowledge_categories
  (org_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name);
CREATE INDEX knowledge_categories_path_idx ON knowledge_categories (unit_path text_pattern_ops);

CREATE TABLE knowledge_articles (
  id              uuid PRIMARY KEY,
  kind            text NOT NULL CHECK (kind IN ('article', 'script')),
  -- Scripts: the situation the agent reads it in (开场语, 停电咨询, 投诉安抚 …).
  scenario        text,
  -- Written for the demo (演示内容), never an approved answer.
  demo            boolean NOT NULL DEFAULT false,
  live_no         integer,
  working_no      integer,
  latest_no       integer NOT NULL,
  use_count       integer NOT NULL DEFAULT 0,
  helpful_count   integer NOT NULL DEFAULT 0,
  unhelpful_count integer NOT NULL DEFAULT 0,
  created_by      uuid,
  org_id          uuid NOT NULL REFERENCES org_units (id),
  unit_path       text NOT NULL,
  province_id     uuid,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'script') = (scenario IS NOT NULL))
);
CREATE INDEX knowledge_articles_path_idx ON knowledge_articles (unit_path text_pattern_ops);

-- Every version of an article, with its content, its state in the approval flow and its search
-- words. `current` marks the versions searched: the live one and the working one.
CREATE TABLE knowledge_versions (
  article_id       uuid NOT NULL REFERENCES knowledge_articles (id) ON DELETE CASCADE,
  no               integer NOT NULL,
  state            text NOT NULL CHECK (state IN ('draft', 'review', 'published', 'superseded',
                     'expired')),
  current          boolean NOT NULL DEFAULT true,
  title            text NOT NULL,
  -- Markdown as the editor wrote it; the HTML rendered from it and sanitized; its plain text.
  body_source      text NOT NULL,
  body_html        text NOT NULL,
  body_text        text NOT NULL,
  summary          text,
  tags             text[] NOT NULL DEFAULT '{}',
  audience         text NOT NULL CHECK (audience IN ('agents', 'public')),
  category_id      uuid REFERENCES knowledge_categories (id),
  -- Order types and subtypes ('fault', 'fault.meter_fault'), with each subtype's type added.
  order_types      text[] NOT NULL DEFAULT '{}',
  effective_from   timestamptz,
  expires_at       timestamptz,
  -- jieba words with weights (title A, tags B, body C), written by the application; and the
  -- title and tag words alone, which the search ranks first (see knowledge/store/search.ts).
  search_vec       tsvector NOT NULL,
  head_vec         tsvector NOT NULL,
  -- Copied from the article for the search's filters.
  kind             text NOT NULL,
  scenario         text,
  unit_path        text NOT NULL,
  change_note      text,
  created_by       uuid,
  created_by_name  text NOT NULL,
  created_at       timestamptz NOT NULL,
  submitted_by     uuid,
  submitted_at     timestamptz,
  reviewed_by      uuid,
  reviewed_by_name text,
  reviewed_at      timestamptz,
  reject_reason    text,
  published_at     timestamptz,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (article_id, no)
);
-- Keep the rows the search scans narrow: bodies and the full word vector go out of line (TOAST)
-- above 1 kB, so the title-and-tag tier reads a few MB, not the whole text of every version.
ALTER TABLE knowledge_versions SET (toast_tuple_target = 1024);
CREATE INDEX knowledge_versions_search_idx ON knowledge_versions USING gin (search_vec)
  WHERE current;
CREATE INDEX knowledge_versions_head_idx ON knowledge_versions USING gin (head_vec)
  WHERE current;
CREATE INDEX knowledge_versions_state_idx ON knowledge_versions (state, updated_at DESC)
  WHERE current;
CREATE INDEX knowledge_versions_expiry_idx ON knowledge_versions (expires_at)
  WHERE state = 'published';

-- The approval flow as it happened: created, edited, submitted, approved, rejected (with the
-- reason), expired.
CREATE TABLE knowledge_events (
  id         uuid PRIMARY KEY,
  article_id uuid NOT NULL REFERENCES knowledge_articles (id) ON DELETE CASCADE,
  version_no integer NOT NULL,
  at         timestamptz NOT NULL,
  action     text NOT NULL,
  actor_id   uuid,
  actor_name text NOT NULL,
  note       text
);
CREATE INDEX knowledge_events_article_idx ON knowledge_events (article_id, at);

-- One vote per person and article: helpful or not.
CREATE TABLE knowledge_votes (
  article_id uuid NOT NULL REFERENCES knowledge_articles (id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users (id),
  helpful    boolean NOT NULL,
  at         timestamptz NOT NULL,
  PRIMARY KEY (article_id, user_id)
);

-- Each time an article was used: opened from a search, or a caller answered with it.
CREATE TABLE knowledge_usage (
  id          uuid PRIMARY KEY,
  article_id  uuid NOT NULL REFERENCES knowledge_articles (id) ON DELETE CASCADE,
  version_no  integer NOT NULL,
  user_id     uuid NOT NULL REFERENCES users (id),
  kind        text NOT NULL CHECK (kind IN ('opened', 'answered')),
  query       text,
  contact_id  uuid,
  org_id      uuid NOT NULL,
  province_id uuid,
  at          timestamptz NOT NULL
);
CREATE INDEX knowledge_usage_article_idx ON knowledge_usage (article_id, at);
CREATE INDEX knowledge_usage_user_idx ON knowledge_usage (user_id, at);
