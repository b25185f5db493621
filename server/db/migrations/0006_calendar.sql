-- The working-day calendar (工作日历): each year's State Council holiday schedule, entered by an
-- administrator every November. A date is a working day when it is Monday–Friday and not inside a
-- holiday, or when it is a make-up working day (调休). A year without a row has no schedule, and
-- deadlines that reach into it are refused rather than guessed.

CREATE TABLE calendar_years (
  year       integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  -- [{ "name", "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" }]: statutory holidays, days off.
  holidays   jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(holidays) = 'array'),
  -- [{ "name", "date": "YYYY-MM-DD" }]: make-up working days on a Saturday or Sunday.
  workdays   jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(workdays) = 'array'),
  version    integer NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The schedules published for 2025 and 2026 (rules.md §4), the same as SEED_YEARS in
-- server/modules/calendar/years.ts.
INSERT INTO calendar_years (year, holidays, workdays) VALUES
  (2025,
   '[{"name":"元旦","from":"2025-01-01","to":"2025-01-01"},
     {"name":"春节","from":"2025-01-28","to":"2025-02-04"},
     {"name":"清明节","from":"2025-04-04","to":"2025-04-06"},
     {"name":"劳动节","from":"2025-05-01","to":"2025-05-05"},
     {"name":"端午节","from":"2025-05-31","to":"2025-06-02"},
     {"name":"国庆节、中秋节","from":"2025-10-01","to":"2025-10-08"}]',
   '[{"name":"春节调休","date":"2025-01-26"},
     {"name":"春节调休","date":"2025-02-08"},
     {"name":"劳动节调休","date":"2025-04-27"},
     {"name":"国庆节调休","date":"2025-09-28"},
     {"name":"国庆节调休","date":"2025-10-11"}]'),
  (2026,
   '[{"name":"元旦","from":"2026-01-01","to":"2026-01-03"},
     {"name":"春节","from":"2026-02-15","to":"2026-02-23"},
     {"name":"清明节","from":"2026-04-04","to":"2026-04-06"},
     {"name":"劳动节","from":"2026-05-01","to":"2026-05-05"},
     {"name":"端午节","from":"2026-06-19","to":"2026-06-21"},
     {"name":"中秋节","from":"2026-09-25","to":"2026-09-27"},
     {"name":"国庆节","from":"2026-10-01","to":"2026-10-07"}]',
   '[{"name":"元旦调休","date":"2026-01-04"},
     {"name":"春节调休","date":"2026-02-14"},
     {"name":"春节调休","date":"2026-02-28"},
     {"name":"劳动节调休","date":"2026-05-09"},
     {"name":"国庆节调休","date":"2026-09-20"},
     {"name":"国庆节调休","date":"2026-10-10"}]');
