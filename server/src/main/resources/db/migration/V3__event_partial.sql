-- A job_update may carry report sections that became ready before the whole report (JSON object, key → section).
ALTER TABLE job_events ADD COLUMN partial TEXT;
