-- The sandbox's simulated providers (profile sandbox only, which adds this location to Flyway's): made after
-- every migration run where they are missing.
CREATE TABLE IF NOT EXISTS sandbox_registry_enterprise (
    uscc                      VARCHAR(18)  PRIMARY KEY,
    name                      VARCHAR(200) NOT NULL,
    org_code                  VARCHAR(9)   NOT NULL,
    legal_rep_name            VARCHAR(100) NOT NULL,
    legal_rep_document_type   VARCHAR(40)  NOT NULL,
    legal_rep_document_number VARCHAR(40)  NOT NULL,
    status                    VARCHAR(16)  NOT NULL
);

CREATE TABLE IF NOT EXISTS sandbox_person (
    document_number VARCHAR(40)  PRIMARY KEY,
    document_type   VARCHAR(40)  NOT NULL,
    name            VARCHAR(100) NOT NULL,
    id_valid_from   VARCHAR(8),
    id_valid_to     VARCHAR(8),
    in_ctid         BOOLEAN      NOT NULL
);

CREATE TABLE IF NOT EXISTS sandbox_bank_card (
    card_number     VARCHAR(32)  PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    document_type   VARCHAR(40)  NOT NULL,
    document_number VARCHAR(40)  NOT NULL,
    phone           VARCHAR(20)  NOT NULL
);

CREATE TABLE IF NOT EXISTS sandbox_sms_outbox (
    id      BIGSERIAL    PRIMARY KEY,
    phone   VARCHAR(20)  NOT NULL,
    text    VARCHAR(500) NOT NULL,
    sent_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX IF NOT EXISTS sandbox_sms_outbox_phone ON sandbox_sms_outbox (phone, id);
