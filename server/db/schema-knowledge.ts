/** Kysely table types of the `knowledge` module (migration 0015_knowledge.sql), merged into DB. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface KnowledgeCategoriesTable {
  id: string;
  parent_id: Nullable<string>;
  name: string;
  position: Generated<number>;
  org_id: string;
  unit_path: string;
  province_id: Nullable<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KnowledgeArticlesTable {
  id: string;
  kind: string;
  scenario: Nullable<string>;
  demo: Generated<boolean>;
  live_no: Nullable<number>;
  working_no: Nullable<number>;
  latest_no: number;
  use_count: Generated<number>;
  helpful_count: Generated<number>;
  unhelpful_count: Generated<number>;
  created_by: Nullable<string>;
  org_id: string;
  unit_path: string;
  province_id: Nullable<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KnowledgeVersionsTable {
  article_id: string;
  no: number;
  state: string;
  current: Generated<boolean>;
  title: string;
  body_source: string;
  body_html: string;
  body_text: string;
  summary: Nullable<string>;
  tags: TextArray;
  audience: string;
  category_id: Nullable<string>;
  order_types: TextArray;
  effective_from: NullableTimestamp;
  expires_at: NullableTimestamp;
  /** Written as an SQL expression (see knowledge/text/search-words.ts); never read back. */
  search_vec: ColumnType<string, unknown, unknown>;
  /** The title and tag words alone (the search's first tier); written like search_vec. */
  head_vec: ColumnType<string, unknown, unknown>;
  kind: string;
  scenario: Nullable<string>;
  unit_path: string;
  change_note: Nullable<string>;
  created_by: Nullable<string>;
  created_by_name: string;
  created_at: Timestamp;
  submitted_by: Nullable<string>;
  submitted_at: NullableTimestamp;
  reviewed_by: Nullable<string>;
  reviewed_by_name: Nullable<string>;
  reviewed_at: NullableTimestamp;
  reject_reason: Nullable<string>;
  published_at: NullableTimestamp;
  updated_at: Timestamp;
}

export interface KnowledgeEventsTable {
  id: string;
  article_id: string;
  version_no: number;
  at: Timestamp;
  action: string;
  actor_id: Nullable<string>;
  actor_name: string;
  note: Nullable<string>;
}

export interface KnowledgeVotesTable {
  article_id: string;
  user_id: string;
  helpful: boolean;
  at: Timestamp;
}

export interface KnowledgeUsageTable {
  id: string;
  article_id: string;
  version_no: number;
  user_id: string;
  kind: string;
  query: Nullable<string>;
  contact_id: Nullable<string>;
  org_id: string;
  province_id: Nullable<string>;
  at: Timestamp;
}

export interface KnowledgeTables {
  knowledge_categories: KnowledgeCategoriesTable;
  knowledge_articles: KnowledgeArticlesTable;
  knowledge_versions: KnowledgeVersionsTable;
  knowledge_events: KnowledgeEventsTable;
  knowledge_votes: KnowledgeVotesTable;
  knowledge_usage: KnowledgeUsageTable;
}
