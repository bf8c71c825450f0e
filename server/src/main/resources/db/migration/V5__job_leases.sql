-- Cluster mode: the instance running a job holds a lease it renews; when it stops renewing (the instance died),
-- another instance takes the job over. Unused (but harmless) on a single node.
ALTER TABLE jobs ADD COLUMN lease_owner VARCHAR(200);
ALTER TABLE jobs ADD COLUMN lease_expires_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX jobs_lease_idx ON jobs (status, lease_expires_at);
