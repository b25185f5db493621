-- Crews sent to outages (issue 6 items 4, 5, 8): a job may now be for an outage instead of a fault
-- order; a job the crew had not yet set out on can be closed by the dispatcher or by the system
-- (its order was linked to an outage, or the outage ended without it); photos of a job that has
-- no order to carry them.

-- 'cancelled': closed before the crew set out (re-dispatched, order linked, outage over).
ALTER TABLE repair_jobs DROP CONSTRAINT repair_jobs_state_check;
ALTER TABLE repair_jobs ADD CONSTRAINT repair_jobs_state_check
  CHECK (state IN ('offered', 'accepted', 'sent_back', 'en_route', 'on_site', 'done', 'cancelled'));
ALTER TABLE repair_jobs ADD COLUMN cancelled_at timestamptz;
ALTER TABLE repair_jobs ADD COLUMN cancel_reason text;

CREATE INDEX repair_jobs_outage_idx ON repair_jobs (outage_id, offered_at DESC)
  WHERE outage_id IS NOT NULL;
-- One live job per outage, as per order: a second dispatch fails instead of doubling up.
CREATE UNIQUE INDEX repair_jobs_one_live_outage_idx ON repair_jobs (outage_id)
  WHERE state IN ('offered', 'accepted', 'en_route', 'on_site') AND outage_id IS NOT NULL;

-- Photos taken by the crew on a job. Order jobs keep theirs as order attachments; an outage job
-- has no order, so its photos live here, checked by their bytes and stored like attachments.
CREATE TABLE repair_job_photos (
  id           uuid PRIMARY KEY,
  job_id       uuid NOT NULL REFERENCES repair_jobs (id),
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
CREATE INDEX repair_job_photos_job_idx ON repair_job_photos (job_id, created_at);
