-- Manual §三: requests of personal accounts to become an enterprise's operator.
CREATE TABLE operator_upgrade_request_view (
    request_id      VARCHAR(64)  PRIMARY KEY,
    account_id      VARCHAR(64)  NOT NULL,
    enterprise_id   VARCHAR(64)  NOT NULL,
    username        VARCHAR(64)  NOT NULL,
    owner_name      VARCHAR(100),
    document_type   VARCHAR(40),
    document_number VARCHAR(40),
    status          VARCHAR(16)  NOT NULL,
    reason          VARCHAR(200),
    requested_at    TIMESTAMPTZ  NOT NULL,
    decided_at      TIMESTAMPTZ,
    version         BIGINT       NOT NULL
);
CREATE INDEX operator_upgrade_request_enterprise ON operator_upgrade_request_view (enterprise_id, requested_at DESC);
