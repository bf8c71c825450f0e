-- Accounts, credentials and sharing. Secrets (session ids, API tokens, share-link tokens) are stored only as
-- SHA-256 hex digests; passwords as bcrypt hashes. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

CREATE TABLE users (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    username       VARCHAR(40)   NOT NULL UNIQUE,
    password_hash  VARCHAR(100)  NOT NULL,
    role           VARCHAR(10)   NOT NULL,
    enabled        BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Browser sessions: the cookie holds the secret, this table its digest.
CREATE TABLE sessions (
    digest         VARCHAR(64)   NOT NULL PRIMARY KEY,
    user_id        VARCHAR(36)   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Personal API tokens, shown once at creation.
CREATE TABLE api_tokens (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    user_id        VARCHAR(36)   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name           VARCHAR(100)  NOT NULL,
    digest         VARCHAR(64)   NOT NULL UNIQUE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE,
    last_used_at   TIMESTAMP WITH TIME ZONE,
    revoked_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- A job shared read-only with a named user.
CREATE TABLE job_shares (
    job_id         VARCHAR(36)   NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    user_id        VARCHAR(36)   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (job_id, user_id)
);

CREATE INDEX job_shares_user_idx ON job_shares (user_id);

-- Revocable read-only links; whoever opens one while signed in is recorded in share_link_grants.
CREATE TABLE share_links (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    job_id         VARCHAR(36)   NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    digest         VARCHAR(64)   NOT NULL UNIQUE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX share_links_job_idx ON share_links (job_id);

CREATE TABLE share_link_grants (
    link_id        VARCHAR(36)   NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
    user_id        VARCHAR(36)   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (link_id, user_id)
);

CREATE INDEX share_link_grants_user_idx ON share_link_grants (user_id);
