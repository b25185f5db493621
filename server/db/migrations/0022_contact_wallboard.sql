-- The wall board (大屏, bench/wallboard.ts): today's calls of a center, counted by the hour.
--
-- The only time index on calls led with unit_path, so a center's day was found by reading its
-- whole history (a week of 100,000 calls a day: 6 s). This one finds a day's calls by their
-- arrival and carries what the count reads, so that the count can read the index alone.
CREATE INDEX contact_calls_arrival_idx ON contact_calls (first_seen_at)
  INCLUDE (unit_path, direction, state, outcome, answered_at, ended_at);

-- "Alone" holds for pages the visibility map marks all-visible, that is, vacuumed since their
-- rows last changed; every CTI event rewrites its call, so today's rows are the ones that change.
-- By the default scale factors a table of a year of calls waits for millions of changes before
-- autovacuum comes, and the day's count would visit every row of the day in the table as well
-- (p95 about twice as slow). Vacuum after every 10,000 changes or inserts instead, whatever the
-- size: each run reads only the pages changed since the last one.
ALTER TABLE contact_calls SET (
  autovacuum_vacuum_scale_factor = 0,
  autovacuum_vacuum_threshold = 10000,
  autovacuum_vacuum_insert_scale_factor = 0,
  autovacuum_vacuum_insert_threshold = 10000
);
