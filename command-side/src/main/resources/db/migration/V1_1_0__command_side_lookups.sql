-- Set rules that span aggregates, checked in the command's own transaction (DESIGN.md, "Domain").

-- One enterprise user per unified social credit code.
CREATE TABLE enterprise_uscc (
    uscc          VARCHAR(18) PRIMARY KEY,
    enterprise_id VARCHAR(64) NOT NULL UNIQUE
);

-- Credentials stay out of the event history: a password hash is no audit fact and must be replaceable.
CREATE TABLE account_credential (
    account_id    VARCHAR(64)  PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL UNIQUE,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(32)  NOT NULL,
    enterprise_id VARCHAR(64),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX account_credential_enterprise ON account_credential (enterprise_id);

-- Manual §2.4: within one enterprise no two accounts' owners share a document number.
CREATE TABLE enterprise_owner_document (
    enterprise_id   VARCHAR(64) NOT NULL,
    document_number VARCHAR(40) NOT NULL,
    account_id      VARCHAR(64) NOT NULL,
    PRIMARY KEY (enterprise_id, document_number)
);
CREATE INDEX enterprise_owner_document_account ON enterprise_owner_document (account_id);

-- Refused logins per client address, for throttling across every node; rows older than the window are purged.
CREATE TABLE login_failure (
    id             BIGSERIAL    PRIMARY KEY,
    client_address VARCHAR(64)  NOT NULL,
    failed_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX login_failure_address ON login_failure (client_address, failed_at);

-- The sandbox's simulated enterprise registry (only the sandbox profile reads or writes it).
CREATE TABLE sandbox_registry_enterprise (
    uscc                      VARCHAR(18)  PRIMARY KEY,
    name                      VARCHAR(200) NOT NULL,
    org_code                  VARCHAR(9)   NOT NULL,
    legal_rep_name            VARCHAR(100) NOT NULL,
    legal_rep_document_type   VARCHAR(40)  NOT NULL,
    legal_rep_document_number VARCHAR(40)  NOT NULL,
    status                    VARCHAR(16)  NOT NULL
);
