-- Jobs, their event log and their results. Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.

CREATE TABLE jobs (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner        VARCHAR(100)  NOT NULL,
    file_name    VARCHAR(255)  NOT NULL,
    stored_name  VARCHAR(100)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    progress     INTEGER       NOT NULL DEFAULT 0,
    message      VARCHAR(2000),
    error_code   VARCHAR(50),
    error        VARCHAR(4000),
    last_seq     BIGINT        NOT NULL DEFAULT 0,
    attempts     INTEGER       NOT NULL DEFAULT 0,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE
);

CREATE INDEX jobs_created_idx ON jobs (created_at);
CREATE INDEX jobs_status_idx ON jobs (status, created_at);
CREATE INDEX jobs_owner_idx ON jobs (owner, created_at);

-- One row per event; seq is gapless per job and assigned under the job row's lock.
CREATE TABLE job_events (
    job_id       VARCHAR(36)   NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    seq          BIGINT        NOT NULL,
    type         VARCHAR(20)   NOT NULL,
    stage        VARCHAR(20)   NOT NULL,
    progress     INTEGER       NOT NULL,
    message      VARCHAR(4000) NOT NULL,
    error_code   VARCHAR(50),
    epoch_millis BIGINT        NOT NULL,
    PRIMARY KEY (job_id, seq)
);

CREATE TABLE job_results (
    job_id       VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    insights     TEXT          NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
