-- The certification overview is derived from the state of each method; the enterprise row no longer keeps it.
ALTER TABLE enterprise_view DROP COLUMN security_level;
ALTER TABLE enterprise_view DROP COLUMN enterprise_info_verified;
ALTER TABLE enterprise_view DROP COLUMN owner_identity_verified;

-- One row per enterprise and method that has ever been attempted; a missing row is NOT_STARTED.
CREATE TABLE method_status_view (
    enterprise_id            VARCHAR(64) NOT NULL,
    method                   VARCHAR(16) NOT NULL,
    status                   VARCHAR(16) NOT NULL,
    security_level           VARCHAR(8)  NOT NULL,
    verified_enterprise_info BOOLEAN     NOT NULL,
    verified_owner_identity  BOOLEAN     NOT NULL,
    passed_at                TIMESTAMPTZ,
    last_attempt_at          TIMESTAMPTZ,
    current_step             VARCHAR(32),
    PRIMARY KEY (enterprise_id, method)
);

CREATE TABLE certification_attempt_view (
    attempt_id    VARCHAR(64)  PRIMARY KEY,
    enterprise_id VARCHAR(64)  NOT NULL,
    method        VARCHAR(16)  NOT NULL,
    step          VARCHAR(32)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL,
    finished_at   TIMESTAMPTZ,
    failure_code  VARCHAR(64),
    version       BIGINT       NOT NULL
);
-- Cursor paging, newest first.
CREATE INDEX certification_attempt_enterprise ON certification_attempt_view (enterprise_id, started_at DESC, attempt_id DESC);
