-- Each claim of a job starts a run with an id of its own. A worker's events and result are stored only while its
-- run is the job's current one, so an instance that lost its lease (a long pause, a partition) and kept going
-- cannot write into the run of the instance that took the job over. NULL while no run holds the job.
ALTER TABLE jobs ADD COLUMN run_id VARCHAR(36);
